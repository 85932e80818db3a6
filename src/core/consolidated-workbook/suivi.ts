/**
 * « Suivi de la collecte »: who was expected, who answered, who to chase. A summary per
 * département × kind and for the region, then every SIAE of the référentiel with its state,
 * network and contact (missing first, by département, network and name), then the returns
 * from SIAE absent from the référentiel. Every text is written as a plain value.
 */
import { departementByCode } from '../../schema/index.js';
import { FOLLOW_UP_LABELS, type Completeness, type CompletenessCell, type FollowUpState, type SiaeFollowUp } from '../campaign/index.js';
import { toA1 } from '../a1.js';
import { withRowHeights } from '../text-layout.js';
import type { CellModel, ConditionalFormatModel, SheetModel, StyleModel, TableModel } from '../workbook-model.js';
import { NOTE_STYLE, TITLE_STYLE } from './formats.js';
import { ALL_KINDS_LABEL, REGION_LABEL } from './scopes.js';
import { tableBlock, type BlockColumn, type BlockRow } from './table-block.js';

export const SHEET_SUIVI = 'Suivi de la collecte';
export const TABLE_SUIVI_SYNTHESE = 'IAE_Suivi_synthese';
export const TABLE_SUIVI_SIAE = 'IAE_Suivi_SIAE';
export const TABLE_SUIVI_HORS = 'IAE_Suivi_hors_referentiel';

const SECTION_TITLE_STYLE: StyleModel = { bold: true, fontSize: 12, color: '1F4E79' };
const COUNT: StyleModel = { numFmt: '#,##0' };
const RATE: StyleModel = { numFmt: '0%' };
const WRAP: StyleModel = { wrap: true };

/** Order for chasing: the missing first, then returns to correct, then the rest. */
const CHASE_ORDER: Record<FollowUpState, number> = { manquant: 0, ecarte: 1, doublon: 2, retenu: 3 };

const ORIGIN_LABEL = { modele: 'modèle « Référentiel des SIAE »', asp: "extraction annuelle de l'ASP", retours: "retours retenus de l'année précédente" } as const;

const SUMMARY_COLUMNS: readonly BlockColumn[] = [
  { header: 'Département', width: 12 },
  { header: 'Nom du département', width: 22 },
  { header: 'Type de SIAE', width: 12 },
  { header: 'SIAE attendues', style: COUNT },
  { header: 'Reçues', style: COUNT },
  { header: 'Retenues', style: COUNT },
  { header: 'Écartées (erreurs)', style: COUNT },
  { header: 'Reçues en doublon seulement', style: COUNT },
  { header: 'Manquantes', style: COUNT },
  { header: 'Taux de retour (retenues ÷ attendues)', style: RATE },
  { header: 'Retours en double écartés', style: COUNT },
];

function summaryRow(c: CompletenessCell): BlockRow {
  const dep = c.departement;
  return {
    values: [
      dep ?? REGION_LABEL,
      dep ? (departementByCode(dep)?.nom ?? dep) : REGION_LABEL,
      c.kind ?? ALL_KINDS_LABEL,
      c.attendues,
      c.recues,
      c.retenues,
      c.ecartees,
      c.doublons,
      c.manquantes,
      c.attendues > 0 ? c.retenues / c.attendues : null,
      c.retoursEnDouble,
    ],
  };
}

const SIAE_COLUMNS: readonly BlockColumn[] = [
  { header: 'État', width: 16 },
  { header: 'Département', width: 12 },
  { header: 'Réseau', width: 18 },
  { header: 'Raison sociale', width: 30, style: WRAP },
  { header: 'SIRET', width: 16 },
  { header: 'Annexe financière', width: 16 },
  { header: 'Type de SIAE', width: 10 },
  { header: 'Contact', width: 28, style: WRAP },
  { header: 'Motif', width: 50, style: WRAP },
  { header: 'Retour(s) reçu(s)', width: 30, style: WRAP },
];

const where = (s: { file: string; sheet: string; row?: number }) => `${s.file} – ${s.sheet}${s.row !== undefined ? ` – ligne ${s.row}` : ''}`;

function compareForChase(a: SiaeFollowUp, b: SiaeFollowUp): number {
  return (
    CHASE_ORDER[a.state] - CHASE_ORDER[b.state] ||
    a.entry.departement.localeCompare(b.entry.departement) ||
    (a.entry.reseau ?? '').localeCompare(b.entry.reseau ?? '', 'fr') ||
    a.entry.nom.localeCompare(b.entry.nom, 'fr') ||
    a.entry.siret.localeCompare(b.entry.siret)
  );
}

const OUTSIDE_COLUMNS: readonly BlockColumn[] = [
  { header: 'État', width: 16 },
  { header: 'Département', width: 12 },
  { header: 'Fichier', width: 24 },
  { header: 'Feuille', width: 14 },
  { header: 'Ligne', width: 7 },
  { header: 'SIRET', width: 16 },
  { header: 'Raison sociale', width: 30, style: WRAP },
  { header: 'Type de SIAE', width: 10 },
  { header: 'Motif', width: 50, style: WRAP },
];

