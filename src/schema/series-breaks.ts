import type { DerivedCode } from './derived.js';
import type { IndicatorCode } from './indicators/index.js';

/**
 * Series breaks: a year from which a figure is no longer measured the same way, so that a
 * comparison of a year before it with a year from it on is flagged (never silently read as a
 * change of the sector). Policy and facts of the national system, not of the code: each is a
 * setting, with its default and its source.
 */
export interface SeriesBreak {
  /** Stable identifier (ASCII), used in the JSON. */
  readonly id: string;
  /** First year of the new series: a comparison of N−1 < year ≤ N crosses the break. */
  readonly year: number;
  /** French, shown beside the figures it affects (« Rupture de série : … »). */
  readonly label: string;
  /** Indicator or derived-indicator codes whose series it breaks. */
  readonly indicators: readonly (IndicatorCode | DerivedCode)[];
}

export interface SeriesBreakDefault extends SeriesBreak {
  /** Where the break comes from, in French (the spec prints it). */
  readonly source: string;
}

export const SERIES_BREAK_DEFAULTS: readonly SeriesBreakDefault[] = [
  {
    id: 'qpv_2024',
    year: 2024,
    label: 'géographie des quartiers prioritaires (QPV) redessinée au 1er janvier 2024',
    indicators: ['residents_qpv', 'part_residents_qpv'],
    source:
      'Décret du 28 décembre 2023 : nouvelle liste des quartiers prioritaires de la politique de la ville en métropole, en vigueur au 1er janvier 2024 ; un résident QPV avant 2024 ne l\'est pas forcément après.',
  },
  {
    id: 'dsn_2025',
    year: 2025,
    label: "extranet IAE de l'ASP alimenté par la DSN à partir de 2025 (heures, ETP et salariés)",
    indicators: ['personnes', 'heures_remunerees', 'etp_realises', 'taux_realisation_etp'],
    source:
      "Les heures travaillées et les salariés de l'extranet IAE proviennent des déclarations sociales nominatives (DSN) à partir de 2025, au lieu des états mensuels saisis par les structures : heures, ETP réalisés et nombre de salariés ne sont pas mesurés de la même façon avant et après.",
  },
];

export const DEFAULT_SERIES_BREAKS: readonly SeriesBreak[] = SERIES_BREAK_DEFAULTS.map(({ id, year, label, indicators }) => ({ id, year, label, indicators }));

/** The breaks a comparison of `from` with `to` (from < to) crosses, for one figure code. */
export function breaksCrossed(breaks: readonly SeriesBreak[], code: string, from: number, to: number): SeriesBreak[] {
  return breaks.filter((b) => from < b.year && b.year <= to && (b.indicators as readonly string[]).includes(code));
}
