/**
 * « Données »: every retained return, one row each, with the spec's columns (every indicator of
 * the schema, in its order, under its label), where it was read (file, sheet, row) and its
 * network, as one Excel table: a pivot table over it rebuilds any aggregate of the workbook.
 * Numbers stay numbers, text stays text (never a formula).
 */
import { INDICATORS, type IndicatorDef } from '../../schema/index.js';
import type { ConsolidationResult } from '../consolidate/index.js';
import { isFigureCode } from '../consolidate/index.js';
import type { NetworkOfReturn } from '../networks/index.js';
import type { SheetModel, StyleModel } from '../workbook-model.js';
import { styleOf } from './formats.js';
import { tableSheet, type BlockColumn, type BlockValue } from './table-block.js';

export const SHEET_DONNEES = 'Données';
export const TABLE_DONNEES = 'IAE_Donnees';

/** Columns before the indicators. */
export const DONNEES_SOURCE_HEADERS = ['Fichier', 'Feuille', 'Ligne', 'Réseau'] as const;

const DEFS = INDICATORS as readonly IndicatorDef[];

/** The number format of an indicator's column (counts, hours, ETP); none for identifiers and years. */
function columnStyle(def: IndicatorDef): StyleModel | undefined {
  return def.aggregation === 'somme' && isFigureCode(def.code) ? styleOf(def.code) : undefined;
}

/** A value as a cell: « oui / non » as the templates write it, the rest as parsed. */
function cellOf(v: unknown): BlockValue {
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return null;
}

export function donneesSheet(result: ConsolidationResult, networks: readonly NetworkOfReturn[]): SheetModel {
  const columns: BlockColumn[] = [
    { header: 'Fichier', width: 20 },
    { header: 'Feuille', width: 12 },
    { header: 'Ligne', width: 7 },
    { header: 'Réseau', width: 20 },
  ];
  for (const def of DEFS) {
    const style = columnStyle(def);
    columns.push({ header: def.label, width: 12, ...(style ? { style } : {}) });
  }
  const rows = result.kept.map((r, i) => {
    const values: BlockValue[] = [r.source.file, r.source.sheet, r.source.row ?? null, networks[i]?.reseau ?? null];
    for (const def of DEFS) values.push(cellOf(r.values[def.code as keyof typeof r.values]));
    return { values };
  });
  return tableSheet({
    name: SHEET_DONNEES,
    title: 'Données : chaque retour retenu, tel que lu',
    note:
      "Une ligne par retour retenu (après doublons et retours écartés), avec le fichier, la feuille et la ligne d'où il vient : un tableau croisé dynamique sur ce tableau retrouve chaque chiffre des autres feuilles (somme par année, département, type ou réseau). Une cellule vide : valeur non renseignée.",
    tableName: TABLE_DONNEES,
    columns,
    rows,
    empty: 'Aucun retour retenu.',
    freezeCols: 4,
  });
}
