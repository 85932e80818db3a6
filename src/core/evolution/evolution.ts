import type { ConsolidationResult } from '../consolidate/index.js';
import type { ReferenceInput } from '../campaign/index.js';
import { DEFAULT_SERIES_BREAKS, type SeriesBreak } from '../../schema/index.js';
import { compareYears } from './compare.js';
import { readReference } from './read-reference.js';
import type { Evolution, YearFigures } from './types.js';
import { yearFiguresOfPeriod } from './year-figures.js';

export interface EvolutionOutcome {
  /** Absent when the data hold a single year and no reference was given, or the reference was refused. */
  readonly evolution?: Evolution;
  /** The reference refused (not ours, unreadable as ours, not an earlier year), in French, naming the file. */
  readonly problems: readonly string[];
}

/**
 * Year over year, from one of two sources: a previous consolidated workbook given as reference
 * (its latest year before this run's latest year), else this run's own two latest years.
 * N is always this run's latest year.
 */
export function computeEvolution(result: ConsolidationResult, reference: ReferenceInput | undefined, seriesBreaks: readonly SeriesBreak[] = DEFAULT_SERIES_BREAKS): EvolutionOutcome {
  const latest = result.periods.at(-1);
  const current = latest === undefined ? undefined : yearFiguresOfPeriod(result.byPeriod.get(latest)!);
  if (reference === undefined) {
    const before = result.periods.at(-2);
    if (current === undefined || before === undefined) return { problems: [] };
    return { evolution: compareYears(yearFiguresOfPeriod(result.byPeriod.get(before)!), current, seriesBreaks), problems: [] };
  }
  const read = readReference(reference);
  if (!read.ok) return { problems: [read.message] };
  const { years, warnings } = read.value;
  const file = reference.file;
  const held = years.map((y) => y.periode).join(', ');
  if (current === undefined) {
    return { problems: [`${file} : classeur de référence non comparé, aucun retour retenu ne donne d'année N.`] };
  }
  const previous: YearFigures | undefined = years.filter((y) => y.periode < current.periode).at(-1);
  if (previous === undefined) {
    const same = years.some((y) => y.periode === current.periode);
    return {
      problems: [
        same
          ? `${file} : classeur consolidé de ${held}, la même année que les retours (${current.periode}) ; la référence doit être la consolidation d'une année antérieure.`
          : `${file} : classeur consolidé de ${held}, postérieur aux retours (${current.periode}) ; la référence doit être la consolidation d'une année antérieure.`,
      ],
    };
  }
  return { evolution: { ...compareYears(previous, current, seriesBreaks), warnings }, problems: [] };
}
