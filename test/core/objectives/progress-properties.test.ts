import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../src/core/consolidate/index.js';
import { computeProgress, progressJson, type ActionPlan, type PlanTarget } from '../../../src/core/objectives/index.js';
import { validReturn } from '../../fixtures/returns.js';
import { DEPS, rec, siretOf } from '../consolidate/arbitraries.js';

const plan = (...targets: PlanTarget[]): ActionPlan => ({ name: 'test', targets, issues: [] });
const target = (over: Partial<PlanTarget>): PlanTarget => ({
  objectif: '212',
  indicateur: 'part_femmes',
  departement: '93',
  kind: null,
  cible: 0.5,
  sens: 'hausse',
  exemple: false,
  ...over,
});

/**
 * The number a reader sees, as Excel shows it: 15 significant digits, then rounded half away
 * from zero to the format's decimals ('0.0%' for rates, '#,##0' for counts, '#,##0.0' for ETP).
 */
const SHOWN_DECIMALS: Record<string, number> = { part_femmes: 3, personnes: 0, etp_realises: 1 };
function shown(code: string, v: number): number {
  const d = SHOWN_DECIMALS[code]!;
  const scaled = Number((v * 10 ** d).toPrecision(15));
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

/** One SIAE in 93 with `personnes` people of whom `femmes` women and `etp` ETP. */
const dataArb = fc.record({
  personnes: fc.integer({ min: 1, max: 5000 }),
  femmesShare: fc.double({ min: 0, max: 1, noNaN: true }),
  etpTenths: fc.integer({ min: 0, max: 20000 }),
});

const targetArb = fc.record({
  indicateur: fc.constantFrom('part_femmes', 'personnes', 'etp_realises'),
  sens: fc.constantFrom('hausse' as const, 'baisse' as const),
  // Near the data (ties and tiny moves) as well as far from it.
  referenceFactor: fc.oneof(fc.constant(1), fc.double({ min: 0.99, max: 1.01, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true })),
  cibleFactor: fc.oneof(fc.constant(1), fc.double({ min: 0.999, max: 1.001, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true })),
});

describe('objective progress: what is displayed never contradicts the status (property)', () => {
  it('status and progression agree with the reference, value and target as shown', () => {
    fc.assert(
      fc.property(dataArb, targetArb, (data, t) => {
        const femmes = Math.floor(data.personnes * data.femmesShare);
        const result = consolidate({ records: [rec({ ...validReturn(), siret: siretOf(1), personnes: data.personnes, femmes, etp_realises: data.etpTenths / 10 })] });
        const actual = t.indicateur === 'part_femmes' ? femmes / data.personnes : t.indicateur === 'personnes' ? data.personnes : data.etpTenths / 10;
        const reference = actual * t.referenceFactor;
        const cible = actual * t.cibleFactor;
        const [p] = computeProgress(plan(target({ indicateur: t.indicateur, sens: t.sens, valeurReference: reference, cible })), result);
        expect(typeof p!.valeur).toBe('number');
        const v = shown(t.indicateur, p!.valeur as number);
        const r = shown(t.indicateur, reference);
        const c = shown(t.indicateur, cible);
        const up = t.sens === 'hausse';
        const expected = (up ? v >= c : v <= c) ? 'atteint' : v === r ? 'stable' : (up ? v < r : v > r) ? 'en_recul' : 'en_progres';
        expect(p!.statut).toBe(expected);
        expect(p!.couverture.complete).toBe(true);

        if (c === r) {
          expect(p!.progression).toBeNull();
          return;
        }
        const prog = p!.progression!;
        // Rounded as displayed: no binary noise in the JSON.
        expect(Number(prog.toFixed(p!.progressionDecimals + 2))).toBe(prog);
        expect(JSON.stringify(progressJson(p!).progression)).not.toMatch(/\d{9,}/);
        const pct = Number((prog * 100).toFixed(p!.progressionDecimals));
        const onTheWay = up ? c > r : c < r;
        if (p!.statut === 'stable') expect(pct).toBe(0);
        if (onTheWay && p!.statut === 'en_progres') expect(pct > 0 && pct < 100).toBe(true);
        if (onTheWay && p!.statut === 'en_recul') expect(pct).toBeLessThan(0);
        if (onTheWay && p!.statut === 'atteint') expect(pct).toBeGreaterThanOrEqual(100);
        // Never « 816 % du chemin »: beyond the whole way, words.
        const m = /([\d\s\u202f,]+) % du chemin/.exec(p!.note);
        if (m) expect(Number(m[1]!.replace(/[\s\u202f]/g, '').replace(',', '.'))).toBeLessThan(100);
      }),
      { numRuns: 400 },
    );
  });
});

describe('objective progress: coverage (property)', () => {
  it('a region target is « couverture partielle » exactly when some département of the region sent nothing', () => {
    fc.assert(
      fc.property(fc.subarray([...DEPS], { minLength: 1 }), fc.integer({ min: 1, max: 3 }), (deps, perDep) => {
        const records = deps.flatMap((d, i) =>
          Array.from({ length: perDep }, (_, k) => rec({ ...validReturn(), siret: siretOf(i * 10 + k + 1), departement: d })),
        );
        const result = consolidate({ records });
        const [p] = computeProgress(plan(target({ departement: null, indicateur: 'personnes', cible: 1e6 })), result);
        const partial = deps.length < DEPS.length;
        expect(p!.couverture.complete).toBe(!partial);
        expect(p!.statut === 'couverture_partielle').toBe(partial);
        expect(p!.couverture.departementsRecus).toEqual(DEPS.filter((d) => deps.includes(d)));
        expect(p!.couverture.departementsManquants).toEqual(DEPS.filter((d) => !deps.includes(d)));
        if (partial) {
          expect(p!.note).toContain(`${deps.length} département${deps.length > 1 ? 's' : ''} sur 8`);
          expect(progressJson(p!)).toMatchObject({ statut: 'couverture_partielle', statut_libelle: 'Couverture partielle', couverture: { complete: false } });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a target is « couverture partielle » when SIAE of its reference year sent nothing this year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 }), (before, missingRaw) => {
        const missing = Math.min(missingRaw, before - 1);
        const records = [
          ...Array.from({ length: before }, (_, k) => rec({ ...validReturn(), siret: siretOf(k + 1), annee: 2024 })),
          ...Array.from({ length: before - missing }, (_, k) => rec({ ...validReturn(), siret: siretOf(k + 1), annee: 2025 })),
        ];
        const result = consolidate({ records });
        const [p] = computeProgress(plan(target({ indicateur: 'personnes', anneeReference: 2024, anneeCible: 2025, cible: 1e6 })), result);
        expect(p!.periode).toBe(2025);
        expect(p!.couverture.siaeManquantes).toHaveLength(missing);
        expect(p!.statut === 'couverture_partielle').toBe(missing > 0);
        if (missing > 0) expect(p!.note).toContain(`${missing} SIAE présente${missing > 1 ? 's' : ''} en 2024 sans retour 2025`);
      }),
      { numRuns: 60 },
    );
  });
});

describe('objective progress in words', () => {
  const one = rec({ ...validReturn(), siret: siretOf(1), personnes: 100 });
  const result = consolidate({ records: [one] });
  const measure = (over: Partial<PlanTarget>) => computeProgress(plan(target({ indicateur: 'personnes', ...over })), result)[0]!;

  it('far beyond the target: « cible dépassée », n times the gap', () => {
    const p = measure({ valeurReference: 60, cible: 65 }); // 40 / 5 = 8 times the way
    expect(p.statut).toBe('atteint');
    expect(p.progression).toBe(8);
    expect(p.note).toContain("Cible dépassée : la valeur a parcouru 8 fois l'écart entre la référence et la cible.");
    expect(p.note).not.toMatch(/800 %|du chemin/);
  });

  it('far backward: n times the gap, away from the target', () => {
    const p = measure({ valeurReference: 200, cible: 209 }); // −100 / 9 ≈ −11.1
    expect(p.statut).toBe('en_recul');
    expect(p.note).toContain("Recul : la valeur s'est éloignée de la cible de 11 fois l'écart");
  });

  it('a tiny move shows the decimals that tell it from no move', () => {
    const p = measure({ valeurReference: 99, cible: 10099 }); // 1 / 10000 = 0.01 %
    expect(p.statut).toBe('en_progres');
    expect(p.progressionDecimals).toBe(2);
    expect(p.progression).toBe(0.0001);
    expect(p.note).toContain('0,01 % du chemin de la référence à la cible.');
  });

  it('no move is « Stable »', () => {
    const p = measure({ valeurReference: 100, cible: 120 });
    expect(p.statut).toBe('stable');
    expect(p.progression).toBe(0);
    expect(p.note).toContain('Aucun mouvement depuis la référence');
  });
});
