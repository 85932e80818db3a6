/**
 * The <sheetData> of a worksheet: cells in row order with their values, formulas and formats,
 * plus the hyperlinks they carry. Text is always a text cell (shared string), never a formula;
 * text that starts like a formula also gets the quote-prefix format.
 */
import { columnLetters, parseRange, toA1, type RangeRef } from '../../../core/a1';
import type { CellModel, SheetModel, StyleModel } from '../../../core/workbook-model';
import type { SharedStrings } from './shared-strings';
import type { StyleSheet } from './styles';
import { Utf8Writer } from './utf8-writer';
import { looksLikeFormula, xmlEscape } from './xml-text';

/** Excel's limits. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
const MAX_ROW_HEIGHT = 409;

export function where(sheet: SheetModel, cell?: string): string {
  return cell ? `feuille « ${sheet.name} », cellule ${cell}` : `feuille « ${sheet.name} »`;
}

/** Space-separated bounded ranges; whole columns/rows ("A:A", "1:1") are refused. */
export function boundedRanges(sheet: SheetModel, spec: string, what: string): RangeRef[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((part) => {
      let r: RangeRef;
      try {
        r = parseRange(part);
      } catch {
        throw new Error(`${what} : plage « ${part} » invalide ou non bornée (${where(sheet)}).`);
      }
      if (r.bottom > MAX_ROW || r.right > MAX_COL || r.top < 1 || r.left < 1) throw new Error(`${what} : plage « ${part} » hors de la feuille (${where(sheet)}).`);
      return r;
    });
}

const letters: string[] = [];
function col(c: number): string {
  return (letters[c] ??= columnLetters(c));
}

/** Cell key: unique per (row, column), ordered like the sheet (row first). */
const keyOf = (row: number, c: number) => row * MAX_COL + c;

/** Merges of a range style with a cell style, made once per pair so formats are looked up by object. */
class StyleMerger {
  private readonly cache = new Map<StyleModel, Map<StyleModel, StyleModel>>();
  merge(a: StyleModel | undefined, b: StyleModel | undefined): StyleModel | undefined {
    if (!a) return b;
    if (!b) return a;
    let inner = this.cache.get(a);
    if (!inner) this.cache.set(a, (inner = new Map()));
    let m = inner.get(b);
    if (!m) inner.set(b, (m = { ...a, ...b }));
    return m;
  }
}

export interface Hyperlink {
  readonly ref: string;
  /** Internal location (Sheet!A1) or external https URL. */
  readonly location?: string;
  readonly url?: string;
}

export interface SheetCellsOut {
  /** The worksheet so far, UTF-8: `head(dimension)`, then the <sheetData> element; the caller writes the rest. */
  readonly out: Utf8Writer;
  readonly hyperlinks: Hyperlink[];
}

/** Bytes per cell a worksheet usually takes (~43 for the consolidated workbook): one buffer, no regrowth. */
const BYTES_PER_CELL = 48;

/** An internal link is Sheet!A1 (one cell, no range), as builders write them. */
const INTERNAL_LINK_RE = /^[^!]+![A-Za-z]{1,3}[0-9]+$/;

