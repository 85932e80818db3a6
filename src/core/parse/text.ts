/**
 * Text normalisation for what people type in cells and headers. Written as plain loops over
 * char codes: these run on every text cell of a 100,000-row table.
 */

/** Spaces Excel users produce: ordinary, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009), tabs and line breaks. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9 || c === 10 || c === 13;
}

/** Trims and collapses every run of spaces and line breaks into one ordinary space. */
export function cleanText(s: string): string {
  // Fast path: nothing to do for the common case of tidy text.
  let tidy = s.length > 0 && !isSpaceCode(s.charCodeAt(0)) && !isSpaceCode(s.charCodeAt(s.length - 1));
  if (tidy) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 32 && isSpaceCode(c)) {
        tidy = false;
        break;
      }
      if (c === 32 && s.charCodeAt(i + 1) === 32) {
        tidy = false;
        break;
      }
    }
    if (tidy) return s;
  }
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += s[i];
  }
  return out;
}

/**
 * A key to compare labels and codes loosely: lower case, no accents, every run of non
 * alphanumeric characters (spaces, line breaks, punctuation, underscores) as one space.
 * "Personnes en\ninsertion" , "PERSONNES_EN_INSERTION" and "personnes en insertion " agree.
 */
export function labelKey(s: string): string {
  const folded = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}
