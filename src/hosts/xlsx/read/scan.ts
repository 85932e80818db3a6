/**
 * Helpers for scanning big parts (sheets, shared strings) as text arriving in chunks, with
 * indexOf and char codes rather than a tree: a 100,000-row sheet is hundreds of Mo of XML.
 */
import { ReadLimitError } from './limits';
import { TextPieces, wholeDecoderFor } from './text-pieces';
import type { ZipPackage } from './zip';

/** What a streamed part's pending text may not exceed, and the French detail when it does. */
export interface PendingLimit {
  readonly chars: number;
  readonly detail: () => string;
}

/**
 * Streams a part as decoded text to `process`, which reads buf from `from` on and returns up to
 * where it has consumed it (the rest is kept and completed by the next chunk). `final` is true
 * once, last. While `waitFor()` names a string (the end of the row or item being completed),
 * `process` is only called again once that string has arrived: the pending text is then
 * scanned once, not at every chunk (one 190 Mo cell was once re-scanned at each of thousands of
 * chunks). The pending text may not grow past `limit`.
 *
 * A part that arrives in one chunk is decoded whole; a longer one in pieces of at most 32 Ko
 * (text-pieces.ts: a bigger string costs far more to create). `buf` is given with its bytes
 * (`bytes`) when it is one whole part or one piece alone, which a scanner may read in place of
 * the chars where there is one byte per char (SheetCellScanner.scanRowsBefore).
 *
 * While `unit()` names a string (a row's end tag), the text kept from the last piece is completed by the start of
 * the new one up to the first end of a unit, and processed alone; the rest of the piece is then
 * processed in place, from an offset, instead of being copied into one string with the kept
 * text (for a big sheet that copy cost as much as decoding the text).
 */
export function streamText(
  zip: ZipPackage,
  part: string,
  process: (buf: string, final: boolean, from: number, bytes?: Uint8Array) => number,
  waitFor?: () => string | undefined,
  limit?: PendingLimit,
  unit?: () => string | undefined,
): boolean {
  let pieces: TextPieces | undefined;
  let buf = '';
  let carry = '';
  /** The last RECENT chars of all the text so far, which buf always ends with. */
  let recent = '';
  let done = false;
  const onText = (text: string, bytes: Uint8Array | undefined) => {
    // buf's end is read from `recent`, not sliced from buf: slicing a long row built piece by
    // piece would copy it whole at each piece.
    const bufEnd = buf.length <= RECENT ? buf : recent;
    recent = text.length >= RECENT ? text.slice(text.length - RECENT) : (recent + text).slice(-RECENT);
    let from = 0;
    /** Whether buf is this piece's text alone, so that its bytes may be read in place. */
    let bufIsText = false;
    const u = buf !== '' ? unit?.() : undefined;
    const k = u !== undefined ? unitEnd(u.length <= RECENT ? bufEnd : buf, text, u) : -1;
    if (k >= 0) {
      const head = buf + text.slice(0, k);
      const used = process(head, false, 0);
      if (used === head.length) {
        buf = text;
        from = k;
        bufIsText = true;
      } else buf = head.slice(used) + text.slice(k);
      carry = '';
    } else if (buf === '') {
      buf = text;
      bufIsText = true;
    } else buf += text;
    const marker = waitFor?.();
    if (marker !== undefined) {
      // Only the new text (and the end of the previous one, for a marker cut in two) is
      // searched, without copying the piece: the marker is usually near its start.
      const found = text.includes(marker) || (carry + text.slice(0, marker.length - 1)).includes(marker);
      const keep = marker.length - 1;
      carry = text.length >= keep ? text.slice(text.length - keep) : (carry + text).slice(-keep);
      if (!found) {
        if (from > 0) buf = buf.slice(from);
        if (limit && buf.length > limit.chars) throw new ReadLimitError(limit.detail());
        return;
      }
    }
    carry = '';
    const used = process(buf, false, from, bufIsText ? bytes : undefined);
    if (used > 0) buf = buf.slice(used);
    if (limit && buf.length > limit.chars) throw new ReadLimitError(limit.detail());
  };
  const found = zip.stream(part, (chunk, final) => {
    if (final && !pieces) {
      // The whole part in one chunk (a small part): decoded once, scanned once.
      buf = wholeDecoderFor(chunk).decode(chunk);
      done = true;
      process(buf, true, 0, chunk);
      return;
    }
    (pieces ??= new TextPieces(onText)).push(chunk, final);
  });
  if (!found) return false;
  if (!done) process(buf, true, 0);
  return true;
}

