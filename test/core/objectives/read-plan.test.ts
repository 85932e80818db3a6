import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet, GridWorkbook } from '../../../src/core/grid.js';
import { readPlan } from '../../../src/core/objectives/index.js';
import { buildPlanTemplate } from '../../../src/core/templates/index.js';
import { PLAN_SHEET } from '../../../src/core/template-layout.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { PLAN_SAMPLE_ROWS, planSample } from '../../fixtures/samples.js';

function sheet(name: string, rows: CellValue[][]): GridSheet {
  return { name, visibility: 'visible', rows, styles: [], validations: [], protection: null };
}
function book(sheets: GridSheet[], source = 'plan.xlsx'): GridWorkbook {
  return { source, sheets, styles: [], definedNames: [], tables: [], date1904: false };
}

describe('reading an action plan', () => {
  it('reads the filled plan template (a real xlsx file) through its table', async () => {
    const path = await planSample();
    const grid = readXlsx(new Uint8Array(readFileSync(path)), 'plan-rempli.xlsx');
    const plan = readPlan(grid);
    expect(plan.issues.filter((i) => i.severity === 'erreur')).toEqual([]);
    expect(plan.targets).toHaveLength(PLAN_SAMPLE_ROWS.length);
    const btp = plan.targets.find((t) => t.indicateur === 'part_heures_btp')!;
    expect(btp).toMatchObject({ objectif: '11', departement: null, kind: 'ETTI', valeurReference: 0.74, cible: 0.65, sens: 'baisse', exemple: false, anneeCible: 2028 });
    expect(btp.source).toMatchObject({ file: 'plan-rempli.xlsx', sheet: PLAN_SHEET });
    expect(plan.targets.filter((t) => t.indicateur === 'taux_sorties_dynamiques').map((t) => t.departement)).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
  });

  it('reads the blank template: its examples are targets marked as examples', async () => {
    const bytes = await writeWorkbookModel(buildPlanTemplate(DEFAULT_SETTINGS));
    const plan = readPlan(readXlsx(bytes, 'modele-plan-actions.xlsx'));
    expect(plan.issues.filter((i) => i.severity === 'erreur')).toEqual([]);
    expect(plan.targets.length).toBeGreaterThan(5);
    expect(plan.targets.every((t) => t.exemple)).toBe(true);
  });

  it('falls back to headers, reads rates written as 45 or "45 %", and reports bad cells', () => {
    const plan = readPlan(
      book([
        sheet('Notes', [['Plan 2026']]),
        sheet('Mes objectifs', [
          ['Mon plan départemental'],
          [],
          ['Objectif', 'Indicateur', 'Périmètre', 'Type de SIAE', 'Valeur de référence', 'Cible', 'Année cible', 'Sens'],
          ['212', 'part_femmes', '93 – Seine-Saint-Denis', 'ACI', '30 %', 45, 2026, 'Hausse'],
          ['22', 'Taux de sorties dynamiques', 'Région', null, '0,55', '0,6', null, null],
          ['99', 'part_femmes', 'Région', null, null, 0.5, null, null],
          ['212', 'indicateur_inconnu', 'Région', null, null, 0.5, null, null],
          ['212', 'part_femmes', 'Lyon', 'SCOP', null, 'beaucoup', null, 'vers le haut'],
          [],
          ['41', 'etp_realises', null, null, 7055, 7500, null, null],
        ]),
      ]),
    );
    expect(plan.targets).toHaveLength(3);
    expect(plan.targets[0]).toMatchObject({ objectif: '212', departement: '93', kind: 'ACI', valeurReference: 0.3, cible: 0.45, anneeCible: 2026, sens: 'hausse' });
    expect(plan.targets[1]).toMatchObject({ indicateur: 'taux_sorties_dynamiques', valeurReference: 0.55, cible: 0.6, departement: null });
    expect(plan.targets[2]).toMatchObject({ indicateur: 'etp_realises', valeurReference: 7055, cible: 7500 });
    const where = plan.issues.map((i) => `${i.sheet}!${i.cell}`);
    expect(where).toEqual(['Mes objectifs!A6', 'Mes objectifs!B7', 'Mes objectifs!C8', 'Mes objectifs!D8', 'Mes objectifs!F8', 'Mes objectifs!H8']);
    expect(plan.issues[0]!.message).toMatch(/Objectif « 99 » inconnu.*feuille « Mes objectifs », cellule A6/);
  });

  it('says in French when a workbook has no plan', () => {
    const plan = readPlan(book([sheet('Feuil1', [['a', 'b']])], 'divers.xlsx'));
    expect(plan.targets).toEqual([]);
    expect(plan.issues[0]).toMatchObject({ code: 'unknown-template', severity: 'erreur', file: 'divers.xlsx' });
    expect(plan.issues[0]!.message).toContain("Aucun tableau d'objectifs");
  });
});