const LIGHTS = [
  { text: FOLLOW_UP_LABELS.manquant, style: { fill: 'FFC7CE', color: '9C0006' } },
  { text: 'écarté', style: { fill: 'FFEB9C', color: '9C5700' } },
  { text: FOLLOW_UP_LABELS.retenu, style: { fill: 'C6EFCE', color: '006100' } },
] as const;

/** The sheet; `completeness` from src/core/campaign (computeCompleteness). */
export function suiviSheet(c: Completeness): SheetModel {
  const summary: BlockRow[] = [];
  for (const d of c.byDepartement) {
    if (d.attendues === 0) continue;
    for (const k of c.byDepartementKind) if (k.departement === d.departement) summary.push(summaryRow(k));
    summary.push(summaryRow(d));
  }
  summary.push(summaryRow(c.region));

  const siae = [...c.siae].sort(compareForChase).map((s) => ({
    values: [
      FOLLOW_UP_LABELS[s.state],
      s.entry.departement,
      s.entry.reseau ?? null,
      s.entry.nom,
      s.entry.siret,
      s.entry.annexe ?? null,
      s.entry.kind,
      s.entry.contact ?? null,
      s.motif ?? null,
      s.returns.length ? s.returns.map(where).join(' | ') : null,
    ],
  }));
  const outside = [...c.outside]
    .sort((a, b) => (a.departement ?? '').localeCompare(b.departement ?? '') || a.source.file.localeCompare(b.source.file) || (a.source.row ?? 0) - (b.source.row ?? 0))
    .map((o) => ({
      values: [FOLLOW_UP_LABELS[o.state], o.departement ?? null, o.source.file, o.source.sheet, o.source.row ?? null, o.siret ?? null, o.nom ?? null, o.kind ?? null, o.motif ?? null],
    }));

  const r = c.region;
  const year = c.periode !== undefined ? ` ${c.periode}` : '';
  const cells: CellModel[] = [
    { row: 1, col: 1, value: `Suivi de la collecte${year}`, style: TITLE_STYLE },
    {
      row: 2,
      col: 1,
      value:
        `Référentiel « ${c.referentiel.file} » (${ORIGIN_LABEL[c.referentiel.origin]}) : ${r.attendues} SIAE attendues, ${r.recues} reçues, ${r.retenues} retenues, ${r.manquantes} manquantes. ` +
        'Un retour est rattaché à une SIAE par son SIRET, sinon par son annexe financière. Chaque SIAE compte une fois : attendues = retenues + écartées + reçues en doublon seulement + manquantes.',
      style: { ...NOTE_STYLE, wrap: true, vertical: 'top' },
    },
  ];
  const tables: TableModel[] = [];
  const widths: number[] = [];
  const formats: ConditionalFormatModel[] = [];
  let top = 4;
  const section = (title: string, table: string, columns: readonly BlockColumn[], rows: readonly BlockRow[], empty: string, lightCol?: number) => {
    cells.push({ row: top, col: 1, value: title, style: SECTION_TITLE_STYLE });
    const b = tableBlock(table, top + 1, 1, columns, rows);
    for (const cell of b.cells) cells.push(cell);
    b.widths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
    if (b.table) tables.push(b.table);
    else cells.push({ row: top + 2, col: 1, value: empty, style: NOTE_STYLE });
    if (lightCol !== undefined && rows.length > 0) {
      formats.push({ range: `${toA1(top + 2, lightCol)}:${toA1(top + 1 + rows.length, lightCol)}`, rules: LIGHTS.map((l) => ({ type: 'containsText' as const, text: l.text, style: l.style })) });
    }
    top = Math.max(b.bottom, top + 2) + 2;
  };
  section('Par département et type de SIAE', TABLE_SUIVI_SYNTHESE, SUMMARY_COLUMNS, summary, 'Aucune SIAE attendue.');
  section('SIAE attendues : les manquantes d’abord, par département, réseau et nom', TABLE_SUIVI_SIAE, SIAE_COLUMNS, siae, 'Aucune SIAE dans le référentiel.', 1);
  section('Retours de SIAE absentes du référentiel', TABLE_SUIVI_HORS, OUTSIDE_COLUMNS, outside, 'Aucun : chaque retour correspond à une SIAE du référentiel.', 1);
  return withRowHeights({
    name: SHEET_SUIVI,
    tabColor: '2E75B6',
    columns: widths.map((width) => ({ width })),
    cells,
    merges: [`A2:${toA1(2, Math.min(widths.length, 9))}`],
    tables,
    conditionalFormats: formats,
    print: { orientation: 'landscape', fitToWidth: true },
  });
}
