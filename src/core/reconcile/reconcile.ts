import { DEFAULT_RECONCILIATION_SETTINGS, SIAE_KINDS, type ReconciliationSettings, type SiaeKind } from '../../schema/index.js';
import { shortAnnexe, type AspExtract, type AspRow } from '../asp/index.js';
import type { ReturnRecord } from '../records.js';
import { COMPARED, ourTermsOf } from './mapping.js';
import type { FigureGap, MatchedSiae, MatchKey, Reconciliation, ScopeTotals, SideEntry } from './types.js';

/** Floating-point slack at the tolerance boundary: a gap exactly at the tolerance is not flagged. */
const EPSILON = 1e-9;

/**
 * Whether a gap is worth a look: beyond the absolute tolerance AND beyond the relative one
 * (a share of the ASP's figure). An ASP figure of 0 leaves the absolute test alone.
 */
export function flagGap(difference: number, asp: number, tolerances: ReconciliationSettings): boolean {
  const size = Math.abs(difference);
  if (size <= tolerances.absoluteTolerance + EPSILON) return false;
  return asp === 0 || size > tolerances.relativeTolerance * Math.abs(asp) + EPSILON;
}

function gap(figure: FigureGap['figure'], code: FigureGap['code'], ours: number | undefined, asp: number | undefined, tolerances: ReconciliationSettings): FigureGap {
  if (ours === undefined || asp === undefined) return { figure, code, ours, asp, difference: undefined, relative: undefined, flagged: false };
  const difference = ours - asp;
  return { figure, code, ours, asp, difference, relative: asp === 0 ? undefined : difference / asp, flagged: flagGap(difference, asp, tolerances) };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const kindOf = (v: unknown): SiaeKind | undefined => (typeof v === 'string' && (SIAE_KINDS as readonly string[]).includes(v) ? (v as SiaeKind) : undefined);

function returnEntry(r: ReturnRecord): SideEntry {
  const annexe = str(r.values.annexe_financiere);
  return {
    annee: num(r.values.annee),
    siret: str(r.values.siret),
    annexe: annexe !== undefined ? shortAnnexe(annexe) : undefined,
    nom: str(r.values.raison_sociale),
    departement: str(r.values.departement),
    kind: kindOf(r.values.type_siae),
    source: { file: r.source.file, sheet: r.source.sheet, ...(r.source.row !== undefined ? { row: r.source.row } : {}) },
  };
}

function aspEntry(row: AspRow, file: string): SideEntry {
  return {
    annee: row.annee,
    siret: row.siret,
    annexe: row.annexe,
    nom: row.denomination,
    departement: row.departement,
    kind: row.typeSiae,
    source: { file, sheet: row.source.sheet, row: row.source.row },
  };
}

const KIND_ORDER = new Map<string, number>(SIAE_KINDS.map((k, i) => [k, i]));
const text = (s: string | undefined) => s ?? '\uffff';
/** String.prototype.localeCompare's own order (no locale, no options), without its per-call set-up. */
const collate = new Intl.Collator().compare;

/** What the lists are sorted by: a return, an extract row or a matched SIAE. */
type Place = Pick<SideEntry, 'annee' | 'siret' | 'annexe' | 'departement' | 'kind'>;
function byPlace(a: Place, b: Place): number {
  return (
    (a.annee ?? 0) - (b.annee ?? 0) ||
    collateText(a.departement, b.departement) ||
    (KIND_ORDER.get(a.kind ?? '') ?? 9) - (KIND_ORDER.get(b.kind ?? '') ?? 9) ||
    collateText(a.siret, b.siret) ||
    collateText(a.annexe, b.annexe)
  );
}

/** Digits and capital letters only: the collator orders such strings as their code points do (digits before letters, each in order). */
const PLAIN = /^[0-9A-Z]*$/;
/**
 * collate(text(a), text(b)), without the collator for the identifiers it orders most (SIRET,
 * département codes, short annexes: digits and capitals), where it agrees with a code-point comparison.
 */
export function collateText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a !== undefined && b !== undefined && PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : 1;
  return collate(text(a), text(b));
}

