/**
 * Just enough of the zip format to read an xlsx package safely: the central directory gives
 * each part's place; parts are inflated in small slices with fflate, counting the bytes that
 * actually come out (declared sizes are not trusted), so a zip bomb is stopped early.
 */
import { Inflate } from 'fflate';
import { XlsxReadError } from './errors';
import { formatBytes, formatCount, type ReadLimits } from './limits';

interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** Compressed bytes pushed to the inflater at a time: one push yields at most ~1000× this (64 Mo). */
const SLICE = 64 * 1024;

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
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
    private readonly limits: ReadLimits,
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
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localOffset = u32(b, p + 42);
      if (p + 46 + nameLen > b.length) throw this.corrupt('répertoire de l’archive zip tronqué');
      const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
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
      this.entries.set(normalizePartName(name), { name, flags, method, compressedSize, localOffset });
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
   * Inflates one part, handing its bytes to `onChunk` as they come. Returns false when the
   * package has no such part.
   */
  stream(part: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const entry = this.entries.get(normalizePartName(part));
    if (!entry) return false;
    const b = this.bytes;
    const lh = entry.localOffset;
    if (lh + 30 > b.length || u32(b, lh) !== 0x04034b50) throw this.corrupt(`partie « ${entry.name} » introuvable dans l’archive`);
    const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw this.corrupt(`archive tronquée (partie « ${entry.name} »)`);
    if (entry.flags & 1) throw new XlsxReadError(this.source, 'chiffre');
    const data = b.subarray(start, end);
    let produced = 0;
    const count = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.inflated += chunk.length;
      const { maxUncompressedBytes, maxCompressionRatio, ratioGraceBytes } = this.limits;
      if (this.inflated > maxUncompressedBytes)
        throw new XlsxReadError(
          this.source,
          'trop-volumineux',
          `son contenu décompressé dépasse ${formatBytes(maxUncompressedBytes)} (limite de lecture).`,
        );
      if (produced > ratioGraceBytes && produced > maxCompressionRatio * Math.max(1, data.length))
        throw new XlsxReadError(
          this.source,
          'trop-volumineux',
          `la partie « ${entry.name} » se décompresse plus de ${formatCount(maxCompressionRatio)} fois sa taille (fichier anormal, possible « bombe zip »), elle est refusée.`,
        );
      onChunk(chunk);
    };
    if (entry.method === 0) {
      count(data);
      return true;
    }
    if (entry.method !== 8) throw this.corrupt(`méthode de compression ${entry.method} non prise en charge`);
    try {
      const inflater = new Inflate((chunk) => count(chunk));
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let off = 0; off < data.length; off += SLICE) {
        const next = Math.min(off + SLICE, data.length);
        inflater.push(data.subarray(off, next), next === data.length);
      }
    } catch (err) {
      if (err instanceof XlsxReadError) throw err;
      throw this.corrupt(`données compressées invalides dans « ${entry.name} »`, err);
    }
    return true;
  }

  /** A whole part as text (for the small parts), or undefined when absent. */
  readText(part: string): string | undefined {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    const found = this.stream(part, (chunk) => {
      text += decoder.decode(chunk, { stream: true });
    });
    if (!found) return undefined;
    return text + decoder.decode();
  }
}
