/**
 * The cells of one worksheet, scanned chunk by chunk with indexOf and char codes (no DOM, no
 * regex per cell). Produces the compact rows of the grid: one value array per row and, only
 * for rows that have styled cells, one Uint16Array of style indices.
 */
import type { CellError, CellValue } from '../../../core/grid';
import { endsName, rawItemText } from './scan';
import { formatCount, ReadLimitError } from './limits';
import { decodeCellText } from './xml-text';
import { indexWithin } from './xml-tree';
import { keepHiddenClass } from '../../../core/hidden-class';

/** Excel's grid bounds: a reference beyond them is a corrupt file, not a bigger sheet. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

/** One object per distinct error code: 5 million "#N/A" need not be 5 million objects. */
const errorValues = new Map<string, CellError>();
function errorValue(code: string): CellError {
  let e = errorValues.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    errorValues.set(code, e);
  }
  return e;
}

/** Thrown for a malformed cell or row; the caller turns it into a 'corrompu' read error. */
export class SheetSyntaxError extends Error {}

/** The reader's limits on one row and one cell, and the sheet they are reported in. */
export interface RowLimits {
  readonly sheet: string;
  readonly maxRowChars: number;
  readonly maxCellChars: number;
}

export interface CellSink {
  /** Called once per row, with its 1-based number; `styles` is undefined for an unstyled row. */
  row(rowNumber: number, values: CellValue[], styles: Uint16Array | Uint32Array | undefined): void;
}

export class SheetCellScanner {
  private readonly rowOpen: string;
  private readonly rowClose: string;
  private readonly cOpen: string;
  private readonly cClose: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly isOpen: string;
  private readonly isClose: string;
  private prevRow = 0;
  /**
   * The values of the row being scanned, its first `width` entries (the scan functions' local):
   * one array for every row, copied at its exact width when the row is handed on (emit). A new
   * array per row grew by push through three backing stores (17, 41, 77 slots for 44 cells),
   * garbage but the last, which kept its spare slots in the grid.
   */
  private readonly scratch: CellValue[] = [];

  constructor(
    private readonly p: string,
    private readonly sst: readonly string[],
    private readonly date1904: boolean,
    private readonly limits: RowLimits,
    private readonly sink: CellSink,
  ) {
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.cOpen = `<${p}c`;
    this.cClose = `</${p}c>`;
    this.vOpen = `<${p}v`;
    this.vClose = `</${p}v>`;
    this.isOpen = `<${p}is`;
    this.isClose = `</${p}is>`;
  }

  /**
   * Scans the rows in s[from, to) that lie before the first `close` (the sheetData end tag) in
   * s[from, to), exactly as scanRows(s, from, that close or to) would, and returns where that
   * close is (-1 if none), without a search of the whole text for it first: a row read in place
   * by plainRowAt (its start tag without '<', its cells of the plain shape, its end tag) can hold
   * none. At the first thing of another shape the rest goes the general way, search included.
   */
  scanRowsBefore(s: string, from: number, to: number, close: string, bytes?: Uint8Array): number {
    let i = from;
    if (this.p === '') {
      // The bytes are read in place of the chars only when there is one byte per char.
      const b = bytes !== undefined && bytes.length === s.length ? bytes : undefined;
      while (i < to) {
        while (i < to && isWs(s.charCodeAt(i))) i++; // between rows: skipped by the general scan too
        const next = this.plainRowAt(s, i, to, b);
        if (next < 0) break;
        i = next;
      }
      if (i >= to) return -1;
    }
    const e = s.indexOf(close, i);
    const stop = e >= 0 && e < to ? e : to;
    this.scanRows(s, i, stop);
    return stop === to ? -1 : e;
  }

