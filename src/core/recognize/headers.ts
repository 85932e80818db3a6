import { DERIVED, INDICATORS, type IndicatorCode, type IndicatorDef } from '../../schema/index.js';
import { PLAN_COLUMNS, SENDER_FIELDS, type PlanColumnKey } from '../template-layout.js';
import { labelKey } from '../parse/text.js';

/** What a header or a label cell names: an indicator, a derived indicator (computed: ignored), or nothing we know. */
export type HeaderMatch =
  | { readonly kind: 'indicator'; readonly code: IndicatorCode }
  | { readonly kind: 'derived'; readonly code: string }
  | { readonly kind: 'plan'; readonly key: PlanColumnKey }
  | { readonly kind: 'sender'; readonly name: string };

const INDICATOR_KEYS = new Map<string, HeaderMatch>();
const PLAN_KEYS = new Map<string, HeaderMatch>();

function add(map: Map<string, HeaderMatch>, text: string, m: HeaderMatch): void {
  const k = labelKey(text);
  if (k && !map.has(k)) map.set(k, m);
}

for (const def of INDICATORS as readonly IndicatorDef[]) {
  const m: HeaderMatch = { kind: 'indicator', code: def.code as IndicatorCode };
  add(INDICATOR_KEYS, def.code, m);
  add(INDICATOR_KEYS, def.label, m);
  // Sub-counts are often written without their "dont".
  if (def.label.startsWith('dont ')) add(INDICATOR_KEYS, def.label.slice(5), m);
}
for (const d of DERIVED) {
  const m: HeaderMatch = { kind: 'derived', code: d.code };
  add(INDICATOR_KEYS, d.code, m);
  add(INDICATOR_KEYS, d.label, m);
}
for (const c of PLAN_COLUMNS) {
  const m: HeaderMatch = { kind: 'plan', key: c.key };
  add(PLAN_KEYS, c.key, m);
  add(PLAN_KEYS, c.header, m);
  // The header without its parenthesis, as people retype it: "Type de SIAE", "Sens", "Périmètre".
  add(PLAN_KEYS, splitTrailingParen(c.header)?.before ?? c.header, m);
}
/** Line terminators: the text before a trailing parenthesis is a single line. */
function hasLineBreak(s: string): boolean {
  return /[\n\r\u2028\u2029]/.test(s);
}

/**
 * "Libellé (code)", "SIRET [siret] *": the text before the last bracketed part and the part
 * inside, or undefined. Scanned from the end by hand: the regex it replaces backtracked on long
 * runs of spaces (12 header cells of 32,760 spaces took 57 s).
 */
export function splitTrailingParen(text: string): { before: string; inside: string } | undefined {
  const isWs = (i: number) => i >= 0 && /\s/.test(text[i]!);
  let end = text.length - 1;
  while (isWs(end)) end--;
  if (text[end] === '*') end--;
  while (isWs(end)) end--;
  const close = text[end];
  if (close !== ')' && close !== ']') return undefined;
  let open = end - 1;
  while (open >= 0 && !'()[]'.includes(text[open]!)) open--;
  if (open < 0 || (text[open] !== '(' && text[open] !== '[')) return undefined;
  const before = text.slice(0, open).trimEnd();
  if (hasLineBreak(before)) return undefined;
  return { before, inside: text.slice(open + 1, end) };
}

const SENDER_KEYS = new Map<string, HeaderMatch>();
for (const f of SENDER_FIELDS) add(SENDER_KEYS, f.label, { kind: 'sender', name: f.name });


/**
 * Answers already given, per table of keys, owned by whoever recognises many workbooks (a
 * validation run keeps one for all its files): the same headers come back in every file of a
 * run (and the first data rows, scanned for a header row, repeat their texts), while
 * normalising a label costs far more than a look-up. Bounded, since scanned cells may hold any
 * text. Without a memo, each look-up normalises its text.
 */
