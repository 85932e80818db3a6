import { toA1 } from '../a1.js';
import { widthForText, widthForWords, withRowHeights } from '../text-layout.js';
import type { CellModel, ColumnModel, SheetModel, StyleModel, TableModel } from '../workbook-model.js';
import { HEADER_STYLE, NOTE_STYLE, TITLE_STYLE, displayedText } from './formats.js';

export type BlockValue = string | number | boolean | null;

export interface BlockColumn {
  readonly header: string;
  /** Least width in characters; the column grows to fit its header's words and its values. */
  readonly width?: number;
  /** Style of every data cell of the column (a row may override it). */
  readonly style?: StyleModel;
}

export interface BlockRow {
  readonly values: readonly BlockValue[];
  /** Per-column style overrides (e.g. the number format of the row's indicator). */
  readonly styles?: readonly (StyleModel | undefined)[];
  /** Per-column extras of the cell (a link built by the host from a checked address). */
  readonly extras?: readonly (Pick<CellModel, 'formula' | 'hyperlink'> | undefined)[];
}

/**
 * A header row and data rows as cells, declared as an Excel table. Every value is a plain
 * value (text stays text, never a formula). Excel needs at least one data row in a table,
 * so an empty block gets none (the caller writes a note instead).
 */
export function tableBlock(
  name: string,
  top: number,
  left: number,
  columns: readonly BlockColumn[],
  rows: readonly BlockRow[],
): { cells: CellModel[]; table: TableModel | undefined; bottom: number; widths: number[] } {
  // A header sits over its values: right-aligned over numbers, as Excel aligns them. Text right
  // after a column of numbers is indented, or it would touch them (« 2013Région »).
  const numeric = columns.map((_, i) => isNumeric(rows, i));
  const indent = numeric.map((n, i) => !n && i > 0 && numeric[i - 1] === true);
  const cells: CellModel[] = columns.map((c, i) => ({
    row: top,
    col: left + i,
    value: c.header,
    style: numeric[i] ? NUMERIC_HEADER_STYLE : indent[i] ? { ...HEADER_STYLE, ...INDENT } : HEADER_STYLE,
  }));
  // Beside a wrapped column, every cell of a row starts at the top, level with the wrapped text.
  const alignTop = columns.some((c) => c.style?.wrap) ? ({ vertical: 'top' } as const) : undefined;
  // One object per cell and no temporaries: « Données » holds a cell per indicator of every return.
  // A style aligned or indented is made once per column and own style, and shared by its cells.
  const adjusted = columns.map(() => new Map<StyleModel | undefined, StyleModel>());
  const adjust = (i: number, own: StyleModel | undefined): StyleModel => {
    let style = adjusted[i]?.get(own);
    if (style === undefined) {
      style = { ...own, ...alignTop, ...(indent[i] ? INDENT : {}) };
      adjusted[i]?.set(own, style);
    }
    return style;
  };
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const row = top + 1 + k;
    for (let i = 0; i < r.values.length; i++) {
      const own = r.styles?.[i] ?? columns[i]?.style;
      const style = alignTop || indent[i] ? adjust(i, own) : own;
      const cell: CellModel = style ? { row, col: left + i, value: r.values[i]!, style } : { row, col: left + i, value: r.values[i]! };
      const extra = r.extras?.[i];
      cells.push(extra ? { ...cell, ...extra } : cell);
    }
  }
  const table: TableModel | undefined =
    rows.length > 0
      ? { name, topLeft: toA1(top, left), columns: columns.map((c) => c.header), rowCount: rows.length, style: 'TableStyleMedium2' }
      : undefined;
  return { cells, table, bottom: top + rows.length, widths: columns.map((c, i) => fitWidth(c, rows, i, indent[i] === true, numeric[i] === true)) };
}

const NUMERIC_HEADER_STYLE: StyleModel = { ...HEADER_STYLE, horizontal: 'right' };
/** Excel applies an indent only to explicitly aligned text. */
const INDENT: StyleModel = { horizontal: 'left', indent: 1 };
/** A column of free text wraps past this width rather than growing. */
const MAX_FIT_WIDTH = 60;

/** Numbers in the column, and no text but « sans objet ». */
function isNumeric(rows: readonly BlockRow[], i: number): boolean {
  let numbers = 0;
  for (const r of rows) {
    const v = r.values[i];
    if (typeof v === 'number') numbers++;
    else if (typeof v === 'string' && v !== 'sans objet') return false;
  }
  return numbers > 0;
}

/**
 * Width that shows the header without cutting a word, and every value unwrapped (capped for
 * long text; a wrapping column keeps its given width and its rows grow instead).
 */
