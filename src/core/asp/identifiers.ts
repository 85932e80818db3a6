import { allDepartements } from '../../schema/index.js';
import { labelKey } from '../parse/text.js';

/**
 * The annexe financière number in its short form, the one to match on across years and
 * amendments: the ASP writes it with spaces and an amendment suffix (« ACI 075 15 0013 A0M1 »);
 * the short form drops the spaces and everything from « A<digit> » on (« ACI075150013 »).
 */
export function shortAnnexe(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const cut = compact.search(/A\d/);
  return cut > 0 ? compact.slice(0, cut) : compact;
}

const BY_NAME = new Map(allDepartements().map((d) => [labelKey(d.nom), d.code]));
const CODES = new Set(allDepartements().map((d) => d.code));

/**
 * A département's code from the extract's label: « Paris », « Seine-Saint-Denis »,
 * « VAL D'OISE », « 75 - Paris », « Paris (75) », « 075 ». Undefined when nothing matches.
 */
export function departementFromLabel(label: string): string | undefined {
  const key = labelKey(label);
  const byName = BY_NAME.get(key);
  if (byName) return byName;
  // A code before or after the name: « 75 - Paris », « Paris (75) », « 093 ».
  const code = /^0?(\d{2,3}|2a|2b)\b/.exec(key)?.[1] ?? /\b0?(\d{2,3}|2a|2b)$/.exec(key)?.[1];
  if (code) {
    const upper = code.toUpperCase();
    if (CODES.has(upper)) return upper;
  }
  // The name with a code: strip the code and retry.
  const name = key.replace(/^0?(\d{2,3}|2a|2b) /, '').replace(/ 0?(\d{2,3}|2a|2b)$/, '');
  return BY_NAME.get(name);
}
