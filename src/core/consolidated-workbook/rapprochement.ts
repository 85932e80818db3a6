import { formatNumberFr, formatPercentFr, SIAE_KINDS } from '../../schema/index.js';
import { ASP_COMPARISONS, ourLabel, type FigureGap, type Reconciliation, type SideEntry } from '../reconcile/index.js';
import { withRowHeights } from '../text-layout.js';
import type { CellModel, SheetModel, StyleModel, TableModel } from '../workbook-model.js';
import { NOTE_STYLE, NUM_FMT, TITLE_STYLE } from './formats.js';
import { REGION_LABEL, departementLabel } from './scopes.js';
import { lastColumnWithin, tableBlock, type BlockColumn, type BlockRow, type BlockValue } from './table-block.js';
import { toA1 } from '../a1.js';

export const SHEET_RAPPROCHEMENT = 'Rapprochement ASP';
export const TABLE_ASP_TOTAUX = 'IAE_ASP_Totaux';
export const TABLE_ASP_SIAE = 'IAE_ASP_SIAE';
export const TABLE_ASP_UN_COTE = 'IAE_ASP_Un_seul_cote';

/** The words of the « Signalement » column. */
export const GAP_FLAGGED = 'Écart à vérifier';
export const GAP_OK = 'Concordant';
export const GAP_NO_RETURN = 'Absent du retour';
export const GAP_NO_ASP = "Absent de l'extraction";

/** A flagged gap, as the progression's « en recul »: red on pink, bold. */
const FLAG_STYLE: StyleModel = { fill: 'FFC7CE', color: '9C0006', bold: true };
const OK_STYLE: StyleModel = { color: '006100' };
const NOTE_WRAPPED: StyleModel = { ...NOTE_STYLE, wrap: true, vertical: 'top' };
/** As tableSheet's notes: wider than this (in characters), a note wraps onto more lines. */
const NOTE_MAX_WIDTH = 160;
const COUNT: StyleModel = { numFmt: NUM_FMT.entier };
const SHARE: StyleModel = { numFmt: NUM_FMT.pourcentage };

/** Figures compared for some kinds only, said in the sheet's note (from the mapping, never restated). */
const restricted = ASP_COMPARISONS.filter((c) => c.code && c.kinds.length > 0 && c.kinds.length < SIAE_KINDS.length)
  .map((c) => ` ${ourLabel(c.code!)} : ${c.kinds.join(', ')} seulement.`)
  .join('');

function signal(g: FigureGap): string {
  if (g.ours === undefined) return GAP_NO_RETURN;
  if (g.asp === undefined) return GAP_NO_ASP;
  return g.flagged ? GAP_FLAGGED : GAP_OK;
}

const GAP_COLUMNS: BlockColumn[] = [
  { header: 'Indicateur', width: 30 },
  { header: 'Retours', width: 10, style: COUNT },
  { header: 'Extraction ASP', width: 10, style: COUNT },
  { header: 'Écart (retours − ASP)', width: 10, style: COUNT },
  { header: 'Écart relatif', width: 9, style: SHARE },
  { header: 'Signalement', width: 16 },
];

/** The gap's cells after `before` cells of the row's own (values pushed onto `values`). */
function pushGapValues(values: BlockValue[], g: FigureGap): void {
  values.push(ourLabel(g.code), g.ours ?? null, g.asp ?? null, g.difference ?? null, g.relative ?? null, signal(g));
}

/**
 * The flag's colours on the gap and the signal: three ways a row can look, so their styles are
 * made once per table (by the number of cells before the gap's) and shared by its rows.
 */
function gapStyles(before: number): (g: FigureGap) => readonly (StyleModel | undefined)[] {
  const lead: (StyleModel | undefined)[] = Array.from({ length: before }, () => undefined);
  const flagged = [...lead, undefined, COUNT, COUNT, { ...COUNT, ...FLAG_STYLE }, { ...SHARE, ...FLAG_STYLE }, FLAG_STYLE];
  const ok = [...lead, undefined, COUNT, COUNT, COUNT, SHARE, OK_STYLE];
  const none = [...lead, undefined, COUNT, COUNT, COUNT, SHARE, undefined];
  return (g) => (g.flagged ? flagged : g.difference !== undefined ? ok : none);
}

