import fc from 'fast-check';
import { describe, it } from 'vitest';
import { protectTable } from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { gridArb } from './arbitraries.js';
import { expectSafe } from './check.js';

// National scale (up to 101 départements × 5 kinds with margins): seconds per table, hence « lents ».
describe('suppression à l\'échelle nationale', () => {
  it('protège des tableaux de 1 à 101 départements × 5 types aux petits effectifs aléatoires', () => {
    fc.assert(fc.property(gridArb(101), (t) => expectSafe(protectTable(t, S), S)), { numRuns: 12 });
  }, 600_000);
});
