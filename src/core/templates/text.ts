/** Excel's limits on data-validation texts, and clean truncation to them. */

export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
export const ERROR_TITLE_MAX = 32;
export const ERROR_MESSAGE_MAX = 225;

/** Cuts at a word boundary and ends with "…" when the text is longer than max characters. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > max / 2 ? cut.slice(0, space) : cut;
  return `${trimTrailingPunctuation(base)}…`;
}

/** Drops trailing spaces and punctuation before the "…" (a loop: a `[…]+$` regex backtracks). */
function trimTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && /[\s,;:.(«-]/.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** A French list: "a, b et c". */
export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** French number with thin-space thousands, for texts of the instructions. */
export function numberFr(n: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n);
}
