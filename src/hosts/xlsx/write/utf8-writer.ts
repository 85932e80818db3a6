/**
 * A growable UTF-8 buffer for the largest part, <sheetData>: cells are written as bytes as they
 * come, instead of as one small string per cell joined at the end and then encoded. A sheet of
 * 800,000 cells then makes no per-cell string to collect, join or encode (docs/decisions/
 * vitesse-lecture-ecriture.md). The bytes are exactly those of the same text encoded as UTF-8.
 */
const encoder = new TextEncoder();

export class Utf8Writer {
  private buf: Uint8Array;
  private n = 0;

  /** `capacity`: the bytes expected, so that the buffer need not grow (it still can). */
  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private room(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  /** Any text: ASCII byte by byte, the rest through TextEncoder (at most 3 bytes per UTF-16 unit). */
  text(s: string): void {
    this.room(s.length * 3);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.n = n + encoder.encodeInto(s.slice(i), buf.subarray(n)).written;
        return;
      }
      buf[n++] = c;
    }
    this.n = n;
  }

  /** A non-negative integer in decimal, as String(n) writes it (no string made). */
  uint(v: number): void {
    if (v >= 1e15) return this.text(String(v));
    this.room(16);
    const buf = this.buf;
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let n = this.n + digits;
    this.n = n;
    let x = v;
    do {
      buf[--n] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}
