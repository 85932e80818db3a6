import { DERIVED, SUMMED_INDICATORS, derivedByCode, indicatorByCode, type DerivedCode, type DerivedDef, type Indicator } from '../../schema/index.js';
import type { GroupAggregate } from './types.js';

/** Pseudo-indicator: the number of distinct SIAE of an aggregate. */
export const SIAE_COUNT_CODE = 'nombre_siae' as const;

/** An indicator summed across returns (the measures of the consolidation). */
export type SummedCode = Extract<Indicator, { readonly aggregation: 'somme' }>['code'];

/**
 * Every figure an aggregate answers, as a type derived from the schema: a renamed indicator
 * or derived indicator fails the type check wherever its old code is still named.
 */
export type FigureCode = typeof SIAE_COUNT_CODE | SummedCode | DerivedCode;
export const SIAE_COUNT_LABEL = 'Nombre de SIAE';

/** A figure of an aggregate: a number, "sans objet" (zero denominator), or null (no data). */
export type FigureValue = number | 'sans objet' | null;
export const SANS_OBJET = 'sans objet' as const;

/** Every code an aggregate answers: the SIAE count, the summed indicators, the derived ones. */
export const FIGURE_CODES: readonly FigureCode[] = [SIAE_COUNT_CODE, ...SUMMED_INDICATORS.map((i) => i.code as SummedCode), ...DERIVED.map((d) => d.code)];

const FIGURE_CODE_SET: ReadonlySet<string> = new Set(FIGURE_CODES);

/** For codes read from a workbook (a plan's indicator column): the one place a string becomes a FigureCode. */
export function isFigureCode(code: string): code is FigureCode {
  return FIGURE_CODE_SET.has(code);
}

export function figureLabel(code: FigureCode): string {
  if (code === SIAE_COUNT_CODE) return SIAE_COUNT_LABEL;
  return indicatorByCode(code)?.label ?? derivedByCode(code)?.label ?? code;
}

export type FigureFormat = 'entier' | 'decimal' | 'pourcentage' | 'etp' | 'heures';

/** How a figure is shown: counts as integers, ETP with one decimal, hours, rates as %. */
export function figureFormat(code: FigureCode): FigureFormat {
  if (code === SIAE_COUNT_CODE) return 'entier';
  const ind = indicatorByCode(code);
  if (ind) return ind.unit === 'ETP' ? 'etp' : ind.unit === 'heures' ? 'heures' : ind.type === 'decimal' ? 'decimal' : 'entier';
  const d: DerivedDef | undefined = derivedByCode(code);
  return d?.format ?? 'decimal';
}

/**
 * Sums of decimals carry binary noise (353.09000000000003): figures are given to 12 significant
 * digits, far below any unit the indicators are reported in, so JSON and sheets show 353.09.
 */
function clean(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

export function figureValue(group: GroupAggregate | undefined, code: FigureCode): FigureValue {
  if (!group) return null;
  if (code === SIAE_COUNT_CODE) return group.siaeCount;
  const s = group.sums[code];
  if (s) return s.value === undefined ? null : clean(s.value);
  const d = group.derived[code];
  if (!d) return null;
  if (d.value.status === 'valeur') return clean(d.value.value);
  if (d.value.status === 'sans_objet') return SANS_OBJET;
  return null;
}

/** How many returns of the group gave the figure (for the SIAE count: the SIAE themselves). */
export function figureCount(group: GroupAggregate, code: FigureCode): number {
  if (code === SIAE_COUNT_CODE) return group.siaeCount;
  return group.sums[code]?.count ?? group.derived[code]?.count ?? 0;
}
