import type { IndicatorDef, ValueType } from '../indicator-types.js';
import type { SiaeKind } from '../siae-kinds.js';
import { HEURES } from './heures.js';
import { IDENTIFICATION } from './identification.js';
import { PARCOURS } from './parcours.js';
import { PERSONNES } from './personnes.js';
import { SORTIES } from './sorties.js';

/** Every indicator of one SIAE's return for one period, in form order. Defined here once. */
export const INDICATORS = [...IDENTIFICATION, ...PERSONNES, ...HEURES, ...SORTIES, ...PARCOURS] as const satisfies readonly IndicatorDef[];

export type Indicator = (typeof INDICATORS)[number];
export type IndicatorCode = Indicator['code'];

type ValueOf<T extends ValueType> = T extends 'entier' | 'decimal' | 'annee'
  ? number
  : T extends 'oui_non'
    ? boolean
    : T extends 'type_siae'
      ? SiaeKind
      : string;

/** One SIAE's return: required indicators always present, optional ones possibly missing. */
export type SiaeReturn = {
  -readonly [I in Indicator as I['required'] extends true ? I['code'] : never]: ValueOf<I['type']>;
} & {
  -readonly [I in Indicator as I['required'] extends true ? never : I['code']]?: ValueOf<I['type']>;
};

/** A return as read from a workbook, before validation: any indicator may be missing. */
export type PartialReturn = Partial<Record<IndicatorCode, number | boolean | string>>;

const BY_CODE = new Map<string, IndicatorDef>(INDICATORS.map((i) => [i.code, i]));

export function indicatorByCode(code: string): IndicatorDef | undefined {
  return BY_CODE.get(code);
}

export function isIndicatorCode(code: string): code is IndicatorCode {
  return BY_CODE.has(code);
}

export function indicatorsOfGroup(group: NonNullable<IndicatorDef['group']>): IndicatorDef[] {
  return INDICATORS.filter((i: IndicatorDef) => i.group === group);
}

/** Indicators summed across returns (the measures of the consolidation). */
export const SUMMED_INDICATORS: readonly IndicatorDef[] = INDICATORS.filter((i: IndicatorDef) => i.aggregation === 'somme');