function fitWidth(column: BlockColumn, rows: readonly BlockRow[], i: number, indented: boolean, numeric: boolean): number {
  // An indent takes about two characters of the column.
  let width = Math.max(column.width ?? 0, widthForWords(column.header, undefined, true) + (indented ? 2 : 0));
  if (column.style?.wrap) return Math.ceil(Math.max(width, column.width ?? 12));
  const measured = new Map<string, number>();
  // The same value in the same format shows the same: measured once (a column repeats its values).
  const seen = new Map<string | undefined, Set<string | number | boolean>>();
  for (const r of rows) {
    const v = r.values[i];
    if (v === null || v === undefined || v === '') continue;
    const fmt = r.styles?.[i]?.numFmt ?? column.style?.numFmt;
    let values = seen.get(fmt);
    if (!values) seen.set(fmt, (values = new Set()));
    if (values.has(v)) continue;
    values.add(v);
    // Numbers show as a few shapes (« 0 000,0 »), and text repeats down a column: measured once each.
    const shown = displayedText(v, fmt);
    let w = measured.get(shown);
    if (w === undefined) measured.set(shown, (w = widthForText(shown)));
    width = Math.max(width, Math.min(MAX_FIT_WIDTH, w + (indented ? 2 : 0)));
  }
  const fitted = Math.ceil(width + (numeric ? 1 : 0));
  // ExcelJS, behind the xlsx writer, drops a width of exactly 9 (its default), leaving 8.43.
  return fitted === 9 ? 10 : fitted;
}

/** Colours given to the cells of a column that contain `text` (e.g. a severity, a status). */
export interface TextLight {
  readonly text: string;
  readonly style: StyleModel;
}

export interface TableSheetSpec {
  readonly name: string;
  readonly tabColor?: string;
  readonly title: string;
  /** The line under the title: what the table holds and how to read it. */
  readonly note: string;
  readonly tableName: string;
  readonly columns: readonly BlockColumn[];
  readonly rows: readonly BlockRow[];
  /** Written where the table would be when there is no row. */
  readonly empty: string;
  /** Leading columns kept in view when scrolling right. */
  readonly freezeCols: number;
  /** Traffic lights on one column of the data rows. */
  readonly lights?: { readonly col: number; readonly rules: readonly TextLight[] };
}

/** A note wider than this (in characters) would leave the screen: it wraps onto more lines instead. */
const NOTE_MAX_WIDTH = 160;

/** How many leading columns fit within `max` characters (at least one). */
export function lastColumnWithin(widths: readonly number[], max: number): number {
  let total = 0;
  let n = 0;
  for (const w of widths) {
    if (total + w > max) break;
    total += w;
    n++;
  }
  return Math.max(1, n);
}

/** Row of the table header on a one-table sheet: title, note, a blank row, then the table. */
const TABLE_SHEET_TOP = 4;

/**
 * A sheet holding one table under a title and a note, frozen and printed with its header
 * repeated on each page.
 */
export function tableSheet(spec: TableSheetSpec): SheetModel {
  const top = TABLE_SHEET_TOP;
  const block = tableBlock(spec.tableName, top, 1, spec.columns, spec.rows);
  const columns: ColumnModel[] = block.widths.map((width) => ({ width }));
  // The note wraps over the table's width (merged), its row as tall as it needs.
  const noteSpan = Math.max(1, lastColumnWithin(block.widths, NOTE_MAX_WIDTH));
  // concat, not a spread: the block may hold hundreds of thousands of cells.
  const head: CellModel[] = [
    { row: 1, col: 1, value: spec.title, style: TITLE_STYLE },
    { row: 2, col: 1, value: spec.note, style: { ...NOTE_STYLE, wrap: true, vertical: 'top' } },
  ];
  const cells = head.concat(block.cells);
  if (!block.table) cells.push({ row: top + 1, col: 1, value: spec.empty, style: NOTE_STYLE });
  const lights = spec.lights;
  return withRowHeights({
    name: spec.name,
    ...(spec.tabColor !== undefined ? { tabColor: spec.tabColor } : {}),
    columns,
    cells,
    ...(noteSpan > 1 ? { merges: [`A2:${toA1(2, noteSpan)}`] } : {}),
    tables: block.table ? [block.table] : [],
    ...(lights
      ? {
          conditionalFormats:
            spec.rows.length > 0
              ? [
                  {
                    range: `${toA1(top + 1, lights.col)}:${toA1(top + spec.rows.length, lights.col)}`,
                    rules: lights.rules.map((r) => ({ type: 'containsText' as const, text: r.text, style: r.style })),
                  },
                ]
              : [],
        }
      : {}),
    freeze: { rows: top, cols: spec.freezeCols },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${top}:${top}` },
  });
}