const kindText = (k: string | undefined) => k ?? '';
/** « 93 Seine-Saint-Denis », made once per département. */
function depTexts(): (d: string | undefined) => string {
  const made = new Map<string, string>();
  return (d) => {
    if (!d) return '';
    let t = made.get(d);
    if (t === undefined) made.set(d, (t = `${d} ${departementLabel(d)}`));
    return t;
  };
}

function sideRow(e: SideEntry, side: string, depText: (d: string | undefined) => string): BlockRow {
  return {
    values: [e.annee ?? null, side, e.siret ?? '', e.annexe ?? '', e.nom ?? '', depText(e.departement), kindText(e.kind), e.source.file, e.source.sheet, e.source.row ?? null],
  };
}

/** The totals' rows: one per scope and figure. */
function scopeRows(r: Reconciliation): BlockRow[] {
  const styles = gapStyles(4);
  const rows: BlockRow[] = [];
  for (const s of r.totals) {
    for (const g of s.gaps) {
      const values: BlockValue[] = [s.annee, s.departement ?? REGION_LABEL, s.departement ? departementLabel(s.departement) : REGION_LABEL, s.matched];
      pushGapValues(values, g);
      rows.push({ values, styles: styles(g) });
    }
  }
  return rows;
}

/** The matched SIAE's rows: one per SIAE and compared figure (a plain loop: 100,000 rows at national scale). */
function siaeRows(r: Reconciliation, depText: (d: string | undefined) => string): BlockRow[] {
  const styles = gapStyles(7);
  const rows: BlockRow[] = [];
  for (const m of r.matched) {
    const dep = depText(m.departement);
    const by = m.matchedBy === 'siret' ? 'SIRET' : 'annexe';
    for (const g of m.gaps) {
      const values: BlockValue[] = [m.annee, m.siret ?? '', m.annexe ?? '', m.nom ?? '', dep, kindText(m.kind), by];
      pushGapValues(values, g);
      values.push(m.returnSource.file, m.aspSource.row);
      rows.push({ values, styles: styles(g) });
    }
  }
  return rows;
}

/**
 * « Rapprochement ASP »: the totals of the region and each département over the SIAE found on
 * both sides, then every such SIAE figure by figure (a gap beyond the tolerances in red), then
 * the SIAE found on one side only. Three tables stacked, each under a bold title, with the conventions of the other sheets.
 */
