import { parseRange, type RangeRef } from '../a1.js';
import { cellValue, sheetByName, type CellValue, type GridDefinedName, type GridWorkbook } from '../grid.js';

export interface NamedRef {
  readonly sheet: string;
  readonly range: RangeRef;
}

/** 'Ma feuille'!$A$1:$B$2 or Feuille!A1 → sheet and range; undefined for constants, #REF! and the like. */
export function parseSheetRef(ref: string): NamedRef | undefined {
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return undefined;
  let sheet = ref.slice(0, bang).trim();
  if (sheet.startsWith('=')) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  try {
    return { sheet, range: parseRange(ref.slice(bang + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * The defined names of a book by upper-case name, built once per book: a file may hold 100,000
 * names, and each look-up scanning them all made recognition take seconds.
 */
const NAMES_BY_KEY = new WeakMap<GridWorkbook, Map<string, GridDefinedName[]>>();
function namesCalled(book: GridWorkbook, name: string): readonly GridDefinedName[] {
  let byKey = NAMES_BY_KEY.get(book);
  if (!byKey) {
    byKey = new Map();
    for (const n of book.definedNames) {
      const key = n.name.toUpperCase();
      const list = byKey.get(key);
      if (list) list.push(n);
      else byKey.set(key, [n]);
    }
    NAMES_BY_KEY.set(book, byKey);
  }
  return byKey.get(name.toUpperCase()) ?? [];
}

/** The defined name's target (first one when the name is defined on several scopes). */
export function definedNameRef(book: GridWorkbook, name: string): NamedRef | undefined {
  if (book.definedNames.length === 0) return undefined; // an export without names: nothing to compare
  for (const n of namesCalled(book, name)) {
    const r = parseSheetRef(n.ref);
    if (r) return r;
  }
  return undefined;
}

/** A defined name's value: the cell it points at, or its quoted constant ("1.0.0"). */
export function definedNameValue(book: GridWorkbook, name: string): CellValue | undefined {
  if (book.definedNames.length === 0) return undefined;
  for (const n of namesCalled(book, name)) {
    const r = parseSheetRef(n.ref);
    if (r) {
      const sheet = sheetByName(book, r.sheet);
      if (sheet) return cellValue(sheet, r.range.top, r.range.left);
      continue;
    }
    const c = n.ref.trim().replace(/^=/, '');
    if (c.startsWith('"') && c.endsWith('"')) return c.slice(1, -1).replace(/""/g, '"');
    const num = Number(c);
    if (c !== '' && Number.isFinite(num)) return num;
  }
  return undefined;
}
