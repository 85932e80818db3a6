import { KEY_CODES, figureValue, type GroupAggregate, type PeriodAggregates } from '../consolidate/index.js';
import type { ScopeFigures, YearFigures } from './types.js';

function scopeFigures(group: GroupAggregate): ScopeFigures {
  return Object.fromEntries(KEY_CODES.map((c) => [c, figureValue(group, c)]));
}

/** The key figures of one period of this run's consolidation. */
export function yearFiguresOfPeriod(p: PeriodAggregates): YearFigures {
  return {
    periode: p.periode,
    origin: { kind: 'retours' },
    region: scopeFigures(p.region),
    departements: new Map([...p.byDepartement].map(([dep, g]) => [dep, scopeFigures(g)])),
  };
}
