/**
 * A streamed part's bytes as text, in pieces of at most PIECE bytes cut between UTF-8
 * sequences, each decoded in one call.
 *
 * Why not one streaming TextDecoder over the inflated chunks (~400 Ko each for a big sheet):
 * - Node's TextDecoder leaves its fast UTF-8 path for good at the first `{ stream: true }`;
 * - a string of more than ~128 Ko lives in V8's large-object space, where creating one costs
 *   about 1.4 ms per 400 Ko; below that it is nearly free.
 * Decoding a 105 Mo sheet took ~600 ms either way; in 32 Ko pieces cut by hand it takes ~20 ms.
 *
 * A cut before a byte that is not a continuation byte (10xxxxxx) never changes the text: the
 * WHATWG decoder handles such a byte afresh whatever came before (an unfinished sequence
 * before it gives one U+FFFD, as at the end of a one-call decode). So each piece ends before
 * the lead byte of an unfinished last sequence, and those bytes start the next piece.
 * UTF-16 parts (rare) keep one streaming decoder.
 */
import { keepHiddenClass } from '../../../core/hidden-class';

/** Bytes per piece: the string of a piece stays out of V8's large-object space even in UTF-16 form. */
export const PIECE = 32 * 1024;

/**
 * The part's first piece drops a byte order mark; the later ones keep U+FEFF as text. FIRST
 * also decodes whole parts (no state is kept between calls).
 */
const FIRST = new TextDecoder('utf-8');
const LATER = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The UTF-16 encoding a part's first bytes announce: XML parts may legally be UTF-16 (with a
 * byte order mark); UTF-8 otherwise (its own mark, if any, is dropped by the decoder).
 */
function utf16Of(first: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The decoder of a part decoded in one call: the shared UTF-8 one unless it is UTF-16. */
export function wholeDecoderFor(first: Uint8Array): TextDecoder {
  const utf16 = utf16Of(first);
  return utf16 ? new TextDecoder(utf16) : FIRST;
}

/** Where to end a piece of b[.., end) so that no UTF-8 sequence is cut: before an unfinished last one. */
export function utf8Cut(b: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start && i >= end - 4; i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return end - i < need ? i : end;
  }
  return end;
}

export class TextPieces {
  private started = false;
  /** Whether no piece has been decoded yet (the one whose byte order mark is dropped). */
  private first = true;
  private utf16: TextDecoder | undefined;
  /** The unfinished UTF-8 sequence that ended the last chunk (at most 3 bytes). */
  private pending: Uint8Array | undefined;

  /** `onPiece` gets each piece's text and, for UTF-8, the bytes it was decoded from. */
  constructor(private readonly onPiece: (text: string, bytes: Uint8Array | undefined) => void) {}

  push(chunk: Uint8Array, final: boolean): void {
    if (!this.started) {
      this.started = true;
      const utf16 = utf16Of(chunk);
      if (utf16) this.utf16 = new TextDecoder(utf16);
    }
    if (this.utf16) {
      for (let off = 0; off < chunk.length || (final && off === 0); off += PIECE) {
        const last = final && off + PIECE >= chunk.length;
        this.onPiece(this.utf16.decode(chunk.subarray(off, off + PIECE), { stream: !last }), undefined);
      }
      return;
    }
    let start = 0;
    const pending = this.pending;
    if (pending) {
      // The unfinished sequence, completed by the continuation bytes that start this chunk.
      let j = 0;
      while (j < 3 && j < chunk.length && (chunk[j]! & 0xc0) === 0x80) j++;
      const joined = new Uint8Array(pending.length + j);
      joined.set(pending);
      joined.set(chunk.subarray(0, j), pending.length);
      this.pending = undefined;
      start = j;
      // Still open only if the chunk ended within it (a tiny chunk) and more is to come.
      const cut = j < chunk.length || final ? joined.length : utf8Cut(joined, 0, joined.length);
      if (cut < joined.length) this.pending = joined.subarray(cut);
      if (cut > 0) this.emit(joined.subarray(0, cut));
    }
    while (start < chunk.length) {
      let end = Math.min(start + PIECE, chunk.length);
      if (!(final && end === chunk.length)) end = utf8Cut(chunk, start, end);
      if (end === start) {
        // Only the unfinished end of the chunk is left: it waits for the next chunk (copied:
        // the inflater may reuse its buffer).
        this.pending = chunk.slice(start);
        return;
      }
      this.emit(chunk.subarray(start, end));
      start = end;
    }
  }

  private emit(bytes: Uint8Array): void {
    const text = (this.first ? FIRST : LATER).decode(bytes);
    this.first = false;
    this.onPiece(text, bytes);
  }
}

keepHiddenClass(new TextPieces(() => {}));
