/**
 * Text decoding for SpreadsheetML: XML entities (&amp; &#10; &#x2F;…) and the OOXML
 * `_xHHHH_` escapes Excel uses for characters XML 1.0 cannot carry (e.g. `_x000D_`).
 * Fast path: most cell texts hold neither, and are returned as is.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number, whole: string): string {
  // An invalid code point is kept verbatim rather than failing the whole file.
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

/** Decodes the XML entities of text or an attribute value. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    const body = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
      const n = hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      rep = codePoint(n, s.slice(amp, semi + 1));
    } else {
      rep = NAMED[body];
    }
    if (rep === undefined) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(from, amp) + rep;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Decodes `_xHHHH_` escapes (ECMA-376 ST_Xstring); `_x005F_` escapes a literal underscore. */
export function decodeOoxmlEscapes(s: string): string {
  let i = s.indexOf('_x');
  if (i < 0) return s;
  let out = '';
  let from = 0;
  while (i >= 0) {
    if (
      i + 6 < s.length &&
      s.charCodeAt(i + 6) === 95 &&
      isHex(s.charCodeAt(i + 2)) &&
      isHex(s.charCodeAt(i + 3)) &&
      isHex(s.charCodeAt(i + 4)) &&
      isHex(s.charCodeAt(i + 5))
    ) {
      out += s.slice(from, i) + String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      from = i + 7;
      i = s.indexOf('_x', from);
    } else {
      i = s.indexOf('_x', i + 1);
    }
  }
  return out + s.slice(from);
}

/** Cell or shared-string text as Excel shows it. */
export function decodeCellText(raw: string): string {
  return decodeOoxmlEscapes(decodeEntities(raw));
}
