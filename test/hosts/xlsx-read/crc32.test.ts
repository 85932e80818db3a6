import { crc32 as zlibCrc32 } from 'node:zlib';
import { expect, it } from 'vitest';
import { crc32 } from '../../../src/hosts/xlsx/read/crc32';

it('crc32 agrees with zlib, whole or in chunks of any length', () => {
  const bytes = new Uint8Array(10_007);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
  const expected = zlibCrc32(bytes);
  expect(crc32(bytes)).toBe(expected);
  expect(crc32(new Uint8Array(0))).toBe(0);
  for (const size of [1, 2, 3, 5, 64, 1000]) {
    let c = 0;
    for (let at = 0; at < bytes.length; at += size) c = crc32(bytes.subarray(at, at + size), c);
    expect(c, `morceaux de ${size}`).toBe(expected);
  }
  // Words are read from a 4-byte boundary: every start offset, and lengths around the 16-byte step.
  for (let start = 0; start < 8; start++) {
    for (const len of [63, 64, 65, 79, 80, 81, 1000, bytes.length - start]) {
      const part = bytes.subarray(start, start + len);
      expect(crc32(part), `${len} octets depuis ${start}`).toBe(zlibCrc32(part));
      expect(crc32(part.subarray(7), crc32(part.subarray(0, 7))), `${len} octets depuis ${start}, en deux`).toBe(zlibCrc32(part));
    }
  }
});
