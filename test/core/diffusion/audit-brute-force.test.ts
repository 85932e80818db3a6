import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTable } from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { withMargins } from './arbitraries.js';

/**
 * The audit's ranges against brute force: on 2 × 2 tables with margins (9 cells), every integer
 * table consistent with the published cells is enumerated. Such tables are totally unimodular,
 * so the LP's extremes are integers and must equal the enumeration's.
 */
describe("l'audit comparé à une énumération exhaustive", () => {
  it('donne exactement le minimum et le maximum de chaque cellule masquée', () => {
    const arb = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    );
    fc.assert(
      fc.property(arb, ([inner, mask]) => {
        const t = withMargins([
          [
            { v: inner[0]!, n: 5 },
            { v: inner[1]!, n: 5 },
          ],
          [
            { v: inner[2]!, n: 5 },
            { v: inner[3]!, n: 5 },
          ],
        ]);
        const hidden = new Set(mask.flatMap((h, i) => (h ? [i] : [])));
        const audit = auditTable(t, hidden, S);
        // Interior cells are 0, 1, 3, 4 (a 3 × 3 grid with margins in row 2 and column 2).
        const interior = [0, 1, 3, 4];
        const cap = t.values[8]! + 3;
        const lo = new Map<number, number>();
        const hi = new Map<number, number>();
        const x = [0, 0, 0, 0];
        const free = interior.filter((i) => hidden.has(i));
        const visit = (k: number) => {
          if (k === free.length) {
            const v = [...t.values];
            interior.forEach((cell, j) => {
              if (hidden.has(cell)) v[cell] = x[j]!;
            });
            v[2] = v[0]! + v[1]!;
            v[5] = v[3]! + v[4]!;
            v[6] = v[0]! + v[3]!;
            v[7] = v[1]! + v[4]!;
            v[8] = v[2]! + v[5]!;
            for (let i = 0; i < 9; i++) if (!hidden.has(i) && v[i] !== t.values[i]) return;
            for (const i of hidden) {
              lo.set(i, Math.min(lo.get(i) ?? Infinity, v[i]!));
              hi.set(i, Math.max(hi.get(i) ?? -Infinity, v[i]!));
            }
            return;
          }
          for (let a = 0; a <= cap; a++) {
            x[interior.indexOf(free[k]!)] = a;
            visit(k + 1);
          }
        };
        visit(0);
        for (const e of audit.entries) {
          const i = t.rowLabels.indexOf(e.row) * 3 + t.colLabels.indexOf(e.col);
          expect(e.lower).toBe(lo.get(i));
          if (e.upper === null) expect(hi.get(i)).toBeGreaterThanOrEqual(cap);
          else expect(e.upper).toBe(hi.get(i));
        }
      }),
      { numRuns: 150 },
    );
  });
});
