import { KEY_CODES, figureFormat, type FigureValue, type KeyCode } from '../consolidate/index.js';
import { breaksCrossed, type SeriesBreak } from '../../schema/index.js';
import type { Evolution, EvolutionLine, ScopeFigures, YearFigures } from './types.js';

/** Differences of decimals carry binary noise (0.30000000000000004): 12 significant digits, as the figures. */
const clean = (v: number): number => (Number.isInteger(v) ? v : Number(v.toPrecision(12)));

const isNumber = (v: FigureValue | undefined): v is number => typeof v === 'number';

export function isRate(code: KeyCode): boolean {
  return figureFormat(code) === 'pourcentage';
}

function line(departement: string | null, code: KeyCode, before: ScopeFigures | undefined, after: ScopeFigures | undefined, breaks: readonly SeriesBreak[]): EvolutionLine {
  const previous = before?.[code] ?? null;
  const current = after?.[code] ?? null;
  const rate = isRate(code);
  const both = isNumber(previous) && isNumber(current);
  // A rate's change is in percentage points: the two fractions subtracted, times 100.
  const change = both ? clean(rate ? (current - previous) * 100 : current - previous) : null;
  const relative = both && !rate && previous !== 0 ? clean((current - previous) / previous) : null;
  return { departement, code, previous, current, change, unit: rate ? 'points' : 'valeur', relative, breaks };
}

/**
 * Every key figure of two years, for the region and each département present in either year
 * (by code), with its change and the series breaks the comparison crosses.
 */
export function compareYears(previous: YearFigures, current: YearFigures, seriesBreaks: readonly SeriesBreak[]): Evolution {
  const crossed = new Map(KEY_CODES.map((c) => [c, breaksCrossed(seriesBreaks, c, previous.periode, current.periode)]));
  const lines: EvolutionLine[] = KEY_CODES.map((c) => line(null, c, previous.region, current.region, crossed.get(c)!));
  const deps = [...new Set([...previous.departements.keys(), ...current.departements.keys()])].sort();
  for (const dep of deps) {
    for (const c of KEY_CODES) lines.push(line(dep, c, previous.departements.get(dep), current.departements.get(dep), crossed.get(c)!));
  }
  return {
    previous: { periode: previous.periode, origin: previous.origin },
    current: { periode: current.periode, origin: current.origin },
    lines,
    breaks: seriesBreaks.filter((b) => previous.periode < b.year && b.year <= current.periode),
    warnings: [],
  };
}
