/**
 * Small parts are inflated in one call into a buffer of their declared size; that size comes
 * from the file and can lie. Whatever it says, the reader gives the whole part or the right
 * French error: never a truncated grid, never a padded one, never a bomb let through.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, XlsxReadError, type ReadLimits } from '../../../src/hosts/xlsx/read';
import { DEFAULT_READ_LIMITS } from '../../../src/hosts/xlsx/read/limits';
import { ZipPackage } from '../../../src/hosts/xlsx/read/zip';
import { handXlsx, put32, u32, worksheetXml, zipEntry } from './helpers';

/** A copy of the package where `part` declares `size` uncompressed bytes (local header and central directory). */
function withDeclaredSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const { local, central } = zipEntry(out, part);
  put32(out, local + 22, size);
  put32(out, central + 24, size);
  return out;
}

function declaredSize(bytes: Uint8Array, part: string): number {
  return u32(bytes, zipEntry(bytes, part).central + 24);
}

/** A copy where `part`'s compressed data is said to be `size` bytes long (cut short). */
function withCompressedSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const { local, central } = zipEntry(out, part);
  put32(out, local + 18, size);
  put32(out, central + 20, size);
  return out;
}

function readError(bytes: Uint8Array, source: string, limits?: Partial<ReadLimits>): XlsxReadError {
  try {
    readXlsx(bytes, source, limits);
  } catch (err) {
    if (err instanceof XlsxReadError) return err;
    throw err;
  }
  throw new Error('le fichier a été lu sans erreur');
}

/** Every chunk a part streams as, with the buffer each one lives in. */
function chunksOf(bytes: Uint8Array, part: string): { data: Uint8Array; chunks: { length: number; bufferLength: number; final: boolean }[] } {
  const zip = new ZipPackage(bytes, 'x.xlsx', DEFAULT_READ_LIMITS);
  const parts: Uint8Array[] = [];
  const chunks: { length: number; bufferLength: number; final: boolean }[] = [];
  zip.stream(part, (chunk, final) => {
    parts.push(chunk.slice());
    chunks.push({ length: chunk.length, bufferLength: chunk.buffer.byteLength, final });
  });
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { data, chunks };
}

const SHEET = 'xl/worksheets/sheet1.xml';
const ROWS = 300;
/** 300 rows of shared strings, numbers, inline text with accents (multi-byte UTF-8) and dates. */
function workbook(): Uint8Array {
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 3}</v></c><c r="B${i + 1}"><v>${i * 1.5}</v></c><c r="C${i + 1}" t="inlineStr"><is><t>Élément n° ${i} — Créteil</t></is></c></row>`,
  ).join('');
  return handXlsx({
    sheets: [{ name: 'Données', path: SHEET, xml: worksheetXml(`<sheetData>${rows}</sheetData>`) }],
    sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ACI Jardins</t></si><si><t>EI Bâtiment</t></si><si><t>AI Services</t></si></sst>`,
  });
}

describe('a part whose declared size lies', () => {
  const honest = workbook();
  const realSize = declaredSize(honest, SHEET);
  const expected = readXlsx(honest, 'honnete.xlsx');

  it('the honest package reads whole, the sheet in one call into a buffer of its declared size', () => {
    expect(expected.sheets[0]!.rows).toHaveLength(ROWS);
    expect(expected.sheets[0]!.rows[ROWS - 1]).toEqual(['AI Services', (ROWS - 1) * 1.5, `Élément n° ${ROWS - 1} — Créteil`]);
    const { data, chunks } = chunksOf(honest, SHEET);
    expect(data.length).toBe(realSize);
    // One chunk, in the declared-size-plus-one buffer of the one-call path.
    expect(chunks).toEqual([{ length: realSize, bufferLength: realSize + 1, final: true }]);
  });

  it('declared smaller than it is: the whole part still comes out, through the streaming path', () => {
    for (const declared of [realSize - 1, Math.floor(realSize / 2), 0]) {
      const lying = withDeclaredSize(honest, SHEET, declared);
      const { data, chunks } = chunksOf(lying, SHEET);
      expect(data).toEqual(chunksOf(honest, SHEET).data);
      // Not the one-call buffer: the cut output was thrown away and the part streamed instead.
      expect(chunks.every((c) => c.bufferLength === c.length)).toBe(true);
      const book = readXlsx(lying, 'menteur.xlsx');
      expect(book.sheets[0]!.rows).toHaveLength(ROWS);
      expect(book.sheets).toEqual(expected.sheets);
    }
  });

  it('declared larger than it is: the real content, not padded with zeros', () => {
    // Up to 1 Mo (ratioGraceBytes) a small part may declare any size: the buffer is that big.
    for (const declared of [realSize + 1, realSize * 3, 1024 * 1024]) {
      const lying = withDeclaredSize(honest, SHEET, declared);
      const { data, chunks } = chunksOf(lying, SHEET);
      expect(data.length).toBe(realSize);
      expect(chunks).toEqual([{ length: realSize, bufferLength: declared + 1, final: true }]);
      expect(readXlsx(lying, 'menteur.xlsx').sheets).toEqual(expected.sheets);
    }
  });

  it('declared implausibly large (over 200 times its compressed size, or 4 Go): streamed, never allocated', () => {
    for (const declared of [8 * 1024 * 1024, 0xfffffffe]) {
      const lying = withDeclaredSize(honest, SHEET, declared);
      const { data, chunks } = chunksOf(lying, SHEET);
      expect(data.length).toBe(realSize);
      expect(chunks.every((c) => c.bufferLength === c.length)).toBe(true);
      expect(readXlsx(lying, 'menteur.xlsx').sheets).toEqual(expected.sheets);
    }
  });

  it('every small part lying at once (workbook, relationships, shared strings, sheet)', () => {
    let lying = honest;
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', SHEET])
      lying = withDeclaredSize(lying, part, 3);
    expect(readXlsx(lying, 'menteur.xlsx')).toEqual({ ...expected, source: 'menteur.xlsx' });
  });

  it('the uncompressed budget counts real bytes, not declared ones', () => {
    const lying = withDeclaredSize(honest, SHEET, 10);
    const err = readError(lying, 'menteur.xlsx', { maxUncompressedBytes: realSize });
    expect(err.reason).toBe('trop-volumineux');
    expect(err.message).toMatch(/^menteur\.xlsx : .*son contenu décompressé dépasse/);
  });

  it('compressed data cut short is corrupt, naming the part', () => {
    const compressed = u32(honest, zipEntry(honest, SHEET).central + 20);
    const err = readError(withCompressedSize(honest, SHEET, Math.floor(compressed / 2)), 'coupe.xlsx');
    expect(err.reason).toBe('corrompu');
    expect(err.message).toContain(SHEET);
  });
});

