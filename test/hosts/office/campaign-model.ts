/**
 * A consolidated-workbook model holding the campaign's sheets (issue 14) — « Suivi de la
 * collecte », « Rapprochement ASP », « Évolution », « Par réseau », « Données » — with table names
 * as the campaign modules might choose them (accents, spaces), SIRETs and text that looks like a
 * formula, and formulas across the new sheets. Built here so the Excel host is tested on such
 * sheets whether or not the modules that compute them have landed.
 */
import type { CellModel, SheetModel, WorkbookModel } from '../../../src/core/workbook-model.js';
import { consolidatedModel } from './model-fixture.js';

export const CAMPAIGN_SHEETS = ['Suivi de la collecte', 'Rapprochement ASP', 'Évolution', 'Par réseau', 'Données'] as const;
/** Table names as a module could write them; the host makes them legal for Excel. */
export const CAMPAIGN_TABLES = ['IAE_Suivi_collecte', 'IAE_Rapprochement ASP', 'IAE_Évolution', 'IAE_Par_réseau', 'IAE_Données'] as const;
export const LEGAL_CAMPAIGN_TABLES = ['IAE_Suivi_collecte', 'IAE_Rapprochement_ASP', 'IAE_Evolution', 'IAE_Par_reseau', 'IAE_Donnees'] as const;

function tableSheet(name: string, table: string, headers: readonly string[], rows: readonly (readonly (string | number)[])[]): SheetModel {
  const cells: CellModel[] = headers.map((h, i) => ({ row: 1, col: i + 1, value: h, style: { bold: true } }));
  rows.forEach((r, i) => r.forEach((v, j) => cells.push({ row: i + 2, col: j + 1, value: v })));
  return { name, cells, tables: [{ name: table, topLeft: 'A1', columns: [...headers], rowCount: Math.max(1, rows.length) }], freeze: { rows: 1, cols: 0 } };
}

/** `rows` SIAE per campaign sheet. */
export function campaignModel(rows = 6): WorkbookModel {
  const base = consolidatedModel(rows);
  const siret = (i: number) => String(44_229_377_500_000 + i).padStart(14, '0');
  const n = Array.from({ length: rows }, (_, i) => i);
  const suivi = tableSheet(
    'Suivi de la collecte',
    CAMPAIGN_TABLES[0],
    ['SIRET', 'SIAE', 'Département', 'Réseau', 'Contact', 'État'],
    n.map((i) => [siret(i), i === 0 ? '=1+1' : `SIAE ${i}`, '93', 'Chantier école', i === 1 ? '+33 1 23 45 67 89' : `c${i}@exemple.fr`, ['reçu', 'retenu', 'écarté : SIRET invalide', 'manquant'][i % 4]!]),
  );
  const rapprochement = tableSheet(
    'Rapprochement ASP',
    CAMPAIGN_TABLES[1],
    ['SIRET', 'Indicateur', 'Retours', 'ASP', 'Écart', 'Écart relatif'],
    n.map((i) => [siret(i), 'personnes', 40 + i, 41 + i, -1, -1 / (41 + i)]),
  );
  const reseau = tableSheet('Par réseau', CAMPAIGN_TABLES[3], ['Réseau', 'SIAE', 'Personnes'], [['Chantier école', rows, 10 * rows], ['Coorace', 2, 30]]);
  const evolutionTable = tableSheet('Évolution', CAMPAIGN_TABLES[2], ['Indicateur', 'N-1', 'N', 'Écart'], [['personnes', 100, 110, 10]]);
  // A formula across two new sheets with accented names: retargeted through the temporary names.
  const evolution: SheetModel = {
    ...evolutionTable,
    cells: [...evolutionTable.cells, { row: 4, col: 1, value: 'Personnes (par réseau)' }, { row: 4, col: 2, formula: "SUM('Par réseau'!C2:C3)", value: 0 }],
  };
  const donnees = tableSheet(
    'Données',
    CAMPAIGN_TABLES[4],
    ['Fichier', 'Feuille', 'Ligne', 'SIRET', 'Personnes'],
    n.map((i) => [`retour-${i}.xlsx`, 'Retour SIAE', 5, siret(i), 40 + i]),
  );
  return { ...base, sheets: [...base.sheets, suivi, rapprochement, evolution, reseau, donnees] };
}