export class HeaderMemo {
  readonly indicator: Memo = new Map();
  readonly plan: Memo = new Map();
  readonly sender: Memo = new Map();
  /** matchIndicatorHeader and matchPlanHeader through this memo, as functions made once. */
  readonly matchIndicator = (text: string): HeaderMatch | undefined => lookup(INDICATOR_KEYS, this.indicator, text);
  readonly matchPlan = (text: string): HeaderMatch | undefined => lookup(PLAN_KEYS, this.plan, text);
}
type Memo = Map<string, HeaderMatch | null>;
const MEMO_LIMIT = 5000;

/**
 * Whether some key of `map` has no letter. When none has, a text without letters (a SIRET, a
 * number or a date typed as text: most scanned texts of data rows) cannot match, and is
 * dismissed before normalisation; it is not memoised either (each SIRET is new, and would
 * push the headers out of the memo).
 */
function hasLetterlessKey(map: Map<string, HeaderMatch>): boolean {
  for (const k of map.keys()) if (!/[a-z]/.test(k)) return true;
  return false;
}
const LETTERLESS_KEYS = new Set([INDICATOR_KEYS, PLAN_KEYS, SENDER_KEYS].filter(hasLetterlessKey));

/**
 * True when `text` is plain ASCII without a letter: labelKey keeps only a-z and 0-9 of its
 * folded text, so its key (and the key of any part of it) has no letter. Any other character
 * might fold to a letter (accents, ligatures): not dismissed.
 */
function cannotNameLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // ASCII upper case to lower case
    if ((c >= 0x61 && c <= 0x7a) || text.charCodeAt(i) > 0x7f) return false;
  }
  return true;
}

function lookup(map: Map<string, HeaderMatch>, memo: Memo | undefined, text: string): HeaderMatch | undefined {
  if (cannotNameLetters(text) && !LETTERLESS_KEYS.has(map)) return undefined;
  if (memo === undefined) return lookupUncached(map, text);
  const known = memo.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = lookupUncached(map, text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, found ?? null);
  return found;
}

function lookupUncached(map: Map<string, HeaderMatch>, text: string): HeaderMatch | undefined {
  const direct = map.get(keyOf(text));
  if (direct) return direct;
  // "Personnes en insertion (personnes)", "SIRET [siret]", "Libellé (code)": try each part.
  const m = splitTrailingParen(text);
  if (m) return map.get(keyOf(m.inside)) ?? map.get(keyOf(m.before));
  // "Personnes en insertion\npersonnes": a label with its code or unit on a second line.
  const nl = text.indexOf('\n');
  if (nl > 0) return map.get(keyOf(text.slice(0, nl))) ?? map.get(keyOf(text.slice(nl + 1)));
  return undefined;
}

/** labelKey(text), by one loop when the text is plain ASCII (see asciiLabelKey). */
function keyOf(text: string): string {
  return asciiLabelKey(text) ?? labelKey(text);
}

/**
 * labelKey of a plain-ASCII text without its Unicode normalisation and four regular
 * expressions (ASCII has no accent or ligature to fold): lower case, every run of characters
 * other than a-z and 0-9 as one space, trimmed. Undefined for any other text (lower-casing
 * some non-ASCII characters gives ASCII letters: only labelKey handles them). Every cell of
 * the first rows is looked up when searching for a header row, and most are new texts (names,
 * communes): normalising each cost more than the rest of the check of their file.
 */
export function asciiLabelKey(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return undefined;
  const lower = text.toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out.length === 0 ? lower.slice(start, i) : `${out} ${lower.slice(start, i)}`;
      start = -1;
    }
  }
  return out;
}

/** An indicator or derived indicator named by a header: its code or its label, loosely compared. */
export function matchIndicatorHeader(text: string, memo?: HeaderMemo): HeaderMatch | undefined {
  return lookup(INDICATOR_KEYS, memo?.indicator, text);
}

export function matchPlanHeader(text: string, memo?: HeaderMemo): HeaderMatch | undefined {
  return lookup(PLAN_KEYS, memo?.plan, text);
}

export function matchSenderLabel(text: string, memo?: HeaderMemo): HeaderMatch | undefined {
  return lookup(SENDER_KEYS, memo?.sender, text);
}