describe('a zip bomb that declares a small size', () => {
  // 40 Mo of one character compress to ~40 ko: small enough for the one-call path to be tried.
  const bomb = zipSync(
    {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      [SHEET]: new Uint8Array(40 * 1024 * 1024).fill(0x20),
    },
    { level: 9 },
  );

  it('is refused as a bomb whatever size it declares, without the memory it would take', () => {
    const compressed = u32(bomb, zipEntry(bomb, SHEET).central + 20);
    expect(compressed).toBeLessThan(64 * 1024);
    // 1 ko: obviously false; 5 Mo: passes every plausibility check (≤ 200 × 40 ko, ≤ 16 Mo).
    for (const declared of [1000, 5 * 1024 * 1024]) {
      const lying = withDeclaredSize(bomb, SHEET, declared);
      const before = process.memoryUsage().rss;
      const err = readError(lying, 'bombe.xlsx');
      expect(err.reason).toBe('trop-volumineux');
      expect(err.message).toContain('bombe zip');
      expect(err.message).toContain(SHEET);
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    }
  });
});

describe('a zip bomb streamed', () => {
  it('is stopped after a few Mo, each push of compressed data kept small while the part inflates suspiciously', () => {
    // 40 Mo of spaces in ~40 ko: one 64 ko push would inflate all 40 Mo at once before any check.
    const bomb = zipSync({ [SHEET]: new Uint8Array(40 * 1024 * 1024).fill(0x20) }, { level: 9 });
    const zip = new ZipPackage(bomb, 'bombe.xlsx', DEFAULT_READ_LIMITS);
    const chunks: number[] = [];
    expect(() => zip.stream(SHEET, (chunk) => chunks.push(chunk.length))).toThrow(/bombe zip/);
    // Deflate yields at most ~1032 times its input: a 4 ko push, at most ~4.2 Mo.
    expect(chunks.reduce((m, n) => Math.max(m, n), 0)).toBeLessThanOrEqual(1032 * 4 * 1024);
    // Refused past 200 times the compressed size (~8 Mo), one push later at the most.
    expect(zip.inflatedBytes).toBeLessThan(200 * u32(bomb, zipEntry(bomb, SHEET).central + 20) + 1032 * 4 * 1024);
  });
});

describe('large parts still stream', () => {
  it('a sheet of more than one compressed slice comes in several chunks, whole', () => {
    // Pseudo-random numbers compress poorly: well over 64 ko of compressed data.
    let x = 2463534242;
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      rows.push(`<row r="${r}"><c r="A${r}"><v>${x >>> 0}</v></c><c r="B${r}"><v>${(x >>> 7) % 100_000}</v></c></row>`);
    }
    const bytes = handXlsx({ sheets: [{ name: 'Grande', path: SHEET, xml: worksheetXml(`<sheetData>${rows.join('')}</sheetData>`) }] });
    expect(u32(bytes, zipEntry(bytes, SHEET).central + 20)).toBeGreaterThan(64 * 1024);
    const { data, chunks } = chunksOf(bytes, SHEET);
    expect(data.length).toBe(declaredSize(bytes, SHEET));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.filter((c) => c.final)).toHaveLength(1);
    expect(chunks.at(-1)!.final).toBe(true);
    const sheet = readXlsx(bytes, 'grande.xlsx').sheets[0]!;
    expect(sheet.rows).toHaveLength(20_000);
    expect(sheet.rows[19_999]![0]).toBe(Number(/<v>(\d+)<\/v>/.exec(rows[19_999]!)![1]));
  });
});
