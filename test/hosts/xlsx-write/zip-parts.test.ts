import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateMem, zipParts } from '../../../src/hosts/xlsx/write/index';

/** A worksheet-like part of about `bytes` bytes: rows of numbered cells, as repetitive as ours. */
function sheetLike(bytes: number): Uint8Array {
  const out: string[] = ['<sheetData>'];
  let n = 11;
  for (let r = 1; n < bytes; r++) {
    const row = `<row r="${r}">${[1, 2, 3, 4, 5, 6, 7, 8].map((c) => `<c r="${String.fromCharCode(64 + c)}${r}" s="${c % 3}"><v>${(r * 7919 + c) % 10007}</v></c>`).join('')}</row>`;
    out.push(row);
    n += row.length;
  }
  out.push('</sheetData>');
  return strToU8(out.join(''));
}

const mtime = new Date(2020, 0, 1, 0, 0, 0);
// Byte arrays compared as buffers: toEqual walks a large array element by element.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
const fflateDefault = (path: string, bytes: Uint8Array) => zipSync({ [path]: [bytes, { mtime, level: 6 }] } as Zippable, { mtime });

describe('zipParts: our zip container, fflate’s deflate (session 7)', () => {
  it('writes the same bytes as fflate’s zipSync given the same options, CRCs included', () => {
    const parts = new Map<string, string | Uint8Array>([
      ['xl/worksheets/sheet1.xml', sheetLike(120_000)],
      ['[Content_Types].xml', '<Types>«»</Types>'],
      ['docProps/app.xml', strToU8('')],
      ['xl/feuille-é.xml', sheetLike(3_000)],
    ]);
    const files: Zippable = {};
    for (const path of [...parts.keys()].sort()) {
      const p = parts.get(path)!;
      const bytes = typeof p === 'string' ? strToU8(p) : p;
      files[path] = [bytes, { mtime, level: 6, mem: deflateMem(bytes.length) }];
    }
    expect(same(zipParts(parts), zipSync(files, { mtime }))).toBe(true);
    expect(Object.keys(unzipSync(zipParts(parts)))).toEqual([...parts.keys()].sort());
  });
});

describe('zipParts: the hash table of the compressor capped at 2^16 entries (session 7)', () => {
  it('keeps fflate’s own table, hence the same bytes, for a part of up to ~43 ko', () => {
    for (const size of [200, 5_000, 20_000, 40_000]) {
      const part = sheetLike(size);
      expect(same(zipParts(new Map([['a.xml', part]])), fflateDefault('a.xml', part)), `${part.length} octets`).toBe(true);
    }
    expect(deflateMem(42_000)).toBe(4);
  });

  it('caps it for larger parts, which still unzip to their exact bytes', () => {
    expect(deflateMem(50_000)).toBe(4);
    expect(deflateMem(2_000_000)).toBe(4);
    const part = sheetLike(300_000);
    const small = sheetLike(1_000);
    const zip = zipParts(new Map<string, string | Uint8Array>([['xl/big.xml', part], ['xl/small.xml', small], ['text.xml', '<a>é</a>']]));
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['text.xml', 'xl/big.xml', 'xl/small.xml']);
    expect(same(back['xl/big.xml']!, part)).toBe(true);
    // The cap did change the output here: the test covers the capped path, not the default one.
    expect(same(zipParts(new Map([['xl/big.xml', part]])), fflateDefault('xl/big.xml', part))).toBe(false);
    expect(back['xl/small.xml']).toEqual(small);
    expect(back['text.xml']).toEqual(strToU8('<a>é</a>'));
    // Same model, same bytes: the cap depends on the length only.
    expect(same(zipParts(new Map([['xl/big.xml', part]])), zipParts(new Map([['xl/big.xml', part]])))).toBe(true);
  });
});