  /**
   * The usual row starting at s[rs], with no namespace prefix: `<row …>` (no '<' inside),
   * plain cells (see plainRow), `</row>`, all before `to`. Gives the row to the sink and returns
   * the index after it; returns -1, having changed nothing, for anything else (a row with an
   * error included: the general scan then reports it as always).
   */
  private plainRowAt(s: string, rs: number, to: number, b: Uint8Array | undefined): number {
    if (s.charCodeAt(rs) !== 60 || s.charCodeAt(rs + 1) !== 114 /* r */ || s.charCodeAt(rs + 2) !== 111 /* o */ || s.charCodeAt(rs + 3) !== 119 /* w */) return -1;
    const afterName = rs + 4;
    if (!endsName(s, afterName)) return -1;
    let gt = afterName;
    for (;;) {
      if (gt >= to) return -1;
      const c = s.charCodeAt(gt);
      if (c === 62 /* > */) break;
      if (c === 60 /* < */) return -1;
      gt++;
    }
    const rowNumber = this.rowNumberAttr(s, afterName, gt) ?? this.prevRow + 1;
    if (rowNumber < 1 || rowNumber > MAX_ROW) return -1;
    if (s.charCodeAt(gt - 1) === 47 /* <row/> */) {
      this.prevRow = rowNumber;
      return gt + 1;
    }
    const end = b !== undefined ? this.plainRowBytes(s, b, gt + 1, to, rowNumber, true) : this.plainRow(s, gt + 1, to, rowNumber, true);
    // plainRow stops at the row's end tag (the first after gt: no cell of its shape holds one).
    if (end < 0) return -1;
    this.prevRow = rowNumber;
    return end + 6;
  }

  /** Scans the whole rows that lie in s[from, to). */
  scanRows(s: string, from: number, to: number): void {
    const { rowOpen, rowClose } = this;
    let i = from;
    for (;;) {
      const rs = s.indexOf(rowOpen, i);
      if (rs < 0 || rs >= to) return;
      const afterName = rs + rowOpen.length;
      if (!endsName(s, afterName)) {
        i = afterName;
        continue;
      }
      const gt = s.indexOf('>', afterName);
      if (gt < 0 || gt >= to) throw new SheetSyntaxError('ligne non terminée');
      const rowNumber = this.rowNumberAttr(s, afterName, gt) ?? this.prevRow + 1;
      if (rowNumber < 1 || rowNumber > MAX_ROW)
        throw new SheetSyntaxError(`numéro de ligne invalide (${rowNumber})`);
      this.prevRow = rowNumber;
      if (s.charCodeAt(gt - 1) === 47 /* <row/> */) {
        i = gt + 1;
        continue;
      }
      const end = s.indexOf(rowClose, gt);
      if (end < 0 || end >= to) throw new SheetSyntaxError(`ligne ${rowNumber} non terminée`);
      if (end - gt > this.limits.maxRowChars)
        throw new ReadLimitError(
          `la ligne ${rowNumber} de la feuille « ${this.limits.sheet} » dépasse ${formatCount(this.limits.maxRowChars)} caractères (limite de lecture). Retirez les cellules inutiles de cette ligne, ou découpez-la.`,
        );
      // The usual row first, in place; any other goes through the general scan of the row alone
      // (a slice costs no copy, so no search inside it can run on past its end).
      if (this.plainRow(s, gt + 1, end, rowNumber, false) < 0) this.scanCells(s.slice(gt + 1, end), 0, end - gt - 1, rowNumber);
      i = end + rowClose.length;
    }
  }

