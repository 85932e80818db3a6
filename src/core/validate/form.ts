import { toA1 } from '../a1.js';
import { cellValue, sheetByName } from '../grid.js';
import type { ReturnRecord } from '../records.js';
import type { FormLocation } from '../recognize/locations.js';
import { checkReturn } from './check-return.js';
import type { FieldCheck } from './field-checks.js';
import type { CellValue } from '../grid.js';
import type { FileContext } from './file-context.js';

/** An SIAE form: one return, read from one cell per indicator. */
export function validateForm(ctx: FileContext, loc: FormLocation): ReturnRecord {
  const checks: FieldCheck[] = [];
  const addresses: string[] = [];
  const raws: CellValue[] = [];
  for (const [code, pos] of loc.cells) {
    const sheet = sheetByName(ctx.book, pos.sheet);
    checks.push(ctx.checks.get(code)!);
    addresses.push(toA1(pos.row, pos.col));
    raws.push(sheet ? cellValue(sheet, pos.row, pos.col) : null);
  }
  const record = checkReturn({ checks, addresses, raws }, { file: ctx.file, sheet: loc.sheet }, ctx.settings, ctx.sink);
  ctx.onRecord(record);
  return record;
}
