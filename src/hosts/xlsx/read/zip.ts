/**
 * Just enough of the zip format to read an xlsx package safely: the central directory gives
 * each part's place; parts are inflated in small slices with fflate, counting the bytes that
 * actually come out (declared sizes are not trusted), so a zip bomb is stopped early.
 * A small part whose declared size is plausible is inflated in one call into a buffer of that
 * size, and kept only if its real size is proven to fit (see inflateWhole).
 */
import { Inflate } from 'fflate';
import { XlsxReadError } from './errors';
import { defaultZipCodec, type ZipCodec } from './zip-codec';
import { formatBytes, formatCount, resolveLimits, type ReadLimits } from './limits';
import { TextPieces, wholeDecoderFor } from './text-pieces';
import { keepHiddenClass } from '../../../core/hidden-class';

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  /** Uncompressed size as declared by the central directory: a hint, never trusted. */
  readonly declaredSize: number;
  readonly localOffset: number;
  /** CRC-32 of the uncompressed part, from the central directory. */
  readonly crc: number;
}

/** A part's entry and its stored (compressed) bytes: see ZipPackage.stored. */
export interface StoredPart {
  readonly entry: ZipEntry;
  readonly data: Uint8Array;
}

/** Compressed bytes pushed to the inflater at a time: one push yields at most ~1000× this (64 Mo). */
const SLICE = 64 * 1024;

/**
 * Pushed first, and again while the part inflates more than SUSPECT_RATIO times what was pushed:
 * one such push yields at most ~4 Mo, so a zip bomb meets the ratio check after a few Mo instead
 * of inflating a whole 64 ko slice (tens of Mo) first. Real sheets (5 to 60 times) soon take
 * whole slices again.
 */
const PROBE_SLICE = 4 * 1024;
const SUSPECT_RATIO = 64;

/**
 * One-call inflation is tried only for parts of at most one slice of compressed data, so that
 * even when the declared size lies its work is bounded (one slice: deflate expands at most ~1032
 * times), and for a declared size of at most 16 Mo, the most it keeps.
 */
const WHOLE_MAX_COMPRESSED = SLICE;
const WHOLE_MAX_DECLARED = 16 * 1024 * 1024;

/** Part names and small whole parts are decoded without streaming state: one decoder will do. */
const utf8 = new TextDecoder('utf-8');

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

