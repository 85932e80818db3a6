import type { GridSheet } from '../grid.js';
import { parsePlanRows } from '../objectives/plan-rows.js';
import type { PlanLocation } from '../recognize/locations.js';
import type { FileContext } from './file-context.js';

/**
 * An action plan's targets, checked by the reader consolidation uses (parsePlanRows): what
 * validation reports is what consolidation would leave out. Returns the number of target rows.
 */
export function validatePlan(ctx: FileContext, sheet: GridSheet, loc: PlanLocation): number {
  const parsed = parsePlanRows(ctx.book, sheet, loc, ctx.settings);
  for (const issue of parsed.issues) ctx.sink.add(issue);
  return parsed.rows;
}
