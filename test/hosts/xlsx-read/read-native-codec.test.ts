/**
 * The Node command line inflates small parts and computes CRCs with node:zlib (native-zip-codec.ts),
 * the browser with fflate (zip-codec.ts). Whatever the file, honest or damaged, both must give
 * the same grid or the same French error: they are compared here on real packages (ExcelJS and
 * hand-written) and on every kind of damage the reader checks.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/apps/cli/main';
import { JS_ZIP_CODEC, defaultZipCodec, readXlsx, setDefaultZipCodec, XlsxReadError, type ZipCodec } from '../../../src/hosts/xlsx/read';
import { NATIVE_MIN_COMPRESSED, NATIVE_ZIP_CODEC } from '../../../src/hosts/xlsx/native-zip-codec';
import { damaged, excelBytes, handXlsx, noise, put32, worksheetXml, zipEntry } from './helpers';

const native = NATIVE_ZIP_CODEC!;

type Outcome = { grid: unknown } | { reason: string; message: string };

function outcome(bytes: Uint8Array, codec: ZipCodec, limits?: Parameters<typeof readXlsx>[2]): Outcome {
  try {
    return { grid: readXlsx(bytes, 'retour.xlsx', limits, { codec }) };
  } catch (err) {
    if (err instanceof XlsxReadError) return { reason: err.reason, message: err.message };
    throw err;
  }
}

/** Counts the small parts the codec inflated itself (not left to fflate's streaming). */
function counting(codec: ZipCodec): { codec: ZipCodec; whole: () => number } {
  let n = 0;
  return {
    codec: {
      name: codec.name,
      crc32: codec.crc32,
      inflateWhole: (d, max) => {
        const r = codec.inflateWhole(d, max);
        if (r) n++;
        return r;
      },
    },
    whole: () => n,
  };
}

async function exceljsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Export');
  ws.addRow(['SIRET', 'Raison sociale', 'Personnes en insertion', 'Femmes', 'ETP conventionnés']);
  for (let i = 0; i < 200; i++) ws.addRow([`4400000000${String(i).padStart(4, '0')}`, `Structure n° ${i} — Créteil`, 30 + (i % 7), i % 11, i % 3 ? 10.5 : '10,5']);
  return excelBytes(wb);
}

const SHEET = 'xl/worksheets/sheet1.xml';
function handWorkbook(): Uint8Array {
  const rows = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 2}</v></c><c r="B${i + 1}"><v>${(i * 7919) % 10007}.25</v></c></row>`).join('');
  return handXlsx({
    sheets: [{ name: 'Données', path: SHEET, xml: worksheetXml(`<sheetData>${rows}</sheetData>`) }],
    sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ACI Jardins</t></si><si><t>EI Bâtiment</t></si></sst>`,
  });
}

