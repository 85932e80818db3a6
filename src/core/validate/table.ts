import { columnLetters, toA1 } from '../a1.js';
import type { GridSheet } from '../grid.js';
import type { ReturnRecord, ReturnSource } from '../records.js';
import type { TableLocation } from '../recognize/locations.js';
import { isBlankRow } from './blank.js';
import { ReturnChecker } from './check-return.js';
import type { FileContext } from './file-context.js';

/** Column letters by 1-based column, built once: every file of a run names the same columns. */
const LETTERS: string[] = [];
function lettersOf(col: number): string {
  return (LETTERS[col] ??= columnLetters(col));
}

/**
 * A network table: one return per non-blank row. Trailing blank rows are skipped; a blank row
 * followed by data is reported once per run of blank rows.
 */
export function validateTable(ctx: FileContext, sheet: GridSheet, loc: TableLocation): { records: ReturnRecord[]; rows: number } {
  const records: ReturnRecord[] = [];
  const n = loc.columns.length;
  if (n === 0) return { records, rows: 0 };
  const cols = loc.columns.map((c) => c.col);
  const letters = cols.map(lettersOf);
  const checker = new ReturnChecker(
    loc.columns.map((c) => ctx.checks.get(c.code)!),
    ctx.settings,
    ctx.sink,
  );
  // One object for every row (see ReturnSource.columns): a record keeps it and its row number.
  const columns = ctx.sharedColumns.columnsOf(cols, checker.codes, () => checker.cellsFrom(letters));
  let last = Math.min(loc.lastRow, sheet.rows.length);
  while (last > loc.headerRow && isBlankRow(sheet.rows[last - 1], cols)) last--;
  let blankStart = 0;
  let rows = 0;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = cols[i]! - 1;
  const file = ctx.file;
  const sheetName = sheet.name;
  for (let r = loc.headerRow + 1; r <= last; r++) {
    const row = sheet.rows[r - 1];
    if (isBlankRow(row, cols)) {
      if (blankStart === 0) blankStart = r;
      continue;
    }
    if (blankStart !== 0) {
      const many = r - blankStart > 1;
      ctx.sink.add({
        code: 'blank-row',
        severity: 'avertissement',
        file: ctx.file,
        sheet: sheet.name,
        cell: toA1(blankStart, cols[0]!),
        row: blankStart,
        message: many
          ? `Lignes ${blankStart} à ${r - 1} vides au milieu du tableau : supprimez-les (les lignes suivantes sont bien lues).`
          : `Ligne ${blankStart} vide au milieu du tableau : supprimez-la (les lignes suivantes sont bien lues).`,
      });
      blankStart = 0;
    }
    rows++;
    const source: ReturnSource = { file, sheet: sheetName, row: r, columns };
    const record = checker.check(row!, index, source);
    ctx.onRecord(record);
    records.push(record);
  }
  return { records, rows };
}
