/**
 * The smaller points of issue 11: numbers a naive reading gets wrong, damaged and UTF-16 parts.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../../src/core/parse/number';
import { readXlsx, XlsxReadError } from '../../../src/hosts/xlsx/read';
import { xsdNumber } from '../../../src/hosts/xlsx/read/sheet-cells';
import { DEFAULT_SETTINGS, fieldSchema, INDICATORS } from '../../../src/schema';
import { handXlsx, worksheetXml } from './helpers';

const book = (cells: string) =>
  handXlsx({ sheets: [{ name: 'F', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData><row r="1">${cells}</row></sheetData>`) }] });

describe('numbers', () => {
  it('a numeric cell holding 0x1F, Infinity or an overflow keeps its text; a denormal reads as 0', () => {
    const b = readXlsx(book('<c r="A1"><v>0x1F</v></c><c r="B1"><v>Infinity</v></c><c r="C1"><v>1E+999</v></c><c r="D1"><v>4.9E-324</v></c><c r="E1"><v> -1.5E+3 </v></c><c r="F1"><v>1E+308</v></c>'), 'n.xlsx');
    expect(b.sheets[0]!.rows[0]).toEqual(['0x1F', 'Infinity', '1E+999', 0, -1500, 1e308]);
  });

  it('xsdNumber takes the XML Schema forms only', () => {
    expect(xsdNumber('12')).toBe(12);
    expect(xsdNumber('.5')).toBe(0.5);
    expect(xsdNumber('5.')).toBe(5);
    expect(xsdNumber('-0')).toBe(0);
    for (const bad of ['', ' ', '.', '0x1F', '0b1', '0o7', '1e', 'e5', '1_000', '--1', 'NaN']) expect(xsdNumber(bad), bad).toBeNaN();
  });

  it('text typed as a number: denormals are 0, overflows are not numbers', () => {
    expect(parseNumberText('4,9E-324')).toBe(0);
    expect(parseNumberText('1E+999')).toBeNaN();
    expect(parseNumberText('0x1F')).toBeNaN();
  });

  it('1E+308 in a whole-number field is too large, not « sans décimale »', () => {
    const def = INDICATORS.find((d) => d.type === 'entier')!;
    const r = fieldSchema(def, DEFAULT_SETTINGS).safeParse(1e308);
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('trop grand');
    expect(fieldSchema(def, DEFAULT_SETTINGS).safeParse(1.5).error!.issues[0]!.message).toContain('sans décimale');
  });
});

describe('parts', () => {
  it('a part whose bytes no longer match its CRC is reported as damaged', () => {
    const files = unzipSync(book('<c r="A1"><v>12</v></c>'));
    const z = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])) as never);
    const text = new TextDecoder('latin1').decode(z);
    const at = text.indexOf('<v>12</v>');
    expect(at).toBeGreaterThan(0);
    z[at + 3] = 0x39; // "12" → "92"
    try {
      readXlsx(z, 'crc.xlsx');
      throw new Error('lu sans erreur');
    } catch (err) {
      expect(err).toBeInstanceOf(XlsxReadError);
      expect((err as Error).message).toContain('crc.xlsx : ce fichier est endommagé');
      expect((err as Error).message).toContain('CRC');
    }
  });

  it('UTF-16 parts with a byte order mark are read (LE and BE)', () => {
    const files = unzipSync(book('<c r="A1" t="inlineStr"><is><t>Écrit en UTF-16</t></is></c>'));
    const enc = (s: string, be: boolean) => {
      const out = new Uint8Array(2 + s.length * 2);
      out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) {
        out[2 + 2 * i + (be ? 1 : 0)] = s.charCodeAt(i) & 0xff;
        out[2 + 2 * i + (be ? 0 : 1)] = s.charCodeAt(i) >> 8;
      }
      return out;
    };
    const dec = (b: Uint8Array) => new TextDecoder().decode(b);
    const sheet = dec(files['xl/worksheets/sheet1.xml']!);
    const le = zipSync({ ...files, 'xl/worksheets/sheet1.xml': enc(sheet, false), 'xl/workbook.xml': enc(dec(files['xl/workbook.xml']!), true) });
    expect(readXlsx(le, 'u.xlsx').sheets[0]!.rows[0]).toEqual(['Écrit en UTF-16']);
  });
});
