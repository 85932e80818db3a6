/**
 * The same file given twice (two paths to one file, or a copy with the same bytes) is read
 * once: inputs are keyed by their bytes. Only the keys are kept, not the bytes. The default key
 * is the length and a 64-bit FNV-1a (two lanes): the CLI passes a SHA-256 instead.
 */
export function fnv1aKey(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i]!;
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x01000193);
    b ^= b >>> 15;
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

export class SameInputs {
  private readonly firstByKey = new Map<string, string>();

  constructor(private readonly keyOf: (bytes: Uint8Array) => string = fnv1aKey) {}

  /** The name of an earlier input with the same bytes, else undefined (and this one is remembered). */
  firstWithBytes(name: string, bytes: Uint8Array): string | undefined {
    const key = this.keyOf(bytes);
    const first = this.firstByKey.get(key);
    if (first !== undefined) return first;
    this.firstByKey.set(key, name);
    return undefined;
  }
}
