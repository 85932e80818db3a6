/**
 * ReadMemo: the small parts that the files of a campaign share (package and workbook rels,
 * workbook.xml, styles.xml: the same template gives the same bytes), parsed once for all the
 * files that one caller reads in a row. The caller owns it (a validation run, the pane's batch)
 * and drops it with its run: never a module cache.
 *
 * A part is taken from the memo only when its stored bytes are exactly those of a part already
 * read under the same key (kind of parse, part name as asked, node limit): the same compressed
 * bytes, compression method and CRC. Inflating them would give the same text, and parsing that
 * text the same result, so the memo skips inflating, decoding and parsing; the limits are still
 * applied to the part's real size (ZipPackage.countKnown). Only parts read and parsed without
 * error are kept, so an error is always found and worded by a fresh read. What the memo gives
 * is frozen: one file's reader can never change what the next file is given.
 *
 * Also kept, by their exact text: the elements that follow the cells of a sheet (page margins,
 * protection, validations), parsed as a tree, the same in every file of a template.
 */
import type { StoredPart } from './zip';
import { keepHiddenClass } from '../../../core/hidden-class';

interface MemoEntry {
  readonly method: number;
  readonly crc: number;
  /** A copy of the compressed bytes: the file they came from need not stay in memory. */
  readonly data: Uint8Array;
  /** Bytes the part inflated to: counted against the limits of each file that reuses it. */
  readonly size: number;
  readonly value: unknown;
}

/** Variants kept per key: a campaign's files come from one or two templates. */
const VARIANTS = 4;
/** Parts larger than this (compressed) are not kept: a memo holds small parts only. */
const MAX_KEPT_BYTES = 64 * 1024;

export class ReadMemo {
  private readonly byKey = new Map<string, MemoEntry[]>();
  private readonly byText = new Map<string, Map<string, unknown>>();
  /** Look-ups answered from the memo (for tests). */
  hits = 0;

  /** The value kept for `key` from exactly these stored bytes, or undefined. */
  find(key: string, stored: StoredPart): { readonly value: unknown; readonly size: number } | undefined {
    const list = this.byKey.get(key);
    if (list === undefined) return undefined;
    const { entry, data } = stored;
    for (const e of list) {
      if (e.method === entry.method && e.crc === entry.crc && sameBytes(e.data, data)) {
        this.hits++;
        return e;
      }
    }
    return undefined;
  }

  /** Keeps `value`, the frozen parse of the part stored as `stored` that inflated to `size` bytes. */
  keep(key: string, stored: StoredPart, size: number, value: unknown): void {
    if (stored.data.length > MAX_KEPT_BYTES) return;
    let list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, (list = []));
    if (list.length >= VARIANTS) list.pop();
    list.unshift({ method: stored.entry.method, crc: stored.entry.crc, data: stored.data.slice(), size, value });
  }

  /** The value kept for exactly this text under `key`, else the frozen result of `parse`, kept if it returns. */
  parsedText<T>(key: string, text: string, parse: () => T): T {
    let texts = this.byText.get(key);
    if (texts === undefined) this.byText.set(key, (texts = new Map()));
    const known = texts.get(text);
    if (known !== undefined) {
      this.hits++;
      return known as T;
    }
    const value = parse();
    if (text.length <= MAX_KEPT_BYTES) {
      if (texts.size >= VARIANTS) texts.clear();
      texts.set(text, value);
    }
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// An empty memo, kept: see keepHiddenClass (real memos live for one run).
keepHiddenClass(new ReadMemo());
