/**
 * Address helpers for the Office.js host: split "Feuille!A1:B2" addresses Excel returns, quote
 * sheet names in references, pack scattered cells into few range strings, and retarget sheet
 * references inside formulas when sheets are built under temporary names.
 */
import { columnLetters, parseA1, type RangeRef } from '../../core/a1.js';

/** "'Ma feuille'!A1:B2" or "Feuille!A1" → sheet name and the local address. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).replace(/\$/g, '') };
}

/** A sheet name as Excel wants it inside a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A text as an Excel string literal: "…" with inner quotes doubled. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Cells (A1 addresses) → range strings, merging horizontal runs of one row ("A5:F5"), sorted.
 * Invalid addresses are dropped (the caller reports them).
 */
export function packCells(cells: Iterable<string>): string[] {
  const byRow = new Map<number, Set<number>>();
  for (const a of cells) {
    let ref;
    try {
      ref = parseA1(a);
    } catch {
      continue;
    }
    let cols = byRow.get(ref.row);
    if (!cols) byRow.set(ref.row, (cols = new Set()));
    cols.add(ref.col);
  }
  const out: string[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...byRow.get(row)!].sort((a, b) => a - b);
    let start = cols[0]!;
    let prev = start;
    const flush = () => {
      out.push(start === prev ? `${columnLetters(start)}${row}` : `${columnLetters(start)}${row}:${columnLetters(prev)}${row}`);
    };
    for (const c of cols.slice(1)) {
      if (c === prev + 1) {
        prev = c;
        continue;
      }
      flush();
      start = prev = c;
    }
    flush();
  }
  return out;
}

/**
 * Joins range strings into comma-separated lists no longer than maxChars each, for
 * worksheet.getRanges() (RangeAreas, ExcelApi 1.9) whose address argument has a length limit.
 */
export function chunkAddresses(ranges: readonly string[], maxChars = 2000): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const r of ranges) {
    if (cur && cur.length + 1 + r.length > maxChars) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${r}` : r;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/** Number of cells a local address covers ("A1:C3" → 9), for the format-call accounting. */
export function cellCount(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * Rewrites references to the sheets in `renames` (old name → new name, compared
 * case-insensitively like Excel) inside a formula, leaving string literals untouched.
 * Handles 'Quoted name'!A1 and Bare!A1 forms.
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const lower = new Map([...renames].map(([k, v]) => [k.toLowerCase(), v]));
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      // String literal: copy as is ("" is an escaped quote).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      const target = formula[j + 1] === '!' ? lower.get(name.toLowerCase()) : undefined;
      out += target !== undefined ? quoteSheet(target) : formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*(?=!)/.exec(formula.slice(i));
    const prevCh = i > 0 ? formula[i - 1]! : '';
    if (m && !/[A-Za-z0-9_.]/.test(prevCh)) {
      const target = lower.get(m[0].toLowerCase());
      out += target !== undefined ? quoteSheet(target) : m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
