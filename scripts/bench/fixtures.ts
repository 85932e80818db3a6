/**
 * Big workbooks for the benches, generated once with ExcelJS's streaming writer and cached
 * under the OS temp folder (a 100,000-row file takes a minute to write, seconds to reuse).
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export interface NetworkTableOptions {
  readonly rows: number;
  /** Number of columns; the 12 column kinds repeat to fill them. Default 50. */
  readonly columns?: number;
}

const KINDS = ['EI', 'ACI', 'AI', 'ETTI', 'EITI'];
const DEPTS = ['75', '77', '78', '91', '92', '93', '94', '95'];

/** One cell of a network's consolidated table: texts, codes, counts, hours, rates, dates. */
function cellFor(r: number, c: number): ExcelJS.CellValue {
  switch (c % 12) {
    case 0:
      return `Structure ${r}`; // unique text
    case 1:
      return String(10_000_000_000_000 + r * 7919); // SIRET as text
    case 2:
      return KINDS[r % KINDS.length]!; // repeated shared string
    case 3:
      return DEPTS[(r + c) % DEPTS.length]!;
    case 4:
      return (r * 31 + c) % 500; // counts
    case 5:
      return Math.round(((r * 17 + c) % 100_000) * 1.25) / 100; // hours with decimals
    case 6:
      return ((r + c) % 100) / 100; // rate, percent format
    case 7:
      return new Date(Date.UTC(2020 + (r % 5), r % 12, 1 + (r % 28)));
    case 8:
      return r % 3 === 0;
    case 9:
      return r % 10 === 0 ? null : (r * c) % 1000;
    case 10:
      return `Commentaire ${r % 997} : suivi & accompagnement <${c}>`;
    default:
      return r * 1000 + c;
  }
}

function columnFormat(c: number): string | undefined {
  if (c % 12 === 6) return '0%';
  if (c % 12 === 7) return 'dd/mm/yyyy';
  if (c % 12 === 5) return '0.00';
  return undefined;
}

/** Writes (or reuses) a network table of `rows` × `columns` cells and returns its path. */
export async function networkTableFile(opts: NetworkTableOptions): Promise<string> {
  const columns = opts.columns ?? 50;
  const dir = join(tmpdir(), 'indicateurs-iae-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `reseau-${opts.rows}x${columns}-v1.xlsx`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const partial = `${path}.${process.pid}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Retours');
  ws.columns = Array.from({ length: columns }, (_, c) => {
    const numFmt = columnFormat(c);
    return { header: `Colonne ${c + 1}`, key: `c${c}`, width: 12, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  for (let r = 1; r <= opts.rows; r++) {
    const values: ExcelJS.CellValue[] = [];
    for (let c = 0; c < columns; c++) values.push(cellFor(r, c));
    ws.addRow(values).commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(partial, path);
  return path;
}
