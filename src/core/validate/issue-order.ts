import type { ValidationIssue } from '../records.js';

/**
 * Reading order of a report: by file, then sheet (in the workbook's order), then row, then column,
 * compared as numbers (B10 before B47, AA after Z). Issues of the whole workbook (no sheet) come
 * first, then those of a whole sheet (no cell nor row); ties keep the order they were found in.
 */

/** Row and column of an A1 address ("AA10" → 10, 27); [0, 0] when there is none. */
export function cellPosition(cell: string | undefined): [row: number, col: number] {
  if (!cell) return [0, 0];
  let col = 0;
  let i = 0;
  for (; i < cell.length; i++) {
    if (cell[i] === '$') continue; // absolute address: $B$10
    const c = cell.charCodeAt(i) & ~0x20; // ASCII upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  for (; i < cell.length; i++) {
    const d = cell.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) row = row * 10 + d;
  }
  return [row, col];
}

/**
 * The issues sorted in reading order. sheetOrder gives each sheet's rank in its workbook; sheets
 * it does not know come after the known ones, by name.
 */
export function sortIssues(issues: readonly ValidationIssue[], sheetOrder: ReadonlyMap<string, number> = new Map()): ValidationIssue[] {
  const keyed = issues.map((issue, index) => {
    const [cellRow, col] = cellPosition(issue.cell);
    return { issue, index, row: cellRow || issue.row || 0, col, sheet: issue.sheet === undefined ? -1 : (sheetOrder.get(issue.sheet) ?? Number.MAX_SAFE_INTEGER) };
  });
  keyed.sort(
    (a, b) =>
      (a.issue.file < b.issue.file ? -1 : a.issue.file > b.issue.file ? 1 : 0) ||
      a.sheet - b.sheet ||
      (a.sheet === Number.MAX_SAFE_INTEGER ? (a.issue.sheet ?? '').localeCompare(b.issue.sheet ?? '') : 0) ||
      a.row - b.row ||
      a.col - b.col ||
      a.index - b.index,
  );
  return keyed.map((k) => k.issue);
}