export function rapprochementSheet(r: Reconciliation): SheetModel {
  const depText = depTexts();
  const cells: CellModel[] = [];
  const tables: TableModel[] = [];
  const widths: number[] = [];
  const t = r.tolerances;
  const years = r.years.length > 0 ? r.years.join(', ') : 'aucune';
  cells.push(
    { row: 1, col: 1, value: "Rapprochement avec l'extraction annuelle de l'ASP", style: TITLE_STYLE },
    {
      row: 2,
      col: 1,
      value: `Extraction « ${r.file} » (feuille « ${r.sheet} »), années comparées : ${years}. Une SIAE est rapprochée par son SIRET et l'année, sinon par son annexe financière (forme courte). L'extraction est une référence : elle n'entre dans aucun autre chiffre du classeur.`,
      style: NOTE_WRAPPED,
    },
    {
      row: 3,
      col: 1,
      value: `Écart signalé quand il dépasse à la fois ${formatNumberFr(t.absoluteTolerance)} (personnes ou sorties) et ${formatPercentFr(t.relativeTolerance)} du chiffre de l'ASP (le seul écart absolu quand l'ASP donne 0). Totaux : sommes sur les SIAE rapprochées qui donnent l'indicateur des deux côtés. Les colonnes comparées, et pour quels types, sont dans la spécification des indicateurs (« Rapprochement avec l'extraction ASP »).${restricted}${
        r.yearsReturnsOnly.length + r.yearsAspOnly.length > 0
          ? ` Non comparées : ${[...r.yearsReturnsOnly.map((y) => `${y} (retours seulement)`), ...r.yearsAspOnly.map((y) => `${y} (extraction seulement)`)].join(', ')}.`
          : ''
      }`,
      style: NOTE_WRAPPED,
    },
  );
  let top = 5;
  const block = (title: string, name: string, columns: readonly BlockColumn[], rows: readonly BlockRow[], empty: string) => {
    cells.push({ row: top, col: 1, value: title, style: { bold: true, fontSize: 12 } });
    const b = tableBlock(name, top + 1, 1, columns, rows);
    for (const c of b.cells) cells.push(c);
    if (b.table) tables.push(b.table);
    else cells.push({ row: top + 2, col: 1, value: empty, style: NOTE_STYLE });
    b.widths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
    top = Math.max(b.bottom, top + 2) + 3;
  };

  block(
    `Totaux de la région et des départements (${formatNumberFr(r.matched.length)} SIAE rapprochée(s))`,
    TABLE_ASP_TOTAUX,
    [{ header: 'Année', width: 7 }, { header: 'Périmètre', width: 10 }, { header: 'Nom du périmètre', width: 20 }, { header: 'SIAE rapprochées', width: 11, style: COUNT }, ...GAP_COLUMNS],
    scopeRows(r),
    'Aucune SIAE rapprochée.',
  );

  block(
    `Par SIAE (${formatNumberFr(r.flaggedCount)} écart(s) à vérifier)`,
    TABLE_ASP_SIAE,
    [
      { header: 'Année', width: 7 },
      { header: 'SIRET', width: 15 },
      { header: 'Annexe financière', width: 14 },
      { header: 'Raison sociale', width: 24 },
      { header: 'Département', width: 14 },
      { header: 'Type de SIAE', width: 8 },
      { header: 'Rapprochée par', width: 10 },
      ...GAP_COLUMNS,
      { header: 'Fichier du retour', width: 20 },
      { header: "Ligne de l'extraction", width: 10 },
    ],
    siaeRows(r, depText),
    'Aucune SIAE présente à la fois dans les retours et dans l\'extraction.',
  );

  block(
    `SIAE d'un seul côté (${formatNumberFr(r.returnsOnly.length)} dans les retours seulement, ${formatNumberFr(r.aspOnly.length)} dans l'extraction seulement)`,
    TABLE_ASP_UN_COTE,
    [
      { header: 'Année', width: 7 },
      { header: 'Présente dans', width: 22 },
      { header: 'SIRET', width: 15 },
      { header: 'Annexe financière', width: 14 },
      { header: 'Raison sociale', width: 24 },
      { header: 'Département', width: 14 },
      { header: 'Type de SIAE', width: 8 },
      { header: 'Fichier', width: 20 },
      { header: 'Feuille', width: 12 },
      { header: 'Ligne', width: 7 },
    ],
    [...r.returnsOnly.map((e) => sideRow(e, 'Retours seulement', depText)), ...r.aspOnly.map((e) => sideRow(e, 'Extraction ASP seulement', depText))],
    'Toutes les SIAE des années comparées sont des deux côtés.',
  );

  // The notes wrap over the tables' width (merged), as on the one-table sheets: never a line
  // running far right, which would shrink the printed page to nothing.
  const span = Math.max(1, lastColumnWithin(widths, NOTE_MAX_WIDTH));
  return withRowHeights({
    name: SHEET_RAPPROCHEMENT,
    tabColor: 'C00000',
    columns: widths.map((width) => ({ width })),
    cells,
    ...(span > 1 ? { merges: [`A2:${toA1(2, span)}`, `A3:${toA1(3, span)}`] } : {}),
    tables,
    print: { orientation: 'landscape', fitToWidth: true },
  });
}
