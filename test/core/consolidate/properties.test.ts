import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consolidate,
  consolidationJson,
  DERIVED_CODES,
  figureValue,
  SUMMED_CODES,
  type ConsolidationResult,
  type GroupAggregate,
} from '../../../src/core/consolidate/index.js';
import type { ReturnRecord } from '../../../src/core/records.js';
import { recordsArb } from './arbitraries.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every group of every period, keyed "periode|departement|kind". */
function allGroups(r: ConsolidationResult): Map<string, GroupAggregate> {
  const out = new Map<string, GroupAggregate>();
  for (const [y, p] of r.byPeriod) {
    out.set(`${y}|*|*`, p.region);
    for (const [k, g] of p.byKind) out.set(`${y}|*|${k}`, g);
    for (const [d, g] of p.byDepartement) out.set(`${y}|${d}|*`, g);
    for (const [k, g] of p.byDepartementKind) out.set(`${y}|${k}`, g);
  }
  return out;
}

/** The figures of a group, without the member indices (which depend on the kept list). */
const figures = (g: GroupAggregate) => ({ siaeCount: g.siaeCount, sums: g.sums, derived: g.derived });

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('consolidation properties', () => {
  it('the sum over départements (and over kinds) equals the region', () => {
    fc.assert(
      fc.property(recordsArb(), (records) => {
        const r = consolidate({ records });
        for (const p of r.byPeriod.values()) {
          for (const parts of [[...p.byDepartement.values()], [...p.byKind.values()]]) {
            expect(parts.reduce((s, g) => s + g.siaeCount, 0)).toBe(p.region.siaeCount);
            for (const code of SUMMED_CODES) {
              const given = parts.filter((g) => g.sums[code]!.count > 0);
              expect(given.reduce((s, g) => s + g.sums[code]!.count, 0)).toBe(p.region.sums[code]!.count);
              if (given.length === 0) expect(p.region.sums[code]!.value).toBeUndefined();
              else expect(close(given.reduce((s, g) => s + g.sums[code]!.value!, 0), p.region.sums[code]!.value!)).toBe(true);
            }
            for (const code of DERIVED_CODES) {
              const num = parts.reduce((s, g) => s + (g.derived[code]!.numerator ?? 0), 0);
              const den = parts.reduce((s, g) => s + (g.derived[code]!.denominator ?? 0), 0);
              const reg = p.region.derived[code]!;
              expect(close(num, reg.numerator ?? 0)).toBe(true);
              expect(close(den, reg.denominator ?? 0)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of files nor on how rows are split across files', () => {
    fc.assert(
      fc.property(recordsArb(), fc.integer(), fc.integer({ min: 1, max: 6 }), (records, seed, files) => {
        const a = consolidationJson(consolidate({ records }));
        const reshuffled = shuffle(records, seed).map(
          (r, i): ReturnRecord => ({ ...r, source: { file: `autre-${i % files}.xlsx`, sheet: i % 2 ? 'Retours' : 'Retour SIAE', ...(i % 2 ? { row: 5 + i } : {}), cells: {} } }),
        );
        const b = consolidationJson(consolidate({ records: reshuffled }));
        expect(b.par_periode).toEqual(a.par_periode);
        expect(b.periodes).toEqual(a.periodes);
      }),
      { numRuns: 150 },
    );
  });

  it('removing one return changes only the aggregates it fed', () => {
    fc.assert(
      fc.property(recordsArb(2), fc.nat(), (records, pick) => {
        const removed = records[pick % records.length]!;
        const before = allGroups(consolidate({ records }));
        const after = allGroups(consolidate({ records: records.filter((r) => r !== removed) }));
        const v = removed.values;
        const fed = new Set([
          `${v.annee}|*|*`,
          `${v.annee}|*|${v.type_siae}`,
          `${v.annee}|${v.departement}|*`,
          `${v.annee}|${v.departement}|${v.type_siae}`,
        ]);
        for (const [key, g] of before) {
          if (fed.has(key)) {
            expect(after.get(key)?.siaeCount ?? 0).toBe(g.siaeCount - 1);
          } else {
            expect(after.has(key)).toBe(true);
            expect(figures(after.get(key)!)).toEqual(figures(g));
          }
        }
        expect([...after.keys()].every((k) => before.has(k))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a duplicated return does not change the totals, and is reported', () => {
    fc.assert(
      fc.property(recordsArb(), fc.nat(), fc.boolean(), (records, pick, asForm) => {
        const dup = records[pick % records.length]!;
        const copy: ReturnRecord = { ...dup, source: asForm ? { file: 'copie.xlsx', sheet: 'Retour SIAE', cells: {} } : { file: 'copie.xlsx', sheet: 'Retours', row: 99, cells: {} } };
        const a = consolidate({ records });
        const b = consolidate({ records: [...records, copy] });
        expect(consolidationJson(b).par_periode).toEqual(consolidationJson(a).par_periode);
        expect(b.duplicates).toHaveLength(1);
        expect(b.duplicates[0]!.siret).toBe(dup.values.siret);
        expect(b.anomalies.filter((i) => i.code === 'duplicate-row')).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });

  it('never yields NaN or Infinity, and rates are fractions or "sans objet"', () => {
    fc.assert(
      fc.property(recordsArb(), (records) => {
        const r = consolidate({ records });
        for (const g of allGroups(r).values()) {
          for (const code of DERIVED_CODES) {
            const v = figureValue(g, code);
            if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            else expect(v === null || v === 'sans objet').toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
