import { describe, expect, it } from 'vitest';
import { InfeasibleSystemError, variableRanges } from '../../../src/core/diffusion/index.js';

const row = (vars: number[], coefs: number[], rhs: number) => ({ vars, coefs, rhs });

describe('simplexe (bornes de chaque variable sur A·y = b, y ≥ 0)', () => {
  it('borne deux cellules dont la somme est publiée', () => {
    const [x, y] = variableRanges({ n: 2, rows: [row([0, 1], [1, 1], 7)] }, [0, 1]);
    expect([x!.lower, x!.upper, y!.lower, y!.upper]).toEqual([0, 7, 0, 7]);
    expect(x!.atUpper![0]! + x!.atUpper![1]!).toBeCloseTo(7);
  });

  it('tient compte de plusieurs relations et de relations redondantes', () => {
    // a + b = 10, c + d = 6, a + c = 9, b + d = 7 (the fourth follows from the others).
    const sys = {
      n: 4,
      rows: [row([0, 1], [1, 1], 10), row([2, 3], [1, 1], 6), row([0, 2], [1, 1], 9), row([1, 3], [1, 1], 7)],
    };
    const r = variableRanges(sys, [0, 1, 2, 3]);
    // a = 9 − c, c ∈ [0, 6] and b = 10 − a ≥ 0 → a ∈ [3, 9].
    expect(r.map((v) => [v.lower, v.upper])).toEqual([
      [3, 9],
      [1, 7],
      [0, 6],
      [0, 6],
    ]);
  });

  it('dit non borné (Infinity) quand une direction reste libre', () => {
    // a − b = 2: a and b can both grow without end.
    const [a] = variableRanges({ n: 2, rows: [row([0, 1], [1, -1], 2)] }, [0]);
    expect(a!.lower).toBe(2);
    expect(a!.upper).toBe(Infinity);
    expect(a!.atUpper).toBeUndefined();
  });

  it('signale un système sans solution positive', () => {
    expect(() => variableRanges({ n: 2, rows: [row([0, 1], [1, 1], -3)] }, [0])).toThrow(InfeasibleSystemError);
  });
});
