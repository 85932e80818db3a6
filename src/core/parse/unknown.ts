import { labelKey } from './text.js';

/**
 * Markers people type for « I do not know this figure »: « NC », « n.d. », « - », « inconnu »…
 * Compared without case, accents, dots or spaces. They are neither a value nor a typing error:
 * the value is unknown, so it counts as missing (an optional cell gets a notice, a required one
 * a missing-cell error saying what to type).
 */
const WORD_MARKERS = new Set([
  'nc',
  'nd',
  'nr',
  'inconnu',
  'inconnue',
  'nonconnu',
  'nonconnue',
  'nonrenseigne',
  'nonrenseignee',
  'noncommunique',
  'noncommuniquee',
  'nondisponible',
]);

/** Markers made of punctuation only: dashes (hyphen, en and em dash, minus) and question marks. */
const SIGN_MARKER = /^[\s\-\u2010-\u2015\u2212?.]+$/;
const HAS_SIGN = /[-\u2010-\u2015\u2212?]/;

/** Longest marker text worth normalising (« non communiquée » with dots and spaces to spare). */
const MAX_LENGTH = 24;

/** Whether a cell's text is an unknown marker. Cheap for ordinary values: the first character rules most out. */
export function isUnknownMarker(text: string): boolean {
  if (text.length === 0 || text.length > MAX_LENGTH) return false;
  const c0 = text.charCodeAt(0);
  const c = c0 | 0x20; // ASCII lower case
  if (c === 0x6e /* n */ || c === 0x69 /* i */) return WORD_MARKERS.has(labelKey(text).replace(/ /g, ''));
  // Cells are trimmed: a sign marker starts with a dash or a question mark (no regex for a SIRET or a name).
  if (c0 === 0x2d || c0 === 0x3f || (c0 >= 0x2010 && c0 <= 0x2015) || c0 === 0x2212) return SIGN_MARKER.test(text) && HAS_SIGN.test(text);
  return false;
}

/**
 * A cell given as unknown: the parser's outcome for a marker, kept apart from a blank cell so
 * that the report can say the value was given as unknown.
 */
export class GivenAsUnknown {
  constructor(readonly text: string) {}
}
