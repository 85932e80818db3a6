import {
  DERIVED,
  SUMMED_INDICATORS,
  derivedValue,
  effectiveNumber,
  type DerivedCode,
  type SiaeKind,
} from '../../schema/index.js';
import type { ReturnRecord } from '../records.js';
import type { DerivedAggregate, GroupAggregate, GroupKey, IndicatorSum } from './types.js';

export const SUMMED_CODES: readonly string[] = SUMMED_INDICATORS.map((i) => i.code);
export const DERIVED_CODES: readonly DerivedCode[] = DERIVED.map((d) => d.code);

/**
 * One return reduced to the numbers the aggregates need, computed once: each summed
 * indicator (NaN when missing) and, for each derived indicator, its numerator and denominator
 * sums (NaN unless the return gives every operand). The schema's effectiveNumber / sumOf
 * decide what a return gives, so blank-versus-zero rules live in one place.
 */
export interface ReducedReturn {
  readonly sums: Float64Array;
  readonly num: Float64Array;
  readonly den: Float64Array;
}

export function reduceReturn(r: ReturnRecord): ReducedReturn {
  // effectiveNumber once per summed indicator (it decides blank versus zero); the derived
  // indicators' operands are summed indicators, added up as sumOf does.
  const sums = new Float64Array(SUMMED_CODES.length);
  SUMMED_CODES.forEach((code, i) => {
    sums[i] = effectiveNumber(r.values, code) ?? Number.NaN;
  });
  const num = new Float64Array(DERIVED.length);
  const den = new Float64Array(DERIVED.length);
  OPERANDS.forEach((op, i) => {
    let n = 0;
    for (const k of op.numerator) n += k < 0 ? Number.NaN : sums[k]!;
    let m = 0;
    for (const k of op.denominator) m += k < 0 ? Number.NaN : sums[k]!;
    if (n !== n || m !== m) {
      num[i] = Number.NaN;
      den[i] = Number.NaN;
    } else {
      num[i] = n;
      den[i] = m;
    }
  });
  return { sums, num, den };
}

/** Positions in SUMMED_CODES of each derived indicator's operands (-1: not a summed indicator). */
const OPERANDS = DERIVED.map((d) => ({
  numerator: d.numerator.map((c) => SUMMED_CODES.indexOf(c)),
  denominator: d.kind === 'ratio' ? d.denominator.map((c) => SUMMED_CODES.indexOf(c)) : [],
}));

/** Running totals of one group; returns must be added in the canonical order for exact sums. */
export class GroupAccumulator {
  readonly members: number[] = [];
  private readonly sums = new Float64Array(SUMMED_CODES.length);
  private readonly sumCounts = new Uint32Array(SUMMED_CODES.length);
  private readonly num = new Float64Array(DERIVED.length);
  private readonly den = new Float64Array(DERIVED.length);
  private readonly derivedCounts = new Uint32Array(DERIVED.length);

  constructor(readonly key: GroupKey) {}

  add(index: number, r: ReducedReturn): void {
    this.members.push(index);
    for (let i = 0; i < r.sums.length; i++) {
      const v = r.sums[i]!;
      if (v === v) {
        this.sums[i]! += v;
        this.sumCounts[i]!++;
      }
    }
    for (let i = 0; i < r.num.length; i++) {
      const n = r.num[i]!;
      if (n === n) {
        this.num[i]! += n;
        this.den[i]! += r.den[i]!;
        this.derivedCounts[i]!++;
      }
    }
  }

  finish(): GroupAggregate {
    const sums: Record<string, IndicatorSum> = {};
    SUMMED_CODES.forEach((code, i) => {
      const count = this.sumCounts[i]!;
      sums[code] = { value: count > 0 ? this.sums[i]! : undefined, count };
    });
    const derived: Record<string, DerivedAggregate> = {};
    DERIVED.forEach((d, i) => {
      const count = this.derivedCounts[i]!;
      const numerator = count > 0 ? this.num[i]! : undefined;
      const denominator = count > 0 && d.kind === 'ratio' ? this.den[i]! : undefined;
      derived[d.code] = { value: derivedValue(d, numerator, denominator), count, numerator, denominator };
    });
    return { ...this.key, siaeCount: this.members.length, sums, derived, members: this.members };
  }
}

export function groupMapKey(departement: string | null, kind: SiaeKind | null): string {
  return `${departement ?? '*'}|${kind ?? '*'}`;
}