  /**
   * The fast path for the usual row, read in place from s[from] with char codes only (reading
   * through a slice, or calling a search per cell, costs more than the scan itself): cells
   * without a namespace prefix, one after the other, each <c …/> or <c …><v>text</v></c> with
   * no '<' in the text, attributes quoted, up to `to` or to a `</row>` before it. Gives the row
   * to the sink and returns where its cells end; returns -1, having given nothing, at the first
   * thing of another shape (or that would be an error: a row over maxRowChars included), and
   * the general scan then reads the row, with its checks and messages, as always. With
   * `untilRowEnd`, a row that does not end before `to` is of another shape.
   */
  private plainRow(s: string, from: number, to: number, rowNumber: number, untilRowEnd: boolean): number {
    if (this.p !== '') return -1;
    const values = this.scratch;
    let width = 0;
    let styles: number[] | undefined;
    let maxStyle = 0;
    let col = 0;
    let j = from;
    const maxCellChars = this.limits.maxCellChars;
    // The row's text runs from its start tag's '>' (from - 1) to its end tag (scanRows' limit).
    const maxEnd = from - 1 + this.limits.maxRowChars;
    while (j < to) {
      if (j > maxEnd || s.charCodeAt(j) !== 60 /* < */) return -1;
      const next = s.charCodeAt(j + 1);
      if (next !== 99 /* c */) {
        if (next === 47 /* / */ && s.charCodeAt(j + 2) === 114 /* r */ && s.charCodeAt(j + 3) === 111 /* o */ && s.charCodeAt(j + 4) === 119 /* w */ && s.charCodeAt(j + 5) === 62 /* > */) break;
        return -1;
      }
      let k = j + 2;
      let c = s.charCodeAt(k);
      if (c !== 32 && c !== 62 && c !== 47) return -1;
      let refStart = -1;
      let style = 0;
      let type = CellType.Number;
      let selfClosing = false;
      for (;;) {
        while (c === 32) c = s.charCodeAt(++k);
        if (k >= to) return -1;
        if (c === 62 /* > */) {
          k++;
          break;
        }
        if (c === 47 /* / */) {
          if (s.charCodeAt(k + 1) !== 62) return -1;
          selfClosing = true;
          k += 2;
          break;
        }
        const nameStart = k;
        while (k < to && c !== 61 /* = */ && c !== 32 && c !== 60) c = s.charCodeAt(++k);
        if (c !== 61 || s.charCodeAt(k + 1) !== 34 /* " */) return -1;
        const nameLen = k - nameStart;
        const vs = k + 2;
        k = vs;
        while (k < to && (c = s.charCodeAt(k)) !== 34 && c !== 60) k++;
        if (k >= to || c !== 34) return -1;
        if (nameLen === 1) {
          const name = s.charCodeAt(nameStart);
          if (name === 114 /* r */) refStart = vs;
          else if (name === 115 /* s */) {
            const n = parseUint(s, vs, k);
            if (n === undefined) return -1;
            style = n;
          } else if (name === 116 /* t */) type = cellType(s, vs, k);
        }
        c = s.charCodeAt(++k);
      }
      col = refStart >= 0 ? columnOf(s, refStart) : col + 1;
      if (col < 1 || col > MAX_COL || type === CellType.Inline) return -1;
      let value: CellValue = null;
      if (selfClosing) j = k;
      else {
        // <v>text</v></c>
        if (s.charCodeAt(k) !== 60 || s.charCodeAt(k + 1) !== 118 /* v */ || s.charCodeAt(k + 2) !== 62) return -1;
        const vs = k + 3;
        let e = vs;
        while (e < to && s.charCodeAt(e) !== 60) e++;
        if (
          e + 8 > to ||
          s.charCodeAt(e + 1) !== 47 /* / */ ||
          s.charCodeAt(e + 2) !== 118 /* v */ ||
          s.charCodeAt(e + 3) !== 62 /* > */ ||
          s.charCodeAt(e + 4) !== 60 /* < */ ||
          s.charCodeAt(e + 5) !== 47 /* / */ ||
          s.charCodeAt(e + 6) !== 99 /* c */ ||
          s.charCodeAt(e + 7) !== 62 /* > */ ||
          e + 4 - k > maxCellChars
        )
          return -1;
        value = this.valueOf(s, vs, e, type);
        j = e + 8;
      }
      width = placeValue(values, width, col - 1, value);
      styles = placeStyle(styles, col - 1, style);
      if (style > maxStyle) maxStyle = style;
    }
    if (j > maxEnd || (untilRowEnd && j >= to)) return -1;
    this.emit(rowNumber, width, styles, maxStyle);
    return j;
  }

