import { DEFAULT_RECONCILIATION_SETTINGS, SIAE_KINDS, type ReconciliationSettings, type SiaeKind } from '../../schema/index.js';
import { shortAnnexe, type AspExtract, type AspRow } from '../asp/index.js';
import type { ReturnRecord } from '../records.js';
import { COMPARED, ourValue } from './mapping.js';
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
    collate(text(a.departement), text(b.departement)) ||
    (KIND_ORDER.get(a.kind ?? '') ?? 9) - (KIND_ORDER.get(b.kind ?? '') ?? 9) ||
    collate(text(a.siret), text(b.siret)) ||
    collate(text(a.annexe), text(b.annexe))
  );
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
    fields: Omit<MatchedSiae, 'gaps'>,
    readonly table: Float64Array,
    readonly at: number,
    private readonly tolerances: ReconciliationSettings,
  ) {
    this.annee = fields.annee;
    this.siret = fields.siret;
    this.annexe = fields.annexe;
    this.nom = fields.nom;
    this.departement = fields.departement;
    this.kind = fields.kind;
    this.matchedBy = fields.matchedBy;
    this.returnSource = fields.returnSource;
    this.aspSource = fields.aspSource;
    this.flagged = fields.flagged;
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
  // (maps of maps: no key string built per return and per row).
  const bySiret = new Map<number, Map<string, number[]>>(years.map((y) => [y, new Map()]));
  const byAnnexe = new Map<number, Map<string, number[]>>(years.map((y) => [y, new Map()]));
  for (let i = 0; i < kept.length; i++) {
    const annee = annees[i];
    if (annee === undefined || !compared.has(annee)) continue;
    if (sirets[i]) push(bySiret.get(annee)!, sirets[i]!, i);
    if (annexes[i]) push(byAnnexe.get(annee)!, annexes[i]!, i);
  }
  const used = new Set<number>();
  const pairOf = new Map<number, { ret: number; key: MatchKey }>();
  /** Pairs row k with the first candidate not yet paired (with `annexe`: the first of that annexe). */
  const take = (k: number, candidates: readonly number[] | undefined, key: MatchKey, annexe?: string) => {
    if (!candidates || pairOf.has(k)) return;
    for (const i of candidates) {
      if (used.has(i) || (annexe !== undefined && annexes[i] !== annexe)) continue;
      used.add(i);
      pairOf.set(k, { ret: i, key });
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
  const table = new Float64Array(pairOf.size * FIGURES_PER_ROW).fill(Number.NaN);
  const matched: MatchedPair[] = [];
  for (const [k, { ret, key }] of pairOf) {
    const row = rows[k]!;
    const record = kept[ret]!;
    const kind = kindOf(record.values.type_siae) ?? row.typeSiae;
    const at = matched.length * FIGURES_PER_ROW;
    let flagged = 0;
    for (const i of comparedFor(kind)) {
      const c = COMPARED[i]!;
      const ours = ourValue(record.values, c.code);
      const asp = row.figures[c.figure];
      if (ours !== undefined) table[at + 2 * i] = ours;
      if (asp !== undefined) table[at + 2 * i + 1] = asp;
      if (ours !== undefined && asp !== undefined && flagGap(ours - asp, asp, tolerances)) flagged++;
    }
    matched.push(
      new MatchedPair(
        {
          annee: row.annee!,
          siret: sirets[ret] ?? row.siret,
          annexe: annexes[ret] ?? row.annexe,
          nom: str(record.values.raison_sociale) ?? row.denomination,
          departement: str(record.values.departement) ?? row.departement,
          kind,
          matchedBy: key,
          returnSource: record.source,
          aspSource: { sheet: row.source.sheet, row: row.source.row },
          flagged,
        },
        table,
        at,
        tolerances,
      ),
    );
  }
  matched.sort(byPlace);

  const returnsOnly: SideEntry[] = [];
  for (let i = 0; i < kept.length; i++) {
    const annee = annees[i];
    if (annee !== undefined && compared.has(annee) && !used.has(i)) returnsOnly.push(returnEntry(kept[i]!));
  }
  returnsOnly.sort(byPlace);
  // Rows without a year cannot be paired with anything: listed, so that they are seen.
  const aspOnly: SideEntry[] = [];
  rows.forEach((row, k) => {
    if (!pairOf.has(k) && (row.annee === undefined || compared.has(row.annee))) aspOnly.push(aspEntry(row, extract.file));
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
    for (let i = 0; i < COMPARED.length; i++) {
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
