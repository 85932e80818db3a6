import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../src/core/a1.js';
import { consolidate, FIGURE_CODES } from '../../../src/core/consolidate/index.js';
import {
  buildConsolidatedWorkbook,
  SHEET_PROGRESSION,
  SHEET_SYNTHESE,
  STATUS_COLUMN,
} from '../../../src/core/consolidated-workbook/index.js';
import { computeProgress, defaultPlan } from '../../../src/core/objectives/index.js';
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
    expect(table.columns.slice(0, 4)).toEqual(['Année', 'Code', 'Indicateur', 'Toutes SIAE']);
    expect(table.rowCount).toBe(2 * FIGURE_CODES.length); // two periods, never added together
    const top = parseRange(table.topLeft).top;
    const rowOf = (year: number, code: string) =>
      s.cells.find((c) => c.col === 2 && c.value === code && at(s, c.row, 1)?.value === year)!.row;
    const taux = rowOf(2025, 'taux_realisation_etp');
    expect(at(s, taux, 4)!.style?.numFmt).toBe('0.0%');
    expect(at(s, taux, 4)!.value).toBe('sans objet'); // 2025 keeps one EI with 0 ETP conventionnés
    expect(at(s, rowOf(2024, 'taux_realisation_etp'), 4)!.value).toBeCloseTo(10 / 10.5, 12);
    expect(at(s, rowOf(2025, 'etp_realises'), 4)!.style?.numFmt).toBe('#,##0.0');
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
    expect(cf.rules.map((x) => (x.type === 'containsText' ? x.text : ''))).toEqual(['Atteint', 'En progrès', 'En recul', 'Sans donnée']);
    expect(at(s, r.top, STATUS_COLUMN)!.value).toMatch(/^(Atteint|En progrès|En recul|Sans donnée)$/);
  });

  it('lists anomalies with file, sheet and cell, and the returns left out in Sources', () => {
    const a = sheet('Anomalies');
    expect(a.tables![0]!.columns).toEqual(['Gravité', 'Code', 'Fichier', 'Feuille', 'Cellule', 'Ligne', 'Indicateur', 'Valeur lue', 'Message']);
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
