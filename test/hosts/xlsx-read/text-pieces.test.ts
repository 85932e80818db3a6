/**
 * A streamed part is decoded in pieces cut by hand between UTF-8 sequences (text-pieces.ts):
 * the text must be exactly what one decode of the whole part gives, invalid bytes included,
 * wherever the inflater cuts its chunks; and a sheet read that way must give the same cells as
 * the same sheet read whole.
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read/index';
import { PIECE, TextPieces } from '../../../src/hosts/xlsx/read/text-pieces';
import { handXlsx, zipEntry } from './helpers';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

/** Bytes of every kind: ASCII, valid sequences of 2 to 4 bytes, marks, and broken or invalid ones. */
const KINDS: readonly (readonly number[])[] = [
  [0x61], [0x3c, 0x2f, 0x72, 0x6f, 0x77, 0x3e], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80],
  [0xef, 0xbb, 0xbf], // U+FEFF inside the text: kept
  [0xff], [0x80], [0xbf, 0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80],
];

function bytesOf(rnd: () => number, length: number, bom: boolean): Uint8Array {
  const out: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
  while (out.length < length) {
    // Mostly ASCII runs, as in a sheet, with the other kinds in between.
    if (rnd() < 0.5) for (let n = Math.floor(rnd() * 40); n > 0; n--) out.push(0x20 + Math.floor(rnd() * 95));
    else out.push(...KINDS[Math.floor(rnd() * KINDS.length)]!);
  }
  return Uint8Array.from(out);
}

/** Chunk lengths as an inflater may give them: tiny ones (1 to 4 bytes) among big ones. */
function chunksOf(rnd: () => number, bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const r = rnd();
    const len = r < 0.3 ? 1 + Math.floor(rnd() * 4) : r < 0.6 ? Math.floor(rnd() * 200) : Math.floor(rnd() * 3 * PIECE);
    chunks.push(bytes.slice(at, at + len));
    at += len;
  }
  // Sometimes an empty last chunk, as an inflater gives at the end of a stream.
  if (rnd() < 0.3) chunks.push(new Uint8Array(0));
  return chunks;
}

function pieces(chunks: readonly Uint8Array[]): { text: string; bytes: (Uint8Array | undefined)[]; texts: string[] } {
  const texts: string[] = [];
  const bytes: (Uint8Array | undefined)[] = [];
  const tp = new TextPieces((t, b) => {
    texts.push(t);
    bytes.push(b === undefined ? undefined : b.slice());
  });
  chunks.forEach((c, i) => tp.push(c, i === chunks.length - 1));
  return { text: texts.join(''), bytes, texts };
}

describe('a streamed part decoded in pieces', () => {
  it('gives the text of one decode of the whole part, wherever the chunks are cut', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const all = bytesOf(rnd, seed % 3 === 0 ? 200 : Math.floor(rnd() * 3 * PIECE), seed % 4 === 0);
      const got = pieces(chunksOf(rnd, all));
      expect(got.text, `graine ${seed}`).toBe(new TextDecoder().decode(all));
      // Each piece: at most PIECE bytes, given with the bytes it was decoded from, which put end
      // to end are the part.
      let at = 0;
      got.bytes.forEach((b, i) => {
        expect(b!.length).toBeGreaterThan(0);
        expect(b!.length).toBeLessThanOrEqual(PIECE);
        expect(Buffer.from(b!).equals(all.subarray(at, at + b!.length))).toBe(true);
        if (at > 0) expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)).toBe(got.texts[i]);
        at += b!.length;
      });
      expect(at).toBe(all.length);
    }
  });

  it('cuts a big chunk into pieces of at most PIECE bytes', () => {
    const all = bytesOf(random(7), 10 * PIECE, false);
    const got = pieces([all]);
    expect(got.bytes.length).toBeGreaterThanOrEqual(10);
    expect(got.text).toBe(new TextDecoder().decode(all));
  });

  it('decodes UTF-16 parts, marked as such, with one streaming decoder', () => {
    const text = 'Fréquentation 😀 '.repeat(5000);
    for (const [label, bom] of [['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]] as const) {
      const body = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        body[2 * i + (label === 'utf-16le' ? 0 : 1)] = c & 0xff;
        body[2 * i + (label === 'utf-16le' ? 1 : 0)] = c >> 8;
      }
      const all = Uint8Array.from([...bom, ...body]);
      const rnd = random(3);
      const got = pieces(chunksOf(rnd, all));
      expect(got.text, label).toBe(text);
      expect(got.bytes.every((b) => b === undefined)).toBe(true);
    }
  });

  it('gives nothing for an empty part', () => {
    expect(pieces([new Uint8Array(0)]).texts.join('')).toBe('');
  });
});

describe('a sheet streamed in pieces and the same sheet read whole', () => {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const WORDS = ['Fréquentation', 'Île-de-France', 'Œuvre', '€ 12', '😀 fin', 'a\u00a0b', 'texte\ufeffmarqué', 'ASCII'];

  /** 8,000 rows of numbers and inline texts with characters of 1 to 4 bytes, some bytes broken. */
  function sheetBytes(seed: number): Uint8Array {
    const rnd = random(seed);
    const rows: string[] = [];
    for (let r = 1; r <= 8000; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= 6; c++) {
        const ref = `${String.fromCharCode(64 + c)}${r}`;
        cells.push(
          rnd() < 0.5
            ? `<c r="${ref}"><v>${Math.floor(rnd() * 1e6)}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${WORDS[Math.floor(rnd() * WORDS.length)]} ${Math.floor(rnd() * 1e9).toString(36)}</t></is></c>`,
        );
      }
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    const bytes = new TextEncoder().encode(`\ufeff<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    // Some "ASCII" texts get a byte that is not UTF-8 (each read as one U+FFFD).
    const marker = new TextEncoder().encode('ASCII');
    for (let i = bytes.indexOf(marker[0]!); i >= 0; i = bytes.indexOf(marker[0]!, i + 1))
      if (bytes[i + 1] === marker[1] && rnd() < 0.3) bytes[i + 4] = rnd() < 0.5 ? 0xff : 0xc3;
    return bytes;
  }

  it('gives the same cells, multi-byte characters and broken bytes included', () => {
    for (const seed of [1, 2]) {
      const xml = sheetBytes(seed);
      const book = (level: 0 | 6) => handXlsx({ sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml }], level });
      const read = (bytes: Uint8Array) => readXlsx(bytes, 'pieces.xlsx').sheets[0]!.rows;
      // Stored: the sheet arrives in one chunk, decoded whole. Deflated past 64 Ko (what is
      // inflated in one call): it streams, in chunks of several pieces.
      const deflated = book(6);
      expect(zipEntry(deflated, 'xl/worksheets/sheet1.xml').size).toBeGreaterThan(4 * 64 * 1024);
      const whole = read(book(0));
      const streamed = read(deflated);
      expect(streamed).toEqual(whole);
      expect(whole.length).toBe(8000);
      const texts = whole.flat().filter((v): v is string => typeof v === 'string');
      expect(texts.some((t) => t.includes('😀'))).toBe(true);
      expect(texts.some((t) => t.includes('\ufffd'))).toBe(true);
      expect(texts.some((t) => t.includes('\ufeff'))).toBe(true);
    }
  });
});
