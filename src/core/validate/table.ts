import { columnLetters, toA1 } from '../a1.js';
import type { CellValue, GridSheet } from '../grid.js';
import type { ReturnRecord } from '../records.js';
import type { TableLocation } from '../recognize/locations.js';
import { isBlankRow } from './blank.js';
import { checkReturn } from './check-return.js';
import type { FileContext } from './file-context.js';

/**
 * A network table: one return per non-blank row. Trailing blank rows are skipped; a blank row
 * followed by data is reported once per run of blank rows.
 */
export function validateTable(ctx: FileContext, sheet: GridSheet, loc: TableLocation): { records: ReturnRecord[]; rows: number } {
  const plan = loc.columns.map((c) => ({ check: ctx.checks.get(c.code)!, col: c.col, letters: columnLetters(c.col) }));
  const cols = loc.columns.map((c) => c.col);
  const records: ReturnRecord[] = [];
  if (plan.length === 0) return { records, rows: 0 };
  let last = Math.min(loc.lastRow, sheet.rows.length);
  while (last > loc.headerRow && isBlankRow(sheet.rows[last - 1], cols)) last--;
  let blankStart = 0;
  let rows = 0;
  const checks = plan.map((p) => p.check);
  const raws: CellValue[] = new Array(plan.length).fill(null);
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
        cell: toA1(blankStart, plan[0]!.col),
        row: blankStart,
        message: many
          ? `Lignes ${blankStart} à ${r - 1} vides au milieu du tableau : supprimez-les (les lignes suivantes sont bien lues).`
          : `Ligne ${blankStart} vide au milieu du tableau : supprimez-la (les lignes suivantes sont bien lues).`,
      });
      blankStart = 0;
    }
    rows++;
    const addresses: string[] = new Array(plan.length);
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      addresses[i] = p.letters + r;
      raws[i] = row?.[p.col - 1] ?? null;
    }
    const record = checkReturn({ checks, addresses, raws }, { file: ctx.file, sheet: sheet.name, row: r }, ctx.settings, ctx.sink);
    ctx.onRecord(record);
    records.push(record);
  }
  return { records, rows };
}
