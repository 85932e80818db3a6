import type { ValidationIssue } from '../records.js';
import type { IgnoredInput } from './types.js';

const keyOf = (i: ValidationIssue) => [i.code, i.severity, i.file, i.sheet ?? '', i.cell ?? '', i.row ?? '', i.message].join('\u0000');

/**
 * Every anomaly of the run, in one list: the consolidation's (validation issues with the
 * duplicates resolved), the plan's, then the inputs left out. An issue reported by two of them
 * (the same plan file read as an input and as the plan, say) appears once.
 */
export function runAnomalies(
  consolidation: readonly ValidationIssue[],
  plan: readonly ValidationIssue[],
  ignored: readonly IgnoredInput[],
): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  const add = (i: ValidationIssue) => {
    const k = keyOf(i);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(i);
  };
  for (const i of consolidation) add(i);
  for (const i of plan) add(i);
  for (const g of ignored) add({ code: 'ignored-file', severity: 'avertissement', file: g.file, message: g.message });
  return out;
}
