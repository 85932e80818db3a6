import { parseA1 } from '../a1.js';
import type { ConsolidationResult } from '../consolidate/index.js';
import type { ValidationIssue } from '../records.js';
import { withRowHeights } from '../text-layout.js';
import type { CellModel, SheetModel, TableModel } from '../workbook-model.js';
import { NOTE_STYLE, TITLE_STYLE } from './formats.js';
import { tableBlock, tableSheet, type BlockColumn, type BlockRow } from './table-block.js';

export const SHEET_ANOMALIES = 'Anomalies';
export const SHEET_SOURCES = 'Sources';
export const TABLE_ANOMALIES = 'IAE_Anomalies';
export const TABLE_SOURCES = 'IAE_Sources';
export const TABLE_EXCLUS = 'IAE_Retours_ecartes';
export const TABLE_DOUBLONS = 'IAE_Doublons';
export const TABLE_RETENUS = 'IAE_Retours_retenus';

const SEVERITY_LABEL = { erreur: 'Erreur', avertissement: 'Avertissement' } as const;

/** Headers of the anomalies table; the machine code of the check comes last. */
export const ANOMALIES_COLUMNS: readonly BlockColumn[] = [
  { header: 'Gravité', width: 14 },
  { header: 'Fichier', width: 24 },
  { header: 'Feuille', width: 16 },
  { header: 'Cellule', width: 9 },
  { header: 'Ligne', width: 7 },
  { header: 'Indicateur', width: 18 },
  { header: 'Valeur lue', width: 14 },
  { header: 'Message', width: 80, style: { wrap: true } },
  { header: 'Code', width: 14 },
];
const CELL_COLUMN = ANOMALIES_COLUMNS.findIndex((c) => c.header === 'Cellule');

export interface AnomaliesSheetOptions {
  /** Sheet name: « Anomalies » in the consolidated workbook, the Excel host its own. */
  readonly name?: string;
  readonly note?: string;
  /**
   * A link to the issue's cell, or undefined: the Excel host links the cells of the open
   * workbook (a HYPERLINK formula built from a checked A1 address, never from workbook text).
   */
  readonly link?: (issue: ValidationIssue) => Pick<CellModel, 'formula' | 'hyperlink'> | undefined;
}

/** Row of an issue's cell, for sorting issues that only give a cell. */
function rowOf(i: ValidationIssue): number {
  if (i.row !== undefined) return i.row;
  if (!i.cell) return 0;
  try {
    return parseA1(i.cell).row;
  } catch {
    return 0;
  }
}

/** The one anomalies sheet: every issue with its file, sheet and cell; errors first, then by file and position. */
export function anomaliesSheet(issues: readonly ValidationIssue[], options: AnomaliesSheetOptions = {}): SheetModel {
  const sorted = [...issues].sort(
    (a, b) =>
      Number(b.severity === 'erreur') - Number(a.severity === 'erreur') ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      rowOf(a) - rowOf(b),
  );
  const errors = issues.filter((i) => i.severity === 'erreur').length;
  const rows: BlockRow[] = sorted.map((i) => {
    const link = options.link?.(i);
    return {
      values: [SEVERITY_LABEL[i.severity], i.file, i.sheet ?? null, i.cell ?? null, i.row ?? null, i.indicator ?? null, i.value ?? null, i.message, i.code],
      ...(link ? { extras: ANOMALIES_COLUMNS.map((_, c) => (c === CELL_COLUMN ? link : undefined)), styles: ANOMALIES_COLUMNS.map((_, c) => (c === CELL_COLUMN ? { color: '0563C1' } : undefined)) } : {}),
    };
  });
  return tableSheet({
    name: options.name ?? SHEET_ANOMALIES,
    tabColor: 'C00000',
    title: 'Anomalies relevées',
    note:
      options.note ??
      `${errors} erreur(s) et ${issues.length - errors} avertissement(s). Un retour avec une erreur est écarté des chiffres ; un avertissement n'écarte rien.`,
    tableName: TABLE_ANOMALIES,
    columns: ANOMALIES_COLUMNS,
    rows,
    empty: 'Aucune anomalie : les données vérifiées sont conformes.',
    freezeCols: 0,
    lights: {
      col: 1,
      rules: [
        { text: SEVERITY_LABEL.erreur, style: { fill: 'FFC7CE', color: '9C0006' } },
        { text: SEVERITY_LABEL.avertissement, style: { fill: 'FFEB9C', color: '9C5700' } },
      ],
    },
  });
}

interface Section {
  readonly title: string;
  readonly table: string;
  readonly columns: readonly BlockColumn[];
  readonly rows: readonly (string | number | null)[][];
  readonly empty: string;
}

