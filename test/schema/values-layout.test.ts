import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS, effectiveNumber, effectiveNumberAt, numberOperand, sumAt, sumOf } from '../../src/schema/index.js';

// The hot path reads returns laid out in arrays; it must read exactly as effectiveNumber does.
const NUMERIC = INDICATORS.filter((i) => i.type === 'entier' || i.type === 'decimal').map((i) => i.code as string);
const cell = fc.oneof(fc.constant(undefined), fc.constant(-1), fc.constant(Number.NaN), fc.nat(5000), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant('12'));

describe('values laid out in an array', () => {
  it('effectiveNumberAt and sumAt agree with effectiveNumber and sumOf, split groups included', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: NUMERIC.length, maxLength: NUMERIC.length }), fc.subarray(NUMERIC, { minLength: 1, maxLength: 6 }), (cells, pick) => {
        const ret: Record<string, unknown> = {};
        NUMERIC.forEach((c, i) => {
          if (cells[i] !== undefined) ret[c] = cells[i];
        });
        const slotOf = (code: string) => NUMERIC.indexOf(code);
        for (const code of NUMERIC) expect(effectiveNumberAt(cells, numberOperand(code, slotOf))).toBe(effectiveNumber(ret, code));
        expect(sumAt(cells, pick.map((c) => numberOperand(c, slotOf)))).toBe(sumOf(ret, pick));
      }),
      { numRuns: 500 },
    );
  });
});
