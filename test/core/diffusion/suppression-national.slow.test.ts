import fc from 'fast-check';
import { describe, it } from 'vitest';
import { protectLinked, protectTable } from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { gridAndNetworksArb, gridArb, regionLinks } from './arbitraries.js';
import { expectSafe } from './check.js';
import { expectLinkedSafe } from './check-linked.js';

// National scale (up to 101 départements × 5 kinds with margins): seconds per table, hence « lents ».
describe('suppression à l\'échelle nationale', () => {
  it('protège des tableaux de 1 à 101 départements × 5 types aux petits effectifs aléatoires', () => {
    fc.assert(fc.property(gridArb(101), (t) => expectSafe(protectTable(t, S), S)), { numRuns: 12 });
  }, 900_000);

  it('protège des tableaux par réseau (1 à 20 réseaux) liés à des tableaux de 1 à 101 départements', () => {
    fc.assert(
      fc.property(gridAndNetworksArb(101, 20), ({ base, net }) => {
        const pb = protectTable(base, S);
        const shared = regionLinks(base, net);
        expectLinkedSafe([pb], protectLinked(net, [pb], shared, S), net, shared, S);
      }),
      { numRuns: 8 },
    );
  }, 900_000);
});
