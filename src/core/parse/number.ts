import { isSpaceCode } from './text.js';

/**
 * Tolerant number parsing of text typed in French or English habits. Returns NaN when the text
 * is not a number. Accepted: "1234", "1 234" (space, U+00A0, U+202F), "1234,5", "1234.5",
 * "1.234.567", "1.234,5", "1,234.5", "-3", "+3". Ambiguous single separators follow French
 * usage: "1,234" is 1.234 (a decimal comma), "1.234" is 1.234 too (a decimal point).
 * Percent signs are handled by the caller (see parseNumberLike).
 */
export function parseNumberText(input: string): number {
  // Keep digits, signs and separators; spaces are thousands separators.
  let s = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isSpaceCode(c) || c === 0x27 /* ' Swiss thousands */ || c === 0x2019) continue;
    s += input[i];
  }
  if (s.length === 0) return NaN;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+' || s[0] === '\u2212') {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1);
  }
  if (s.length === 0) return NaN;
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c === 46) {
      dots++;
      lastDot = i;
    } else if (c < 48 || c > 57) {
      if ((c === 101 || c === 69) && /^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$/.test(s)) {
        return finiteNormal(sign * Number(s.replace(',', '.')));
      }
      return NaN;
    }
  }
  let normalized: string;
  if (commas === 0 && dots === 0) normalized = s;
  else if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if ((decimal === ',' ? commas : dots) > 1) return NaN;
    if (!groupsOk(s.slice(0, decimal === ',' ? lastComma : lastDot), thousands)) return NaN;
    normalized = s.split(thousands).join('').replace(',', '.');
  } else if (commas > 0) {
    if (commas > 1) {
      if (!groupsOk(s, ',')) return NaN;
      normalized = s.split(',').join('');
    } else normalized = s.replace(',', '.');
  } else if (dots > 1) {
    if (!groupsOk(s, '.')) return NaN;
    normalized = s.split('.').join('');
  } else normalized = s;
  if (normalized.startsWith('.') || normalized.endsWith('.')) {
    // ",5" and "5," are typos we accept as 0.5 and 5; "." alone is not a number.
    if (normalized.length === 1) return NaN;
  }
  return finiteNormal(sign * Number(normalized));
}

/** Smallest normal double: Excel keeps nothing smaller than about this but zero. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * NaN for an overflow ("1E+999"), 0 for a denormal ("4,9E-324"): a denormal denominator made a
 * rate of « ∞ % (0 / 0) ». Excel reads both the same way.
 */
function finiteNormal(n: number): number {
  if (!Number.isFinite(n)) return NaN;
  return Math.abs(n) < MIN_NORMAL ? 0 : n;
}

/** "1.234.567": every group after the first has exactly three digits, the first one to three. */
function groupsOk(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts[0]!.length < 1 || parts[0]!.length > 3) return false;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.length !== 3) return false;
  return true;
}

export interface NumberLike {
  readonly value: number;
  /** The text carried a percent sign: value is already divided by 100. */
  readonly percent: boolean;
}

/** A number typed as text, possibly with a trailing percent sign ("42 %", "42%"). */
export function parseNumberLike(text: string): NumberLike | null {
  let t = text;
  let percent = false;
  let end = t.length;
  while (end > 0 && isSpaceCode(t.charCodeAt(end - 1))) end--;
  if (end > 0 && t.charCodeAt(end - 1) === 37 /* % */) {
    percent = true;
    t = t.slice(0, end - 1);
  }
  const n = parseNumberText(t);
  if (Number.isNaN(n)) return null;
  return { value: percent ? n / 100 : n, percent };
}
