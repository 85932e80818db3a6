/**
 * Helpers for scanning big parts (sheets, shared strings) as text arriving in chunks, with
 * indexOf and char codes rather than a tree: a 100,000-row sheet is hundreds of Mo of XML.
 */
import type { ZipPackage } from './zip';

/**
 * Streams a part as decoded text to `process`, which returns how many leading characters it
 * has consumed (the rest is kept and completed by the next chunk). `final` is true once, last.
 */
export function streamText(zip: ZipPackage, part: string, process: (buf: string, final: boolean) => number): boolean {
  let decoder: TextDecoder | undefined;
  let buf = '';
  let done = false;
  const found = zip.stream(part, (chunk, final) => {
    if (final && !decoder) {
      // The whole part in one chunk (a small part): decoded once, scanned once.
      buf = wholeDecoder.decode(chunk);
      done = true;
      process(buf, true);
      return;
    }
    decoder ??= new TextDecoder('utf-8');
    buf += decoder.decode(chunk, { stream: true });
    const used = process(buf, false);
    if (used > 0) buf = buf.slice(used);
  });
  if (!found) return false;
  if (!done) {
    buf += decoder ? decoder.decode() : '';
    process(buf, true);
  }
  return true;
}

/** Decodes whole chunks only (no streaming state), so one instance serves every part. */
const wholeDecoder = new TextDecoder('utf-8');

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
  if (s.startsWith(tOpen, from) && s.charCodeAt(from + tOpen.length) === 62 /* > */) {
    const end = s.indexOf(tClose, from);
    if (end + tClose.length === to) return s.slice(from + tOpen.length + 1, end);
  }
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
