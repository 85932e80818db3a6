/**
 * Aggregates per network, period by period, each beside the region's: summed by the
 * consolidation's own accumulator (src/core/consolidate/aggregate.ts), so a network's figures
 * follow exactly the region's rules (blank versus zero, rates over the returns giving every
 * operand). A plain structure: the sheet, the JSON and the public version read the same one.
 */
import { GroupAccumulator, reduceReturns } from '../consolidate/aggregate.js';
import { cmp } from '../consolidate/dedup.js';
import type { ConsolidationResult, GroupAggregate } from '../consolidate/types.js';
import { labelKey } from '../parse/text.js';
import { NO_NETWORK, type NetworkOfReturn } from './network-of.js';

export interface NetworkGroup {
  /** As first written (spellings differing only by case, accents or punctuation are one network). */
  readonly reseau: string;
  /** members: indices into ConsolidationResult.kept. */
  readonly group: GroupAggregate;
}

export interface PeriodNetworks {
  readonly periode: number;
  /** The consolidation's own regional aggregate of the period. */
  readonly region: GroupAggregate;
  /** Networks by name, « Réseau non renseigné » last. */
  readonly networks: readonly NetworkGroup[];
}

export interface NetworkFigures {
  readonly periods: readonly PeriodNetworks[];
  /** At least one retained return has a known network (else a per-network view says nothing). */
  readonly anyKnown: boolean;
}

/** `reduced`: the table the consolidation reduced result.kept into (consolidateReduced), when the caller has it. */
export function networkFigures(result: ConsolidationResult, networks: readonly NetworkOfReturn[], reduced: Float64Array = reduceReturns(result.kept)): NetworkFigures {
  const byPeriod = new Map<number, Map<string, { reseau: string; acc: GroupAccumulator }>>();
  let anyKnown = false;
  // A network's key, normalised once per spelling rather than once per return.
  const keys = new Map<string, string>();
  result.kept.forEach((r, i) => {
    const periode = r.values.annee as number;
    const { reseau, origin } = networks[i] ?? { reseau: NO_NETWORK, origin: 'aucune' };
    if (origin !== 'aucune') anyKnown = true;
    let groups = byPeriod.get(periode);
    if (!groups) byPeriod.set(periode, (groups = new Map()));
    let key = origin === 'aucune' ? '' : keys.get(reseau);
    if (key === undefined) keys.set(reseau, (key = labelKey(reseau)));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { reseau, acc: new GroupAccumulator({ periode, departement: null, kind: null }) }));
    // Kept returns are in the canonical order, so each network's sums are exact and stable.
    g.acc.addRow(i, reduced);
  });
  const periods: PeriodNetworks[] = [];
  for (const periode of result.periods) {
    const region = result.byPeriod.get(periode)?.region;
    const groups = byPeriod.get(periode);
    if (!region || !groups) continue;
    const networks = [...groups.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : cmp(a, b)))
      .map(([, g]) => ({ reseau: g.reseau, group: g.acc.finish() }));
    periods.push({ periode, region, networks });
  }
  return { periods, anyKnown };
}