const SECTION_TITLE_STYLE = { bold: true, fontSize: 12, color: '1F4E79' } as const;

/**
 * Tables one under the other, each under its own title row and with its own header, a blank
 * row between them; each column is as wide as the widest need of any table, so long texts wrap
 * in moderate widths rather than pushing the first table's numbers apart.
 */
function stackedTablesSheet(name: string, title: string, sections: readonly Section[]): SheetModel {
  const cells: CellModel[] = [{ row: 1, col: 1, value: title, style: TITLE_STYLE }];
  const tables: TableModel[] = [];
  const widths: number[] = [];
  let top = 3;
  for (const s of sections) {
    cells.push({ row: top, col: 1, value: s.title, style: SECTION_TITLE_STYLE });
    const b = tableBlock(s.table, top + 1, 1, s.columns, s.rows.map((values) => ({ values })));
    for (const c of b.cells) cells.push(c);
    b.widths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
    if (b.table) tables.push(b.table);
    else cells.push({ row: top + 2, col: 1, value: s.empty, style: NOTE_STYLE });
    top = Math.max(b.bottom, top + 2) + 2;
  }
  return withRowHeights({
    name,
    columns: widths.map((width) => ({ width })),
    cells,
    tables,
    print: { orientation: 'landscape', fitToWidth: true },
  });
}

/** Files read with what each gave; then the returns left out, the returns kept and the duplicates. */
export function sourcesSheet(result: ConsolidationResult): SheetModel {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const where = (s: { file: string; sheet: string; row?: number }) => `${s.file} – ${s.sheet}${s.row !== undefined ? ` – ligne ${s.row}` : ''}`;
  return stackedTablesSheet(SHEET_SOURCES, 'Sources de la consolidation', [
    {
      title: 'Fichiers lus',
      table: TABLE_SOURCES,
      columns: [
        { header: 'Fichier' },
        { header: 'Retours lus' },
        { header: 'Retours retenus' },
        { header: 'Retours écartés (erreurs)' },
        { header: 'Doublons écartés' },
        { header: 'Erreurs' },
        { header: 'Avertissements' },
      ],
      rows: result.sources.map((s) => [s.file, s.returns, s.kept, s.excluded, s.duplicatesDropped, s.errors, s.warnings]),
      empty: 'Aucun fichier lu.',
    },
    {
      title: 'Retours écartés (au moins une erreur)',
      table: TABLE_EXCLUS,
      columns: [
        { header: 'Fichier' },
        { header: 'Feuille' },
        { header: 'Ligne' },
        { header: 'SIRET' },
        { header: 'Raison sociale', width: 30, style: { wrap: true } },
        { header: 'Motifs', width: 50, style: { wrap: true } },
      ],
      rows: result.excluded.map((e) => [
        e.record.source.file,
        e.record.source.sheet,
        e.record.source.row ?? null,
        text(e.record.values.siret),
        text(e.record.values.raison_sociale),
        e.reasons.join(' | '),
      ]),
      empty: 'Aucun retour écarté.',
    },
    {
      title: "Retours retenus (chaque chiffre en est la somme : filtrez par année, département et type pour retrouver ceux d'un agrégat)",
      table: TABLE_RETENUS,
      columns: [
        { header: 'Fichier' },
        { header: 'Feuille' },
        { header: 'Ligne' },
        { header: 'SIRET' },
        { header: 'Raison sociale', width: 30, style: { wrap: true } },
        { header: 'Année' },
        { header: 'Département' },
        { header: 'Type de SIAE' },
      ],
      rows: result.kept.map((r) => [
        r.source.file,
        r.source.sheet,
        r.source.row ?? null,
        text(r.values.siret),
        text(r.values.raison_sociale),
        typeof r.values.annee === 'number' ? r.values.annee : null,
        text(r.values.departement),
        text(r.values.type_siae),
      ]),
      empty: 'Aucun retour retenu.',
    },
    {
      // Columns in the order of the tables above (file, sheet, row, SIRET), so widths suit all.
      title: 'Doublons (même SIRET, même année) : comptés une seule fois',
      table: TABLE_DOUBLONS,
      columns: [
        { header: 'Fichier du retour retenu' },
        { header: 'Feuille' },
        { header: 'Ligne' },
        { header: 'SIRET' },
        { header: 'Année' },
        { header: 'Retour(s) écarté(s)', width: 50, style: { wrap: true } },
        { header: 'Règle appliquée', width: 30, style: { wrap: true } },
      ],
      rows: result.duplicates.map((d) => [d.kept.file, d.kept.sheet, d.kept.row ?? null, d.siret, d.periode, d.dropped.map(where).join(' | '), d.reason]),
      empty: 'Aucun doublon.',
    },
  ]);
}
