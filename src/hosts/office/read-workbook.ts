/**
 * Reads the open workbook into the core's neutral grid (GridWorkbook), so that recognition and
 * validation run exactly as on files. Values, value types and number formats are read in row
 * blocks: the loads of several blocks are queued and synced together, each sync's response
 * estimated under `batchBytes` (1 MB by default, Excel on the web caps at 5 MB). The estimate
 * of bytes per cell starts conservative and follows what the previous responses really weighed.
 */
import type { CellStyle, CellValue, GridDefinedName, GridSheet, GridTable, GridWorkbook } from '../../core/grid.js';
import { DEFAULT_STYLE } from '../../core/grid.js';
import { splitAddress } from './address.js';
import { withContext, type ExcelTarget } from './errors.js';
import { MARKER_NAME } from './ownership.js';

export interface ReadOptions {
  /** Shown in messages; default "Classeur ouvert". */
  readonly source?: string;
  /** Target size of one sync's response, in bytes (default 1,000,000). */
  readonly batchBytes?: number;
  /** Starting estimate of one cell's weight in the response (values + types + formats). */
  readonly bytesPerCell?: number;
  /** Called after each batch of blocks with cells read so far and in total. */
  readonly onProgress?: (cellsRead: number, cellsTotal: number) => void;
}

export const DEFAULT_BATCH_BYTES = 1_000_000;
export const DEFAULT_BYTES_PER_CELL = 40;
const MIN_BYTES_PER_CELL = 10;
export const OPEN_WORKBOOK_SOURCE = 'Classeur ouvert';

interface SheetPlan {
  readonly name: string;
  readonly visibility: GridSheet['visibility'];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rows: (CellValue[] | undefined)[];
  readonly styles: (Uint32Array | undefined)[];
  protectedSheet: boolean;
}

interface Block {
  readonly sheet: SheetPlan;
  /** 0-based first row inside the used range. */
  readonly offset: number;
  readonly rowCount: number;
}

const VISIBILITY: Record<string, GridSheet['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

export function readOpenWorkbook(target: ExcelTarget, options: ReadOptions = {}): Promise<GridWorkbook> {
  return withContext(target, 'Lecture du classeur ouvert impossible', (context) => readWith(context, options));
}

async function readWith(context: Excel.RequestContext, options: ReadOptions): Promise<GridWorkbook> {
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  let bytesPerCell = options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;

  // Sync 1: the sheets, the workbook-level names and the tables.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();

  // Sync 2: per sheet, its used range, its own names and protection; per table, where it is.
  const perSheet = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const localNames = ws.names;
    localNames.load('items/name,items/formula');
    const protection = ws.protection;
    protection.load('protected');
    return { ws, used, localNames, protection };
  });
  const perTable = tables.items.map((t) => {
    const range = t.getRange();
    range.load('address');
    const header = t.getHeaderRowRange();
    header.load('values');
    return { t, range, header };
  });
  await context.sync();

  const definedNames: GridDefinedName[] = names.items.map((n) => ({ name: n.name, ref: stripEquals(n.formula) }));
  const plans: SheetPlan[] = perSheet.map(({ ws, used, localNames, protection }) => {
    for (const n of localNames.items) {
      if (n.name !== MARKER_NAME) definedNames.push({ name: n.name, ref: stripEquals(n.formula), localSheet: ws.name });
    }
    const empty = used.isNullObject;
    return {
      name: ws.name,
      visibility: VISIBILITY[ws.visibility] ?? 'visible',
      rowIndex: empty ? 0 : used.rowIndex,
      columnIndex: empty ? 0 : used.columnIndex,
      rowCount: empty ? 0 : used.rowCount,
      columnCount: empty ? 0 : used.columnCount,
      rows: [],
      styles: [],
      protectedSheet: protection.protected,
    };
  });
  const gridTables: GridTable[] = perTable.map(({ t, range, header }) => {
    const { sheet, local } = splitAddress(range.address);
    return { name: t.name, sheet, ref: local, columns: (header.values[0] ?? []).map((v) => String(v ?? '')) };
  });

  // Row blocks, then batches of blocks: one sync per batch.
  const styleIndex = new Map<string, number>([[DEFAULT_STYLE.numFmt, 0]]);
  const styles: CellStyle[] = [DEFAULT_STYLE];
  const cellsTotal = plans.reduce((s, p) => s + p.rowCount * p.columnCount, 0);
  let cellsRead = 0;
  // Cursor over the sheets' rows; batches are cut from it with the current weight estimate.
  const withData = plans.filter((p) => p.rowCount > 0);
  let sheetAt = 0;
  let rowAt = 0;
  const nextBatch = (): Block[] => {
    const batch: Block[] = [];
    let room = batchBytes;
    while (sheetAt < withData.length) {
      const p = withData[sheetAt]!;
      const rowBytes = p.columnCount * bytesPerCell;
      // Rows that fit in the room left; a first block takes at least one row.
      const fit = Math.floor(room / rowBytes);
      if (fit < 1 && batch.length > 0) break;
      const rows = Math.min(Math.max(1, fit), p.rowCount - rowAt);
      batch.push({ sheet: p, offset: rowAt, rowCount: rows });
      room -= rows * rowBytes;
      rowAt += rows;
      if (rowAt >= p.rowCount) {
        sheetAt++;
        rowAt = 0;
      }
      if (room <= 0) break;
    }
    return batch;
  };

  const runBatch = async (): Promise<void> => {
    const batch = nextBatch();
    if (batch.length === 0) return;
    const loaded = batch.map((b) => {
      const ws = context.workbook.worksheets.getItem(b.sheet.name);
      const range = ws.getRangeByIndexes(b.sheet.rowIndex + b.offset, b.sheet.columnIndex, b.rowCount, b.sheet.columnCount);
      range.load('values,valueTypes,numberFormat');
      return { b, range };
    });
    await context.sync();
    let bytes = 0;
    let cells = 0;
    for (const { b, range } of loaded) {
      bytes += storeBlock(b, range.values, range.valueTypes, range.numberFormat, styleIndex, styles);
      cells += b.rowCount * b.sheet.columnCount;
    }
    cellsRead += cells;
    // Follow the real weight of the last batch, with a 15% margin (the 5 MB cap leaves 5× room).
    if (cells > 0) bytesPerCell = Math.max(MIN_BYTES_PER_CELL, Math.ceil((bytes / cells) * 1.15));
    options.onProgress?.(cellsRead, cellsTotal);
    await runBatch();
  };
  await runBatch();

  const sheets: GridSheet[] = plans.map((p) => ({
    name: p.name,
    visibility: p.visibility,
    rows: p.rows,
    styles: p.styles,
    // Office.js (1.9) cannot enumerate data validations nor tell whether a password is set.
    validations: [],
    protection: p.protectedSheet ? { password: false } : null,
  }));
  return {
    source: options.source ?? OPEN_WORKBOOK_SOURCE,
    sheets,
    styles,
    definedNames,
    tables: gridTables,
    // Workbook.use1904DateSystem needs ExcelApi 1.16; 1900 dates are the norm on Windows and web.
    date1904: false,
  };
}

