/**
 * Pure planning of a write-back: each model sheet becomes a dense rectangle of values (or
 * formulas) and number formats, cut into row blocks whose request stays under a byte budget,
 * plus the cell styles grouped by identical style so that formats are applied per group of
 * ranges, never per cell. No Office.js here, so it is testable and measurable on its own.
 */
import { columnLetters, parseRange } from '../../core/a1.js';
import type { CellModel, SheetModel, StyleModel } from '../../core/workbook-model.js';
import { renameSheetRefs } from './address.js';

/** Strings Excel would take as a formula, or parse into a number/date, are stored as text with format "@". */
const TEXT_FORMAT = '@';
/** Text-formatted cells over 255 characters display "####" in some Excel versions. */
const LONG_TEXT = 255;
const FORMULA_START = /^[=+\-@]/;

export type WriteCell = string | number | boolean;

export interface SheetGrid {
  readonly rowCount: number;
  readonly colCount: number;
  /** rows[r][c] for row r+1, column c+1: the value, or "=formula". */
  readonly values: WriteCell[][];
  readonly formats: string[][];
  /** Rows (0-based) holding a formula: their block is written with range.formulas. */
  readonly formulaRows: ReadonlySet<number>;
  /** Non-number-format styles: style key → the style and the A1 cells that carry it. */
  readonly styleGroups: ReadonlyMap<string, { readonly style: StyleModel; readonly cells: string[] }>;
}

export interface Segment {
  readonly sheet: number;
  /** 0-based first row. */
  readonly row: number;
  readonly rowCount: number;
  readonly useFormulas: boolean;
}

/** One request: the segments (row ranges of one or more sheets) written in one sync. */
export interface ValueBlock {
  readonly segments: readonly Segment[];
  readonly bytes: number;
}

/** Whether a text must be protected with the "@" format to stay text. */
export function needsTextFormat(text: string): boolean {
  return text.length <= LONG_TEXT || FORMULA_START.test(text);
}

function withoutNumFmt(style: StyleModel): StyleModel | undefined {
  const { numFmt: _numFmt, ...rest } = style;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

export function styleKey(style: StyleModel): string {
  return JSON.stringify(Object.entries(style).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The dense grid of a sheet. `renames` maps model sheet names to the names they carry while
 * being built, so formulas that point at other new sheets resolve (Excel follows later renames).
 */
export function buildSheetGrid(sheet: SheetModel, renames: ReadonlyMap<string, string>): SheetGrid {
  let rowCount = 0;
  let colCount = 0;
  const cells: CellModel[] = [...sheet.cells];
  // Table headers must be in the cells before tables.add() takes the header row from them.
  const have = new Set(cells.map((c) => `${c.row}:${c.col}`));
  for (const t of sheet.tables ?? []) {
    const tl = parseRange(t.topLeft);
    t.columns.forEach((header, i) => {
      if (!have.has(`${tl.top}:${tl.left + i}`)) cells.push({ row: tl.top, col: tl.left + i, value: header });
    });
    rowCount = Math.max(rowCount, tl.top + Math.max(1, t.rowCount));
    colCount = Math.max(colCount, tl.left + t.columns.length - 1);
  }
  for (const c of cells) {
    rowCount = Math.max(rowCount, c.row);
    colCount = Math.max(colCount, c.col);
  }
  const rangeFormats: { r: ReturnType<typeof parseRange>; numFmt: string }[] = [];
  for (const rs of sheet.rangeStyles ?? []) {
    if (rs.style.numFmt === undefined) continue;
    const r = parseRange(rs.range);
    rangeFormats.push({ r, numFmt: rs.style.numFmt });
    rowCount = Math.max(rowCount, r.bottom);
    colCount = Math.max(colCount, r.right);
  }

  const values: WriteCell[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    values.push(new Array<WriteCell>(colCount).fill(''));
    formats.push(new Array<string>(colCount).fill('General'));
  }
  for (const { r, numFmt } of rangeFormats) {
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) formats[row - 1]![col - 1] = numFmt;
  }
  const formulaRows = new Set<number>();
  const styleGroups = new Map<string, { style: StyleModel; cells: string[] }>();
  for (const c of cells) {
    const r = c.row - 1;
    const col = c.col - 1;
    const numFmt = c.style?.numFmt;
    if (c.formula !== undefined) {
      values[r]![col] = `=${renameSheetRefs(c.formula, renames)}`;
      formats[r]![col] = numFmt ?? (formats[r]![col] === TEXT_FORMAT ? 'General' : formats[r]![col]!);
      formulaRows.add(r);
    } else if (typeof c.value === 'string') {
      values[r]![col] = c.value;
      formats[r]![col] = needsTextFormat(c.value) ? TEXT_FORMAT : (numFmt ?? formats[r]![col]!);
    } else {
      values[r]![col] = c.value ?? '';
      if (numFmt !== undefined) formats[r]![col] = numFmt;
    }
    const rest = c.style ? withoutNumFmt(c.style) : undefined;
    if (rest) {
      const key = styleKey(rest);
      let g = styleGroups.get(key);
      if (!g) styleGroups.set(key, (g = { style: rest, cells: [] }));
      g.cells.push(`${columnLetters(c.col)}${c.row}`);
    }
  }
  return { rowCount, colCount, values, formats, formulaRows, styleGroups };
}

/** Fixed cost of one queued action in an Office.js request (object path, method, ids). */
export const ACTION_OVERHEAD_BYTES = 200;

/**
 * Cuts all sheets' rows into blocks: a block is filled with rows (of one or several sheets)
 * until its request — values and formats as JSON — would pass `blockBytes`. A single row
 * heavier than the budget still makes its own block.
 */
export function planValueBlocks(grids: readonly SheetGrid[], blockBytes: number): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  let segments: Segment[] = [];
  let bytes = 0;
  let seg: { sheet: number; row: number; rowCount: number; useFormulas: boolean } | undefined;
  const closeSegment = () => {
    if (seg) segments.push(seg);
    seg = undefined;
  };
  const closeBlock = () => {
    closeSegment();
    if (segments.length > 0) blocks.push({ segments, bytes });
    segments = [];
    bytes = 0;
  };
  grids.forEach((g, sheet) => {
    for (let r = 0; r < g.rowCount; r++) {
      const rowBytes = JSON.stringify(g.values[r]).length + JSON.stringify(g.formats[r]).length;
      if (bytes > 0 && bytes + rowBytes + 2 * ACTION_OVERHEAD_BYTES > blockBytes) closeBlock();
      if (!seg || seg.sheet !== sheet) {
        closeSegment();
        seg = { sheet, row: r, rowCount: 0, useFormulas: false };
        bytes += 2 * ACTION_OVERHEAD_BYTES;
      }
      seg.rowCount++;
      if (g.formulaRows.has(r)) seg.useFormulas = true;
      bytes += rowBytes;
    }
    closeSegment();
  });
  closeBlock();
  return blocks;
}
