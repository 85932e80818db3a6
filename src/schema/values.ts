import type { IndicatorDef } from './indicator-types.js';
import { INDICATORS, indicatorsOfGroup, type PartialReturn } from './indicators/index.js';

type Group = NonNullable<IndicatorDef['group']>;

// Resolved once: the rules call these for every return, so no definition look-up per call.
const MEMBERS_OF_GROUP = new Map<string, readonly string[]>();
const MEMBERS_OF_CODE = new Map<string, readonly string[]>();
for (const def of INDICATORS as readonly IndicatorDef[]) {
  if (!def.group) continue;
  let members = MEMBERS_OF_GROUP.get(def.group);
  if (!members) MEMBERS_OF_GROUP.set(def.group, (members = indicatorsOfGroup(def.group).map((m) => m.code)));
  MEMBERS_OF_CODE.set(def.code, members);
}

/** The members of each split group (hours by sector…), for code that reads many returns in one loop. */
export const SPLIT_GROUPS: readonly (readonly string[])[] = [...MEMBERS_OF_GROUP.values()];

// Every numeric indicator is ≥ 0: a negative or non-finite value is already an error of its
// own field, and must not cascade into the rules that use it.
export const isGivenNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function anyGiven(ret: PartialReturn, members: readonly string[]): boolean {
  for (let i = 0; i < members.length; i++) if (isGivenNumber(ret[members[i] as keyof PartialReturn])) return true;
  return false;
}

/**
 * The number an indicator contributes for one return, or undefined when it is missing.
 * A blank cell is missing, never 0 — except inside a split group (hours by sector): once a
 * return gives one member of the split, the members it leaves blank are sectors not worked.
 */
export function effectiveNumber(ret: PartialReturn, code: string): number | undefined {
  const raw = ret[code as keyof PartialReturn];
  if (typeof raw === 'number') return isGivenNumber(raw) ? raw : undefined;
  if (raw !== undefined) return undefined;
  const members = MEMBERS_OF_CODE.get(code);
  return members !== undefined && anyGiven(ret, members) ? 0 : undefined;
}

export function groupGiven(ret: PartialReturn, group: Group): boolean {
  return anyGiven(ret, MEMBERS_OF_GROUP.get(group) ?? []);
}

/** Sum of several indicators, or undefined when any of them is missing. */
export function sumOf(ret: PartialReturn, codes: readonly string[]): number | undefined {
  let total = 0;
  for (let i = 0; i < codes.length; i++) {
    const v = effectiveNumber(ret, codes[i]!);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

/**
 * The same reading for code that checks many returns laid out alike: a return's values sit in
 * an array (values[i] is the value of codes[i], undefined when missing) and each operand is
 * resolved once to its position and those of its split group. Slot -1: not in the layout.
 */
export interface NumberOperand {
  readonly slot: number;
  /** Positions of the members of the operand's split group in the layout, or null. */
  readonly members: Int32Array | null;
}

/** Indicators whose values effectiveNumber may read for this code: itself and its split group. */
export function codesReadFor(code: string): readonly string[] {
  return [code, ...(MEMBERS_OF_CODE.get(code) ?? [])];
}

export function numberOperand(code: string, slotOf: (code: string) => number): NumberOperand {
  const members = MEMBERS_OF_CODE.get(code);
  const slots = members ? Int32Array.from(members.map(slotOf).filter((s) => s >= 0)) : null;
  return { slot: slotOf(code), members: slots };
}

/** values[slot], or undefined for an indicator outside the layout. */
export function valueAt(values: ArrayLike<unknown>, slot: number): unknown {
  return slot < 0 ? undefined : values[slot];
}

/** effectiveNumber, on values laid out in an array. */
export function effectiveNumberAt(values: ArrayLike<unknown>, op: NumberOperand): number | undefined {
  const raw = op.slot < 0 ? undefined : values[op.slot];
  if (typeof raw === 'number') return isGivenNumber(raw) ? raw : undefined;
  if (raw !== undefined) return undefined;
  const members = op.members;
  if (members === null) return undefined;
  for (let i = 0; i < members.length; i++) if (isGivenNumber(values[members[i]!])) return 0;
  return undefined;
}

/** sumOf, on values laid out in an array. */
export function sumAt(values: ArrayLike<unknown>, ops: readonly NumberOperand[]): number | undefined {
  let total = 0;
  for (let i = 0; i < ops.length; i++) {
    const v = effectiveNumberAt(values, ops[i]!);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}