/** Numbers per matched SIAE in the table of figures: ours and the ASP's for each figure of COMPARED. */
const FIGURES_PER_ROW = 2 * COMPARED.length;

/** Positions in COMPARED of the figures compared for a kind; a kind unknown on both sides: those compared for every kind. */
const COMPARED_FOR = new Map<SiaeKind | undefined, readonly number[]>(
  [...SIAE_KINDS, undefined].map((kind) => [
    kind,
    COMPARED.flatMap((c, i) => ((kind ? c.kinds.includes(kind) : c.kinds.length === SIAE_KINDS.length) ? [i] : [])),
  ]),
);
const comparedFor = (kind: SiaeKind | undefined): readonly number[] => COMPARED_FOR.get(kind)!;

const orUndefined = (v: number): number | undefined => (v === v ? v : undefined);

/**
 * A matched SIAE whose figures sit in the reconciliation's table: `gaps` are made when read
 * (the sheet, the JSON, the pane), so that the run keeps one number per figure and side, not an
 * object per figure.
 */
class MatchedPair implements MatchedSiae {
  readonly annee: number;
  readonly siret: string | undefined;
  readonly annexe: string | undefined;
  readonly nom: string | undefined;
  readonly departement: string | undefined;
  readonly kind: SiaeKind | undefined;
  readonly matchedBy: MatchKey;
  readonly returnSource: MatchedSiae['returnSource'];
  readonly aspSource: MatchedSiae['aspSource'];
  readonly flagged: number;

  constructor(
    record: ReturnRecord,
    row: AspRow,
    siret: string | undefined,
    annexe: string | undefined,
    kind: SiaeKind | undefined,
    matchedBy: MatchKey,
    flagged: number,
    readonly table: Float64Array,
    readonly at: number,
    private readonly tolerances: ReconciliationSettings,
  ) {
    // Identification from the return, the ASP's where the return lacks it.
    this.annee = row.annee!;
    this.siret = siret ?? row.siret;
    this.annexe = annexe ?? row.annexe;
    this.nom = str(record.values.raison_sociale) ?? row.denomination;
    this.departement = str(record.values.departement) ?? row.departement;
    this.kind = kind;
    this.matchedBy = matchedBy;
    this.returnSource = record.source;
    this.aspSource = { sheet: row.source.sheet, row: row.source.row };
    this.flagged = flagged;
  }

  get gaps(): FigureGap[] {
    const gaps: FigureGap[] = [];
    for (const i of comparedFor(this.kind)) {
      const ours = orUndefined(this.table[this.at + 2 * i]!);
      const asp = orUndefined(this.table[this.at + 2 * i + 1]!);
      if (ours === undefined && asp === undefined) continue;
      const c = COMPARED[i]!;
      gaps.push(gap(c.figure, c.code, ours, asp, this.tolerances));
    }
    return gaps;
  }
}

/** The returns (indices into kept) a SIRET or an annexe finds: most find one, kept as its index. */
type Candidates = number | number[];

function addCandidate(map: Map<string, Candidates>, key: string, i: number): void {
  const c = map.get(key);
  if (c === undefined) map.set(key, i);
  else if (typeof c === 'number') map.set(key, [c, i]);
  else c.push(i);
}

/** Our value of a figure in one return, read through ourTermsOf (the same as ourValue). */
function valueOf(values: Readonly<Record<string, unknown>>, terms: string | readonly string[] | undefined): number | undefined {
  if (terms === undefined) return undefined;
  if (typeof terms === 'string') {
    const v = values[terms];
    return typeof v === 'number' ? v : undefined;
  }
  let sum = 0;
  for (const term of terms) {
    const v = values[term];
    if (typeof v !== 'number') return undefined;
    sum += v;
  }
  return sum;
}

/**
 * Reconciles the kept returns with the ASP extract, for the years both hold: each SIAE found on
 * both sides (same year; same SIRET, else same annexe financière in its short form) gets its
 * comparable figures side by side; totals per département and for the region sum the matched
 * SIAE only, so both columns describe the same structures; the SIAE found on one side only are
 * listed. The extract is a reference: nothing of it enters the consolidated figures.
 */
