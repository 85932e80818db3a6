import {
  DERIVED,
  SPLIT_GROUPS,
  SUMMED_INDICATORS,
  derivedValue,
  isGivenNumber,
  type DerivedCode,
  type SiaeKind,
} from '../../schema/index.js';
import type { ReturnRecord } from '../records.js';
import type { DerivedAggregate, GroupAggregate, GroupKey, IndicatorSum } from './types.js';

export const SUMMED_CODES: readonly string[] = SUMMED_INDICATORS.map((i) => i.code);
export const DERIVED_CODES: readonly DerivedCode[] = DERIVED.map((d) => d.code);
/** The schema's derived indicators, bound here (read per group in finish()). */
const DERIVED_DEFS = DERIVED;
const N_SUMMED = SUMMED_CODES.length;
const N_DERIVED = DERIVED_CODES.length;

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
  const row = new Float64Array(REDUCED_STRIDE);
  reduceInto(r, row, 0);
  return { sums: row.subarray(0, SUMMED_CODES.length), num: row.subarray(SUMMED_CODES.length, NUM_END), den: row.subarray(NUM_END) };
}

/**
 * Many returns reduced into one table (a typed array each would cost more than the reduction):
 * row i, from i × REDUCED_STRIDE, holds the return's sums, then numerators, then denominators.
 */
export function reduceReturns(records: readonly ReturnRecord[]): Float64Array {
  const table = new Float64Array(records.length * REDUCED_STRIDE);
  for (let i = 0; i < records.length; i++) reduceInto(records[i]!, table, i * REDUCED_STRIDE);
  return table;
}

function reduceInto(r: ReturnRecord, out: Float64Array, at: number): void {
  const values = r.values as Readonly<Record<string, unknown>>;
  // Each summed code read by name (reads of the same names in objects of one shape are cheap; a
  // walk over the return's own keys with a look-up per key cost five times more), and the split
  // groups the return gives a member of.
  let given = 0;
  let blanks = 0;
  for (let i = 0; i < N_SUMMED; i++) {
    const raw = values[SUMMED_CODES[i]!];
    const number = isGiven(raw);
    out[at + i] = number ? (raw as number) : Number.NaN;
    const g = GROUP_OF_SLOT[i]!;
    if (g < 0) continue;
    if (number) given |= 1 << g;
    else if (raw === undefined) blanks++;
  }
  for (let k = 0; k < GROUP_ONLY_CODES.length; k++) if (isGiven(values[GROUP_ONLY_CODES[k]!])) given |= 1 << GROUP_ONLY_GROUPS[k]!;
  // A blank member of a split group the return gives: 0 (a sector not worked).
  if (given !== 0 && blanks > 0) {
    for (let i = 0; i < N_SUMMED; i++) {
      const g = GROUP_OF_SLOT[i]!;
      if (g >= 0 && (given & (1 << g)) !== 0 && values[SUMMED_CODES[i]!] === undefined) out[at + i] = 0;
    }
  }
  for (let i = 0; i < N_DERIVED; i++) {
    let n = 0;
    for (let k = NUM_START[i]!; k < NUM_START[i + 1]!; k++) n += NUM_SLOTS[k]! < 0 ? Number.NaN : out[at + NUM_SLOTS[k]!]!;
    let m = 0;
    for (let k = DEN_START[i]!; k < DEN_START[i + 1]!; k++) m += DEN_SLOTS[k]! < 0 ? Number.NaN : out[at + DEN_SLOTS[k]!]!;
    const both = n === n && m === m;
    out[at + N_SUMMED + i] = both ? n : Number.NaN;
    out[at + NUM_END + i] = both ? m : Number.NaN;
  }
}

/**
 * The schema's reading of a number (effectiveNumber, with its isGivenNumber and SPLIT_GROUPS), resolved once for
 * every summed indicator so that a return is read in one loop without a look-up per code:
 * a given number counts if finite and ≥ 0; a blank member of a split group (hours by sector)
 * counts 0 once the return gives another member; any other blank or text is missing.
 */
if (SPLIT_GROUPS.length > 30) throw new Error('Trop de groupes ventilés pour un masque de bits.');
const GROUP_OF_SLOT = Int32Array.from(SUMMED_CODES, (code) => SPLIT_GROUPS.findIndex((g) => g.includes(code)));
/** Members of split groups that are not summed (none today): read only for whether their group is given. */
const GROUP_ONLY = SPLIT_GROUPS.flatMap((codes, g) => codes.filter((c) => !SUMMED_CODES.includes(c)).map((c) => [c, g] as const));
const GROUP_ONLY_CODES = GROUP_ONLY.map(([c]) => c);
const GROUP_ONLY_GROUPS = Int32Array.from(GROUP_ONLY, ([, g]) => g);
/** The schema's isGivenNumber, bound here: an imported binding read per value costs a getter call under tsx's CommonJS output. */
const isGiven: (v: unknown) => boolean = isGivenNumber;

