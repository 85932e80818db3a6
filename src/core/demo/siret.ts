import { luhnValid } from '../../schema/index.js';
import { intBetween, type Rng } from './prng.js';

/**
 * 14 random digits passing the Luhn check (never La Poste's SIREN). With `taken`, a SIRET
 * already given is drawn again, and the new one is added to it.
 */
export function randomSiret(rng: Rng, taken?: Set<string>): string {
  for (;;) {
    let digits = String(intBetween(rng, 1, 9));
    for (let i = 0; i < 12; i++) digits += String(intBetween(rng, 0, 9));
    // Exactly one check digit passes the Luhn check.
    for (let check = 0; check <= 9; check++) {
      const candidate = digits + String(check);
      if (!luhnValid(candidate)) continue;
      if (taken?.has(candidate)) break;
      taken?.add(candidate);
      return candidate;
    }
  }
}
