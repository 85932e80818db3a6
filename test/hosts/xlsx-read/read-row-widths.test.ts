/**
 * Every row read at its own width, whatever the rows before it: the scanner builds each row in
 * one array reused from row to row (sheet-cells.ts) and hands on a copy of its first cells. A
 * short row after a long one, columns a row skips (blanks, never the cells of the row above),
 * an empty row, a row whose fast path gives up half-way (an inline string) and one whose cell is
 * given twice: the same grid through the fast paths (no prefix, ASCII text and text with
 * accents) and the general scan (an `x:` prefix), against the rows written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/grid';
import { readXlsx } from '../../../src/hosts/xlsx/read/index';
import { handXlsx } from './helpers';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Rows by number: each cell as [column letter, xml of its content and type]. */
type Cells = [string, string][];
const ROWS: [number, Cells][] = [
  [1, [['A', '<v>1</v>'], ['B', '<v>2</v>'], ['C', '<v>3</v>'], ['D', '<v>4</v>'], ['E', '<v>5</v>'], ['F', '<v>6</v>']]],
  [2, [['B', '<v>20</v>']]],
  [3, [['D', '<v>40</v>']]],
  [4, []],
  [5, [['A', '<v>100</v>'], ['B', '<v>200</v>'], ['C', '<v>300</v>'], ['D', '<is><t>en ligne</t></is>|inlineStr'], ['E', '<v>500</v>']]],
  [6, [['A', '<v>7</v>']]],
  [7, [['C', '<v>8</v>'], ['C', '<v>9</v>']]],
  [8, [['F', '<v>1</v>'], ['E', '<v>2</v>']]],
];
const EXPECTED: (CellValue[] | undefined)[] = [
  [1, 2, 3, 4, 5, 6],
  [null, 20],
  [null, null, null, 40],
  undefined,
  [100, 200, 300, 'en ligne', 500],
  [7],
  [null, null, 9],
  [null, null, null, null, 2, 1],
];

function sheetXml(p: string, accent: boolean): string {
  const rows = ROWS.map(([r, cells]) => {
    if (cells.length === 0) return `<${p}row r="${r}"/>`;
    const xml = cells.map(([col, content]) => {
      const [inner, type] = content.split('|');
      const prefixed = inner!.replace(/<(\/?)(v|is|t)>/g, `<$1${p}$2>`).replace('en ligne', accent ? 'en lîgne' : 'en ligne');
      return `<${p}c r="${col}${r}"${type ? ` t="${type}"` : ''}>${prefixed}</${p}c>`;
    });
    return `<${p}row r="${r}">${xml.join('')}</${p}row>`;
  });
  const ns = p ? `xmlns:${p.slice(0, -1)}="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`;
}

describe('rows read at their own width', () => {
  for (const [label, p, accent] of [
    ['fast path, ASCII', '', false],
    ['fast path, text with accents', '', true],
    ['general scan (x: prefix)', 'x:', false],
  ] as const) {
    it(label, () => {
      const bytes = handXlsx({ sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: sheetXml(p, accent) }] });
      const rows = readXlsx(bytes, 'largeurs.xlsx').sheets[0]!.rows;
      const expected = EXPECTED.map((r) => r?.map((v) => (accent && v === 'en ligne' ? 'en lîgne' : v)));
      expect([...rows]).toEqual(expected);
      // Each row is an array of its own, never the scanner's array reused from row to row.
      expect(new Set(rows.filter(Boolean)).size).toBe(rows.filter(Boolean).length);
    });
  }
});
