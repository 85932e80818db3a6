/**
 * How the add-in recognises the sheets it made. Each one carries a sheet-scoped defined name
 * (ExcelApi 1.4) IAE_FEUILLE_GENEREE whose constant says what it is: "IAE|<kind>|<base name>".
 * A scoped name lives and dies with its sheet, follows renames and copies, needs no hidden
 * store to keep in step, and is invisible to users in the cells. A sheet without it is the
 * user's, and the add-in never deletes or rewrites it.
 */
import { stringLiteral } from './address.js';

export const MARKER_NAME = 'IAE_FEUILLE_GENEREE';

export interface Marker {
  /** What produced the sheet: 'consolidation', 'anomalies'… */
  readonly kind: string;
  /** The sheet name the model asked for (the sheet may carry a suffix after a clash). */
  readonly base: string;
}

/** The formula of the marker name: a string constant. */
export function markerFormula(m: Marker): string {
  return `=${stringLiteral(`IAE|${m.kind}|${m.base}`)}`;
}

/** The marker back from a name's formula (="IAE|kind|base") or value (IAE|kind|base). */
export function parseMarker(text: string): Marker | undefined {
  let t = text.trim();
  if (t.startsWith('=')) t = t.slice(1).trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) t = t.slice(1, -1).replace(/""/g, '"');
  const m = /^IAE\|([^|]+)\|(.*)$/s.exec(t);
  return m ? { kind: m[1]!, base: m[2]! } : undefined;
}

const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** A legal Excel sheet name: forbidden characters replaced, at most 31 characters, no edge quote. */
export function legalSheetName(name: string): string {
  let n = name.replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').trim();
  if (n.length === 0) n = 'Feuille';
  return n.slice(0, MAX_SHEET_NAME);
}

/**
 * The name to give a new sheet: `wanted` when free, else "wanted (2)", "(3)"… shortened to fit
 * 31 characters. `taken` holds lower-cased names (Excel compares sheet names without case).
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = legalSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const MAX_TABLE_NAME = 255;

/**
 * A legal Excel table name, whatever a model asks for (the campaign's sheets bring names such as
 * « IAE_Évolution » or « IAE_Par réseau »): accents dropped, anything but letters, digits, « _ »
 * and « . » turned into « _ », a leading « _ » when the name would start with a digit or a dot or
 * read as a cell reference (« ABC12 », « R1C1 », « C »), at most 255 characters.
 */
export function legalTableName(name: string): string {
  let n = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.]/g, '_');
  if (n === '' || !/^[A-Za-z_]/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[Rr]\d*[Cc]?\d*$/.test(n) || /^[Cc]\d*$/.test(n)) n = `_${n}`;
  return n.slice(0, MAX_TABLE_NAME);
}
