import { figureValue, HEADLINE_CODES, type ConsolidationResult, type GroupAggregate, type HeadlineKey } from '../consolidate/index.js';
import { departementLabel } from '../consolidated-workbook/scopes.js';
import { formatFigure } from './format-figure.js';
import type { KeyFigureRow, KeyFigures } from './types.js';

/** The headline figures of a scope, formatted by the one French formatter. */
export function keyFigureRow(code: string, nom: string, group: GroupAggregate): KeyFigureRow {
  const f = (k: HeadlineKey) => formatFigure(HEADLINE_CODES[k], figureValue(group, HEADLINE_CODES[k]));
  return { code, nom, siae: f('siae'), personnes: f('personnes'), etp: f('etp'), tauxRealisation: f('tauxRealisation'), tauxSortiesDynamiques: f('tauxSortiesDynamiques') };
}

/** Key figures of the latest period: one row per département, then the region. */
export function keyFigures(result: ConsolidationResult): KeyFigures {
  const periode = result.periods.at(-1);
  const figures = periode !== undefined ? result.byPeriod.get(periode) : undefined;
  return {
    periode,
    departements: figures ? [...figures.byDepartement.entries()].map(([code, g]) => keyFigureRow(code, departementLabel(code), g)) : [],
    region: figures ? keyFigureRow('', 'Région', figures.region) : undefined,
  };
}
