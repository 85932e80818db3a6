/**
 * The completeness identity, for any référentiel and any returns: per département × kind, per
 * département and for the region, attendues = retenues + écartées + doublons + manquantes, and
 * reçues = retenues + écartées + doublons. A duplicate of a retained (or excluded) SIAE counts
 * once, in that SIAE's state; only an SIAE whose every return was set aside as the duplicate of
 * a return credited to another SIAE is « doublon » (see completeness.ts and the spec).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCompleteness, type CompletenessCell, type Referentiel, type ReferentielEntry } from '../../../src/core/campaign/index.js';
import { consolidate } from '../../../src/core/consolidate/index.js';
import type { ReturnRecord } from '../../../src/core/records.js';
import { SIAE_KINDS, type SiaeKind } from '../../../src/schema/index.js';
import { siretOf } from './campaign-builder.js';

const DEPS = ['75', '93', '94'] as const;

const entryArb = fc.record({ dep: fc.constantFrom(...DEPS), kind: fc.constantFrom(...SIAE_KINDS), annexe: fc.boolean() });
/** A return: of an SIAE of the list (by SIRET, or by annexe under another SIRET), or of one outside it. */
const returnArb = fc.record({
  target: fc.nat({ max: 40 }),
  byAnnexe: fc.boolean(),
  otherSiret: fc.nat({ max: 5 }),
  errors: fc.constantFrom(0, 0, 1),
  annee: fc.constantFrom(2025, 2025, 2025, 2024),
  file: fc.constantFrom('a.xlsx', 'b.xlsx', 'c.xlsx'),
  row: fc.nat({ max: 50 }),
});

type ReturnSpec = typeof returnArb extends fc.Arbitrary<infer T> ? T : never;

function build(entries: { dep: string; kind: SiaeKind; annexe: boolean }[], returns: ReturnSpec[]) {
  const list: ReferentielEntry[] = entries.map((e, i) => ({
    siret: siretOf(i + 1),
    ...(e.annexe ? { annexe: `ACI0${e.dep}25${String(i + 1).padStart(4, '0')}` } : {}),
    nom: `SIAE ${i + 1}`,
    kind: e.kind,
    departement: e.dep,
    source: { file: 'ref.xlsx', sheet: 'SIAE attendues', row: i + 7 },
  }));
  const records: ReturnRecord[] = returns.map((r, k) => {
    const e = list[r.target];
    const siret = !e ? siretOf(900 + r.target) : r.byAnnexe && e.annexe ? siretOf(700 + r.otherSiret) : e.siret;
    return {
      values: {
        siret,
        annee: r.annee,
        departement: e?.departement ?? '75',
        type_siae: e?.kind ?? 'EI',
        ...(e?.annexe ? { annexe_financiere: `${e.annexe}A0M1` } : {}),
        personnes: 10,
      },
      source: { file: r.file, sheet: 'Retours', row: r.row * 100 + k, cells: {} },
      errors: r.errors,
      warnings: 0,
    } as ReturnRecord;
  });
  return { list, records };
}

const identity = (c: CompletenessCell) => {
  expect(c.attendues, `${c.departement}|${c.kind}`).toBe(c.retenues + c.ecartees + c.doublons + c.manquantes);
  expect(c.recues).toBe(c.retenues + c.ecartees + c.doublons);
};

describe('completeness identity', () => {
  it('attendues = retenues + écartées + doublons + manquantes, for every département × kind, département and the region', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 0, maxLength: 30 }), fc.array(returnArb, { maxLength: 60 }), (entries, returns) => {
        const { list, records } = build(entries, returns);
        const referentiel: Referentiel = { file: 'ref.xlsx', origin: 'modele', periode: 2025, entries: list, issues: [] };
        const result = consolidate({ records, issues: [], files: ['a.xlsx', 'b.xlsx', 'c.xlsx'] });
        const c = computeCompleteness({ referentiel, result, records, regionCode: '11' });
        for (const cell of [...c.byDepartementKind, ...c.byDepartement, c.region]) identity(cell);
        // Each SIAE once: the cells add up to the region, and the region to the list.
        expect(c.region.attendues).toBe(list.length);
        const sum = (k: keyof CompletenessCell) => c.byDepartementKind.reduce((t, x) => t + (x[k] as number), 0);
        for (const k of ['attendues', 'retenues', 'ecartees', 'doublons', 'manquantes', 'retoursEnDouble'] as const) expect(sum(k)).toBe(c.region[k]);
        // Retained SIAE are exactly those with a kept return of the year credited to them.
        expect(c.region.retenues).toBeLessThanOrEqual(result.kept.length);
        // A return of another year never counts.
        expect(c.siae.every((s) => s.returns.every((src) => records.find((r) => r.source === src)!.values.annee === 2025))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a duplicate of a retained SIAE once, and « doublon » only an SIAE whose every return was set aside', () => {
    const entries = [
      { dep: '75', kind: 'ACI' as const, annexe: true },
      { dep: '75', kind: 'ACI' as const, annexe: true },
      { dep: '75', kind: 'ACI' as const, annexe: false },
    ];
    const r = (over: Partial<ReturnSpec>): ReturnSpec => ({ target: 0, byAnnexe: false, otherSiret: 0, errors: 0, annee: 2025, file: 'a.xlsx', row: 1, ...over });
    const { list, records } = build(entries, [
      // SIAE 3 twice under its SIRET: retained once, one return set aside.
      r({ target: 2, file: 'a.xlsx', row: 1 }),
      r({ target: 2, file: 'b.xlsx', row: 1 }),
      // SIAE 1 and 2 under the same foreign SIRET, by their annexes: one is kept (credited to
      // SIAE 2, the later file), the other set aside, so SIAE 1 only got a duplicate.
      r({ target: 0, byAnnexe: true, file: 'a.xlsx', row: 2 }),
      r({ target: 1, byAnnexe: true, file: 'c.xlsx', row: 2 }),
    ]);
    const referentiel: Referentiel = { file: 'ref.xlsx', origin: 'modele', periode: 2025, entries: list, issues: [] };
    const result = consolidate({ records, issues: [], files: ['a.xlsx', 'b.xlsx', 'c.xlsx'] });
    const c = computeCompleteness({ referentiel, result, records, regionCode: '11' });
    expect(c.siae.map((s) => [s.state, s.duplicates])).toEqual([
      ['doublon', 1],
      ['retenu', 0],
      ['retenu', 1],
    ]);
    expect(c.siae[0]!.motif).toMatch(/^doublon du retour de « c\.xlsx », ligne 203/);
    expect(c.region).toMatchObject({ attendues: 3, recues: 3, retenues: 2, ecartees: 0, doublons: 1, manquantes: 0, retoursEnDouble: 2 });
  });
});
