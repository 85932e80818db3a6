import { isSiaeKind } from '../../schema/index.js';
import type { ReturnRecord, ValidationIssue } from '../records.js';

/**
 * Why a return stays out of the aggregates: its error messages (from the validation issues
 * pointing at its file, sheet and row). Warnings never exclude. A return without errors but
 * without the dimensions we group by is excluded too, with its own reason.
 */
export function exclusionReasons(r: ReturnRecord, errorsBySheet: ReadonlyMap<string, readonly ValidationIssue[]>): string[] {
  const reasons: string[] = [];
  if (r.errors > 0) {
    for (const i of errorsBySheet.get(sheetKey(r.source.file, r.source.sheet)) ?? []) {
      if (r.source.row !== undefined && i.row !== r.source.row) continue;
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

export function sheetKey(file: string, sheet: string | undefined): string {
  return `${file}\u0000${sheet ?? ''}`;
}

/** Error issues grouped by file and sheet, so that finding a return's reasons is cheap. */
export function indexErrors(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const map = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    if (i.severity !== 'erreur') continue;
    const k = sheetKey(i.file, i.sheet);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}
