/**
 * The two byte-level operations of reading a zip part that a host may do natively: the CRC-32
 * and the one-call inflation of a small part. The default is pure JavaScript (fflate and
 * crc32.ts), for the browser and anywhere; the Node command line swaps in node:zlib
 * (../native-zip-codec.ts, imported only by Node entries, never by the pane). Either codec must give
 * the same bytes or nothing: inflateWhole answers undefined on any doubt, and the streaming
 * path (always fflate) then gives the result or the error, so grids and messages do not depend
 * on the codec.
 */
import { inflateSync } from 'fflate';
import { crc32 } from './crc32';

export interface ZipCodec {
  /** Shown by the bench. */
  readonly name: string;
  /** Continues `crc` (start with 0) over `bytes`, as crc32.ts does. */
  crc32(bytes: Uint8Array, crc: number): number;
  /**
   * Raw-deflate `data` in one call, or undefined when its output is longer than `maxLength`
   * bytes or the data cannot be inflated (the caller then streams the part with fflate).
   */
  inflateWhole(data: Uint8Array, maxLength: number): Uint8Array | undefined;
}

export const JS_ZIP_CODEC: ZipCodec = Object.freeze({
  name: 'JavaScript (fflate)',
  crc32,
  inflateWhole(data: Uint8Array, maxLength: number): Uint8Array | undefined {
    // With a caller's buffer fflate (0.8) never grows it: bytes past its end are dropped (a
    // stored block throws instead) and the result is clamped to it. The spare byte tells a
    // complete output (shorter than the buffer) from a cut one (filling it): a part larger
    // than declared is never truncated. Another buffer back would mean fflate changed: stream.
    const out = new Uint8Array(maxLength + 1);
    let result: Uint8Array;
    try {
      result = inflateSync(data, { out });
    } catch {
      return undefined;
    }
    if (result.buffer !== out.buffer || result.length > maxLength) return undefined;
    return result;
  },
});

let current: ZipCodec = JS_ZIP_CODEC;

/** The codec readXlsx uses when none is given: the host chooses it once, at start. */
export function defaultZipCodec(): ZipCodec {
  return current;
}

/** Called by a host entry (the Node command line): every later read uses `codec`. */
export function setDefaultZipCodec(codec: ZipCodec): void {
  current = codec;
}
