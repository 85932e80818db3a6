import { DIAGNOSTIC_2013 } from './diagnostic-2013.js';
import { DEMO_SEED, generateDemoRegion, type DemoOptions, type DemoRegion } from './generate.js';
import { mulberry32 } from './prng.js';

/** Seed of the demo's year N−1: another draw of the same generator. */
export const DEMO_PREVIOUS_SEED = DEMO_SEED + 1;

/** Share of the SIAE of a draw left out of N−1: structures conventioned only from year N. */
export const DEMO_NEW_SIAE_SHARE = 0.06;

/**
 * A plausible year before the demo's: the same generator with another seed, for the year
 * before, less about 6 % of its SIAE (the region grows from N−1 to N), so « Évolution » has
 * changes in every figure while each return stays valid. The year N region is untouched.
 */
export function generatePreviousDemoYear(options: DemoOptions = {}): DemoRegion {
  const seed = options.seed ?? DEMO_PREVIOUS_SEED;
  const annee = (options.annee ?? DIAGNOSTIC_2013.annee) - 1;
  const region = generateDemoRegion({ ...options, seed, annee });
  const rng = mulberry32(seed ^ 0x5bd1e995);
  return { ...region, siae: region.siae.filter(() => rng() >= DEMO_NEW_SIAE_SHARE) };
}