export function reconcileWithAsp(
  kept: readonly ReturnRecord[],
  extract: AspExtract,
  tolerances: ReconciliationSettings = DEFAULT_RECONCILIATION_SETTINGS,
): Reconciliation {
  // What matching needs of each return, in plain arrays (an entry is made only for the returns
  // listed on one side, and a matched SIAE's fields are read from its return).
  const annees = kept.map((r) => num(r.values.annee));
  const sirets = kept.map((r) => str(r.values.siret));
  const annexes = kept.map((r) => {
    const a = str(r.values.annexe_financiere);
    return a !== undefined ? shortAnnexe(a) : undefined;
  });
  const rows = extract.rows;
  const returnYears = new Set(annees.filter((y): y is number => y !== undefined));
  const aspYears = new Set(rows.map((r) => r.annee).filter((y): y is number => y !== undefined));
  const years = [...returnYears].filter((y) => aspYears.has(y)).sort((a, b) => a - b);
  const compared = new Set(years);

  // Returns of the compared years, indexed by year then SIRET, and by year then short annexe
  // (maps of maps: no key string built per return and per row; a lone candidate kept as its index).
  const bySiret = new Map<number, Map<string, Candidates>>(years.map((y) => [y, new Map()]));
  const byAnnexe = new Map<number, Map<string, Candidates>>(years.map((y) => [y, new Map()]));
  for (let i = 0; i < kept.length; i++) {
    const annee = annees[i];
    if (annee === undefined || !compared.has(annee)) continue;
    if (sirets[i]) addCandidate(bySiret.get(annee)!, sirets[i]!, i);
    if (annexes[i]) addCandidate(byAnnexe.get(annee)!, annexes[i]!, i);
  }
  // Row k's return (-1: none yet) and how it was matched; `order`: the rows in the order they were paired.
  const used = new Uint8Array(kept.length);
  const pairedWith = new Int32Array(rows.length).fill(-1);
  const pairedBy: MatchKey[] = new Array<MatchKey>(rows.length);
  const order: number[] = [];
  /** Pairs row k with the first candidate not yet paired (with `annexe`: the first of that annexe). */
  const take = (k: number, candidates: Candidates | undefined, key: MatchKey, annexe?: string) => {
    if (candidates === undefined || pairedWith[k]! >= 0) return;
    const n = typeof candidates === 'number' ? 1 : candidates.length;
    for (let c = 0; c < n; c++) {
      const i = typeof candidates === 'number' ? candidates : candidates[c]!;
      if (used[i] || (annexe !== undefined && annexes[i] !== annexe)) continue;
      used[i] = 1;
      pairedWith[k] = i;
      pairedBy[k] = key;
      order.push(k);
      return;
    }
  };
  // Three passes, so that an SIRET with several annexes (an ACI and an AI, say) pairs each
  // return with its own annexe before any SIRET-only pairing takes one at random.
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.annee !== undefined && row.siret && row.annexe) take(k, bySiret.get(row.annee)?.get(row.siret), 'siret', row.annexe);
  }
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.annee !== undefined && row.siret) take(k, bySiret.get(row.annee)?.get(row.siret), 'siret');
  }
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.annee !== undefined && row.annexe) take(k, byAnnexe.get(row.annee)?.get(row.annexe), 'annexe');
  }

  // Every pair's compared figures in one table (ours, then the ASP's, per figure of COMPARED;
  // NaN where a side does not give it): one allocation for all, read by the totals and the flags
  // here, and turned into FigureGap objects only by whoever lists them (FIGURES_PER_ROW).
  const figures = COMPARED;
  const ourTerms = figures.map((c) => ourTermsOf(c.code));
  const table = new Float64Array(order.length * FIGURES_PER_ROW).fill(Number.NaN);
  const matched: MatchedPair[] = [];
  for (const k of order) {
    const row = rows[k]!;
    const ret = pairedWith[k]!;
    const record = kept[ret]!;
    const values = record.values as Readonly<Record<string, unknown>>;
    const kind = kindOf(values.type_siae) ?? row.typeSiae;
    const at = matched.length * FIGURES_PER_ROW;
    let flagged = 0;
    for (const i of comparedFor(kind)) {
      const ours = valueOf(values, ourTerms[i]);
      const asp = row.figures[figures[i]!.figure];
      if (ours !== undefined) table[at + 2 * i] = ours;
      if (asp !== undefined) table[at + 2 * i + 1] = asp;
      if (ours !== undefined && asp !== undefined && flagGap(ours - asp, asp, tolerances)) flagged++;
    }
    matched.push(new MatchedPair(record, row, sirets[ret], annexes[ret], kind, pairedBy[k]!, flagged, table, at, tolerances));
  }
  matched.sort(byPlace);

  const returnsOnly: SideEntry[] = [];
  for (let i = 0; i < kept.length; i++) {
    const annee = annees[i];
    if (annee !== undefined && compared.has(annee) && !used[i]) returnsOnly.push(returnEntry(kept[i]!));
  }
  returnsOnly.sort(byPlace);
  // Rows without a year cannot be paired with anything: listed, so that they are seen.
  const aspOnly: SideEntry[] = [];
  rows.forEach((row, k) => {
    if (pairedWith[k]! < 0 && (row.annee === undefined || compared.has(row.annee))) aspOnly.push(aspEntry(row, extract.file));
  });
  aspOnly.sort(byPlace);
  let flaggedCount = 0;
  for (const m of matched) flaggedCount += m.flagged;

  return {
    file: extract.file,
    sheet: extract.sheet,
    tolerances,
    years,
    yearsReturnsOnly: [...returnYears].filter((y) => !aspYears.has(y)).sort((a, b) => a - b),
    yearsAspOnly: [...aspYears].filter((y) => !returnYears.has(y)).sort((a, b) => a - b),
    totals: scopeTotals(matched, years, tolerances),
    matched,
    returnsOnly,
    aspOnly,
    flaggedCount,
    issues: extract.issues,
  };
}

