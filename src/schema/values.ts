import type { IndicatorDef } from './indicator-types.js';
import { indicatorByCode, indicatorsOfGroup, type PartialReturn } from './indicators/index.js';

/**
 * The number an indicator contributes for one return, or undefined when it is missing.
 * A blank cell is missing, never 0 — except inside a split group (hours by sector): once a
 * return gives one member of the split, the members it leaves blank are sectors not worked.
 */
export function effectiveNumber(ret: PartialReturn, code: string): number | undefined {
  const raw = ret[code as keyof PartialReturn];
  // Every numeric indicator is ≥ 0: a negative or non-finite value is already an error of its
  // own field, and must not cascade into the rules that use it.
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  if (raw !== undefined) return undefined;
  const def = indicatorByCode(code);
  if (def?.group && groupGiven(ret, def.group)) return 0;
  return undefined;
}

export function groupGiven(ret: PartialReturn, group: NonNullable<IndicatorDef['group']>): boolean {
  return indicatorsOfGroup(group).some((m) => {
    const v = ret[m.code as keyof PartialReturn];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0;
  });
}

/** Sum of several indicators, or undefined when any of them is missing. */
export function sumOf(ret: PartialReturn, codes: readonly string[]): number | undefined {
  let total = 0;
  for (const code of codes) {
    const v = effectiveNumber(ret, code);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}
