import type { Referentiel } from '../../../src/core/campaign/index.js';
import { computeEvolution } from '../../../src/core/evolution/index.js';
import { networkFigures, networksOfReturns } from '../../../src/core/networks/index.js';
import type { ConsolidationRun } from '../../../src/core/run/index.js';
import type { SiaeKind } from '../../../src/schema/index.js';
import { demoConsolidation, twoYearConsolidation } from './demo-result.js';

/** Network names of the demo run: none of them may be mistaken for an SIAE's name. */
export const SINGLE_NETWORK = 'Entreprises d\'insertion de Seine-et-Marne';
export const WIDE_NETWORKS = ['Réseau régional A', 'Réseau régional B', 'Réseau régional C'];

/**
 * The demo region over two years as the run sees it: the networks of its returns read from a
 * référentiel (the core's own networksOfReturns and networkFigures), the year over year from
 * computeEvolution. Seine-et-Marne's EI and ETTI (two ETTI: hidden) form a network of a single
 * département (its cells are the département table's); the others spread over the region; one
 * SIAE in eleven has none.
 */
export function demoRun(): { run: Pick<ConsolidationRun, 'result' | 'networks' | 'evolution'>; records: ReturnType<typeof demoConsolidation>['records'] } {
  const { records } = demoConsolidation();
  const result = twoYearConsolidation(records);
  const seen = new Set<string>();
  const entries: Referentiel['entries'][number][] = [];
  records.forEach((r, i) => {
    const siret = String(r.values.siret);
    const kind = r.values.type_siae as SiaeKind;
    const departement = String(r.values.departement);
    const single = departement === '77' && (kind === 'EI' || kind === 'ETTI');
    if (seen.has(siret) || (!single && i % 11 === 0)) return;
    seen.add(siret);
    const reseau = single ? SINGLE_NETWORK : WIDE_NETWORKS[i % 3]!;
    entries.push({ siret, nom: String(r.values.raison_sociale), kind, departement, reseau, source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 5 + i } });
  });
  const referentiel: Referentiel = { file: 'referentiel.xlsx', origin: 'modele', entries, issues: [] };
  const ofKept = networksOfReturns(result.kept, [], referentiel);
  const evolution = computeEvolution(result, undefined).evolution;
  return { run: { result, networks: { ofKept, figures: networkFigures(result, ofKept) }, ...(evolution ? { evolution } : {}) }, records };
}
