/**
 * The reader has a fast path for the usual row (unprefixed cells, <v> values) and a general scan
 * for any other: both must give the same grid, or the same error. The same random rows are read
 * from a sheet without a namespace prefix (fast path wherever it applies) and with an `x:` prefix
 * (always the general scan), shapes mixed: odd spacing, single quotes, missing `r`, inline and
 * typed values, entities, self-closing cells, styles, and broken cells.
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read/index';
import { SheetCellScanner } from '../../../src/hosts/xlsx/read/sheet-cells';
import { handXlsx } from './helpers';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A small deterministic generator (the same rows on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** One cell of a given shape, with `p` as the element prefix. */
function cell(rnd: () => number, p: string, row: number, col: number, broken: boolean, usual = false): string {
  const ref = `${letters(col)}${row}`;
  const r = rnd() < 0.15 ? '' : ` r="${ref}"`;
  const s = rnd() < 0.3 ? ` s="${Math.floor(rnd() * 3)}"` : '';
  const shapes = [
    () => `<${p}c${r}${s}><${p}v>${Math.floor(rnd() * 1e6) - 5000}</${p}v></${p}c>`,
    () => `<${p}c${r}${s}><${p}v>${(rnd() * 1e4).toFixed(3)}</${p}v></${p}c>`,
    () => `<${p}c${r}${s} t="s"><${p}v>${Math.floor(rnd() * 4)}</${p}v></${p}c>`,
    () => `<${p}c${r} t="str"${s}><${p}v>a &amp; b_x0041_</${p}v></${p}c>`,
    () => `<${p}c${r} t="b"><${p}v>${rnd() < 0.5 ? 1 : 0}</${p}v></${p}c>`,
    () => `<${p}c${r} t="e"><${p}v>#N/A</${p}v></${p}c>`,
    () => `<${p}c${r} t="d"><${p}v>2024-02-29T12:00:00</${p}v></${p}c>`,
    () => `<${p}c${r} t="inlineStr"><${p}is><${p}t>en ligne</${p}t></${p}is></${p}c>`,
    () => `<${p}c${r}${s}/>`,
    () => `<${p}c${r}${s} />`,
    () => `<${p}c${r}${s}></${p}c>`,
    () => `<${p}c${r}${s}><${p}f>1+1</${p}f><${p}v>2</${p}v></${p}c>`,
    () => `<${p}c${r.replace(/"/g, "'")}${s}><${p}v>7</${p}v></${p}c>`,
    () => `<${p}c${r}${s}  t="n" ><${p}v> 12 </${p}v></${p}c>`,
    () => `<${p}c${r}\n${s}><${p}v>0x1F</${p}v></${p}c>`,
    () => `<${p}c${r}${s}><${p}v></${p}v></${p}c>`,
    () => `<${p}c${r}${s}><${p}v/></${p}c>`,
  ];
  const brokenShapes = [
    () => `<${p}c r="${ref}"><${p}v>1</${p}v>`,
    () => `<${p}c r="XFE${row}"><${p}v>1</${p}v></${p}c>`,
    () => `<${p}c r="${ref}" s><${p}v>1</${p}v></${p}c>`,
    () => `<${p}c r="${ref}"><${p}v>1</${p}c>`,
  ];
  // The usual shapes (numbers, shared strings, booleans, errors, dates, empty cells) nine times in ten.
  const list = broken ? brokenShapes : usual && rnd() < 0.9 ? [0, 1, 2, 4, 5, 6, 8, 9].map((i) => shapes[i]!) : shapes;
  return list[Math.floor(rnd() * list.length)]!();
}

function sheetXml(seed: number, p: string, broken: boolean): string {
  const rnd = random(seed);
  const rows: string[] = [];
  for (let row = 1; row <= 40; row++) {
    const cells: string[] = [];
    let col = 0;
    const n = Math.max(broken && row === 20 ? 1 : 0, Math.floor(rnd() * 12));
    for (let i = 0; i < n; i++) {
      col += 1 + Math.floor(rnd() * 2);
      const sep = rnd() < 0.1 ? ' ' : '';
      cells.push(sep + cell(rnd, p, row, col, broken && row === 20 && i === 0));
    }
    rows.push(`<${p}row r="${row}">${cells.join('')}</${p}row>`);
  }
  const xmlns = p === '' ? `xmlns="${NS}"` : `xmlns:${p.slice(0, -1)}="${NS}"`;
  return `<?xml version="1.0"?><${p}worksheet ${xmlns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`;
}

