/**
 * Text into XML the way Office expects it. XML 1.0 cannot carry C0 controls (but tab, LF, CR),
 * U+FFFE, U+FFFF or lone surrogates: one such character written raw makes the part malformed and
 * the whole file unreadable. OOXML spells them `_xHHHH_` (ECMA-376 ST_Xstring), which Excel,
 * LibreOffice and our reader decode; a text that already reads like `_x0041_` gets its underscore
 * escaped (`_x005F_x0041_`) so that it reads back unchanged.
 */

// Lone surrogates only: with the u flag a valid pair is one code point and does not match.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;
// Tab, LF and CR are legal but an XML reader normalises them (CR to LF in text, all three to a
// space in attribute values): character references keep them as they are.
const SPECIAL = /[&<>"'\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/u;
const SPECIAL_ALL = /[&<>"'\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  _: '_x005F_',
};

function replace(ch: string): string {
  return ENTITIES[ch] ?? `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/**
 * Escapes text for XML content and attribute values, the OOXML way: markup characters as
 * entities, characters XML cannot carry as `_xHHHH_`, a literal `_xHHHH_` with its underscore
 * escaped. Used for every text a user may read (cells, notes, prompts, names, titles).
 */
export function xmlEscape(text: string): string {
  // Most texts have nothing to escape: one scan, no copy.
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, replace) : text;
}

/** True when a text holds a character XML 1.0 cannot carry (it will be written as `_xHHHH_`). */
export function hasIllegalXmlChar(text: string): boolean {
  return ILLEGAL.test(text);
}

/**
 * Text that a spreadsheet or a CSV consumer could take for a formula: it gets the quote-prefix
 * style, so re-editing the cell or exporting it keeps it text.
 */
export function looksLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}
