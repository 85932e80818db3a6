/**
 * Random returns that put every cross-field rule on both sides of its limit: sub-counts around
 * the number of people, hour splits exact, within and beyond the tolerance, ETP near and far
 * from hours ÷ hours per ETP, plus missing, rejected (text, unknown kind, short commune) values.
 * Seeded (the project's mulberry32): a failing seed reproduces.
 */
import { between, intBetween, mulberry32, type Rng } from '../../src/core/demo/prng.js';
import type { TypedReturn, TypedValue } from '../../src/core/templates/index.js';
import { DEFAULT_SETTINGS, departementsOfRegion, INDICATORS, indicatorsOfGroup, SIAE_KINDS, type IndicatorDef } from '../../src/schema/index.js';
import { validReturn } from '../fixtures/returns.js';

const SUB_COUNTS = (INDICATORS as readonly IndicatorDef[]).filter((d) => d.subCountOf === 'personnes' || d.code === 'personnes_formees').map((d) => d.code);
const EXITS = ['sorties_emploi_durable', 'sorties_emploi_transition', 'sorties_positives', 'autres_sorties', 'sorties_retirees'];
const SECTORS = indicatorsOfGroup('heures_secteurs').map((d) => d.code);
const DEPS = departementsOfRegion(DEFAULT_SETTINGS.regionCode).map((d) => d.code);

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const cents = (x: number): number => Math.round(x * 100) / 100;

/** Mostly a value, sometimes blank, sometimes text a number cell rejects. */
function maybe(rng: Rng, value: () => TypedValue): TypedValue {
  const r = rng();
  if (r < 0.08) return null;
  if (r < 0.11) return 'douze';
  return value();
}

export function randomReturn(rng: Rng): TypedReturn {
  const base = validReturn() as Record<string, TypedValue>;
  const out: Record<string, TypedValue> = { ...base };
  for (const s of SECTORS) out[s] = null;

  const kind = chance(rng, 0.08) ? pick(rng, ['SCOP', null]) : pick(rng, SIAE_KINDS);
  out.type_siae = kind;
  const dep = chance(rng, 0.06) ? pick(rng, ['99', null]) : pick(rng, DEPS);
  out.departement = dep;
  const communeDep = chance(rng, 0.7) && typeof dep === 'string' ? dep : pick(rng, DEPS);
  out.commune_insee = chance(rng, 0.08) ? pick(rng, ['7505', null]) : `${communeDep}${String(intBetween(rng, 1, 400)).padStart(3, '0')}`;

  const people = intBetween(rng, 0, 60);
  out.personnes = maybe(rng, () => (chance(rng, 0.05) ? 0 : people));
  for (const code of SUB_COUNTS) out[code] = maybe(rng, () => intBetween(rng, 0, Math.ceil(people * (chance(rng, 0.8) ? 0.6 : 1.1))));
  for (const code of EXITS) out[code] = maybe(rng, () => intBetween(rng, 0, Math.ceil(people / 4) + 1));

  const perEtp = typeof kind === 'string' && kind in DEFAULT_SETTINGS.hoursPerEtp ? DEFAULT_SETTINGS.hoursPerEtp[kind as keyof typeof DEFAULT_SETTINGS.hoursPerEtp] : 1600;
  // Hours per person up to 125 % of a full year: the plausibility rule fails now and then.
  const hours = chance(rng, 0.05) ? 0 : Math.round(people * between(rng, 0, 1.25 * perEtp) * 2) / 2;
  out.heures_remunerees = maybe(rng, () => hours);
  if (chance(rng, 0.75)) {
    // A split over one to three sectors: exact, within the tolerance, or off.
    const sectors = [pick(rng, SECTORS), pick(rng, SECTORS), pick(rng, SECTORS)].slice(0, intBetween(rng, 1, 3));
    const r = rng();
    const gap = r < 0.5 ? 0 : r < 0.7 ? pick(rng, [0.5, 1, -1, 1.5]) : Math.round(between(rng, -0.2, 0.2) * hours);
    let left = Math.max(0, hours + gap);
    sectors.forEach((s, i) => {
      const share = i === sectors.length - 1 ? left : Math.round(left * rng() * 2) / 2;
      out[s] = ((out[s] as number | null) ?? 0) + share;
      left -= share;
    });
  }
  const expected = hours / perEtp;
  out.etp_realises = maybe(rng, () => (chance(rng, 0.05) ? 0 : cents(expected * between(rng, 0.88, 1.12))));
  const etp = typeof out.etp_realises === 'number' ? out.etp_realises : expected;
  out.etp_conventionnes = maybe(rng, () => (chance(rng, 0.05) ? 0 : cents(etp * between(rng, 0.7, 1.4))));
  return out;
}

export function randomReturns(seed: number, count: number): TypedReturn[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => randomReturn(rng));
}