describe('native (node:zlib) and JavaScript (fflate) codecs', () => {
  it('give the same CRC and the same inflated bytes', () => {
    const data = noise(50_000, 11);
    expect(native.crc32(data, 0)).toBe(zlibCrc32(data));
    let a = 0;
    let b = 0;
    for (let at = 0; at < data.length; at += 777) {
      a = native.crc32(data.subarray(at, at + 777), a);
      b = JS_ZIP_CODEC.crc32(data.subarray(at, at + 777), b);
    }
    expect(a).toBe(b);
    const text = strToU8(Array.from({ length: 2000 }, (_, i) => `<row r="${i}"><c r="A${i}"><v>${(i * 7919) % 10007}</v></c></row>`).join(''));
    const z = zipSync({ p: text }, { level: 6 });
    const w = zipEntry(z, 'p');
    expect(w.size).toBeGreaterThan(NATIVE_MIN_COMPRESSED); // inflated by zlib, not handed to fflate
    const deflated = z.subarray(w.data, w.data + w.size);
    expect(native.inflateWhole(deflated, text.length)).toEqual(text);
    expect(JS_ZIP_CODEC.inflateWhole(deflated, text.length)).toEqual(text);
    // One byte short of the real size: neither truncates, both leave the part to the streaming path.
    expect(native.inflateWhole(deflated, text.length - 1)).toBeUndefined();
    expect(JS_ZIP_CODEC.inflateWhole(deflated, text.length - 1)).toBeUndefined();
    expect(native.inflateWhole(deflated.subarray(0, deflated.length >> 1), text.length)).toBeUndefined();
    expect(JS_ZIP_CODEC.inflateWhole(deflated.subarray(0, deflated.length >> 1), text.length)).toBeUndefined();
  });

  it('read an ExcelJS workbook and every damaged copy of it alike: same grid or same error', async () => {
    const bytes = await exceljsWorkbook();
    // The sheet and the shared strings are large enough for zlib (the other parts go to fflate).
    for (const part of [SHEET, 'xl/sharedStrings.xml']) expect(zipEntry(bytes, part).size).toBeGreaterThan(NATIVE_MIN_COMPRESSED);
    const cases = damaged(bytes, [SHEET, 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml']);
    let errors = 0;
    for (const c of cases) {
      const js = outcome(c.bytes, JS_ZIP_CODEC);
      if ('reason' in js) errors++;
      expect(outcome(c.bytes, native), c.name).toEqual(js);
    }
    // The damage does show: most copies are refused (the others still read whole, by both).
    expect(errors).toBeGreaterThan(cases.length / 2);
    const intact = outcome(bytes, native);
    expect('grid' in intact && (intact.grid as { sheets: { rows: unknown[] }[] }).sheets[0]!.rows).toHaveLength(201);
  });

  it('read a hand-written workbook and every damaged copy alike, and the native codec did inflate its small parts', () => {
    const bytes = handWorkbook();
    expect(zipEntry(bytes, SHEET).size).toBeGreaterThan(NATIVE_MIN_COMPRESSED);
    for (const c of damaged(bytes, [SHEET, 'xl/sharedStrings.xml'])) expect(outcome(c.bytes, native), c.name).toEqual(outcome(c.bytes, JS_ZIP_CODEC));
    const n = counting(native);
    readXlsx(bytes, 'x.xlsx', undefined, { codec: n.codec });
    expect(n.whole()).toBeGreaterThanOrEqual(5);
  });

  it('refuse the same zip bomb with the same message, whatever size it declares', () => {
    const bomb = zipSync(
      {
        '[Content_Types].xml': strToU8('<Types/>'),
        'xl/workbook.xml': strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        // 4 Mo of one character: ~4 ko compressed, 1000 times its size (over the 1 Mo grace).
        [SHEET]: new Uint8Array(4 * 1024 * 1024).fill(0x20),
      },
      { level: 9 },
    );
    const w = zipEntry(bomb, SHEET);
    for (const declared of [1000, 600 * 1024]) {
      const lying = bomb.slice();
      put32(lying, w.local + 22, declared);
      put32(lying, w.central + 24, declared);
      const js = outcome(lying, JS_ZIP_CODEC);
      expect(js).toMatchObject({ reason: 'trop-volumineux' });
      expect((js as { message: string }).message).toContain('bombe zip');
      expect(outcome(lying, native)).toEqual(js);
    }
  });

  it('give the same error when a limit is reached (uncompressed budget, cells)', async () => {
    const bytes = await exceljsWorkbook();
    for (const limits of [{ maxUncompressedBytes: 2000 }, { maxCells: 50 }, { maxCellChars: 5 }]) {
      const js = outcome(bytes, JS_ZIP_CODEC, limits);
      expect(js, JSON.stringify(limits)).toHaveProperty('reason');
      expect(outcome(bytes, native, limits)).toEqual(js);
    }
  });

  it('the command line reads with the native codec while it runs; other hosts, and the process after it, keep fflate', async () => {
    const before = defaultZipCodec();
    expect(before).toBe(JS_ZIP_CODEC);
    let during: ZipCodec | undefined;
    try {
      await main(['--help'], { out: () => void (during = defaultZipCodec()), err: () => undefined });
      expect(during).toBe(native);
      expect(defaultZipCodec()).toBe(JS_ZIP_CODEC);
      await expect(main(['inconnue'], { out: () => undefined, err: () => void (during = defaultZipCodec()) })).resolves.not.toBe(0);
      expect(defaultZipCodec()).toBe(JS_ZIP_CODEC);
    } finally {
      setDefaultZipCodec(before);
    }
  });
});
