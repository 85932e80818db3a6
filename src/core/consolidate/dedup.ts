import type { ReturnRecord, ReturnSource } from '../records.js';

/**
 * The documented rule for one SIAE (SIRET) reported twice for the same period: keep
 *   1. the return with fewer errors (a corrected return beats a faulty one);
 *   2. then the SIAE's own form over a row of a network or département table;
 *   3. then the return of the last file in name order (file, then sheet, then row), so that a
 *      file renamed "…-v2" or dated later wins;
 *   4. identical sources (the same file given twice) are the same return.
 * The rule is a total order, so the choice never depends on the order files were given in.
 */
export function preferred(a: ReturnRecord, b: ReturnRecord): { winner: ReturnRecord; reason: string } {
  if (a.errors !== b.errors) {
    return { winner: a.errors < b.errors ? a : b, reason: "retour retenu : celui qui a le moins d'erreurs" };
  }
  const aForm = a.source.row === undefined;
  const bForm = b.source.row === undefined;
  if (aForm !== bForm) {
    return { winner: aForm ? a : b, reason: "retour retenu : le formulaire de la SIAE plutôt que la ligne d'un tableau de réseau" };
  }
  const c = compareSources(a.source, b.source);
  if (c !== 0) return { winner: c > 0 ? a : b, reason: 'retour retenu : celui du dernier fichier dans l\'ordre des noms' };
  // Same place: the same file given twice. Keep a deterministic one (values compared as text).
  const c2 = cmp(JSON.stringify(sortedValues(a)), JSON.stringify(sortedValues(b)));
  return { winner: c2 >= 0 ? a : b, reason: 'même retour lu deux fois' };
}

function sortedValues(r: ReturnRecord): [string, unknown][] {
  return Object.entries(r.values).sort(([x], [y]) => cmp(x, y));
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of sources: file, sheet, then row (a form, without row, first). */
export function compareSources(a: ReturnSource, b: ReturnSource): number {
  return cmp(a.file, b.file) || cmp(a.sheet, b.sheet) || (a.row ?? 0) - (b.row ?? 0);
}

export function describeSource(s: ReturnSource): string {
  return s.row === undefined ? `« ${s.file} », feuille « ${s.sheet} »` : `« ${s.file} », feuille « ${s.sheet} », ligne ${s.row}`;
}

export interface DedupOutcome {
  readonly unique: ReturnRecord[];
  readonly groups: { siret: string; periode: number; kept: ReturnRecord; dropped: ReturnRecord[]; reason: string }[];
}

/** Keeps one return per SIRET and period; returns without either are left as they are. */
export function deduplicate(records: readonly ReturnRecord[]): DedupOutcome {
  // By year then SIRET (no key string per return), to a position in `slots`, which keeps the
  // order SIAE were first met in: a return alone in its slot, several in an array.
  const byYear = new Map<number, Map<string, number>>();
  const slots: (ReturnRecord | ReturnRecord[])[] = [];
  const unique: ReturnRecord[] = [];
  for (const r of records) {
    const siret = r.values.siret;
    const annee = r.values.annee;
    if (typeof siret !== 'string' || typeof annee !== 'number') {
      unique.push(r);
      continue;
    }
    let bySiret = byYear.get(annee);
    if (!bySiret) byYear.set(annee, (bySiret = new Map()));
    const at = bySiret.get(siret);
    if (at === undefined) {
      bySiret.set(siret, slots.length);
      slots.push(r);
      continue;
    }
    const slot = slots[at]!;
    if (Array.isArray(slot)) slot.push(r);
    else slots[at] = [slot, r];
  }
  const groups: DedupOutcome['groups'] = [];
  for (const slot of slots) {
    if (!Array.isArray(slot)) {
      unique.push(slot);
      continue;
    }
    const list = slot;
    let best = list[0]!;
    for (const r of list.slice(1)) best = preferred(best, r).winner;
    // The reason shown is the one that separates the winner from the runner-up.
    const others = list.filter((r) => r !== best);
    let runnerUp = others[0]!;
    for (const r of others.slice(1)) runnerUp = preferred(runnerUp, r).winner;
    const reason = preferred(best, runnerUp).reason;
    unique.push(best);
    groups.push({ siret: best.values.siret as string, periode: best.values.annee as number, kept: best, dropped: others, reason });
  }
  groups.sort((a, b) => a.periode - b.periode || cmp(a.siret, b.siret));
  return { unique, groups };
}