/** Running sums of one scope: per compared figure, ours, the ASP's, and how many SIAE gave both. */
class ScopeSums {
  matched = 0;
  readonly ours = new Float64Array(COMPARED.length);
  readonly asp = new Float64Array(COMPARED.length);
  readonly n = new Uint32Array(COMPARED.length);

  add(m: MatchedPair): void {
    this.matched++;
    const n = this.n.length;
    for (let i = 0; i < n; i++) {
      const ours = m.table[m.at + 2 * i]!;
      const asp = m.table[m.at + 2 * i + 1]!;
      if (ours !== ours || asp !== asp) continue;
      this.ours[i]! += ours;
      this.asp[i]! += asp;
      this.n[i]!++;
    }
  }

  totals(annee: number, departement: string | null, tolerances: ReconciliationSettings): ScopeTotals {
    const gaps: FigureGap[] = [];
    // A figure no paired SIAE of the scope gives on both sides has no total to compare.
    COMPARED.forEach((c, i) => {
      if (this.n[i]! > 0) gaps.push(gap(c.figure, c.code, this.ours[i]!, this.asp[i]!, tolerances));
    });
    return { annee, departement, matched: this.matched, gaps };
  }
}

/**
 * The region, then each département, for every compared year: sums over the matched SIAE, in
 * one pass over them (in their sorted order, so that each sum adds the same numbers in the same order).
 */
function scopeTotals(matched: readonly MatchedPair[], years: readonly number[], tolerances: ReconciliationSettings): ScopeTotals[] {
  const byYear = new Map<number, { region: ScopeSums; deps: Map<string, ScopeSums> }>(years.map((y) => [y, { region: new ScopeSums(), deps: new Map() }]));
  for (const m of matched) {
    const y = byYear.get(m.annee);
    if (!y) continue;
    y.region.add(m);
    if (m.departement === undefined) continue;
    let d = y.deps.get(m.departement);
    if (!d) y.deps.set(m.departement, (d = new ScopeSums()));
    d.add(m);
  }
  const out: ScopeTotals[] = [];
  for (const annee of years) {
    const y = byYear.get(annee)!;
    out.push(y.region.totals(annee, null, tolerances));
    for (const departement of [...y.deps.keys()].sort()) out.push(y.deps.get(departement)!.totals(annee, departement, tolerances));
  }
  return out;
}
