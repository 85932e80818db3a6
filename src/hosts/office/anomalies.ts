/**
 * The "IAE – Anomalies" sheet: the core's anomalies sheet (core/consolidated-workbook), written
 * through writeModel so it gets the same block writes, the same mark and the
 * same all-or-nothing replacement. The cell column links to the faulty cell with a HYPERLINK
 * formula, written with the block (one write for thousands of links, where Range.hyperlink
 * would cost one action per cell); the link's target is built from the sheet name and a
 * checked A1 address inside string literals, so no text from the workbook becomes formula.
 */
import { parseA1 } from '../../core/a1.js';
import type { ValidationIssue } from '../../core/records.js';
import { anomaliesSheet } from '../../core/consolidated-workbook/anomalies-sources.js';
import type { SheetModel } from '../../core/workbook-model.js';
import { quoteSheet, stringLiteral } from './address.js';
import type { ExcelTarget } from './errors.js';
import { OPEN_WORKBOOK_SOURCE } from './read-workbook.js';
import { writeModel, type WriteResult } from './write-model.js';

export const ANOMALIES_SHEET = 'IAE – Anomalies';
export const ANOMALIES_KIND = 'anomalies';
export { TABLE_ANOMALIES as ANOMALIES_TABLE } from '../../core/consolidated-workbook/anomalies-sources.js';

export interface AnomaliesOptions {
  /** Issues whose `file` is this (the open workbook's GridWorkbook.source) get a link. */
  readonly source?: string;
}

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

/** The anomalies sheet as a model (pure): the core's one builder, with links to the open workbook's cells. */
export function anomaliesSheetModel(issues: readonly ValidationIssue[], source = OPEN_WORKBOOK_SOURCE): SheetModel {
  return anomaliesSheet(issues, {
    name: ANOMALIES_SHEET,
    note: 'Problèmes relevés par la vérification. Un lien de la colonne « Cellule » mène à la cellule en cause ; une erreur écarte le retour de la consolidation, un avertissement n\'écarte rien.',
    link: (i) => (linkable(i, source) ? { formula: cellLinkFormula(i.sheet!, i.cell!) } : undefined),
  });
}

/** Writes (or replaces) the anomalies sheet and activates it. */
export function writeAnomaliesSheet(target: ExcelTarget, issues: readonly ValidationIssue[], options: AnomaliesOptions = {}): Promise<WriteResult> {
  return writeModel(target, { sheets: [anomaliesSheetModel(issues, options.source)] }, { kind: ANOMALIES_KIND });
}
