import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { consolidate, figureLabel } from '../../../src/core/consolidate/index.js';
import { progressionSheet } from '../../../src/core/consolidated-workbook/index.js';
import { computeProgress, locatePlan, parsePlanRows, readPlan, readPlanNumber } from '../../../src/core/objectives/index.js';
import { recognizeWorkbook, type PlanLocation } from '../../../src/core/recognize/index.js';
import type { ValidationIssue } from '../../../src/core/records.js';
import { buildPlanTemplate, planTemplateRows, planWorkbook, PLAN_HEADER_ROW } from '../../../src/core/templates/index.js';
import { PLAN_COLUMNS, PLAN_SHEET } from '../../../src/core/template-layout.js';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { PLAN_SAMPLE_ROWS, planSample } from '../../fixtures/samples.js';

const settings = DEFAULT_SETTINGS;
const col = (key: string) => PLAN_COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: string) => String.fromCharCode(64 + col(key));
const where = (issues: readonly ValidationIssue[]) => issues.map((i) => `${i.code}@${i.cell}`);

/** The plan issues validation reports on a workbook (recognition's own warnings aside). */
function validationIssues(book: Parameters<typeof readPlan>[0]): ValidationIssue[] {
  const f = validateWorkbooks([book], settings).files[0]!;
  expect(f.template.kind).toBe('plan');
  return f.issues.filter((i) => i.code !== 'extra-label');
}

