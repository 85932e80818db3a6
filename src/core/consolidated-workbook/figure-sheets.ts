import { DERIVED, SECTORS, SIAE_KIND_LABELS } from '../../schema/index.js';
import { figureLabel, figureValue, type ConsolidationResult, type FigureCode } from '../consolidate/index.js';
import type { SheetModel } from '../workbook-model.js';
import { styleOf } from './formats.js';
import { ALL_KINDS_LABEL, REGION_LABEL, departementLabel, departementRows, regionRows, type ScopeRow } from './scopes.js';
import { tableSheet, type BlockColumn } from './table-block.js';
import { KEY_CODES } from '../consolidate/key-figures.js';

/** Key figures shown per département and per kind: chosen once, in consolidate/key-figures.ts. */
export { KEY_CODES };

export const SECTOR_CODES: readonly FigureCode[] = ['heures_remunerees', ...SECTORS.flatMap((s) => [`heures_${s.key}` as const, `part_heures_${s.key}` as const])];

export const EXIT_CODES: readonly FigureCode[] = [
  'sorties_emploi_durable',
  'sorties_emploi_transition',
  'sorties_positives',
  'autres_sorties',
  'sorties_retirees',
  'sorties_total',
  'sorties_examinees',
  'sorties_dynamiques',
  ...DERIVED.filter((d) => d.code.startsWith('taux_') && d.code !== 'taux_realisation_etp').map((d) => d.code),
];

export const SHEET_DEPARTEMENTS = 'Par département';
export const SHEET_TYPES = 'Par type de SIAE';
export const SHEET_HEURES = 'Heures par secteur';
export const SHEET_SORTIES = 'Sorties';

export const TABLE_DEPARTEMENTS = 'IAE_Par_departement';
export const TABLE_TYPES = 'IAE_Par_type';
export const TABLE_HEURES = 'IAE_Heures_secteurs';
export const TABLE_SORTIES = 'IAE_Sorties';

const kindLabel = (r: ScopeRow) => (r.kind === null ? ALL_KINDS_LABEL : r.kind);

/**
 * A sheet of figures: one row per scope (period, département or region, kind) and one column
 * per indicator code, with the indicator's number format.
 */
function figureSheet(
  name: string,
  title: string,
  note: string,
  tableName: string,
  scopeColumns: readonly BlockColumn[],
  scopeValues: (r: ScopeRow) => (string | number)[],
  rows: readonly ScopeRow[],
  codes: readonly FigureCode[],
): SheetModel {
  return tableSheet({
    name,
    title,
    note,
    tableName,
    columns: [...scopeColumns, ...codes.map((c) => ({ header: figureLabel(c), width: 14, style: styleOf(c) }))],
    rows: rows.map((r) => ({ values: [...scopeValues(r), ...codes.map((c) => figureValue(r.group, c))] })),
    empty: 'Aucun retour retenu.',
    freezeCols: scopeColumns.length,
  });
}

const RATE_NOTE =
  'Taux = somme des numérateurs ÷ somme des dénominateurs, sur les retours qui renseignent tous les termes ; « sans objet » quand le dénominateur est nul ; cellule vide : aucune donnée.';

export function departementsSheet(result: ConsolidationResult): SheetModel {
  return figureSheet(
    SHEET_DEPARTEMENTS,
    'Indicateurs par département et par type de SIAE',
    RATE_NOTE,
    TABLE_DEPARTEMENTS,
    [{ header: 'Année', width: 8 }, { header: 'Département', width: 12 }, { header: 'Nom du département', width: 22 }, { header: 'Type de SIAE', width: 14 }],
    (r) => [r.periode, r.departement!, departementLabel(r.departement!), kindLabel(r)],
    departementRows(result, true),
    KEY_CODES,
  );
}

export function typesSheet(result: ConsolidationResult): SheetModel {
  return figureSheet(
    SHEET_TYPES,
    'Indicateurs régionaux par type de SIAE',
    RATE_NOTE,
    TABLE_TYPES,
    [{ header: 'Année', width: 8 }, { header: 'Type de SIAE', width: 14 }, { header: 'Libellé du type', width: 40 }],
    (r) => [r.periode, kindLabel(r), r.kind === null ? 'Ensemble des structures' : SIAE_KIND_LABELS[r.kind]],
    regionRows(result),
    KEY_CODES,
  );
}

const scopeColumns: BlockColumn[] = [
  { header: 'Année', width: 8 },
  { header: 'Périmètre', width: 12 },
  { header: 'Nom du périmètre', width: 22 },
  { header: 'Type de SIAE', width: 14 },
];
const scopeValues = (r: ScopeRow) => [
  r.periode,
  r.departement ?? REGION_LABEL,
  r.departement ? departementLabel(r.departement) : REGION_LABEL,
  kindLabel(r),
];

export function heuresSheet(result: ConsolidationResult): SheetModel {
  return figureSheet(
    SHEET_HEURES,
    "Heures d'insertion par secteur d'activité",
    "Parts calculées sur les structures qui ont ventilé leurs heures par secteur (heures du secteur ÷ heures rémunérées de ces structures).",
    TABLE_HEURES,
    scopeColumns,
    scopeValues,
    [...regionRows(result), ...departementRows(result, false)],
    SECTOR_CODES,
  );
}

export function sortiesSheet(result: ConsolidationResult): SheetModel {
  return figureSheet(
    SHEET_SORTIES,
    'Sorties et taux de sortie',
    'Taux rapportés aux sorties examinées (toutes les sorties moins les sorties retirées) ; « sans objet » quand aucune sortie n\'est examinée.',
    TABLE_SORTIES,
    scopeColumns,
    scopeValues,
    [...regionRows(result), ...departementRows(result, false)],
    EXIT_CODES,
  );
}
