import { PROGRESS_STATUS_LABELS, type ObjectiveProgress } from '../objectives/index.js';
import type { SheetModel } from '../workbook-model.js';
import { PROGRESS_FMT, styleOf } from './formats.js';
import { ALL_KINDS_LABEL, REGION_LABEL } from './scopes.js';
import { tableSheet, type BlockColumn } from './table-block.js';

export const SHEET_PROGRESSION = 'Progression des objectifs';
export const TABLE_PROGRESSION = 'IAE_Progression';

/** Traffic lights on the status column: green reached, amber progressing, red backward, grey no data. */
export const STATUS_COLORS = {
  atteint: { fill: 'C6EFCE', color: '006100' },
  en_progres: { fill: 'FFEB9C', color: '9C5700' },
  en_recul: { fill: 'FFC7CE', color: '9C0006' },
  sans_donnee: { fill: 'E7E6E6', color: '3A3838' },
} as const;

const COLUMNS: BlockColumn[] = [
  { header: 'Objectif', width: 9 },
  { header: "Libellé de l'objectif", width: 48, style: { wrap: true } },
  { header: 'Indicateur (code)', width: 26 },
  { header: "Libellé de l'indicateur", width: 36, style: { wrap: true } },
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
  { header: 'Statut', width: 13 },
  { header: 'Exemple', width: 9 },
  { header: 'Remarque', width: 50, style: { wrap: true } },
];
export const STATUS_COLUMN = COLUMNS.findIndex((c) => c.header === 'Statut') + 1;

export function progressionSheet(progress: readonly ObjectiveProgress[], planName: string): SheetModel {
  const rows = progress.map((p) => {
    const t = p.target;
    const fmt = styleOf(t.indicateur);
    const values = [
      t.objectif,
      p.objectifLibelle,
      t.indicateur,
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
    ];
    const styles = COLUMNS.map((_, i) => (i === 7 || i === 9 || i === 12 ? fmt : undefined));
    return { values, styles };
  });
  return tableSheet({
    name: SHEET_PROGRESSION,
    tabColor: '548235',
    title: "Progression des objectifs du plan d'actions",
    note: `Plan : ${planName}. Progression = (valeur constatée − référence) ÷ (cible − référence). Atteint : cible atteinte dans le sens voulu ; en recul : du mauvais côté de la référence ; en progrès : entre les deux ; sans donnée : aucun chiffre sur le périmètre.`,
    tableName: TABLE_PROGRESSION,
    columns: COLUMNS,
    rows,
    empty: "Aucun objectif mesurable dans le plan d'actions.",
    freezeCols: 1,
    lights: {
      col: STATUS_COLUMN,
      rules: (Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[]).map((s) => ({
        text: PROGRESS_STATUS_LABELS[s],
        style: { fill: STATUS_COLORS[s].fill, color: STATUS_COLORS[s].color, bold: true },
      })),
    },
  });
}
