/**
 * CRC-32 (the zip one, polynomial 0xEDB88320), computed chunk by chunk over the bytes a part
 * inflates to, so that a damaged part is reported as such rather than read as wrong values.
 */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Continues `crc` (start with 0) over `bytes`; returns the CRC of everything seen so far. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