function stripEquals(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

/**
 * Stores one block's arrays into the sheet's grid rows and style rows; returns an estimate of
 * the response's weight in bytes (JSON-like), to tune the following batches.
 */
function storeBlock(
  b: Block,
  values: unknown[][],
  types: Excel.RangeValueType[][] | string[][],
  formats: unknown[][],
  styleIndex: Map<string, number>,
  styles: CellStyle[],
): number {
  let bytes = 0;
  const p = b.sheet;
  for (let r = 0; r < b.rowCount; r++) {
    const vRow = values[r] ?? [];
    const tRow = types[r] ?? [];
    const fRow = formats[r] ?? [];
    const gridRow = p.rowIndex + b.offset + r;
    let row: CellValue[] | undefined;
    let styleRow: Uint32Array | undefined;
    for (let c = 0; c < p.columnCount; c++) {
      const v = vRow[c];
      const t = tRow[c];
      const f = fRow[c];
      // As JSON: the value, its type and its format, each quoted or not, with separators.
      bytes += 9 + (typeof v === 'string' ? v.length : String(v).length) + (typeof t === 'string' ? t.length : 4) + (typeof f === 'string' ? f.length : 4);
      const cell = toCellValue(v, t);
      const col = p.columnIndex + c;
      if (cell !== null) {
        row ??= [];
        row[col] = cell;
      }
      if (typeof f === 'string' && f !== DEFAULT_STYLE.numFmt && cell !== null) {
        let idx = styleIndex.get(f);
        if (idx === undefined) {
          idx = styles.length;
          styles.push({ numFmt: f, locked: true });
          styleIndex.set(f, idx);
        }
        styleRow ??= new Uint32Array(p.columnIndex + p.columnCount);
        styleRow[col] = idx;
      }
    }
    if (row) p.rows[gridRow] = row;
    if (styleRow) p.styles[gridRow] = styleRow;
  }
  return bytes;
}

function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined || type === 'Empty') return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}
