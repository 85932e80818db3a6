import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES, type ObjectiveProgress, type ProgressStatus } from '../objectives/index.js';
import type { SheetModel } from '../workbook-model.js';
import { PROGRESS_FMT, styleOf } from './formats.js';
import { ALL_KINDS_LABEL, REGION_LABEL } from './scopes.js';
import { tableSheet, type BlockColumn } from './table-block.js';

export const SHEET_PROGRESSION = 'Progression des objectifs';
export const TABLE_PROGRESSION = 'IAE_Progression';

/**
 * Traffic lights on the status column: green reached, amber progressing, blue stable, red
 * backward, violet partial coverage (no verdict), grey no data.
 */
export const STATUS_COLORS: Record<ProgressStatus, { readonly fill: string; readonly color: string }> = {
  atteint: { fill: 'C6EFCE', color: '006100' },
  en_progres: { fill: 'FFEB9C', color: '9C5700' },
  stable: { fill: 'DDEBF7', color: '1F4E79' },
  en_recul: { fill: 'FFC7CE', color: '9C0006' },
  couverture_partielle: { fill: 'E4DFEC', color: '5B2C83' },
  sans_donnee: { fill: 'E7E6E6', color: '3A3838' },
};

/** The same statuses in charts (solid colours: vert atteint, orange en progrès, rouge en recul, gris sans donnée). */
export const STATUS_CHART_COLORS: Record<ProgressStatus, string> = {
  atteint: '2E7D32',
  en_progres: 'ED7D31',
  stable: '5B9BD5',
  en_recul: 'C00000',
  couverture_partielle: '7030A0',
  sans_donnee: 'A6A6A6',
};

const COLUMNS: BlockColumn[] = [
  { header: 'Objectif', width: 9 },
  { header: "Libellé de l'objectif", width: 40, style: { wrap: true, vertical: 'top' } },
  { header: 'Indicateur', width: 30, style: { wrap: true, vertical: 'top' } },
  { header: 'Périmètre', width: 11 },
  { header: 'Type de SIAE', width: 12 },
  { header: 'Année des données', width: 10 },
  { header: 'Valeur de référence', width: 12 },
  { header: 'Année de référence', width: 10 },
  { header: 'Cible', width: 12 },
  { header: 'Année cible', width: 10 },
  { header: 'Sens', width: 9 },
  { header: 'Valeur constatée', width: 12 },
  { header: 'Progression', width: 12, style: { numFmt: PROGRESS_FMT } },
  { header: 'Statut', width: 14 },
  { header: 'Exemple', width: 9 },
  { header: 'Remarque', width: 60, style: { wrap: true, vertical: 'top' } },
  // For machines (filters, lookups): the indicator's code, last.
  { header: 'Code indicateur', width: 20 },
];
export const STATUS_COLUMN = COLUMNS.findIndex((c) => c.header === 'Statut') + 1;
const FIGURE_COLUMNS = new Set(['Valeur de référence', 'Cible', 'Valeur constatée'].map((h) => COLUMNS.findIndex((c) => c.header === h)));
const PROGRESSION_COLUMN = COLUMNS.findIndex((c) => c.header === 'Progression');

/** '0%', or '0.0%', '0.00%'… when more decimals are needed to tell the status apart. */
function progressionFormat(decimals: number): string {
  return decimals === 0 ? PROGRESS_FMT : `0.${'0'.repeat(decimals)}%`;
}

export function progressionSheet(progress: readonly ObjectiveProgress[], planName: string): SheetModel {
  const rows = progress.map((p) => {
    const t = p.target;
    const fmt = styleOf(t.indicateur);
    const values = [
      t.objectif,
      p.objectifLibelle,
      p.indicateurLibelle,
      t.departement ?? REGION_LABEL,
      t.kind ?? ALL_KINDS_LABEL,
      p.periode,
      p.reference,
      t.anneeReference ?? null,
      t.cible,
      t.anneeCible ?? null,
      t.sens,
      p.valeur,
      p.progression,
      PROGRESS_STATUS_LABELS[p.statut],
      t.exemple ? 'oui' : 'non',
      p.note,
      t.indicateur,
    ];
    const styles = COLUMNS.map((_, i) =>
      FIGURE_COLUMNS.has(i) ? fmt : i === PROGRESSION_COLUMN ? { numFmt: progressionFormat(p.progressionDecimals) } : undefined,
    );
    return { values, styles };
  });
  return tableSheet({
    name: SHEET_PROGRESSION,
    tabColor: '548235',
    title: "Progression des objectifs du plan d'actions",
    note: `Plan : ${planName}. Progression = (valeur constatée − référence) ÷ (cible − référence), sur les valeurs telles qu'affichées. Atteint : cible atteinte dans le sens voulu ; en progrès : entre la référence et la cible ; stable : comme la référence ; en recul : du mauvais côté de la référence ; couverture partielle : des départements ou des SIAE du périmètre manquent (détail en remarque) ; sans donnée : aucun chiffre sur le périmètre.`,
    tableName: TABLE_PROGRESSION,
    columns: COLUMNS,
    rows,
    empty: "Aucun objectif mesurable dans le plan d'actions.",
    freezeCols: 1,
    lights: {
      col: STATUS_COLUMN,
      rules: PROGRESS_STATUSES.map((s) => ({
        text: PROGRESS_STATUS_LABELS[s],
        style: { fill: STATUS_COLORS[s].fill, color: STATUS_COLORS[s].color, bold: true },
      })),
    },
  });
}
