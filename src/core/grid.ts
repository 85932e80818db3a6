/**
 * The neutral grid: what every host (xlsx file, open workbook) gives the core to check.
 * Compact on purpose — a 100,000-row network table must fit comfortably in memory — so a
 * sheet holds rows of raw values, and cell styles as indices into the workbook's style table.
 */

/** An Excel error value (#DIV/0!, #N/A, #VALUE!…) found in a cell. */
export interface CellError {
  readonly error: string;
}

/**
 * A cell's value: text, number, boolean, error, or null for a blank cell. Dates are numbers
 * (Excel serials) whose style has a date format. Formulas give their cached result.
 */
export type CellValue = string | number | boolean | CellError | null;

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export interface CellStyle {
  /** Number format code ("General", "0.00", "0%", "dd/mm/yyyy"…). */
  readonly numFmt: string;
  /** Whether the cell is locked when the sheet is protected (Excel's default is true). */
  readonly locked: boolean;
}

export interface GridDataValidation {
  /** Space-separated A1 ranges, as in the file (sqref). */
  readonly sqref: string;
  readonly type: string; // list, whole, decimal, date, textLength, custom…
  readonly operator?: string;
  readonly formula1?: string;
  readonly formula2?: string;
  readonly allowBlank: boolean;
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly errorTitle?: string;
  readonly error?: string;
}

export interface GridTable {
  readonly name: string;
  readonly sheet: string;
  /** A1 range including the header row. */
  readonly ref: string;
  readonly columns: readonly string[];
}

export interface GridDefinedName {
  readonly name: string;
  /** The formula text, e.g. 'Retour SIAE'!$C$5 or a quoted constant "1.0.0". */
  readonly ref: string;
  /** Set when the name is local to one sheet. */
  readonly localSheet?: string;
}

export interface GridSheet {
  readonly name: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
  /** rows[r][c] is the value at row r+1, column c+1; missing entries are blank. */
  readonly rows: readonly (readonly CellValue[] | undefined)[];
  /** styles[r][c] indexes GridWorkbook.styles; a missing row or entry is style 0. */
  readonly styles: readonly (ArrayLike<number> | undefined)[];
  readonly validations: readonly GridDataValidation[];
  /** Sheet protection as stored: null when the sheet is not protected. */
  readonly protection: { readonly password: boolean } | null;
}

export interface GridWorkbook {
  /** File name (or "Classeur ouvert") for messages. */
  readonly source: string;
  readonly sheets: readonly GridSheet[];
  readonly styles: readonly CellStyle[];
  readonly definedNames: readonly GridDefinedName[];
  readonly tables: readonly GridTable[];
  /** Whether the workbook uses the 1904 date system (Mac Excel files). */
  readonly date1904: boolean;
}

export function cellValue(sheet: GridSheet, row: number, col: number): CellValue {
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

export function cellStyle(book: GridWorkbook, sheet: GridSheet, row: number, col: number): CellStyle {
  const idx = sheet.styles[row - 1]?.[col - 1] ?? 0;
  return book.styles[idx] ?? DEFAULT_STYLE;
}

export const DEFAULT_STYLE: CellStyle = { numFmt: 'General', locked: true };

export function sheetByName(book: GridWorkbook, name: string): GridSheet | undefined {
  return book.sheets.find((s) => s.name === name);
}
