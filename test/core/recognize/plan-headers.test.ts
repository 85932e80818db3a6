import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../src/core/objectives/index.js';
import { recognizeWorkbook, type PlanLocation } from '../../../src/core/recognize/index.js';
import { META_SHEET, NAME_SCHEMA_VERSION, NAME_TEMPLATE_KIND, siaeInputName } from '../../../src/core/template-layout.js';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { DEFAULT_SETTINGS, INDICATORS, SCHEMA_VERSION, type IndicatorDef } from '../../../src/schema/index.js';
import { validRow } from '../validate/xlsx-builders.js';

const settings = DEFAULT_SETTINGS;
const defs = INDICATORS as readonly IndicatorDef[];
const label = (code: string) => defs.find((d) => d.code === code)!.label;

/** A real xlsx file: one sheet per entry, rows from row `top`, read back with the project's reader. */
async function xlsx(file: string, sheets: Record<string, { top?: number; rows: ExcelJS.CellValue[][] }>, build?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  for (const [name, { top = 1, rows }] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => (ws.getRow(top + i).values = r));
  }
  build?.(wb);
  return readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), file);
}

describe('plan headers written short', () => {
  // "Type de SIAE" and "Sens" for the template's "Type de SIAE (facultatif)" and "Sens (hausse / baisse)".
  const headers = ['Objectif', 'Indicateur', 'Périmètre', 'Type de SIAE', 'Valeur de référence', 'Cible', 'Année cible', 'Sens', 'Commentaire'];
  const rows: ExcelJS.CellValue[][] = [
    ['211', 'taux_sorties_dynamiques', 'Région', 'ACI', '50 %', '60 %', 2028, 'baisse', 'à revoir'],
    ['41', 'etp_realises', '93', 'Entreprise d’insertion', 7000, 7500, 2028, 'Baisse', null],
    ['21', 'personnes', 'Région', 'SCOP', 28000, 30000, 2028, 'stable', null],
  ];

  it('validation reads the type and sens columns and only warns about a really unknown column', async () => {
    const book = await xlsx('plan-court.xlsx', { Plan: { top: 2, rows: [headers, ...rows] } });
    const f = validateWorkbooks([book], settings).files[0]!;
    expect(f.template).toMatchObject({ kind: 'plan', via: 'structure' });
    expect(f.counts.rows).toBe(3);
    // The bad type and sens of row 5 are checked at their cells: both columns are read.
    expect(f.issues.map((i) => [i.code, i.cell])).toEqual([
      ['extra-label', 'I2'],
      ['constraint-error', 'D5'],
      ['constraint-error', 'H5'],
    ]);
    expect(f.issues[0]!.message).toContain('« Commentaire »');
    expect(f.issues[1]!.message).toContain('Type de SIAE « SCOP » inconnu');
    expect(f.issues[2]!.message).toContain('Sens « stable » inconnu');

    const loc = recognizeWorkbook(book).recognition.locations[0] as PlanLocation;
    expect(loc.columns.filter((c) => c.key === 'type_siae' || c.key === 'sens')).toEqual([
      { col: 4, header: 'Type de SIAE', key: 'type_siae' },
      { col: 8, header: 'Sens', key: 'sens' },
    ]);
  });

  it('readPlan reads the targets with their type and sens, and the same issues', async () => {
    const book = await xlsx('plan-court.xlsx', { Plan: { top: 2, rows: [headers, ...rows] } });
    const plan = readPlan(book, settings);
    // Without the sens column, 60 % over 50 % and 7 500 over 7 000 would both be a rise.
    expect(plan.targets.map((t) => [t.indicateur, t.departement, t.kind, t.valeurReference, t.cible, t.sens])).toEqual([
      ['taux_sorties_dynamiques', null, 'ACI', 0.5, 0.6, 'baisse'],
      ['etp_realises', '93', 'EI', 7000, 7500, 'baisse'],
    ]);
    expect(plan.issues.map((i) => [i.code, i.cell])).toEqual([
      ['extra-label', 'I2'],
      ['constraint-error', 'D5'],
      ['constraint-error', 'H5'],
    ]);
  });
});

