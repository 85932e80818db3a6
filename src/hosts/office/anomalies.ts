/**
 * The "IAE – Anomalies" sheet: one row per issue (gravité, fichier, feuille, cellule, indicateur,
 * message), written through writeModel so it gets the same block writes, the same mark and the
 * same all-or-nothing replacement. The cell column links to the faulty cell with a HYPERLINK
 * formula, written with the block (one write for thousands of links, where Range.hyperlink
 * would cost one action per cell); the link's target is built from the sheet name and a
 * checked A1 address inside string literals, so no text from the workbook becomes formula.
 */
import { parseA1 } from '../../core/a1.js';
import type { ValidationIssue } from '../../core/records.js';
import type { CellModel, SheetModel } from '../../core/workbook-model.js';
import { quoteSheet, stringLiteral } from './address.js';
import type { ExcelTarget } from './errors.js';
import { OPEN_WORKBOOK_SOURCE } from './read-workbook.js';
import { writeModel, type WriteResult } from './write-model.js';

export const ANOMALIES_SHEET = 'IAE – Anomalies';
export const ANOMALIES_KIND = 'anomalies';
export const ANOMALIES_TABLE = 'IAE_Anomalies';
export const ANOMALIES_HEADERS = ['Gravité', 'Fichier', 'Feuille', 'Cellule', 'Indicateur', 'Message'] as const;

export interface AnomaliesOptions {
  /** Issues whose `file` is this (the open workbook's GridWorkbook.source) get a link. */
  readonly source?: string;
}

const SEVERITY_LABEL = { erreur: 'Erreur', avertissement: 'Avertissement' } as const;

/** The HYPERLINK formula (without '=') that jumps to a cell of the open workbook. */
export function cellLinkFormula(sheet: string, cell: string): string {
  parseA1(cell); // throws a French message on anything but a plain A1 address
  const address = cell.replace(/\$/g, '').toUpperCase();
  return `HYPERLINK(${stringLiteral(`#${quoteSheet(sheet)}!${address}`)},${stringLiteral(address)})`;
}

function linkable(i: ValidationIssue, source: string): boolean {
  if (i.file !== source || !i.sheet || !i.cell) return false;
  try {
    parseA1(i.cell);
    return true;
  } catch {
    return false;
  }
}

/** The anomalies sheet as a model (pure): errors first, then by file, sheet and row. */
export function anomaliesSheetModel(issues: readonly ValidationIssue[], source = OPEN_WORKBOOK_SOURCE): SheetModel {
  const sorted = [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'erreur' ? -1 : 1) ||
      a.file.localeCompare(b.file) ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      (a.row ?? (a.cell ? parseA1Safe(a.cell) : 0)) - (b.row ?? (b.cell ? parseA1Safe(b.cell) : 0)),
  );
  const cells: CellModel[] = ANOMALIES_HEADERS.map((h, c) => ({ row: 1, col: c + 1, value: h }));
  sorted.forEach((i, k) => {
    const row = k + 2;
    cells.push({ row, col: 1, value: SEVERITY_LABEL[i.severity] });
    cells.push({ row, col: 2, value: i.file });
    cells.push({ row, col: 3, value: i.sheet ?? '' });
    cells.push(linkable(i, source) ? { row, col: 4, formula: cellLinkFormula(i.sheet!, i.cell!), value: i.cell! } : { row, col: 4, value: i.cell ?? '' });
    cells.push({ row, col: 5, value: i.indicator ?? '' });
    cells.push({ row, col: 6, value: i.message });
  });
  if (sorted.length === 0) cells.push({ row: 2, col: 6, value: 'Aucune anomalie : les données vérifiées sont conformes.' });
  const last = Math.max(2, sorted.length + 1);
  return {
    name: ANOMALIES_SHEET,
    tabColor: 'C00000',
    columns: [{ width: 15 }, { width: 28 }, { width: 22 }, { width: 10 }, { width: 26 }, { width: 90 }],
    cells,
    // Formats per column range, never per cell.
    rangeStyles: [
      { range: `D2:D${last}`, style: { color: '0563C1' } },
      { range: `F2:F${last}`, style: { wrap: true, vertical: 'top' } },
    ],
    freeze: { rows: 1, cols: 0 },
    tables: [{ name: ANOMALIES_TABLE, topLeft: 'A1', columns: [...ANOMALIES_HEADERS], rowCount: last - 1, style: 'TableStyleLight9' }],
    conditionalFormats: [
      { range: `A2:A${last}`, rules: [{ type: 'containsText', text: SEVERITY_LABEL.erreur, style: { color: '9C0006', bold: true } }] },
      { range: `A2:A${last}`, rules: [{ type: 'containsText', text: SEVERITY_LABEL.avertissement, style: { color: '9C5700' } }] },
    ],
  };
}

function parseA1Safe(cell: string): number {
  try {
    return parseA1(cell).row;
  } catch {
    return 0;
  }
}

/** Writes (or replaces) the anomalies sheet and activates it. */
export function writeAnomaliesSheet(target: ExcelTarget, issues: readonly ValidationIssue[], options: AnomaliesOptions = {}): Promise<WriteResult> {
  return writeModel(target, { sheets: [anomaliesSheetModel(issues, options.source)] }, { kind: ANOMALIES_KIND });
}
