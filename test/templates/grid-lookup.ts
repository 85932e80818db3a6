/** Small lookups on a GridWorkbook read back from a template: names, validations, styles. */
import { parseA1, parseRange, type RangeRef } from '../../src/core/a1.js';
import { cellStyle, cellValue, sheetByName, type GridDataValidation, type GridSheet, type GridWorkbook } from '../../src/core/grid.js';

export interface NamedCell {
  readonly sheet: GridSheet;
  readonly row: number;
  readonly col: number;
  readonly address: string;
}

/** The single cell a workbook-scope defined name points at ('Feuille'!$B$7). */
export function namedCell(book: GridWorkbook, name: string): NamedCell {
  const def = book.definedNames.find((n) => n.name === name && !n.localSheet);
  if (!def) throw new Error(`Nom défini absent : ${name}`);
  const m = /^'?(.+?)'?!(\$?[A-Z]+\$?\d+)$/.exec(def.ref);
  if (!m) throw new Error(`Nom ${name} : référence inattendue ${def.ref}`);
  const sheet = sheetByName(book, m[1]!.replace(/''/g, "'"));
  if (!sheet) throw new Error(`Nom ${name} : feuille absente ${m[1]}`);
  const { row, col } = parseA1(m[2]!);
  return { sheet, row, col, address: m[2]!.replace(/\$/g, '') };
}

export function namedValue(book: GridWorkbook, name: string) {
  const c = namedCell(book, name);
  return cellValue(c.sheet, c.row, c.col);
}

export function sqrefRanges(v: GridDataValidation): RangeRef[] {
  return v.sqref.trim().split(/\s+/).map(parseRange);
}

const inRange = (r: RangeRef, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** Validations covering a cell (there should be exactly one). */
export function validationsAt(sheet: GridSheet, row: number, col: number): GridDataValidation[] {
  return sheet.validations.filter((v) => sqrefRanges(v).some((r) => inRange(r, row, col)));
}

/** A sqref that spans a whole column (A:A, or rows 1 to 1048576) or a whole row. */
export function isUnbounded(v: GridDataValidation): boolean {
  return v.sqref.split(/\s+/).some((part) => {
    if (/^\$?[A-Z]+:\$?[A-Z]+$/.test(part) || /^\$?\d+:\$?\d+$/.test(part)) return true;
    const r = parseRange(part);
    return r.bottom - r.top >= 100_000 || r.right - r.left >= 1000;
  });
}

export function locked(book: GridWorkbook, sheet: GridSheet, row: number, col: number): boolean {
  return cellStyle(book, sheet, row, col).locked;
}