/**
 * Row-level shapes around the cells: space or line breaks between rows, `<row/>`, rows without
 * `r`, odd row attributes, and (broken) a `</sheetData>` or a `<` inside a row or its start tag,
 * a row number out of range, a row past `maxRowChars`. With `rows` in the thousands, the sheet
 * streams in several chunks, rows cut across them.
 */
function rowsXml(seed: number, p: string, rows: number, broken: boolean, maxCells = 10): string {
  const rnd = random(seed);
  const out: string[] = [];
  const brokenAt = broken ? 1 + Math.floor(rnd() * rows) : -1;
  for (let row = 1; row <= rows; row++) {
    const cells: string[] = [];
    const n = 1 + Math.floor(rnd() * maxCells);
    for (let col = 1; col <= n; col++) cells.push(cell(rnd, p, row, col, false, true));
    const body = cells.join('');
    const shapes = [
      () => `<${p}row r="${row}">${body}</${p}row>`,
      () => `<${p}row r="${row}" spans="1:10" ht='15' customHeight="1">${body}</${p}row>`,
      () => `<${p}row>${body}</${p}row>`,
      () => `<${p}row r="${row}"/>`,
      () => `\n  <${p}row r="${row}" >${body}</${p}row>\r\n`,
      () => `<${p}row\tr="${row}">${body}</${p}row >`,
    ];
    const brokenShapes = [
      () => `<${p}row r="${row}">${body}</${p}sheetData></${p}row>`,
      () => `<${p}row r="${row}" x="</${p}sheetData>">${body}</${p}row>`,
      () => `<${p}row r="${row}"<>${body}</${p}row>`,
      () => `<${p}row r="0">${body}</${p}row>`,
      () => `<${p}row r="${row}">${body}${`<${p}c/>`.repeat(200)}</${p}row>`,
      () => `<${p}row r="${row}">${body}`,
      () => `</${p}sheetData><${p}row r="${row}">${body}</${p}row>`,
      () => `<${p}row r="${row}">${body}</${p}row><!-- </${p}sheetData> -->`,
    ];
    const list = row === brokenAt ? brokenShapes : shapes;
    out.push(list[Math.floor(rnd() * list.length)]!());
  }
  const xmlns = p === '' ? `xmlns="${NS}"` : `xmlns:${p.slice(0, -1)}="${NS}"`;
  return `<?xml version="1.0"?><${p}worksheet ${xmlns}><${p}sheetData>${out.join('')}</${p}sheetData></${p}worksheet>`;
}