/** How many of the text's last chars streamText keeps apart (more than any usual end tag). */
const RECENT = 64;

/** The index in `text` just after the first `unit` that ends in it (it may start in `before`, the end of what came before it), or -1. */
function unitEnd(before: string, text: string, unit: string): number {
  const back = Math.min(before.length, unit.length - 1);
  const joint = before.slice(before.length - back) + text.slice(0, unit.length - 1);
  const j = joint.indexOf(unit);
  if (j >= 0) return j + unit.length - back;
  const i = text.indexOf(unit);
  return i < 0 ? -1 : i + unit.length;
}

/**
 * The namespace prefix of the root element ("" or "x:"): element names are then searched
 * as "<" + prefix + name. Undefined while the root start tag has not arrived yet.
 */
export function rootPrefix(s: string): string | undefined {
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    if (lt < 0) return undefined;
    const c = s.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = s.indexOf('?>', lt);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (c === 33 /* ! */) {
      const end = s.indexOf('>', lt);
      if (end < 0) return undefined;
      i = end + 1;
    } else {
      let k = lt + 1;
      while (k < s.length) {
        const ch = s.charCodeAt(k);
        if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        k++;
      }
      if (k >= s.length) return undefined;
      const name = s.slice(lt + 1, k);
      const colon = name.indexOf(':');
      return colon < 0 ? '' : name.slice(0, colon + 1);
    }
  }
}

/** Whether the char at i ends an element name (space, '>', '/'). */
export function endsName(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/**
 * The raw (still escaped) text of a string item between `from` and `to`: the <t> pieces of
 * plain or rich text, run after run, without phonetic guides (<rPh>), as Excel shows it.
 * Searches run on the item alone so that none scans on into the rest of a big chunk.
 */
export function rawItemText(s: string, from: number, to: number, p: string): string {
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  // Fast path: a plain <t>text</t> item, by far the most frequent.
  // Checked from both ends, so that no search runs past the item.
  const textStart = from + tOpen.length + 1;
  const end = to - tClose.length;
  if (
    end >= textStart &&
    s.startsWith(tOpen, from) &&
    s.charCodeAt(textStart - 1) === 62 /* > */ &&
    s.startsWith(tClose, end) &&
    s.indexOf('<', textStart) === end
  )
    return s.slice(textStart, end);
  const item = s.slice(from, to);
  const rPhOpen = `<${p}rPh`;
  const rPhClose = `</${p}rPh>`;
  let out = '';
  let k = 0;
  let rPh = item.indexOf(rPhOpen);
  for (;;) {
    const t = item.indexOf(tOpen, k);
    if (t < 0) break;
    if (rPh >= 0 && rPh < t) {
      const end = item.indexOf(rPhClose, rPh);
      if (end < 0) break;
      k = end + rPhClose.length;
      rPh = item.indexOf(rPhOpen, k);
      continue;
    }
    if (!endsName(item, t + tOpen.length)) {
      k = t + tOpen.length;
      continue;
    }
    const gt = item.indexOf('>', t);
    if (gt < 0) break;
    if (item.charCodeAt(gt - 1) === 47 /* <t/> */) {
      k = gt + 1;
      continue;
    }
    const end = item.indexOf(tClose, gt);
    if (end < 0) break;
    out += item.slice(gt + 1, end);
    k = end + tClose.length;
  }
  return out;
}
