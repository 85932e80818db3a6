import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../src/core/a1.js';
import { consolidate, FIGURE_CODES } from '../../../src/core/consolidate/index.js';
import {
  buildConsolidatedWorkbook,
  SHEET_PROGRESSION,
  SHEET_SYNTHESE,
  STATUS_COLUMN,
} from '../../../src/core/consolidated-workbook/index.js';
import { computeProgress, defaultPlan, PROGRESS_STATUSES } from '../../../src/core/objectives/index.js';
import type { CellModel, SheetModel, WorkbookModel } from '../../../src/core/workbook-model.js';
import { validReturn } from '../../fixtures/returns.js';
import { rec, siretOf } from '../consolidate/arbitraries.js';

const records = [
  rec({ ...validReturn(), siret: siretOf(1), raison_sociale: '=HYPERLINK("http://x")', annee: 2024 }, '=cmd|x.xlsx', 'Retour SIAE'),
  rec({ ...validReturn(), siret: siretOf(2), departement: '75', type_siae: 'EI', etp_conventionnes: 0 }, 'b.xlsx', 'Retours', 8),
  rec({ ...validReturn(), siret: siretOf(3) }, 'b.xlsx', 'Retours', 9, 2),
];
const result = consolidate({
  records,
  issues: [{ code: 'type-error', severity: 'erreur', file: 'b.xlsx', sheet: 'Retours', row: 9, cell: 'K9', value: '=1+1', message: '« Personnes » doit être un nombre.' }],
});
const plan = defaultPlan();
const progress = computeProgress(plan, result);
const model: WorkbookModel = buildConsolidatedWorkbook({ result, progress, planName: plan.name });
const sheet = (name: string): SheetModel => model.sheets.find((s) => s.name === name)!;
const at = (s: SheetModel, row: number, col: number): CellModel | undefined => s.cells.find((c) => c.row === row && c.col === col);

