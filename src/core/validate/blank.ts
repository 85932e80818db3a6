import type { CellValue } from '../grid.js';
import { isSpaceCode as isSpaceCodeImport } from '../parse/text.js';

const isSpaceCode = isSpaceCodeImport; // a plain constant on the per-cell path

/** A cell with nothing in it, or only spaces and line breaks. */
export function isBlankCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  for (let i = 0; i < v.length; i++) if (!isSpaceCode(v.charCodeAt(i))) return false;
  return true;
}

/** Whether a row is blank over the given 1-based columns. */
export function isBlankRow(row: readonly CellValue[] | undefined, cols: readonly number[]): boolean {
  if (!row) return true;
  for (let i = 0; i < cols.length; i++) if (!isBlankCell(row[cols[i]! - 1])) return false;
  return true;
}
