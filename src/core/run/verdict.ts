import type { ConsolidationRun } from './types.js';

/**
 * The run's verdict, the same in every front end:
 * - "incomplet": a file could not be read, or the plan named could not be (CLI exit 2);
 * - "ecartes": returns were excluded for errors (CLI exit 1);
 * - "ok": everything read was counted (CLI exit 0) — a resolved duplicate or a warning is not a failure.
 */
export type RunVerdict = 'ok' | 'ecartes' | 'incomplet';

export function runVerdict(run: ConsolidationRun): RunVerdict {
  if (run.counts.unreadable > 0 || run.problems.length > 0) return 'incomplet';
  return run.counts.excluded > 0 ? 'ecartes' : 'ok';
}