describe('the consolidated workbook model', () => {
  it('has the eight French sheets in order', () => {
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Synthèse régionale',
      'Par département',
      'Par type de SIAE',
      'Heures par secteur',
      'Sorties',
      'Progression des objectifs',
      'Anomalies',
      'Sources',
    ]);
  });

  it('gives every figure per period in the summary, with % and ETP formats and "sans objet" as text', () => {
    const s = sheet(SHEET_SYNTHESE);
    const table = s.tables!.find((t) => t.name === 'IAE_Synthese')!;
    // French first; year and code (for machines) at the end.
    expect(table.columns.slice(0, 2)).toEqual(['Indicateur', 'Toutes SIAE']);
    expect(table.columns.slice(-2)).toEqual(['Année', 'Code indicateur']);
    const yearCol = table.columns.length - 1;
    const codeCol = table.columns.length;
    expect(table.rowCount).toBe(2 * FIGURE_CODES.length); // two periods, never added together
    const top = parseRange(table.topLeft).top;
    const rowOf = (year: number, code: string) =>
      s.cells.find((c) => c.col === codeCol && c.value === code && at(s, c.row, yearCol)?.value === year)!.row;
    const taux = rowOf(2025, 'taux_realisation_etp');
    expect(at(s, taux, 2)!.style?.numFmt).toBe('0.0%');
    expect(at(s, taux, 2)!.value).toBe('sans objet'); // 2025 keeps one EI with 0 ETP conventionnés
    expect(at(s, rowOf(2024, 'taux_realisation_etp'), 2)!.value).toBeCloseTo(10 / 10.5, 12);
    expect(at(s, rowOf(2025, 'etp_realises'), 2)!.style?.numFmt).toBe('#,##0.0');
    // Headers over numbers are right-aligned like them; the label column's is not.
    expect(at(s, top, 2)!.style?.horizontal).toBe('right');
    expect(at(s, top, yearCol)!.style?.horizontal).toBe('right');
    expect(at(s, top, 1)!.style?.horizontal).toBeUndefined();
    expect(at(s, top, codeCol)!.style).toMatchObject({ horizontal: 'left', indent: 1 }); // text after numbers, kept off them
    const eiCol = table.columns.indexOf('EI') + 1;
    expect(at(s, taux, eiCol)!.value).toBe('sans objet');
    expect(top).toBeGreaterThan(1);
    expect(at(s, 2, 1)!.value).toContain('plusieurs années (2024, 2025)');
  });

  it('writes user text as plain values, never as formulas', () => {
    const all = model.sheets.flatMap((s) => s.cells);
    expect(all.every((c) => c.formula === undefined)).toBe(true);
    expect(all.some((c) => c.value === '=cmd|x.xlsx')).toBe(true);
    expect(all.some((c) => c.value === '=1+1')).toBe(true);
  });

  it('puts traffic lights on the objectives status column', () => {
    const s = sheet(SHEET_PROGRESSION);
    const cf = s.conditionalFormats![0]!;
    const r = parseRange(cf.range);
    expect(r.left).toBe(STATUS_COLUMN);
    expect(r.bottom - r.top + 1).toBe(progress.length);
    expect(cf.rules.map((x) => (x.type === 'containsText' ? x.text : ''))).toEqual(['Atteint', 'En progrès', 'Stable', 'En recul', 'Couverture partielle', 'Sans donnée']);
    expect(at(s, r.top, STATUS_COLUMN)!.value).toMatch(/^(Atteint|En progrès|Stable|En recul|Couverture partielle|Sans donnée)$/);
    // In 2025 only 75 is retained (the 93 return has errors): region-wide objectives say their coverage is partial.
    const header = s.tables![0]!;
    const remarque = header.columns.indexOf('Remarque') + 1;
    const perimetre = header.columns.indexOf('Périmètre') + 1;
    const regionRows = [...Array(progress.length).keys()].map((k) => r.top + k).filter((row) => at(s, row, perimetre)!.value === 'Région');
    expect(regionRows.length).toBeGreaterThan(0);
    for (const row of regionRows) {
      if (at(s, row, STATUS_COLUMN)!.value === 'Sans donnée') continue;
      expect(at(s, row, STATUS_COLUMN)!.value).toBe('Couverture partielle');
      expect(at(s, row, remarque)!.value).toContain('Couverture partielle : 1 département sur 8 : 75 (manquent 77, 78, 91, 92, 93, 94, 95).');
    }
    expect(header.columns.at(-1)).toBe('Code indicateur');
  });

  it('lists anomalies with file, sheet and cell, and the returns left out in Sources', () => {
    const a = sheet('Anomalies');
    expect(a.tables![0]!.columns).toEqual(['Gravité', 'Fichier', 'Feuille', 'Cellule', 'Ligne', 'Indicateur', 'Valeur lue', 'Message', 'Code']);
    expect(a.cells.some((c) => c.value === 'K9')).toBe(true);
    const src = sheet('Sources');
    const exclus = src.tables!.find((t) => t.name === 'IAE_Retours_ecartes')!;
    expect(exclus.rowCount).toBe(1);
    const retenus = src.tables!.find((t) => t.name === 'IAE_Retours_retenus')!;
    expect(retenus.rowCount).toBe(result.kept.length);
    expect(retenus.columns).toEqual(['Fichier', 'Feuille', 'Ligne', 'SIRET', 'Raison sociale', 'Année', 'Département', 'Type de SIAE']);
    expect(src.cells.some((c) => typeof c.value === 'string' && c.value.includes('K9 : « Personnes » doit être un nombre.'))).toBe(true);
  });

  it('declares charts whose ranges lie on their sheet and hold data', () => {
    const s = sheet(SHEET_SYNTHESE);
    expect(s.charts!.map((c) => c.type)).toEqual(['column', 'bar', 'pie']);
    // Thousands separators on every value axis; colours set, never left to each program's palette.
    for (const c of s.charts!) expect(c.valueFormat).toBe('#,##0');
    expect(s.charts!.map((c) => c.colors?.length)).toEqual([1, 1, PROGRESS_STATUSES.length]);
    const pie = s.charts![2]!;
    const statusOfSlice = (k: number) => at(s, parseRange(pie.categories).top + k, parseRange(pie.categories).left)!.value;
    const colourOf = (label: string) => pie.colors![PROGRESS_STATUSES.findIndex((_, k) => statusOfSlice(k) === label)];
    expect(colourOf('Atteint')).toBe('2E7D32'); // vert
    expect(colourOf('En progrès')).toBe('ED7D31'); // orange
    expect(colourOf('En recul')).toBe('C00000'); // rouge
    expect(colourOf('Sans donnée')).toBe('A6A6A6'); // gris
    for (const c of s.charts!) {
      const cats = parseRange(c.categories);
      const vals = parseRange(c.series[0]!.values);
      expect(vals.bottom - vals.top).toBe(cats.bottom - cats.top);
      for (let r = cats.top; r <= cats.bottom; r++) expect(typeof at(s, r, cats.left)?.value).toBe('string');
    }
  });

  it('keeps table names unique and headers unique within each table', () => {
    const names = model.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
    for (const t of model.sheets.flatMap((s) => s.tables ?? [])) expect(new Set(t.columns).size).toBe(t.columns.length);
  });
});
