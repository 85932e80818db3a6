import { parseRange } from './a1.js';
import type { CellModel, SheetModel } from './workbook-model.js';

/**
 * The one estimate of how much room text takes in a cell, for every sheet the project writes
 * (templates and the consolidated workbook) and for the tests that check them. Excel and
 * LibreOffice keep the stored height of a row when they open a file (and never fit merged
 * cells), so a builder must say how tall its wrapped rows are and how wide its columns are.
 * The estimate is deliberately a little generous: a row slightly too tall reads fine, a row too
 * short hides text under the next one.
 */

export const DEFAULT_FONT_SIZE = 11;
/** Excel's default row height for the default 11 pt font. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Column width for a column the model leaves unset (Excel's default, in characters). */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** Characters of 11 pt text per character of column width (Calibri is narrower than its '0'). */
const CHARS_PER_WIDTH = 1.1;
/** Bold text is wider. */
const BOLD_FACTOR = 0.92;
/** Points per line: 15 for 11 pt text. */
const LINE_HEIGHT_PER_POINT = DEFAULT_ROW_HEIGHT / DEFAULT_FONT_SIZE;
/** Room taken by the cell margins, in characters of width. */
const CELL_PADDING_CHARS = 1;
const MAX_ROW_HEIGHT = 409;

/** Lines a text takes once wrapped on words into lines of `perLine` characters. */
export function wrappedLines(text: string, perLine: number): number {
  const cap = Math.max(1, Math.floor(perLine));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= cap) line += 1 + len;
      else {
        count++;
        line = len;
      }
      // A word longer than a line breaks inside itself.
      while (line > cap) {
        count++;
        line -= cap;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Height in points of a row showing `text` wrapped in a column `widthChars` wide (Excel width
 * units) at `fontSize` points: a line per about widthChars × 1.1 characters at 11 pt (fewer at
 * larger sizes), 15 pt per line at 11 pt.
 */
export function estimateRowHeight(text: string, widthChars: number, fontSize: number = DEFAULT_FONT_SIZE, bold = false): number {
  const lines = linesInColumn(text, widthChars, fontSize, bold);
  const lineHeight = fontSize * LINE_HEIGHT_PER_POINT;
  const height = lines === 1 ? Math.max(DEFAULT_ROW_HEIGHT, lineHeight) : lines * lineHeight + 3;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(height * 4) / 4);
}

/** Characters of text that fit on one line of a column `widthChars` wide. */
function charsPerLine(widthChars: number, fontSize: number, bold: boolean): number {
  return (Math.max(1, widthChars - CELL_PADDING_CHARS) * CHARS_PER_WIDTH * DEFAULT_FONT_SIZE * (bold ? BOLD_FACTOR : 1)) / fontSize;
}

/**
 * Column width (Excel units) that shows `text` on one line, margins included. The unit is the
 * width of a digit: digits take a whole unit each, other text about 1/1.1 on average.
 */
export function widthForText(text: string, fontSize: number = DEFAULT_FONT_SIZE, bold = false): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/)) {
    const digits = line.replace(/[^0-9]/g, '').length;
    widest = Math.max(widest, digits + (line.length - digits) / CHARS_PER_WIDTH);
  }
  return (widest * fontSize) / (DEFAULT_FONT_SIZE * (bold ? BOLD_FACTOR : 1)) + CELL_PADDING_CHARS;
}

/** Column width that wraps `text` without cutting any word in two (its longest word on one line). */
export function widthForWords(text: string, fontSize: number = DEFAULT_FONT_SIZE, bold = false): number {
  const longest = text.split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), '');
  return widthForText(longest, fontSize, bold);
}

/** Lines `text` takes wrapped in a column `widthChars` wide. */
export function linesInColumn(text: string, widthChars: number, fontSize: number = DEFAULT_FONT_SIZE, bold = false): number {
  return wrappedLines(text, charsPerLine(widthChars, fontSize, bold));
}

/** Width in characters of each column a cell covers (several when merged across columns). */
function widthOf(sheet: SheetModel, cell: CellModel, mergeWidths: Map<string, number>): number {
  const merged = mergeWidths.get(`${cell.row},${cell.col}`);
  if (merged !== undefined) return merged;
  return sheet.columns?.[cell.col - 1]?.width ?? DEFAULT_COLUMN_WIDTH;
}

/**
 * The sheet with a height for every row whose wrapped text needs more than the default: the
 * tallest estimate among the row's wrapping text cells. Heights already given are kept. Cells
 * merged over several rows are skipped (their text has the rows' total height).
 */
export function withRowHeights(sheet: SheetModel): SheetModel {
  const mergeWidths = new Map<string, number>();
  const tallMerges = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    let width = 0;
    for (let c = r.left; c <= r.right; c++) width += sheet.columns?.[c - 1]?.width ?? DEFAULT_COLUMN_WIDTH;
    if (r.bottom > r.top) tallMerges.add(`${r.top},${r.left}`);
    else mergeWidths.set(`${r.top},${r.left}`, width);
  }
  const heights = new Map<number, number>();
  for (const cell of sheet.cells) {
    const style = cell.style;
    if (!style?.wrap || typeof cell.value !== 'string' || cell.value === '' || tallMerges.has(`${cell.row},${cell.col}`)) continue;
    const width = widthOf(sheet, cell, mergeWidths) - 2 * (style.indent ?? 0);
    const height = estimateRowHeight(cell.value, width, style.fontSize ?? DEFAULT_FONT_SIZE, style.bold ?? false);
    if (height > (heights.get(cell.row) ?? DEFAULT_ROW_HEIGHT)) heights.set(cell.row, height);
  }
  const given = new Set((sheet.rowHeights ?? []).map((h) => h.row));
  const computed = [...heights]
    .filter(([row]) => !given.has(row))
    .sort(([a], [b]) => a - b)
    .map(([row, height]) => ({ row, height }));
  if (!computed.length) return sheet;
  return { ...sheet, rowHeights: [...(sheet.rowHeights ?? []), ...computed] };
}