describe('parsePlanRows: the one reader of plan rows', () => {
  it('reads the filled sample plan (real xlsx) into its targets, as validation and readPlan both see it', async () => {
    const book = readXlsx(new Uint8Array(readFileSync(await planSample())), 'plan-rempli.xlsx');
    const loc = recognizeWorkbook(book).recognition.locations[0] as PlanLocation;
    expect(loc.kind).toBe('plan');
    const parsed = parsePlanRows(book, book.sheets.find((s) => s.name === loc.sheet)!, loc, settings);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toBe(PLAN_SAMPLE_ROWS.length);
    expect(parsed.targets.map((t) => ({ o: t.objectif, i: t.indicateur, p: t.departement ?? 'Région', k: t.kind ?? undefined, c: t.cible, r: t.valeurReference, s: t.sens, e: t.exemple }))).toEqual(
      PLAN_SAMPLE_ROWS.map((r) => ({ o: r.objectif, i: r.indicateur, p: r.perimetre, k: r.type_siae, c: r.cible, r: r.valeur_reference, s: r.sens, e: false })),
    );
    parsed.targets.forEach((t, i) => expect(t.source).toEqual({ file: 'plan-rempli.xlsx', sheet: PLAN_SHEET, row: PLAN_HEADER_ROW + 1 + i }));

    expect(readPlan(book, settings).targets).toEqual(parsed.targets);
    const report = validateWorkbooks([book], settings).files[0]!;
    expect(report.issues).toEqual([]);
    expect(report.counts.rows).toBe(PLAN_SAMPLE_ROWS.length);
  });

  it('example rows: the untouched template gives no issue, and its examples are targets flagged exemple', async () => {
    const book = readXlsx(await writeWorkbookModel(buildPlanTemplate(settings)), 'modele-plan-actions.xlsx');
    const examples = planTemplateRows(settings).filter((r) => r.exemple === 'oui');
    expect(validateWorkbooks([book], settings).files[0]!.issues).toEqual([]);
    const plan = readPlan(book, settings);
    expect(plan.issues).toEqual([]);
    expect(plan.targets).toHaveLength(examples.length);
    expect(plan.targets.every((t) => t.exemple)).toBe(true);
    expect(plan.targets.map((t) => t.indicateur)).toEqual(examples.map((e) => e.indicateur));
  });

  it('an example row edited badly but still marked oui is checked like any row, the same way by both readers', async () => {
    const rows = planTemplateRows(settings);
    const i = rows.findIndex((r) => r.exemple === 'oui');
    const edited = rows.map((r, j) => (j === i ? { ...r, perimetre: '13' } : r));
    const book = readXlsx(await writeWorkbookModel(planWorkbook(settings, edited)), 'plan.xlsx');
    const plan = readPlan(book, settings);
    const cell = `${letter('perimetre')}${PLAN_HEADER_ROW + 1 + i}`;
    expect(where(plan.issues)).toEqual([`constraint-error@${cell}`]);
    expect(plan.issues[0]!.message).toMatch(/Périmètre « 13 » non admis.*feuille « Objectifs », cellule/);
    expect(plan.targets).toHaveLength(rows.filter((r) => r.exemple === 'oui').length - 1);
    expect(validationIssues(book)).toEqual(plan.issues);
  });

  it('reads a hand-made plan with messy values; validation reports exactly the issues consolidation leaves rows out for', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'Plan départemental 2026';
    const ws = wb.addWorksheet('Mes cibles');
    ws.getCell('A1').value = 'Cibles du plan';
    const headers = ['Objectif', 'Indicateur', 'Périmètre', 'Type de SIAE', 'Valeur de référence', 'Année de référence', 'Cible', 'Année cible', 'Sens', 'Exemple à remplacer'];
    const rows: ExcelJS.CellValue[][] = [
      ['211', 'part_detld', 'Région', null, '42 %', '2013', '45 %', 2028, 'hausse', 'non'],
      ['211', 'part_detld', '93 - Seine-Saint-Denis', 'aci', 0.4, 2013, 45, '2028', 'Hausse', null],
      ['211 – Public éloigné', figureLabel('part_detld'), '093', "Atelier chantier d'insertion", '0,4', null, '0,45', null, null, null],
      [212, 'taux_sorties_dynamiques', 'Seine-Saint-Denis', 'Tous', null, null, '60', null, null, 'OUI'],
      ['21', 'personnes', 'Île-de-France', 'ETTI', '28 000', 2013, '30\u00a0000', 2028, 'hausse', 'x'],
      ['41', 'etp_realises', 94, null, '7 055,5', null, '7 000', null, null, 'non'],
      [],
      ['21', 'personnes', '13', null, null, null, '50 %', '28', 'vers le haut', null],
      ['99', 'inconnu', 'Région', 'SCOP', '-5', null, { error: '#N/A' }, null, null, null],
      ['22', 'taux_sorties_dynamiques', 'Région', null, null, null, null, 2028, null, null],
    ];
    ws.getRow(3).values = headers;
    rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
    const book = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'plan-maison.xlsx');

    const located = locatePlan(book);
    expect(located.location).toMatchObject({ sheet: 'Mes cibles', headerRow: 3, via: 'headers' });
    // "Type de SIAE" is the short form of "Type de SIAE (facultatif)": read, not reported unknown.
    expect(located.issues).toEqual([]);

    const plan = readPlan(book, settings);
    expect(plan.targets.map((t) => [t.objectif, t.indicateur, t.departement, t.kind, t.valeurReference, t.anneeReference, t.cible, t.anneeCible, t.sens, t.exemple])).toEqual([
      ['211', 'part_detld', null, null, 0.42, 2013, 0.45, 2028, 'hausse', false],
      ['211', 'part_detld', '93', 'ACI', 0.4, 2013, 0.45, 2028, 'hausse', false],
      ['211', 'part_detld', '93', 'ACI', 0.4, undefined, 0.45, undefined, 'hausse', false],
      ['212', 'taux_sorties_dynamiques', '93', null, undefined, undefined, 0.6, undefined, 'hausse', true],
      ['21', 'personnes', null, 'ETTI', 28000, 2013, 30000, 2028, 'hausse', true],
      ['41', 'etp_realises', '94', null, 7055.5, undefined, 7000, undefined, 'baisse', false],
    ]);
    expect(where(plan.issues)).toEqual([
      'constraint-error@C11',
      'type-error@G11',
      'type-error@H11',
      'constraint-error@I11',
      'constraint-error@A12',
      'constraint-error@B12',
      'constraint-error@D12',
      'constraint-error@E12',
      'type-error@G12',
      'missing-cell@G13',
    ]);
    for (const i of plan.issues) {
      expect(i).toMatchObject({ severity: 'erreur', file: 'plan-maison.xlsx', sheet: 'Mes cibles' });
      expect(i.message).toContain(`feuille « Mes cibles », cellule ${i.cell}`);
    }
    expect(plan.issues.find((i) => i.cell === 'G11')!.message).toContain("n'est pas un taux");
    expect(plan.issues.find((i) => i.cell === 'G12')!.message).toContain('#N/A');

    expect(validationIssues(book)).toEqual(plan.issues);
    expect(validateWorkbooks([book], settings).files[0]!.counts.rows).toBe(9);

    // The progress sheet says which targets are still the template's examples.
    const progress = computeProgress(plan, consolidate({ records: [], issues: [], files: [] }));
    const sheet = progressionSheet(progress, plan.name);
    const header = sheet.cells.find((c) => c.value === 'Exemple')!;
    const marks = sheet.cells.filter((c) => c.col === header.col && c.row > header.row).map((c) => c.value);
    expect(marks).toEqual(plan.targets.map((t) => (t.exemple ? 'oui' : 'non')));
    expect(marks.filter((m) => m === 'oui')).toHaveLength(2);
  });

  it('a plan by headers listing collected indicators is still read as a plan', () => {
    const rows = [['Objectif', 'Indicateur', 'Périmètre', 'Cible'], ...['personnes', 'etp_conventionnes', 'femmes', 'rsa'].map((c) => ['21', c, 'Région', 100])];
    const book = {
      source: 'plan.xlsx',
      sheets: [{ name: 'Plan', visibility: 'visible' as const, rows, styles: [], validations: [], protection: null }],
      styles: [],
      definedNames: [],
      tables: [],
      date1904: false,
    };
    const plan = readPlan(book, settings);
    expect(plan.issues).toEqual([]);
    expect(plan.targets.map((t) => t.indicateur)).toEqual(['personnes', 'etp_conventionnes', 'femmes', 'rsa']);
  });

  it('reads rates and counts the same way whatever their spelling', () => {
    const value = (v: Parameters<typeof readPlanNumber>[0], rate: boolean) => {
      const r = readPlanNumber(v, rate);
      return 'value' in r ? r.value : r.code;
    };
    expect(['45 %', '45%', 45, 0.45, '0,45', '45,0 %'].map((v) => value(v, true))).toEqual([0.45, 0.45, 0.45, 0.45, 0.45, 0.45]);
    expect(value(1, true)).toBe(1);
    expect(['1 234,5', '1.234,5', 1234.5].map((v) => value(v, false))).toEqual([1234.5, 1234.5, 1234.5]);
    expect([value('45 %', false), value('beaucoup', true), value(-1, false), value(true, false)]).toEqual(['type-error', 'type-error', 'constraint-error', 'type-error']);
  });
});