/** Part names are case-insensitive in OPC; some writers also use backslashes or a leading slash. */
export function normalizePartName(name: string): string {
  // Most names are already normal (lower case, forward slashes, relative): no regex, no copy.
  let plain = name.charCodeAt(0) !== 47; /* / */
  for (let i = 0; plain && i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 92 /* \\ */ || c > 127) plain = false;
  }
  if (plain) return name;
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
    private readonly limits: ReadLimits,
    /** CRC-32 and one-call inflation of small parts (zip-codec.ts); streaming is always fflate. */
    private readonly codec: ZipCodec = defaultZipCodec(),
  ) {
    this.readDirectory();
  }

  private corrupt(detail: string, cause?: unknown): XlsxReadError {
    return new XlsxReadError(this.source, 'corrompu', detail, { cause });
  }

  private readDirectory(): void {
    const b = this.bytes;
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (u32(b, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.corrupt('archive zip incomplète : la fin du fichier manque');
    let count = u16(b, eocd + 10);
    let cdOffset = u32(b, eocd + 16);
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
      const z = u64(b, eocd - 12);
      if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw this.corrupt('répertoire zip64 illisible');
      count = u64(b, z + 32);
      cdOffset = u64(b, z + 48);
    }
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw this.corrupt('répertoire de l’archive zip illisible');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const crc = u32(b, p + 16);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localOffset = u32(b, p + 42);
      if (p + 46 + nameLen > b.length) throw this.corrupt('répertoire de l’archive zip tronqué');
      const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
      // Zip64 extra field: 64-bit values for the 32-bit fields set to 0xFFFFFFFF, in this order.
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd && e + 4 <= b.length) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(b, q);
        }
        e += 4 + len;
      }
      this.entries.set(normalizePartName(name), { name, flags, method, compressedSize, declaredSize: size, localOffset, crc });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** Part names as stored (for telling a .docx or an .ods apart). */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  has(part: string): boolean {
    return this.entries.has(normalizePartName(part));
  }

  /** Total bytes inflated so far, over every part read. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /**
   * A part as stored (its compressed bytes, located and checked as stream() does first: the
   * same errors for a missing local header, a truncated archive, an encrypted part), without
   * inflating it; undefined when the package has no such part. For a memo's key (part-memo.ts).
   */
  stored(part: string): StoredPart | undefined {
    const entry = this.entries.get(normalizePartName(part));
    return entry ? { entry, data: this.dataOf(entry) } : undefined;
  }

  /**
   * Counts a part whose inflated bytes are known without inflating it (a memo hit: the same
   * stored bytes and CRC as a part already inflated, `size` bytes): the budget and ratio
   * checks see it exactly as if it had been inflated in one chunk, under this file's limits.
   */
  countKnown(stored: StoredPart, size: number): void {
    this.inflated += size;
    this.checkLimits(stored.entry, size, stored.data.length);
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const lh = entry.localOffset;
    if (lh + 30 > b.length || u32(b, lh) !== 0x04034b50) throw this.corrupt(`partie « ${entry.name} » introuvable dans l’archive`);
    const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw this.corrupt(`archive tronquée (partie « ${entry.name} »)`);
    if (entry.flags & 1) throw new XlsxReadError(this.source, 'chiffre');
    return b.subarray(start, end);
  }

  /** The limits on what a part has produced so far (`produced`) and on the whole file. */
  private checkLimits(entry: ZipEntry, produced: number, compressed: number): void {
    const { maxUncompressedBytes, maxCompressionRatio, ratioGraceBytes } = this.limits;
    if (this.inflated > maxUncompressedBytes)
      throw new XlsxReadError(
        this.source,
        'trop-volumineux',
        `son contenu décompressé dépasse ${formatBytes(maxUncompressedBytes)} (limite de lecture).`,
      );
    if (produced > ratioGraceBytes && produced > maxCompressionRatio * Math.max(1, compressed))
      throw new XlsxReadError(
        this.source,
        'trop-volumineux',
        `la partie « ${entry.name} » se décompresse plus de ${formatCount(maxCompressionRatio)} fois sa taille (fichier anormal, possible « bombe zip »), elle est refusée.`,
      );
  }

  /**
   * Inflates one part, handing its bytes to `onChunk` as they come (`final` is true for the
   * last chunk, which may be the only one). Returns false when the package has no such part.
   */
  stream(part: string, onChunk: (chunk: Uint8Array, final: boolean) => void): boolean {
    const entry = this.entries.get(normalizePartName(part));
    if (!entry) return false;
    const data = this.dataOf(entry);
    let produced = 0;
    let crc = 0;
    /** An error of the consumer (a limit, a malformed row) passes through as it is. */
    let consumerError: unknown;
    const codec = this.codec;
    const count = (chunk: Uint8Array, final: boolean) => {
      produced += chunk.length;
      crc = codec.crc32(chunk, crc);
      this.inflated += chunk.length;
      this.checkLimits(entry, produced, data.length);
      // Checked before the last chunk is used: a damaged part gives no values at all.
      if (final && crc !== entry.crc)
        throw this.corrupt(`la partie « ${entry.name} » est abîmée (somme de contrôle CRC incorrecte)`);
      try {
        onChunk(chunk, final);
      } catch (err) {
        consumerError = err;
        throw err;
      }
    };
    if (entry.method === 0) {
      count(data, true);
      return true;
    }
    if (entry.method !== 8) throw this.corrupt(`méthode de compression ${entry.method} non prise en charge`);
    const whole = this.inflateWhole(entry, data);
    if (whole) {
      // Counted like any chunk: the budget and ratio checks see the real size, not the declared one.
      count(whole, true);
      return true;
    }
    try {
      const inflater = new Inflate((chunk, final) => count(chunk, final));
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let off = 0; off < data.length; ) {
        const slice = off === 0 || produced > SUSPECT_RATIO * off ? PROBE_SLICE : SLICE;
        const next = Math.min(off + slice, data.length);
        inflater.push(data.subarray(off, next), next === data.length);
        off = next;
      }
    } catch (err) {
      if (err instanceof XlsxReadError || (consumerError !== undefined && err === consumerError)) throw err;
      throw this.corrupt(`données compressées invalides dans « ${entry.name} »`, err);
    }
    return true;
  }

  /**
   * The fast path for a small part: one call into a buffer of the declared size (the codec's
   * inflateWhole), instead of the streaming inflater's doubling buffers and per-chunk copies.
   * Returns undefined, and the caller streams the part as usual, when the part is not small
   * or not plausible, or when the declared size proves false or the data is bad: the
   * streaming path then gives the result or the error, exactly as without this path.
   */
  private inflateWhole(entry: ZipEntry, data: Uint8Array): Uint8Array | undefined {
    const declared = entry.declaredSize;
    const { maxUncompressedBytes, maxCompressionRatio, ratioGraceBytes } = this.limits;
    if (
      data.length === 0 ||
      data.length > WHOLE_MAX_COMPRESSED ||
      declared > WHOLE_MAX_DECLARED ||
      declared > maxUncompressedBytes - this.inflated ||
      (declared > ratioGraceBytes && declared > maxCompressionRatio * data.length)
    )
      return undefined;
    return this.codec.inflateWhole(data, declared);
  }

  /** A whole part as text (for the small parts), or undefined when absent. */
  readText(part: string): string | undefined {
    let pieces: TextPieces | undefined;
    let text = '';
    const found = this.stream(part, (chunk, final) => {
      // Decoded as streamText decodes (scan.ts): whole when it comes in one chunk, else in pieces.
      if (final && !pieces) text = wholeDecoderFor(chunk).decode(chunk);
      else (pieces ??= new TextPieces((piece) => (text += piece))).push(chunk, final);
    });
    return found ? text : undefined;
  }
}

/**
 * A package built from constants (an empty archive: its end record alone), kept: see
 * keepHiddenClass (real packages live for one file). Its limits come from resolveLimits, as a
 * reader's do, so that their hidden class is kept too.
 */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
keepHiddenClass(new ZipPackage(EMPTY_ZIP, '', resolveLimits()));
