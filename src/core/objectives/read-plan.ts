import { DEFAULT_SETTINGS, type Settings } from '../../schema/index.js';
import type { GridWorkbook } from '../grid.js';
import { locatePlan } from './locate-plan.js';
import { parsePlanRows } from './plan-rows.js';
import type { ActionPlan } from './types.js';

/**
 * Reads an action plan from a workbook for consolidation: located as recognition locates it
 * (the template's table IAE_Objectifs, else a header row naming the plan columns) and read by
 * parsePlanRows, the reader validation uses too. A row with an error is left out and reported
 * with its file, sheet and cell; example rows are kept, flagged `exemple`.
 */
export function readPlan(book: GridWorkbook, settings: Settings = DEFAULT_SETTINGS): ActionPlan {
  const found = locatePlan(book);
  if (!found.location) return { name: book.source, targets: [], issues: [...found.issues] };
  const parsed = parsePlanRows(book, found.sheet, found.location, settings);
  return { name: book.source, targets: parsed.targets, issues: [...found.issues, ...parsed.issues] };
}
