import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../src/core/a1.js';
import { consolidate } from '../../../src/core/consolidate/index.js';
import { anomaliesSheet, buildConsolidatedWorkbook } from '../../../src/core/consolidated-workbook/index.js';
import { computeProgress, defaultPlan } from '../../../src/core/objectives/index.js';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, estimateRowHeight, widthForWords } from '../../../src/core/text-layout.js';
import type { ValidationIssue } from '../../../src/core/records.js';
import type { SheetModel } from '../../../src/core/workbook-model.js';
import { anomaliesSheetModel } from '../../../src/hosts/office/anomalies.js';
import { validReturn } from '../../fixtures/returns.js';
import { rec, siretOf } from '../consolidate/arbitraries.js';

const long = 'Le nombre de personnes en insertion dépasse très largement celui de l\u2019année précédente : vérifiez la saisie, puis confirmez ou corrigez la valeur dans le formulaire. '.repeat(2);
const result = consolidate({
  records: [
    rec({ ...validReturn(), siret: siretOf(1) }, 'formulaires/siae-93.xlsx', 'Retour SIAE'),
    rec({ ...validReturn(), siret: siretOf(2), departement: '75', type_siae: 'EI' }, 'reseaux/reseau-75.xlsx', 'Retours', 8),
  ],
  issues: [{ code: 'rule-violation', severity: 'avertissement', file: 'reseaux/reseau-75.xlsx', sheet: 'Retours', row: 8, cell: 'K8', message: long }],
});
const model = buildConsolidatedWorkbook({ result, progress: computeProgress(defaultPlan(), result), planName: 'Plan par défaut' });
const width = (s: SheetModel, col: number) => s.columns?.[col - 1]?.width ?? DEFAULT_COLUMN_WIDTH;
const height = (s: SheetModel, row: number) => s.rowHeights?.find((h) => h.row === row)?.height ?? DEFAULT_ROW_HEIGHT;

describe('the consolidated workbook, sized with the one estimator', () => {
  it('gives every wrapped text a row tall enough (merged notes included)', () => {
    const short: string[] = [];
    for (const s of model.sheets) {
      for (const c of s.cells) {
        if (!c.style?.wrap || typeof c.value !== 'string' || c.value === '') continue;
        const merge = (s.merges ?? []).map(parseRange).find((m) => m.top === c.row && m.left === c.col);
        let w = width(s, c.col);
        if (merge) for (let k = merge.left + 1; k <= merge.right; k++) w += width(s, k);
        if (estimateRowHeight(c.value, w, c.style.fontSize, c.style.bold) > height(s, c.row)) short.push(`${s.name} ${c.row},${c.col}`);
      }
    }
    expect(short).toEqual([]);
    // The long message did need several lines.
    const a = model.sheets.find((s) => s.name === 'Anomalies')!;
    expect(a.rowHeights!.some((h) => h.height >= 3 * DEFAULT_ROW_HEIGHT)).toBe(true);
  });

  it('makes every column wide enough for each word of its header', () => {
    const cut: string[] = [];
    for (const s of model.sheets)
      for (const t of s.tables ?? []) {
        const { top, left } = parseRange(t.topLeft);
        t.columns.forEach((h, i) => {
          if (widthForWords(h, 11, true) > width(s, left + i)) cut.push(`${s.name} « ${h} » (ligne ${top})`);
        });
      }
    expect(cut).toEqual([]);
  });

  it('is one anomalies builder: the Excel host gets the same sheet, renamed, with links to its own cells', () => {
    const issue: ValidationIssue = { code: 'type-error', severity: 'erreur', file: 'Classeur ouvert', sheet: 'Retours', cell: 'C9', message: 'Pas un nombre.' };
    const core = anomaliesSheet([issue]);
    const host = anomaliesSheetModel([issue], 'Classeur ouvert');
    expect(host.name).toBe('IAE – Anomalies');
    expect(host.tables).toEqual(core.tables);
    expect(host.columns).toEqual(core.columns);
    const link = host.cells.find((c) => c.value === 'C9')!;
    expect(link.formula).toBe(`HYPERLINK("#'Retours'!C9","C9")`);
    expect(core.cells.find((c) => c.value === 'C9')!.formula).toBeUndefined();
    // Same cells otherwise.
    const plain = (s: SheetModel) => s.cells.filter((c) => c.row > 2).map(({ row, col, value }) => ({ row, col, value }));
    expect(plain(host)).toEqual(plain(core));
  });
});
