/** Real xlsx files for the validation tests, written with ExcelJS (a different program from our reader). */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnLetters } from '../../../src/core/a1.js';
import { INDICATORS, type IndicatorDef } from '../../../src/schema/index.js';
import { validReturn } from '../../fixtures/returns.js';

export const CODES = (INDICATORS as readonly IndicatorDef[]).map((d) => d.code);
export const LABELS = (INDICATORS as readonly IndicatorDef[]).map((d) => d.label);

export type Row = Record<string, unknown>;

/** A valid return as raw cell values (booleans as "oui"/"non"), with another SIRET when asked. */
export function validRow(overrides: Row = {}): Row {
  const r: Row = { ...validReturn() };
  r.implantation_qpv = 'oui';
  r.implantation_zrr = 'non';
  return { ...r, ...overrides };
}

/** Valid SIRETs (Luhn) distinct per index. */
export function siretFor(i: number): string {
  const base = `4421234${String(i).padStart(6, '0')}`;
  for (let d = 0; d < 10; d++) {
    const s = base + d;
    let sum = 0;
    for (let k = 0; k < 14; k++) {
      let x = s.charCodeAt(13 - k) - 48;
      if (k % 2 === 1) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

export interface NetworkOptions {
  /** Header texts; default: labels. */
  headers?: readonly string[];
  /** Row of the header (1-based). Default 1. */
  headerRow?: number;
  sheetName?: string;
  /** Codes per column; default every indicator. */
  codes?: readonly string[];
}

/** A network table as a user's own export: one header row, one row per return (null = blank row). */
export async function networkXlsx(rows: readonly (Row | null)[], opts: NetworkOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? 'Export');
  const codes = opts.codes ?? CODES;
  const headerRow = opts.headerRow ?? 1;
  const headers = opts.headers ?? codes.map((c) => (INDICATORS as readonly IndicatorDef[]).find((d) => d.code === c)?.label ?? c);
  ws.getRow(headerRow).values = [...headers];
  rows.forEach((r, i) => {
    if (!r) return;
    ws.getRow(headerRow + 1 + i).values = codes.map((c) => (r[c] === undefined ? null : r[c])) as ExcelJS.CellValue[];
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function tempDir(prefix = 'iae-valid-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Column letter of an indicator in the default layout. */
export function colOf(code: string, codes: readonly string[] = CODES): string {
  const n = codes.indexOf(code) + 1;
  if (n === 0) throw new Error(code);
  return columnLetters(n);
}