function read(seed: number, p: string, broken: boolean, xml = sheetXml(seed, p, broken), limits: { maxRowChars?: number } = {}): unknown {
  const sst = `<sst xmlns="${NS}"><si><t>un</t></si><si><t>deux</t></si><si><t>trois</t></si><si><t>quatre</t></si></sst>`;
  const styles = `<styleSheet xmlns="${NS}"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
  const bytes = handXlsx({ sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml }], sharedStrings: sst, styles });
  try {
    const book = readXlsx(bytes, 'lignes.xlsx', limits);
    const sheet = book.sheets[0]!;
    return { rows: sheet.rows, styles: sheet.styles.map((s) => (s ? Array.from(s) : s)) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('the fast and the general row scan agree', () => {
  it('on 60 sheets of mixed cell shapes, read with and without a prefix', () => {
    let cellsSeen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const plain = read(seed, '', false) as { rows: unknown[][] };
      expect(read(seed, 'x:', false)).toEqual(plain);
      cellsSeen += plain.rows.reduce((n, r) => n + (r ? r.length : 0), 0);
    }
    expect(cellsSeen).toBeGreaterThan(5000);
  });

  it('on sheets with a broken cell: the same error', () => {
    let errors = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const plain = read(seed, '', true) as { error?: string };
      if (plain.error !== undefined) {
        expect(plain.error).toMatch(/lignes\.xlsx/);
        errors++;
      }
      expect(read(seed, 'x:', true)).toEqual(plain);
    }
    expect(errors).toBeGreaterThanOrEqual(10);
  });

  it('around the cells: spacing and odd rows, broken rows, and rows cut across chunks', () => {
    let errors = 0;
    let rowsSeen = 0;
    for (let seed = 1; seed <= 48; seed++) {
      // Every fourth sheet big enough to stream in several chunks; a few with a row limit of 600
      // characters, which only a broken row of 200 more cells passes (with either prefix).
      const rows = seed % 4 === 0 ? 4000 : 40;
      const broken = seed % 2 === 1;
      const limited = seed % 6 === 5;
      const limits = limited ? { maxRowChars: 600 } : {};
      const maxCells = limited ? 4 : 10;
      const plain = read(seed, '', broken, rowsXml(seed, '', rows, broken, maxCells), limits) as { rows?: unknown[]; error?: string };
      expect(read(seed, 'x:', broken, rowsXml(seed, 'x:', rows, broken, maxCells), limits)).toEqual(plain);
      if (plain.error !== undefined) errors++;
      else rowsSeen += plain.rows!.filter(Boolean).length;
    }
    expect(errors).toBeGreaterThanOrEqual(8);
    expect(rowsSeen).toBeGreaterThan(20_000);
  });
});

/**
 * A sheet that arrives whole is scanned from its bytes where there is one byte per char (ASCII,
 * or an invalid byte decoded as one U+FFFD): the rows must be those of the scan of its chars.
 */
describe('the usual row read from the bytes or from the chars of a whole sheet', () => {
  const sst = ['un', 'deux', 'trois', 'quatre'];
  const limits = { sheet: 'Feuille', maxRowChars: 8_000_000, maxCellChars: 500_000 };

  function scan(s: string, bytes: Uint8Array | undefined): unknown {
    const rows: unknown[] = [];
    const scanner = new SheetCellScanner('', sst, false, limits, { row: (n, values, styles) => rows.push([n, values, styles && Array.from(styles)]) });
    const from = s.indexOf('<sheetData>') + '<sheetData>'.length;
    const to = s.lastIndexOf('</row>') + '</row>'.length;
    try {
      const close = scanner.scanRowsBefore(s, from, to, '</sheetData>', bytes);
      return { rows, close };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }

  it('on sheets of mixed shapes, broken ones included, with invalid bytes in their texts', () => {
    let viaBytes = 0;
    let errors = 0;
    for (let seed = 1; seed <= 90; seed++) {
      const broken = seed % 3 === 0;
      const xml = seed % 2 === 0 ? sheetXml(seed, '', broken) : rowsXml(seed, '', 60, broken);
      const bytes = new TextEncoder().encode(xml);
      // Every "a &amp; b" text: one byte that is not UTF-8, decoded as one char (U+FFFD).
      if (seed % 5 < 2) for (let i = bytes.indexOf(97); i >= 0; i = bytes.indexOf(97, i + 1)) if (bytes[i + 1] === 32 && bytes[i + 2] === 38) bytes[i] = seed % 5 === 0 ? 0xff : 0x80;
      const s = new TextDecoder().decode(bytes);
      expect(s.length).toBe(bytes.length);
      const fromBytes = scan(s, bytes) as { error?: string };
      expect(fromBytes, `feuille ${seed}`).toEqual(scan(s, undefined));
      if (fromBytes.error !== undefined) errors++;
      else viaBytes++;
    }
    expect(viaBytes).toBeGreaterThan(45);
    expect(errors).toBeGreaterThan(10);
  });

  it('reads the chars when a character takes more than one byte, as the whole reader shows', () => {
    for (let seed = 1; seed <= 20; seed++) {
      // An accent in a comment before the rows: fewer chars than bytes, the chars are read.
      const xml = sheetXml(seed, '', false).replace('<sheetData>', '<!-- é --><sheetData>');
      expect(read(seed, '', false, xml), `feuille ${seed}`).toEqual(read(seed, 'x:', false));
    }
  });
});