/** Positions in SUMMED_CODES of each derived indicator's operands (-1: not a summed indicator), flattened. */
function flatten(lists: readonly (readonly string[])[]): { start: Int32Array; slots: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  const slots: number[] = [];
  lists.forEach((l, i) => {
    for (const c of l) slots.push(SUMMED_CODES.indexOf(c));
    start[i + 1] = slots.length;
  });
  return { start, slots: Int32Array.from(slots) };
}
const { start: NUM_START, slots: NUM_SLOTS } = flatten(DERIVED.map((d) => d.numerator));
const { start: DEN_START, slots: DEN_SLOTS } = flatten(DERIVED.map((d) => (d.kind === 'ratio' ? d.denominator : [])));
const NUM_END = SUMMED_CODES.length + DERIVED.length;
/** Numbers per return in a table of reduceReturns. */
export const REDUCED_STRIDE = NUM_END + DERIVED.length;

const NO_SUM: IndicatorSum = Object.freeze({ value: undefined, count: 0 });
const NO_DERIVED: DerivedAggregate = Object.freeze({ value: Object.freeze({ status: 'sans_donnee' as const }), count: 0, numerator: undefined, denominator: undefined });

/** Layout of a group's running totals, one Float64Array: sums, their counts, numerators, denominators, their counts. */
const COUNTS = N_SUMMED;
const NUM = 2 * N_SUMMED;
const DEN = NUM + N_DERIVED;
const DERIVED_COUNTS = DEN + N_DERIVED;
const TOTALS = DERIVED_COUNTS + N_DERIVED;

/** Running totals of one group; returns must be added in the canonical order for exact sums. */
export class GroupAccumulator {
  readonly members: number[] = [];
  /** One array per group (five per group cost more to make than to fill). */
  private readonly t = new Float64Array(TOTALS);

  constructor(readonly key: GroupKey) {}

  add(index: number, r: ReducedReturn): void {
    this.members.push(index);
    const t = this.t;
    for (let i = 0; i < N_SUMMED; i++) {
      const v = r.sums[i]!;
      if (v === v) {
        t[i]! += v;
        t[COUNTS + i]!++;
      }
    }
    for (let i = 0; i < N_DERIVED; i++) {
      const n = r.num[i]!;
      if (n === n) {
        t[NUM + i]! += n;
        t[DEN + i]! += r.den[i]!;
        t[DERIVED_COUNTS + i]!++;
      }
    }
  }

  /** add, for row `index` of a table of reduceReturns. */
  addRow(index: number, table: Float64Array): void {
    this.members.push(index);
    const t = this.t;
    const at = index * REDUCED_STRIDE;
    for (let i = 0; i < N_SUMMED; i++) {
      const v = table[at + i]!;
      if (v === v) {
        t[i]! += v;
        t[COUNTS + i]!++;
      }
    }
    for (let i = 0; i < N_DERIVED; i++) {
      const x = table[at + N_SUMMED + i]!;
      if (x === x) {
        t[NUM + i]! += x;
        t[DEN + i]! += table[at + NUM_END + i]!;
        t[DERIVED_COUNTS + i]!++;
      }
    }
  }

  finish(): GroupAggregate {
    // A figure no return of the group gives is the same everywhere: one shared object (a
    // national run has thousands of groups, each keeping an object per figure).
    const t = this.t;
    const sums: Record<string, IndicatorSum> = {};
    for (let i = 0; i < N_SUMMED; i++) {
      const count = t[COUNTS + i]!;
      sums[SUMMED_CODES[i]!] = count > 0 ? { value: t[i]!, count } : NO_SUM;
    }
    const derived: Record<string, DerivedAggregate> = {};
    for (let i = 0; i < N_DERIVED; i++) {
      const d = DERIVED_DEFS[i]!;
      const count = t[DERIVED_COUNTS + i]!;
      if (count === 0) {
        derived[d.code] = NO_DERIVED;
        continue;
      }
      const numerator = t[NUM + i]!;
      const denominator = d.kind === 'ratio' ? t[DEN + i]! : undefined;
      derived[d.code] = { value: derivedValue(d, numerator, denominator), count, numerator, denominator };
    }
    return { ...this.key, siaeCount: this.members.length, sums, derived, members: this.members };
  }
}

export function groupMapKey(departement: string | null, kind: SiaeKind | null): string {
  return `${departement ?? '*'}|${kind ?? '*'}`;
}
