/**
 * The completeness of the collection as the Consolider tab shows it: one line per département
 * with SIAE expected, then the region, in the very words of the CLI's summary (the campaign
 * module's completenessLine). Nothing when the run was given no référentiel.
 */
import { completenessLine } from '../../core/campaign/index.js';
import type { ConsolidationRun } from '../../core/run/index.js';
import type { CompletenessLine } from './ports.js';

export function completenessLines(run: Pick<ConsolidationRun, 'completeness'>): CompletenessLine[] | undefined {
  const c = run.completeness;
  if (!c) return undefined;
  return [
    ...c.byDepartement.filter((d) => d.attendues > 0).map((d) => ({ code: d.departement ?? '', text: completenessLine(d) })),
    { code: '', text: completenessLine(c.region) },
  ];
}
