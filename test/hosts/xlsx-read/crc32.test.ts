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
});
