/**
 * Safety limits of the xlsx reader. A workbook comes from anyone (an SIAE, a network): the
 * reader must refuse, with a clear message, a file that would exhaust the memory of a
 * browser tab or of the CLI rather than crash. Each limit can be raised by the caller.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes. Default 50 Mo: a 100,000-row network table is ~15 Mo. */
  readonly maxFileBytes: number;
  /**
   * Largest total of uncompressed bytes over the parts actually read (sheets, shared
   * strings, styles…), counted while inflating: sizes declared in the zip are not trusted.
   * Default 500 Mo.
   */
  readonly maxUncompressedBytes: number;
  /**
   * Largest uncompressed/compressed ratio of one part once it has produced more than
   * `ratioGraceBytes` (zip bomb guard). Default 200: real sheets compress 5 to 60 times
   * (Apache POI refuses past 100 by default; ours is looser for sheets full of styled blanks).
   */
  readonly maxCompressionRatio: number;
  /** Output below which a part's ratio is not checked (tiny parts compress a lot). Default 1 Mo. */
  readonly ratioGraceBytes: number;
  /**
   * Largest number of cell slots held for the whole workbook (a row counts up to its last
   * cell, blanks included), so that a few far-right cells cannot blow up memory either.
   * Default 6,000,000: a 100,000-row × 60-column table.
   */
  readonly maxCells: number;
  /**
   * Largest number of XML elements in a part parsed as a tree (workbook, rels, styles, tables,
   * what follows the cells of a sheet). Default 500,000: a real styles.xml holds a few
   * thousand, 100,000 defined names fit; each element costs ~150 octets of memory.
   */
  readonly maxXmlNodes: number;
  /** Largest row of a sheet, in characters of XML. Default 8,000,000 (16,384 full columns fit). */
  readonly maxRowChars: number;
  /**
   * Largest cell or shared string, in characters of XML. Default 500,000: Excel holds at most
   * 32,767 characters in a cell, which escaped characters can make ten times longer.
   */
  readonly maxCellChars: number;
}

const MO = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 50 * MO,
  maxUncompressedBytes: 500 * MO,
  maxCompressionRatio: 200,
  ratioGraceBytes: 1 * MO,
  maxCells: 6_000_000,
  maxXmlNodes: 250_000,
  maxRowChars: 8_000_000,
  maxCellChars: 500_000,
});

/**
 * A limit of this file was reached while reading a part; the message is the French detail of
 * the 'trop-volumineux' read error that the reader's entry builds from it.
 */
export class ReadLimitError extends Error {}

export function resolveLimits(partial?: Partial<ReadLimits>): ReadLimits {
  const out: { -readonly [K in keyof ReadLimits]: number } = { ...DEFAULT_READ_LIMITS };
  for (const [k, v] of Object.entries(partial ?? {}) as [keyof ReadLimits, number | undefined][]) {
    if (v !== undefined) {
      if (!(typeof v === 'number' && v > 0)) throw new RangeError(`Limite de lecture invalide : ${k} = ${String(v)}`);
      out[k] = v;
    }
  }
  return out;
}

/** "50 Mo", "1,5 Go", "800 octets": sizes as a French reader expects them. */
export function formatBytes(n: number): string {
  const fmt = (x: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(x);
  if (n >= 1024 * MO) return `${fmt(n / (1024 * MO))} Go`;
  if (n >= MO) return `${fmt(n / MO)} Mo`;
  if (n >= 1024) return `${fmt(n / 1024)} ko`;
  return `${n} octet${n > 1 ? 's' : ''}`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

/** Detail of the 'trop-volumineux' message for a file over maxFileBytes. */
export function fileTooLargeDetail(size: number, max: number): string {
  return `il pèse ${formatBytes(size)} et la limite est de ${formatBytes(max)}. Retirez les feuilles ou lignes inutiles, ou découpez-le en plusieurs fichiers.`;
}
