/** Plan targets in a real xlsx: a rate outside 0–100 % is an error; « NC » as a target is a missing target. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPlan, readPlanNumber } from '../../../src/core/objectives/index.js';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';

const HEADERS = ['Objectif', 'Indicateur', 'Périmètre', 'Type de SIAE', 'Valeur de référence', 'Année de référence', 'Cible', 'Année cible', 'Sens'];

async function planBook(rows: ExcelJS.CellValue[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cibles');
  ws.getRow(1).values = HEADERS;
  rows.forEach((r, i) => (ws.getRow(2 + i).values = r));
  return readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'plan.xlsx');
}

describe('plan targets', () => {
  it('a rate target or reference above 100 % is a constraint-error; 0 % and 100 % are admitted', async () => {
    const book = await planBook([
      ['22', 'taux_sorties_dynamiques', 'Région', null, null, null, '120 %', 2028, null], // G2
      ['22', 'taux_sorties_dynamiques', '93', null, null, null, 120, 2028, null], // G3: 120 read as 120 %
      ['22', 'taux_emploi_durable', 'Région', null, '150%', 2013, '30 %', 2028, null], // E4
      ['22', 'taux_emploi_durable', '93', null, 0, 2013, '100 %', 2028, null], // valid
      ['22', 'taux_emploi_durable', '94', null, '0 %', 2013, 1, 2028, null], // valid: 1 is 100 %
      ['21', 'personnes', 'Région', null, 28000, 2013, 120000, 2028, null], // a count: no upper bound
    ]);
    const plan = readPlan(book, DEFAULT_SETTINGS);
    expect(plan.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['constraint-error@G2', 'constraint-error@G3', 'constraint-error@E4']);
    for (const i of plan.issues) {
      expect(i.severity).toBe('erreur');
      expect(i.message).toContain('dépasse 100 %');
      expect(i.message).toContain(`feuille « Cibles », cellule ${i.cell}`);
    }
    expect(plan.targets.map((t) => [t.indicateur, t.cible])).toEqual([
      ['taux_emploi_durable', 1],
      ['taux_emploi_durable', 1],
      ['personnes', 120000],
    ]);
    // Validation reports exactly what consolidation leaves out.
    const v = validateWorkbooks([book], DEFAULT_SETTINGS).files[0]!;
    expect(v.issues.filter((i) => i.code !== 'extra-label')).toEqual(plan.issues);
    expect(readPlanNumber(1.5, true)).toEqual({ value: 0.015 }); // a number above 1 is a percentage: 1,5 %
  });

  it('« NC » as a target is a missing target; as a reference it is a notice and the target is kept', async () => {
    const book = await planBook([
      ['22', 'taux_sorties_dynamiques', 'Région', null, null, null, 'NC', 2028, null], // G2
      ['22', 'taux_sorties_dynamiques', '93', null, 'n.d.', 2013, '60 %', 2028, null], // E3
    ]);
    const plan = readPlan(book, DEFAULT_SETTINGS);
    expect(plan.issues.map((i) => `${i.code}@${i.cell}:${i.severity}`)).toEqual(['missing-cell@G2:erreur', 'unknown-value@E3:avertissement']);
    expect(plan.issues[0]!.message).toContain('Cible donnée comme inconnue (« NC »)');
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]).toMatchObject({ departement: '93', cible: 0.6 });
    expect(plan.targets[0]!.valeurReference).toBeUndefined();
  });
});