function hyperlinkOf(sheet: SheetModel, c: CellModel, ref: string): Hyperlink {
  const link = c.hyperlink!;
  if (link.startsWith('#')) {
    const target = link.slice(1).replace(/\$/g, '');
    if (!INTERNAL_LINK_RE.test(target)) throw new Error(`Lien interne invalide « ${link} » (${where(sheet, ref)}) : attendu #'Feuille'!A1.`);
    return { ref, location: target };
  }
  if (!/^https:\/\//i.test(link)) throw new Error(`Lien non autorisé « ${link} » (${where(sheet, ref)}) : seuls les liens https et internes sont acceptés.`);
  return { ref, url: link };
}

function numberXml(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

export function renderSheetCells(
  sheet: SheetModel,
  styles: StyleSheet,
  strings: SharedStrings,
  tableHeaders: readonly { row: number; col: number; name: string }[],
  head: (dimension: string) => string,
): SheetCellsOut {
  const merger = new StyleMerger();
  // Range styles, merged in order, per cell.
  const rangeStyle = new Map<number, StyleModel>();
  for (const rs of sheet.rangeStyles ?? []) {
    for (const r of boundedRanges(sheet, rs.range, 'Style de plage')) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let c = r.left; c <= r.right; c++) {
          const k = keyOf(row, c);
          const prev = rangeStyle.get(k);
          rangeStyle.set(k, prev ? merger.merge(prev, rs.style)! : rs.style);
        }
      }
    }
  }

  // The model's cells in sheet order: as given when already sorted (the builders' usual case),
  // else through a sorted index. No per-cell object: 800,000 cells must not mean 800,000 allocations.
  const cells = sheet.cells;
  const keys = new Float64Array(cells.length);
  let sorted = true;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 1 || cell.col < 1 || cell.row > MAX_ROW || cell.col > MAX_COL) {
      throw new Error(`Cellule hors de la feuille : ligne ${cell.row}, colonne ${cell.col} (${where(sheet)}).`);
    }
    keys[i] = keyOf(cell.row, cell.col);
    if (i > 0 && keys[i]! <= keys[i - 1]!) sorted = false;
  }
  let order: Uint32Array | undefined;
  if (!sorted) {
    order = new Uint32Array(cells.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  }
  const at = (i: number) => (order ? order[i]! : i);
  for (let i = 1; i < cells.length; i++) {
    if (keys[at(i)] === keys[at(i - 1)]) {
      const c = cells[at(i)]!;
      throw new Error(`Cellule définie deux fois (${where(sheet, toA1(c.row, c.col))}).`);
    }
  }
  // Cells that may carry only a range style or a table header: sorted keys, merged in the walk.
  const rangeKeys = Float64Array.from(rangeStyle.keys()).sort();
  const headers = tableHeaders.map((h) => ({ key: keyOf(h.row, h.col), name: h.name })).sort((x, y) => x.key - y.key);

  const heights = new Map<number, number>();
  for (const { row, height } of sheet.rowHeights ?? []) {
    if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new Error(`Hauteur de ligne : numéro de ligne ${row} invalide (${where(sheet)}).`);
    if (heights.has(row)) throw new Error(`Hauteur de la ligne ${row} définie deux fois (${where(sheet)}).`);
    if (!Number.isFinite(height) || height <= 0 || height > MAX_ROW_HEIGHT) {
      throw new Error(`Hauteur de la ligne ${row} invalide : ${height} (attendu un nombre de points entre 0 et ${MAX_ROW_HEIGHT}, ${where(sheet)}).`);
    }
    heights.set(row, height);
  }
  const heightRows = [...heights.keys()].sort((a, b) => a - b);
  let nextHeight = 0;
  // The dimension comes before <sheetData>: known from the keys, so that the whole worksheet
  // is written in one buffer (no copy of the cells' bytes into another).
  let maxRow = heightRows.length ? heightRows[heightRows.length - 1]! : 0;
  let maxCol = 0;
  for (const ks of [keys, rangeKeys]) {
    for (let i = 0; i < ks.length; i++) {
      const row = Math.floor(ks[i]! / MAX_COL);
      if (row > maxRow) maxRow = row;
      if (ks[i]! - row * MAX_COL > maxCol) maxCol = ks[i]! - row * MAX_COL;
    }
  }
  for (const h of headers) {
    const row = Math.floor(h.key / MAX_COL);
    if (row > maxRow) maxRow = row;
    if (h.key - row * MAX_COL > maxCol) maxCol = h.key - row * MAX_COL;
  }
  const dimension = maxRow === 0 ? 'A1' : `A1:${col(Math.max(1, maxCol))}${maxRow}`;
  // Written as bytes (utf8-writer.ts): no string per cell to make, join, encode and collect.
  const out = new Utf8Writer(4096 + BYTES_PER_CELL * (cells.length + rangeKeys.length));
  out.text(head(dimension));
  const rowOpen = (row: number) => {
    const ht = heights.get(row);
    out.text('<row r="');
    out.uint(row);
    if (ht === undefined) out.text('">');
    else out.text(`" ht="${ht}" customHeight="1">`);
  };

  out.text('<sheetData>');
  const hyperlinks: Hyperlink[] = [];
  let currentRow = 0;
  let ci = 0;
  let ri = 0;
  let hi = 0;
  for (;;) {
    const ck = ci < cells.length ? keys[at(ci)]! : Infinity;
    const rk = ri < rangeKeys.length ? rangeKeys[ri]! : Infinity;
    const hk = hi < headers.length ? headers[hi]!.key : Infinity;
    const key = Math.min(ck, rk, hk);
    if (key === Infinity) break;
    const c = ck === key ? cells[at(ci++)] : undefined;
    if (rk === key) ri++;
    let header: string | undefined;
    while (hi < headers.length && headers[hi]!.key === key) header ??= headers[hi++]!.name;
    const row = Math.floor(key / MAX_COL);
    const column = key - row * MAX_COL;
    if (row !== currentRow) {
      if (currentRow) out.text('</row>');
      while (nextHeight < heightRows.length && heightRows[nextHeight]! < row) {
        rowOpen(heightRows[nextHeight++]!);
        out.text('</row>');
      }
      if (heightRows[nextHeight] === row) nextHeight++;
      rowOpen(row);
      currentRow = row;
    }
    const letters = col(column);
    const style = rangeStyle.size ? merger.merge(rangeStyle.get(key), c?.style) : c?.style;
    let value: CellModel['value'] = c ? c.value : header;
    let formula: string | undefined;
    let text: string | undefined;
    let type = '';
    if (c?.formula !== undefined) {
      if (c.hyperlink) throw new Error(`Une formule ne peut pas porter de lien (${where(sheet, letters + row)}).`);
      formula = xmlEscape(c.formula.replace(/^=/, ''));
      if (typeof value === 'string') {
        type = ' t="str"';
        text = xmlEscape(value);
      } else if (typeof value === 'boolean') {
        type = ' t="b"';
        text = value ? '1' : '0';
      } else if (typeof value === 'number' && Number.isFinite(value)) {
        text = numberXml(value);
      }
      value = undefined;
    } else if (c?.hyperlink) {
      hyperlinks.push(hyperlinkOf(sheet, c, letters + row));
      if (value === undefined || value === null) value = c.hyperlink;
      else value = String(value);
    }
    let quote = false;
    // A shared string's index or a plain integer is written as digits, without a string.
    let digits = -1;
    if (typeof value === 'string') {
      type = ' t="s"';
      digits = strings.id(value);
      quote = looksLikeFormula(value);
    } else if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value < 1e15) digits = value;
      else if (Number.isFinite(value)) text = numberXml(value);
      else {
        // Never NaN or Infinity in the file: Excel would refuse it. The cell shows the error.
        type = ' t="e"';
        text = '#NUM!';
      }
    } else if (typeof value === 'boolean') {
      type = ' t="b"';
      text = value ? '1' : '0';
    }
    const xf = styles.cellXf(style, quote);
    out.text('<c r="');
    out.text(letters);
    out.uint(row);
    if (xf) {
      out.text('" s="');
      out.uint(xf);
    }
    if (formula === undefined && text === undefined && digits < 0) {
      out.text('"/>');
      continue;
    }
    out.text('"');
    out.text(type);
    out.text('>');
    if (formula !== undefined) {
      out.text('<f>');
      out.text(formula);
      out.text('</f>');
    }
    if (text !== undefined || digits >= 0) {
      out.text('<v>');
      if (digits >= 0) out.uint(digits);
      else out.text(text!);
      out.text('</v>');
    }
    out.text('</c>');
  }
  if (currentRow) out.text('</row>');
  while (nextHeight < heightRows.length) {
    const row = heightRows[nextHeight++]!;
    rowOpen(row);
    out.text('</row>');
  }
  out.text('</sheetData>');
  return { out, hyperlinks };
}