describe('a plan found by its headers, listing collected indicators', () => {
  // Codes and labels of collected indicators in the "Indicateur" column: a column of indicator labels.
  const listed = ['personnes', label('femmes'), 'etp_conventionnes', label('rsa')];
  const planRows: ExcelJS.CellValue[][] = [['Objectif', 'Indicateur', 'Périmètre', 'Cible'], ...listed.map((ind, i) => ['21', ind, i % 2 ? '93' : 'Région', 100 + i])];

  it('is recognised as a plan by validation and read by readPlan', async () => {
    const book = await xlsx('plan-saisi.xlsx', { 'Plan 2026': { rows: planRows } });
    const f = validateWorkbooks([book], settings).files[0]!;
    expect(f.template).toMatchObject({ kind: 'plan', via: 'structure' });
    expect(f.issues).toEqual([]);
    expect(f.counts.rows).toBe(4);
    expect(f.records).toEqual([]);

    const plan = readPlan(book, settings);
    expect(plan.issues).toEqual([]);
    expect(plan.targets.map((t) => [t.indicateur, t.departement, t.cible])).toEqual([
      ['personnes', null, 100],
      ['femmes', '93', 101],
      ['etp_conventionnes', null, 102],
      ['rsa', '93', 103],
    ]);
    expect(plan.targets[0]!.source).toEqual({ file: 'plan-saisi.xlsx', sheet: 'Plan 2026', row: 2 });
  });

  it('the same indicator column without the plan header row is a form: the headers decide', async () => {
    const book = await xlsx('liste.xlsx', { Liste: { rows: planRows.slice(1).map((r) => [r[1], r[3]]) } });
    const { recognition } = recognizeWorkbook(book);
    expect(recognition.kind).toBe('siae');
    expect(recognition.locations[0]).toMatchObject({ kind: 'siae', via: 'labels', sheet: 'Liste' });
  });

  it('given as a plan, a plan typed into a copy of the SIAE form is read; validation still sees the form', async () => {
    const book = await xlsx('formulaire-et-plan.xlsx', { 'Retour SIAE': { rows: defs.map((d) => [d.label, validRow()[d.code] as ExcelJS.CellValue]) }, Plan: { rows: planRows } }, (wb) => {
      defs.forEach((d, i) => wb.definedNames.add(`'Retour SIAE'!$B$${i + 1}`, siaeInputName(d.code)));
      const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
      meta.getCell('A1').value = 'siae';
      meta.getCell('A2').value = SCHEMA_VERSION;
      wb.definedNames.add(`${META_SHEET}!$A$1`, NAME_TEMPLATE_KIND);
      wb.definedNames.add(`${META_SHEET}!$A$2`, NAME_SCHEMA_VERSION);
    });
    expect(validateWorkbooks([book], settings).files[0]!.template).toMatchObject({ kind: 'siae', via: 'metadata' });
    expect(recognizeWorkbook(book, { expect: 'plan' }).recognition).toMatchObject({ kind: 'plan', via: 'structure', locations: [{ kind: 'plan', sheet: 'Plan', via: 'headers' }] });
    const plan = readPlan(book, settings);
    expect(plan.issues).toEqual([]);
    expect(plan.targets.map((t) => t.indicateur)).toEqual(['personnes', 'femmes', 'etp_conventionnes', 'rsa']);
  });
});

describe('an SIAE form found by its labels', () => {
  it('is still a form, with a title row naming one plan column ("Indicateur")', async () => {
    const values = validRow({ personnes: 42 });
    const book = await xlsx('formulaire-libre.xlsx', { Formulaire: { rows: [['Indicateur', 'Valeur', 'Commentaire'], ...defs.map((d) => [d.label, values[d.code] as ExcelJS.CellValue])] } });
    const f = validateWorkbooks([book], settings).files[0]!;
    expect(f.template).toMatchObject({ kind: 'siae', via: 'structure' });
    expect(f.issues.filter((i) => i.severity === 'erreur')).toEqual([]);
    expect(f.records).toHaveLength(1);
    expect(f.records[0]!.values.personnes).toBe(42);
    expect(f.records[0]!.source.cells?.personnes).toBe(`B${2 + defs.findIndex((d) => d.code === 'personnes')}`);
  });
});
