import type { CellValue } from '../grid.js';
import { isCellError } from '../grid.js';

/**
 * Outcomes of parsing one cell besides a plain value. Parsers return the parsed value itself
 * on the common path (no allocation) and one of these only when something is off.
 */

/** The cell is blank (or only spaces): a missing value, never 0. */
export const MISSING: unique symbol = Symbol('vide');
export type Missing = typeof MISSING;

/** The cell cannot be read as the expected type (text where a number is due, Excel error…). */
export class TypeProblem {
  constructor(readonly message: string) {}
}

/** The value was read, but only by guessing: it is used, with a warning saying what was assumed. */
export class ParsedWithNote {
  constructor(
    readonly value: unknown,
    readonly message: string,
  ) {}
}

export type ParseOutcome = unknown;

export function isProblem(v: unknown): v is TypeProblem {
  return v instanceof TypeProblem;
}

/** A cell's value as text for the report ("value found"); long text is cut. */
export function showCellValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (isCellError(v)) return v.error;
  return String(v);
}