  /**
   * plainRow reading the row's structure from `b`, the bytes the part was decoded from, one per
   * char (the part is all single bytes: see SheetCellScanner.scanRowsBefore), where a typed
   * array read costs about half a charCodeAt; values are still taken from the text `s`. Same
   * code as plainRow, char for byte: keep the two alike (read-row-paths.test.ts reads both).
   */
  private plainRowBytes(s: string, b: Uint8Array, from: number, to: number, rowNumber: number, untilRowEnd: boolean): number {
    if (this.p !== '') return -1;
    const values = this.scratch;
    let width = 0;
    let styles: number[] | undefined;
    let maxStyle = 0;
    let col = 0;
    let j = from;
    const maxCellChars = this.limits.maxCellChars;
    // The row's text runs from its start tag's '>' (from - 1) to its end tag (scanRows' limit).
    const maxEnd = from - 1 + this.limits.maxRowChars;
    while (j < to) {
      if (j > maxEnd || b[j]! !== 60 /* < */) return -1;
      const next = b[j + 1]!;
      if (next !== 99 /* c */) {
        if (next === 47 /* / */ && b[j + 2]! === 114 /* r */ && b[j + 3]! === 111 /* o */ && b[j + 4]! === 119 /* w */ && b[j + 5]! === 62 /* > */) break;
        return -1;
      }
      let k = j + 2;
      let c = b[k]!;
      if (c !== 32 && c !== 62 && c !== 47) return -1;
      let refStart = -1;
      let style = 0;
      let type = CellType.Number;
      let selfClosing = false;
      for (;;) {
        while (c === 32) c = b[++k]!;
        if (k >= to) return -1;
        if (c === 62 /* > */) {
          k++;
          break;
        }
        if (c === 47 /* / */) {
          if (b[k + 1]! !== 62) return -1;
          selfClosing = true;
          k += 2;
          break;
        }
        const nameStart = k;
        while (k < to && c !== 61 /* = */ && c !== 32 && c !== 60) c = b[++k]!;
        if (c !== 61 || b[k + 1]! !== 34 /* " */) return -1;
        const nameLen = k - nameStart;
        const vs = k + 2;
        k = vs;
        while (k < to && (c = b[k]!) !== 34 && c !== 60) k++;
        if (k >= to || c !== 34) return -1;
        if (nameLen === 1) {
          const name = b[nameStart]!;
          if (name === 114 /* r */) refStart = vs;
          else if (name === 115 /* s */) {
            const n = parseUintBytes(b, vs, k);
            if (n === undefined) return -1;
            style = n;
          } else if (name === 116 /* t */) type = cellTypeBytes(b, vs, k);
        }
        c = b[++k]!;
      }
      col = refStart >= 0 ? columnOfBytes(b, refStart) : col + 1;
      if (col < 1 || col > MAX_COL || type === CellType.Inline) return -1;
      let value: CellValue = null;
      if (selfClosing) j = k;
      else {
        // <v>text</v></c>
        if (b[k]! !== 60 || b[k + 1]! !== 118 /* v */ || b[k + 2]! !== 62) return -1;
        const vs = k + 3;
        let e = vs;
        while (e < to && b[e]! !== 60) e++;
        if (
          e + 8 > to ||
          b[e + 1]! !== 47 /* / */ ||
          b[e + 2]! !== 118 /* v */ ||
          b[e + 3]! !== 62 /* > */ ||
          b[e + 4]! !== 60 /* < */ ||
          b[e + 5]! !== 47 /* / */ ||
          b[e + 6]! !== 99 /* c */ ||
          b[e + 7]! !== 62 /* > */ ||
          e + 4 - k > maxCellChars
        )
          return -1;
        value = this.valueOf(s, vs, e, type);
        j = e + 8;
      }
      width = placeValue(values, width, col - 1, value);
      styles = placeStyle(styles, col - 1, style);
      if (style > maxStyle) maxStyle = style;
    }
    if (j > maxEnd || (untilRowEnd && j >= to)) return -1;
    this.emit(rowNumber, width, styles, maxStyle);
    return j;
  }

  /** The `r` attribute of a row start tag, if any. */
  private rowNumberAttr(s: string, from: number, to: number): number | undefined {
    let k = from;
    while (k < to) {
      const eq = indexWithin(s, 61 /* = */, k, to);
      if (eq < 0) return undefined;
      const q = s.charCodeAt(eq + 1);
      const valueEnd = indexWithin(s, q === 39 ? 39 : 34, eq + 2, to);
      if (valueEnd < 0) return undefined;
      // Attribute name "r", preceded by whitespace.
      if (s.charCodeAt(eq - 1) === 114 && isWs(s.charCodeAt(eq - 2))) return parseUint(s, eq + 2, valueEnd);
      k = valueEnd + 1;
    }
    return undefined;
  }

