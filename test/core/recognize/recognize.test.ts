import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recognizeWorkbook } from '../../../src/core/recognize/index.js';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { META_SHEET, NAME_SCHEMA_VERSION, NAME_TEMPLATE_KIND, PLAN_COLUMNS, siaeInputName } from '../../../src/core/template-layout.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { INDICATORS, type IndicatorDef } from '../../../src/schema/index.js';
import { validRow } from '../validate/xlsx-builders.js';

const defs = INDICATORS as readonly IndicatorDef[];

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An SIAE form: labels in B, values in C, each input cell named IAE_<code>, metadata in a very hidden sheet. */
async function siaeForm(values: Record<string, unknown>, meta?: { kind: string; version: string }, names = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Retour SIAE');
  ws.getCell('B1').value = 'Retour annuel';
  defs.forEach((d, i) => {
    const r = 3 + i;
    ws.getCell(r, 2).value = d.label;
    const v = values[d.code];
    if (v !== undefined) ws.getCell(r, 3).value = v as ExcelJS.CellValue;
    if (names) wb.definedNames.add(`'Retour SIAE'!$C$${r}`, siaeInputName(d.code));
  });
  if (meta) {
    const m = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    m.getCell('A1').value = meta.kind;
    m.getCell('A2').value = meta.version;
    wb.definedNames.add(`${META_SHEET}!$A$1`, NAME_TEMPLATE_KIND);
    wb.definedNames.add(`${META_SHEET}!$A$2`, NAME_SCHEMA_VERSION);
  }
  return bytesOf(wb);
}

describe('recognition', () => {
  it('an SIAE form by its metadata and defined names; an older version is outdated-template', async () => {
    const book = readXlsx(await siaeForm(validRow(), { kind: 'siae', version: '0.9.0' }), 'form.xlsx');
    const { recognition, issues } = recognizeWorkbook(book);
    expect(recognition).toMatchObject({ kind: 'siae', version: '0.9.0', via: 'metadata' });
    expect(recognition.locations[0]).toMatchObject({ kind: 'siae', via: 'names', sheet: 'Retour SIAE' });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['outdated-template', 'avertissement']]);
    expect(issues[0]!.message).toContain('1.0.0');
  });

  it('an SIAE form without names, by its label column; values checked at their cells', async () => {
    const book = readXlsx(await siaeForm(validRow({ personnes: 'trente' }), undefined, false), 'sans-noms.xlsx');
    const report = validateWorkbooks([book]);
    const f = report.files[0]!;
    expect(f.template).toMatchObject({ kind: 'siae', via: 'structure' });
    const row = 3 + defs.findIndex((d) => d.code === 'personnes');
    expect(f.issues.find((i) => i.code === 'type-error')).toMatchObject({ cell: `C${row}`, indicator: 'personnes', value: 'trente' });
    expect(f.records[0]!.source.cells?.siret).toBe('C3');
    expect(f.records[0]!.source.row).toBeUndefined();
  });

  it('a form missing a required line reports missing-label', async () => {
    const values = validRow();
    const book = readXlsx(await siaeForm(values), 'f.xlsx');
    // Drop the "Personnes en insertion" name by renaming it in a copy.
    const names = book.definedNames.filter((n) => n.name !== siaeInputName('personnes'));
    const f = validateWorkbooks([{ ...book, definedNames: names }]).files[0]!;
    expect(f.issues.filter((i) => i.code === 'missing-label').map((i) => i.indicator)).toEqual(['personnes']);
  });

  it('an action plan by its headers: unknown indicator, scope outside the region, non-numeric target', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Objectifs');
    ws.getRow(1).values = PLAN_COLUMNS.map((c) => c.header);
    const col = (k: string) => PLAN_COLUMNS.findIndex((c) => c.key === k) + 1;
    const put = (r: number, k: string, v: ExcelJS.CellValue) => (ws.getCell(r, col(k)).value = v);
    put(2, 'indicateur', 'taux_sorties_dynamiques');
    put(2, 'perimetre', 'Région');
    put(2, 'cible', '60 %');
    put(3, 'indicateur', 'inconnu_xyz');
    put(3, 'perimetre', '13');
    put(3, 'cible', 'beaucoup');
    put(4, 'indicateur', 'personnes');
    put(4, 'perimetre', '93');
    put(4, 'cible', 1200);
    const f = validateWorkbooks([readXlsx(await bytesOf(wb), 'plan.xlsx')]).files[0]!;
    expect(f.template.kind).toBe('plan');
    const L = (k: string) => String.fromCharCode(64 + col(k));
    expect(f.issues.map((i) => [i.code, i.cell])).toEqual([
      ['constraint-error', `${L('indicateur')}3`],
      ['constraint-error', `${L('perimetre')}3`],
      ['type-error', `${L('cible')}3`],
    ]);
    // A percentage for a count is refused.
    ws.getCell(4, col('cible')).value = '50 %';
    const g = validateWorkbooks([readXlsx(await bytesOf(wb), 'plan2.xlsx')]).files[0]!;
    expect(g.issues.filter((i) => i.row === 4).map((i) => [i.code, i.cell])).toEqual([['type-error', `${L('cible')}4`]]);
  });
});
