import { consolidate, type ConsolidationResult } from '../../../src/core/consolidate/index.js';
import { generateDemoRegion } from '../../../src/core/demo/index.js';
import type { ReturnRecord } from '../../../src/core/records.js';

/** The demo region consolidated, each return from a file whose name must never be published. */
export function demoConsolidation(): { result: ConsolidationResult; records: ReturnRecord[] } {
  const records: ReturnRecord[] = generateDemoRegion().siae.map((s, i) => ({
    values: s.values,
    source: { file: `C:/Réseaux/retour-confidentiel-${s.values.siret}.xlsx`, sheet: 'Retours', row: 10 + i, cells: {} },
    errors: 0,
    warnings: 0,
  }));
  return { result: consolidate({ records }), records };
}

/** Two years: the demo as 2013, and 2012 without one SIAE in seven (an evolution to publish). */
export function twoYearConsolidation(records: readonly ReturnRecord[]): ConsolidationResult {
  return consolidate({
    records: [...records, ...records.filter((_, i) => i % 7 !== 0).map((r) => ({ ...r, values: { ...r.values, annee: 2012 } }))],
  });
}