  private scanCells(s: string, from: number, to: number, rowNumber: number): void {
    const { cOpen, cClose } = this;
    const cLen = cOpen.length;
    const values = this.scratch;
    let width = 0;
    let styles: number[] | undefined;
    let maxStyle = 0;
    let col = 0;
    let j = from;
    for (;;) {
      const cs = s.indexOf(cOpen, j);
      if (cs < 0 || cs >= to) break;
      if (!endsName(s, cs + cLen)) {
        j = cs + cLen;
        continue;
      }
      // Attributes: r (reference), s (style index), t (type); others are skipped.
      let k = cs + cLen;
      let refStart = -1;
      let style = 0;
      let type = CellType.Number;
      let selfClosing = false;
      for (;;) {
        let c = s.charCodeAt(k);
        while (isWs(c)) c = s.charCodeAt(++k);
        if (c === 62 /* > */) {
          k++;
          break;
        }
        if (c === 47 /* / */) {
          selfClosing = true;
          k += 2;
          break;
        }
        if (k >= to) throw new SheetSyntaxError(`cellule non terminée à la ligne ${rowNumber}`);
        // Char loops rather than indexOf: names and values of cell attributes are a few chars.
        const nameStart = k;
        while (k < to && s.charCodeAt(k) !== 61 /* = */) k++;
        const nameLen = k - nameStart;
        k++;
        while (isWs(s.charCodeAt(k))) k++;
        const quote = s.charCodeAt(k);
        if ((quote !== 34 && quote !== 39) || k >= to) throw new SheetSyntaxError(`cellule illisible à la ligne ${rowNumber}`);
        const vs = ++k;
        while (k < to && s.charCodeAt(k) !== quote) k++;
        if (k >= to) throw new SheetSyntaxError(`cellule illisible à la ligne ${rowNumber}`);
        const ve = k;
        if (nameLen === 1) {
          const name = s.charCodeAt(nameStart);
          if (name === 114 /* r */) refStart = vs;
          else if (name === 115 /* s */) style = parseUint(s, vs, ve) ?? 0;
          else if (name === 116 /* t */) type = cellType(s, vs, ve);
        }
        k = ve + 1;
      }
      col = refStart >= 0 ? columnOf(s, refStart) : col + 1;
      if (col < 1 || col > MAX_COL) throw new SheetSyntaxError(`référence de cellule invalide à la ligne ${rowNumber}`);

      let value: CellValue = null;
      if (selfClosing) {
        j = k;
      } else {
        // The cell's end first: every search below then stays within the cell.
        const end = s.indexOf(cClose, k);
        if (end < 0 || end > to) throw new SheetSyntaxError(`cellule non terminée à la ligne ${rowNumber}`);
        if (end - k > this.limits.maxCellChars) throw this.cellTooLong(rowNumber, col);
        // Fast path: <c …><v>…</v></c>, the shape of nearly every cell.
        const { vOpen, vClose } = this;
        const vs = k + vOpen.length + 1;
        const ve = end - vClose.length;
        if (
          type !== CellType.Inline &&
          ve >= vs &&
          s.startsWith(vOpen, k) &&
          s.charCodeAt(vs - 1) === 62 &&
          s.startsWith(vClose, ve) &&
          s.indexOf('<', vs) === ve
        )
          value = this.valueOf(s, vs, ve, type);
        else {
          const cell = s.slice(k, end);
          value = type === CellType.Inline ? this.inlineValue(cell) : this.storedValue(cell, type);
        }
        j = end + cClose.length;
      }

      width = placeValue(values, width, col - 1, value);
      styles = placeStyle(styles, col - 1, style);
      if (style > maxStyle) maxStyle = style;
    }
    this.emit(rowNumber, width, styles, maxStyle);
  }

  /** Hands the row (the first `width` values of scratch) to the sink, its styles packed (none when every cell has style 0). */
  private emit(rowNumber: number, width: number, styles: number[] | undefined, maxStyle: number): void {
    const values = this.scratch.slice(0, width);
    let packed: Uint16Array | Uint32Array | undefined;
    if (styles && maxStyle > 0) {
      while (styles[styles.length - 1] === 0) styles.pop();
      packed = maxStyle < 65536 ? Uint16Array.from(styles) : Uint32Array.from(styles);
    }
    this.sink.row(rowNumber, values, packed);
  }

  /** The value of a cell from its <v> (cached result for formulas); null without one. */
  private storedValue(cell: string, type: CellType): CellValue {
    const { vOpen, vClose } = this;
    let v = cell.indexOf(vOpen);
    while (v >= 0 && !endsName(cell, v + vOpen.length)) v = cell.indexOf(vOpen, v + 1);
    if (v < 0) return null;
    const gt = cell.indexOf('>', v);
    if (gt < 0 || cell.charCodeAt(gt - 1) === 47 /* <v/> */) return null;
    const ve = cell.indexOf(vClose, gt + 1);
    if (ve < 0) throw new SheetSyntaxError('valeur de cellule non terminée');
    return this.valueOf(cell, gt + 1, ve, type);
  }

