import { describe, expect, it } from 'vitest';
import {
  LEGEND,
  SECRET_MARK,
  auditTable,
  buildPublicWorkbook,
  colsOf,
  rowsOf,
} from '../../../src/core/diffusion/index.js';
import type { CellModel, SheetModel } from '../../../src/core/workbook-model.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { demoConsolidation, twoYearConsolidation } from './demo-result.js';
import { CODE, networks } from './demo-networks.js';

const { result, records } = demoConsolidation();
const cellAt = (sheet: SheetModel, row: number, col: number): CellModel | undefined => sheet.cells.find((c) => c.row === row && c.col === col);

describe('tableaux branchés sur la version diffusable', () => {
  const pv = buildPublicWorkbook(result, S, undefined, { extras: [networks] });

  it('protège un tableau par réseau avec le tableau des départements dont il reprend la ligne région, et l\'audite avec lui', () => {
    const sheet = pv.workbook.sheets.find((s) => s.name === 'Par réseau')!;
    expect(sheet.cells.some((c) => c.value === LEGEND)).toBe(true);
    const p = pv.tables.find((t) => t.table.id === 'justice_reseaux')!;
    const base = pv.tables.find((t) => t.table.id === CODE)!;
    const t = p.table;
    const C = colsOf(t);
    // Seine-et-Marne alone: its EI (4 people) and ETTI (2 SIAE) are hidden by the rules, and
    // something else in each of their columns, never the region row the other table publishes.
    expect(p.hidden.get(C)).toBe('petit_effectif');
    expect(p.hidden.get(C + 3)).toBe('peu_de_siae');
    expect([...p.hidden.keys()].filter((i) => i % C === 0).length).toBeGreaterThanOrEqual(2);
    for (let c = 0; c < C; c++) {
      expect(p.hidden.has((rowsOf(t) - 1) * C + c)).toBe(base.hidden.has(8 * C + c));
      // Paris alone is published in the département table: so here, whatever the cost.
      expect(p.hidden.has(c)).toBe(base.hidden.has(c));
    }
    const title = sheet.cells.find((c) => c.value === t.title)!;
    for (let i = 0; i < t.values.length; i++) {
      const shown = cellAt(sheet, title.row + 2 + Math.floor(i / C), 2 + (i % C))?.value;
      expect(shown).toBe(p.hidden.has(i) ? SECRET_MARK : t.values[i]);
    }
    expect(pv.audit.filter((e) => e.table === 'justice_reseaux')).toHaveLength(p.hidden.size);
    expect(pv.audit.filter((e) => e.table === CODE)).toHaveLength(base.hidden.size);
    expect(pv.audit.every((e) => e.ok)).toBe(true);
    // Alone, the network table's pattern also holds (its region row is published).
    expect(auditTable(t, new Set(p.hidden.keys()), S).ok).toBe(true);
    // Published back, one hidden network EI cell would give the other away.
    const weak = new Set([...p.hidden.keys()].filter((i) => i === C || i % C !== 0));
    expect(auditTable(t, weak, S).ok).toBe(false);
  });

  it('refuse un tableau qui reprend un tableau absent', () => {
    expect(() =>
      buildPublicWorkbook(result, S, undefined, { extras: [{ ...networks, shared: () => [{ table: 'inconnu', baseCell: 0, cell: 0 }] }] }),
    ).toThrow(/« inconnu »/);
  });

  it('publie l\'évolution entre deux années : chaque année protégée à part, l\'écart seulement où les deux sont publiées', () => {
    const both = twoYearConsolidation(records);
    const two = buildPublicWorkbook(both, S, undefined, { evolution: { sheet: 'Évolution', tables: ['personnes', 'sous_main_justice'] } });
    const sheet = two.workbook.sheets.find((s) => s.name === 'Évolution')!;
    expect(sheet.cells.some((c) => c.value === LEGEND)).toBe(true);
    for (const id of ['personnes', 'sous_main_justice']) {
      const now = two.tables.find((t) => t.table.id === id)!;
      const before = two.tables.find((t) => t.table.id === `${id}_2012`)!;
      expect(before.audit.ok).toBe(true);
      const title = sheet.cells.find((c) => typeof c.value === 'string' && c.value.startsWith(`${now.table.title} : évolution 2012`))!;
      const C = colsOf(now.table);
      let hidden = 0;
      for (let i = 0; i < now.table.values.length; i++) {
        const shown = cellAt(sheet, title.row + 2 + Math.floor(i / C), 2 + (i % C))?.value;
        if (now.hidden.has(i) || before.hidden.has(i)) {
          expect(shown).toBe(SECRET_MARK);
          hidden++;
        } else expect(shown).toBe(now.table.values[i]! - before.table.values[i]!);
      }
      expect(hidden).toBeGreaterThan(0);
    }
    expect(two.audit.some((e) => e.table === 'sous_main_justice_2012')).toBe(true);
    expect(two.audit.every((e) => e.ok)).toBe(true);
  });
});
