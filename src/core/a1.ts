/** A1 addresses: columns are letters (A…XFD), rows 1-based. Pure helpers shared by every host. */

export function columnLetters(col: number): string {
  // col is 1-based
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "C7" for row 7, column 3 (both 1-based). */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export interface CellRef {
  row: number;
  col: number;
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

export function parseA1(address: string): CellRef {
  const m = A1_RE.exec(address.trim());
  if (!m) throw new Error(`Adresse de cellule invalide : « ${address} ».`);
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C10" (or a single cell) to its corners. */
export function parseRange(range: string): RangeRef {
  const [a, b] = range.split(':');
  const start = parseA1(a!);
  const end = b ? parseA1(b) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Absolute reference to a range on a sheet, quoted as Excel wants: 'Ma feuille'!$A$1:$B$2. */
export function sheetRef(sheet: string, r: RangeRef): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const a = abs(r.top, r.left);
  const b = abs(r.bottom, r.right);
  return a === b ? `${q}!${a}` : `${q}!${a}:${b}`;
}
