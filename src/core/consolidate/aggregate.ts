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
  // One walk over the return's own keys (a look-up of each of the 35 codes in objects of many
  // shapes costs more): each summed value, and the split groups the return gives a member of.
  out.fill(Number.NaN, at, at + SUMMED_CODES.length);
  SEEN.fill(0);
  let given = 0;
  for (const key in values) {
    const raw = values[key];
    if (raw === undefined) continue;
    // One look-up per key: its slot among the summed codes and its split group, packed (PACKED_OF).
    const packed = PACKED_OF.get(key);
    if (packed === undefined) continue;
    const number = isGiven(raw);
    const g = (packed >> 8) - 1;
    if (g >= 0 && number) given |= 1 << g;
    const slot = (packed & 0xff) - 1;
    if (slot < 0) continue;
    SEEN[slot] = 1;
    if (number) out[at + slot] = raw as number;
  }
  // A blank member of a split group the return gives: 0 (a sector not worked).
  if (given !== 0) {
    for (let i = 0; i < SUMMED_CODES.length; i++) {
      const g = GROUP_OF_SLOT[i]!;
      if (g >= 0 && SEEN[i] === 0 && (given & (1 << g)) !== 0) out[at + i] = 0;
    }
  }
  for (let i = 0; i < DERIVED.length; i++) {
    let n = 0;
    for (let k = NUM_START[i]!; k < NUM_START[i + 1]!; k++) n += NUM_SLOTS[k]! < 0 ? Number.NaN : out[at + NUM_SLOTS[k]!]!;
    let m = 0;
    for (let k = DEN_START[i]!; k < DEN_START[i + 1]!; k++) m += DEN_SLOTS[k]! < 0 ? Number.NaN : out[at + DEN_SLOTS[k]!]!;
    const both = n === n && m === m;
    out[at + SUMMED_CODES.length + i] = both ? n : Number.NaN;
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
const GROUP_OF_CODE = new Map(SPLIT_GROUPS.flatMap((codes, g) => codes.map((c) => [c, g] as const)));
const SLOT_OF = new Map(SUMMED_CODES.map((c, i) => [c, i]));
if (SUMMED_CODES.length > 254) throw new Error('Trop d\'indicateurs sommés pour un octet.');
/** Per code read by reduceInto: (slot + 1) | (split group + 1) << 8, 0 meaning none; codes neither summed nor grouped are absent. */
const PACKED_OF = new Map<string, number>([...new Set([...SLOT_OF.keys(), ...GROUP_OF_CODE.keys()])].map((c) => [c, ((SLOT_OF.get(c) ?? -1) + 1) | (((GROUP_OF_CODE.get(c) ?? -1) + 1) << 8)]));
/** The schema's isGivenNumber, bound here: an imported binding read in the per-key loop costs a getter call under tsx's CommonJS output. */
const isGiven: (v: unknown) => boolean = isGivenNumber;
/** Scratch of reduceInto: which summed codes the return holds (given or not). */
const SEEN = new Uint8Array(SUMMED_CODES.length);

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

  /** add, for row `index` of a table of reduceReturns. */
  addRow(index: number, table: Float64Array): void {
    this.members.push(index);
    const at = index * REDUCED_STRIDE;
    const n = SUMMED_CODES.length;
    for (let i = 0; i < n; i++) {
      const v = table[at + i]!;
      if (v === v) {
        this.sums[i]! += v;
        this.sumCounts[i]!++;
      }
    }
    for (let i = 0; i < this.num.length; i++) {
      const x = table[at + n + i]!;
      if (x === x) {
        this.num[i]! += x;
        this.den[i]! += table[at + NUM_END + i]!;
        this.derivedCounts[i]!++;
      }
    }
  }

  finish(): GroupAggregate {
    // A figure no return of the group gives is the same everywhere: one shared object (a
    // national run has thousands of groups, each keeping an object per figure).
    const sums: Record<string, IndicatorSum> = {};
    for (let i = 0; i < SUMMED_CODES.length; i++) {
      const count = this.sumCounts[i]!;
      sums[SUMMED_CODES[i]!] = count > 0 ? { value: this.sums[i]!, count } : NO_SUM;
    }
    const derived: Record<string, DerivedAggregate> = {};
    for (let i = 0; i < DERIVED.length; i++) {
      const d = DERIVED[i]!;
      const count = this.derivedCounts[i]!;
      if (count === 0) {
        derived[d.code] = NO_DERIVED;
        continue;
      }
      const numerator = count > 0 ? this.num[i]! : undefined;
      const denominator = count > 0 && d.kind === 'ratio' ? this.den[i]! : undefined;
      derived[d.code] = { value: derivedValue(d, numerator, denominator), count, numerator, denominator };
    }
    return { ...this.key, siaeCount: this.members.length, sums, derived, members: this.members };
  }
}

export function groupMapKey(departement: string | null, kind: SiaeKind | null): string {
  return `${departement ?? '*'}|${kind ?? '*'}`;
}
