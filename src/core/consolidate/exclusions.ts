import { isSiaeKind } from '../../schema/index.js';
import type { ReturnRecord, ValidationIssue } from '../records.js';

/**
 * Why a return stays out of the aggregates: its error messages (from the validation issues
 * pointing at its file, sheet and row). Warnings never exclude. A return without errors but
 * without the dimensions we group by is excluded too, with its own reason.
 */
export function exclusionReasons(r: ReturnRecord, errors: ErrorIndex): readonly string[] {
  // The common case, a return without errors and with its dimensions: no array made.
  if (r.errors === 0 && typeof r.values.annee === 'number' && typeof r.values.departement === 'string' && isSiaeKind(r.values.type_siae)) return NO_REASONS;
  const reasons: string[] = [];
  if (r.errors > 0) {
    // A table row: the issues of its own row; a form (one return per sheet): every issue of its sheet.
    const sheet = sheetKey(r.source.file, r.source.sheet);
    const own = r.source.row !== undefined ? errors.byRow.get(rowKey(sheet, r.source.row)) : errors.bySheet.get(sheet);
    for (const i of own ?? []) {
      if (i.code === 'duplicate-row') continue; // resolved by the deduplication rule, not a reason to exclude
      reasons.push(i.cell ? `${i.cell} : ${i.message}` : i.message);
    }
    if (reasons.length === 0) reasons.push(`${r.errors} erreur(s) signalée(s) par la validation.`);
    return reasons;
  }
  if (typeof r.values.annee !== 'number') reasons.push("L'année des données manque : le retour ne peut être rattaché à aucune période.");
  if (typeof r.values.departement !== 'string') reasons.push('Le département manque : le retour ne peut être rattaché à aucun département.');
  if (!isSiaeKind(r.values.type_siae)) reasons.push('Le type de SIAE manque ou est inconnu : le retour ne peut être rattaché à aucun type.');
  return reasons;
}

const NO_REASONS: readonly string[] = Object.freeze([]);

export function sheetKey(file: string, sheet: string | undefined): string {
  return `${file}\u0000${sheet ?? ''}`;
}

function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** Error issues by file and sheet, and by row: a table of many rows in error costs one look-up per row, not a scan of its sheet. */
export interface ErrorIndex {
  readonly bySheet: ReadonlyMap<string, readonly ValidationIssue[]>;
  readonly byRow: ReadonlyMap<string, readonly ValidationIssue[]>;
}

export function indexErrors(issues: readonly ValidationIssue[]): ErrorIndex {
  const bySheet = new Map<string, ValidationIssue[]>();
  const byRow = new Map<string, ValidationIssue[]>();
  const add = (map: Map<string, ValidationIssue[]>, k: string, i: ValidationIssue) => {
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  for (const i of issues) {
    if (i.severity !== 'erreur') continue;
    const k = sheetKey(i.file, i.sheet);
    add(bySheet, k, i);
    if (i.row !== undefined) add(byRow, rowKey(k, i.row), i);
  }
  return { bySheet, byRow };
}
