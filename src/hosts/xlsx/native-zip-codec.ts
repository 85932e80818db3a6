/**
 * Node only (node:zlib): the native CRC-32 and one-call raw inflation, several times faster
 * than the JavaScript ones. Chosen by the command line at start (useNativeZip); never imported
 * by the browser code, which keeps fflate (zip-codec.ts).
 */
import * as zlib from 'node:zlib';
import { defaultZipCodec, JS_ZIP_CODEC, setDefaultZipCodec, type ZipCodec } from './read/zip-codec';
import { keepHiddenClass } from '../../core/hidden-class';

type Crc32 = (data: Uint8Array, value?: number) => number;
const nativeCrc = (zlib as { crc32?: Crc32 }).crc32;

/**
 * Below this many compressed bytes, fflate: starting a zlib stream (a 32 ko window and its
 * state, outside V8's heap, which brings collections forward) costs more than inflating a few
 * hundred bytes in JavaScript. The rels, workbook and styles of a file are that small; its
 * sheet and shared strings rarely are. Measured: all parts native was slower than this split.
 */
export const NATIVE_MIN_COMPRESSED = 1024;

/** undefined on a Node without zlib.crc32 (before 20.15): the JavaScript codec then stays. */
export const NATIVE_ZIP_CODEC: ZipCodec | undefined = nativeCrc
  ? Object.freeze({
      name: 'natif (node:zlib)',
      crc32: (bytes: Uint8Array, crc: number) => nativeCrc(bytes, crc),
      inflateWhole(data: Uint8Array, maxLength: number): Uint8Array | undefined {
        if (data.length < NATIVE_MIN_COMPRESSED) return JS_ZIP_CODEC.inflateWhole(data, maxLength);
        try {
          // Past maxOutputLength zlib throws (RangeError) instead of allocating: as the JS codec,
          // a part longer than declared is left to the streaming path, never truncated. One
          // output chunk of the declared size plus one byte: no 16 ko chunks joined by a copy.
          const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxLength), chunkSize: Math.max(64, maxLength + 1) });
          return out.length > maxLength ? undefined : new Uint8Array(out.buffer, out.byteOffset, out.length);
        } catch {
          return undefined;
        }
      },
    })
  : undefined;

/** Makes the native codec the default, when this Node has it; returns the codec in use. */
export function useNativeZip(): ZipCodec {
  if (NATIVE_ZIP_CODEC) setDefaultZipCodec(NATIVE_ZIP_CODEC);
  return defaultZipCodec();
}

/*
 * One raw inflater, closed at once (no zlib state is kept), kept for the hidden classes of
 * node:zlib's streams: inflateRawSync builds one per part and drops it, so none was left at a
 * full GC and Node's own stream code, inlined in inflateWhole, was deoptimised after each one
 * (see keepHiddenClass). Measured, 30 rounds of GC + two read+validate passes: 47 -> 12 such
 * deoptimisations.
 */
if (NATIVE_ZIP_CODEC) {
  const kept = zlib.createInflateRaw();
  kept.close();
  keepHiddenClass(kept);
}