  /** The value of the text s[vs, ve) of a <v>, for a cell of `type`. */
  private valueOf(s: string, vs: number, ve: number, type: CellType): CellValue {
    switch (type) {
      case CellType.Shared: {
        const n = parseUint(s, vs, ve);
        return n === undefined ? null : (this.sst[n] ?? null);
      }
      case CellType.Number: {
        if (ve === vs) return null;
        const int = parseInteger(s, vs, ve);
        if (int !== undefined) return int;
        const raw = s.slice(vs, ve);
        const n = xsdNumber(raw);
        // Not a number: keep the text rather than lose it (some writers put text here).
        return Number.isNaN(n) ? decodeCellText(raw) : n;
      }
      case CellType.Bool: {
        const c = s.charCodeAt(vs);
        return c === 49 /* 1 */ || c === 116 /* t */;
      }
      case CellType.Error:
        return errorValue(decodeCellText(s.slice(vs, ve)).trim());
      case CellType.Date:
        return isoToSerial(s.slice(vs, ve), this.date1904);
      default:
        return decodeCellText(s.slice(vs, ve));
    }
  }

  private inlineValue(cell: string): CellValue {
    const is = cell.indexOf(this.isOpen);
    if (is < 0) return this.storedValue(cell, CellType.Str);
    const gt = cell.indexOf('>', is);
    const end = cell.indexOf(this.isClose, gt);
    if (gt < 0 || cell.charCodeAt(gt - 1) === 47 /* <is/> */) return '';
    return decodeCellText(rawItemText(cell, gt + 1, end < 0 ? cell.length : end, this.p));
  }

  private cellTooLong(rowNumber: number, col: number): ReadLimitError {
    return new ReadLimitError(
      `la cellule ${columnLetters(col)}${rowNumber} de la feuille « ${this.limits.sheet} » dépasse ${formatCount(this.limits.maxCellChars)} caractères (limite de lecture ; Excel n’en accepte que 32 767 dans une cellule). Raccourcissez son texte.`,
    );
  }
}

/** "A", "Z", "AA"… for a 1-based column number. */
function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Unsigned decimal integer in s[from, to), surrounding spaces allowed; undefined otherwise. */
function parseUint(s: string, from: number, to: number): number | undefined {
  let i = from;
  while (i < to && isWs(s.charCodeAt(i))) i++;
  let n = 0;
  let digits = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    digits++;
  }
  while (i < to && isWs(s.charCodeAt(i))) i++;
  return digits > 0 && i === to ? n : undefined;
}

/**
 * A plain integer ("-12", "1820") without building a string: most numbers of a sheet.
 * Undefined for anything else (decimals, exponents, spaces, 16+ digits), parsed by Number.
 */
function parseInteger(s: string, from: number, to: number): number | undefined {
  let i = from;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  if (i === to || to - i > 15) return undefined;
  let n = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
  }
  return neg ? -n : n;
}

/** Smallest normal double: Excel stores nothing smaller than about this but zero. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * A number as XML Schema writes it (" -1.5E+3 "), NaN for anything else: `+raw` would also take
 * "0x1F" (31), "0b1", "Infinity". Denormals (4.9E-324) read as 0, as Excel reads them.
 */
export function xsdNumber(raw: string): number {
  let i = 0;
  let end = raw.length;
  while (i < end && isWs(raw.charCodeAt(i))) i++;
  while (end > i && isWs(raw.charCodeAt(end - 1))) end--;
  const start = i;
    if (raw[i] === '-' || raw[i] === '+') i++;
  let after = digitsEnd(raw, i, end);
  let digits = after - i;
  i = after;
  if (raw[i] === '.') {
    after = digitsEnd(raw, i + 1, end);
    digits += after - i - 1;
    i = after;
  }
  if (digits === 0) return NaN;
  if (raw[i] === 'e' || raw[i] === 'E') {
    i++;
    if (raw[i] === '-' || raw[i] === '+') i++;
    after = digitsEnd(raw, i, end);
    if (after === i) return NaN;
    i = after;
  }
  if (i !== end) return NaN;
  const n = Number(raw.slice(start, end));
  if (!Number.isFinite(n)) return NaN;
  return Math.abs(n) < MIN_NORMAL ? 0 : n;
}

/** The index after the run of digits of raw that starts at k (a module function: no closure per number). */
function digitsEnd(raw: string, k: number, end: number): number {
  let j = k;
  for (let c = raw.charCodeAt(j); j < end && c >= 48 && c <= 57; c = raw.charCodeAt(++j));
  return j;
}

/** parseUint over bytes (plainRowBytes). */
function parseUintBytes(b: Uint8Array, from: number, to: number): number | undefined {
  let i = from;
  while (i < to && isWs(b[i]!)) i++;
  let n = 0;
  let digits = 0;
  for (; i < to; i++) {
    const c = b[i]!;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    digits++;
  }
  while (i < to && isWs(b[i]!)) i++;
  return digits > 0 && i === to ? n : undefined;
}

/** columnOf over bytes (plainRowBytes). */
function columnOfBytes(b: Uint8Array, from: number): number {
  let i = from;
  if (b[i] === 36) i++;
  let col = 0;
  for (;; i++) {
    const c = b[i]!;
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COL) return -1;
  }
  return col;
}

/** cellType over bytes (plainRowBytes). */
function cellTypeBytes(b: Uint8Array, from: number, to: number): CellType {
  const c = b[from]!;
  const len = to - from;
  if (c === 115 /* s */) return len === 1 ? CellType.Shared : CellType.Str;
  if (c === 110 /* n */) return CellType.Number;
  if (c === 98 /* b */) return CellType.Bool;
  if (c === 101 /* e */) return CellType.Error;
  if (c === 105 /* i */) return CellType.Inline;
  if (c === 100 /* d */) return CellType.Date;
  return CellType.Str;
}

/** Column number from the letters that start an A1 reference (optionally "$"-prefixed). */
function columnOf(s: string, from: number): number {
  let i = from;
  if (s.charCodeAt(i) === 36) i++;
  let col = 0;
  for (;; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COL) return -1;
  }
  return col;
}

function cellType(s: string, from: number, to: number): CellType {
  const c = s.charCodeAt(from);
  const len = to - from;
  if (c === 115 /* s */) return len === 1 ? CellType.Shared : CellType.Str;
  if (c === 110 /* n */) return CellType.Number;
  if (c === 98 /* b */) return CellType.Bool;
  if (c === 101 /* e */) return CellType.Error;
  if (c === 105 /* i */) return CellType.Inline;
  if (c === 100 /* d */) return CellType.Date;
  return CellType.Str;
}

/** A `t="d"` ISO 8601 cell as an Excel serial, like every other date in the grid. */
function isoToSerial(iso: string, date1904: boolean): CellValue {
  const text = iso.trim();
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(text);
  const ms = Date.parse(text.includes('T') && !hasZone ? `${text}Z` : text);
  if (Number.isNaN(ms)) return text;
  let serial = ms / 86_400_000 + 25_569;
  if (!date1904 && serial < 61) serial -= 1; // Excel's fictitious 29 February 1900
  return date1904 ? serial - 1462 : serial;
}

/**
 * Puts a cell's value at its column in a row of `width` values so far (the first entries of
 * `values`, whose later entries are left from earlier rows), blanks filling the columns the row
 * skips; returns the row's new width.
 */
function placeValue(values: CellValue[], width: number, idx: number, value: CellValue): number {
  if (idx < width) {
    values[idx] = value;
    return width;
  }
  while (width < idx) values[width++] = null;
  values[width] = value;
  return width + 1;
}

/** The row's styles with this cell's; none while every cell so far has style 0. */
function placeStyle(styles: number[] | undefined, idx: number, style: number): number[] | undefined {
  if (style === 0 && !styles) return undefined;
  const out = styles ?? [];
  while (out.length < idx) out.push(0);
  out[idx] = style;
  return out;
}

// A scanner built from constants, kept: see keepHiddenClass (real scanners live for one sheet).
keepHiddenClass(new SheetCellScanner('', [], false, { sheet: '', maxRowChars: 1, maxCellChars: 1 }, { row() {} }));
