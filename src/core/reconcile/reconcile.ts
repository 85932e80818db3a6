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
function byPlace(a: SideEntry, b: SideEntry): number {
  return (
    (a.annee ?? 0) - (b.annee ?? 0) ||
    text(a.departement).localeCompare(text(b.departement)) ||
    (KIND_ORDER.get(a.kind ?? '') ?? 9) - (KIND_ORDER.get(b.kind ?? '') ?? 9) ||
    text(a.siret).localeCompare(text(b.siret)) ||
    text(a.annexe).localeCompare(text(b.annexe))
  );
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
  const returns = kept.map(returnEntry);
  const rows = extract.rows;
  const returnYears = new Set(returns.map((r) => r.annee).filter((y): y is number => y !== undefined));
  const aspYears = new Set(rows.map((r) => r.annee).filter((y): y is number => y !== undefined));
  const years = [...returnYears].filter((y) => aspYears.has(y)).sort((a, b) => a - b);
  const compared = new Set(years);

  // Returns of the compared years, indexed by year and SIRET, and by year and short annexe.
  const bySiret = new Map<string, number[]>();
  const byAnnexe = new Map<string, number[]>();
  returns.forEach((r, i) => {
    if (r.annee === undefined || !compared.has(r.annee)) return;
    if (r.siret) push(bySiret, `${r.annee}|${r.siret}`, i);
    if (r.annexe) push(byAnnexe, `${r.annee}|${r.annexe}`, i);
  });
  const used = new Set<number>();
  const pairOf = new Map<number, { ret: number; key: MatchKey }>();
  const take = (rowIndex: number, candidates: readonly number[] | undefined, key: MatchKey, accept: (i: number) => boolean = () => true) => {
    if (pairOf.has(rowIndex) || !candidates) return;
    const ret = candidates.find((i) => !used.has(i) && accept(i));
    if (ret === undefined) return;
    used.add(ret);
    pairOf.set(rowIndex, { ret, key });
  };
  const inYear = (row: AspRow) => row.annee !== undefined && compared.has(row.annee);
  // Three passes, so that an SIRET with several annexes (an ACI and an AI, say) pairs each
  // return with its own annexe before any SIRET-only pairing takes one at random.
  rows.forEach((row, k) => {
    if (inYear(row) && row.siret && row.annexe) take(k, bySiret.get(`${row.annee}|${row.siret}`), 'siret', (i) => returns[i]!.annexe === row.annexe);
  });
  rows.forEach((row, k) => {
    if (inYear(row) && row.siret) take(k, bySiret.get(`${row.annee}|${row.siret}`), 'siret');
  });
  rows.forEach((row, k) => {
    if (inYear(row) && row.annexe) take(k, byAnnexe.get(`${row.annee}|${row.annexe}`), 'annexe');
  });

  const matched: MatchedSiae[] = [];
  for (const [k, { ret, key }] of pairOf) {
    const row = rows[k]!;
    const r = returns[ret]!;
    const record = kept[ret]!;
    const kind = r.kind ?? row.typeSiae;
    const gaps: FigureGap[] = [];
    for (const c of COMPARED) {
      // A kind unknown on both sides: only the figures compared for every kind.
      if (kind ? !c.kinds.includes(kind) : c.kinds.length < SIAE_KINDS.length) continue;
      const ours = ourValue(record.values, c.code);
      const asp = row.figures[c.figure];
      if (ours === undefined && asp === undefined) continue;
      gaps.push(gap(c.figure, c.code, ours, asp, tolerances));
    }
    matched.push({
      annee: row.annee!,
      siret: r.siret ?? row.siret,
      annexe: r.annexe ?? row.annexe,
      nom: r.nom ?? row.denomination,
      departement: r.departement ?? row.departement,
      kind,
      matchedBy: key,
      returnSource: record.source,
      aspSource: { sheet: row.source.sheet, row: row.source.row },
      gaps,
    });
  }
  matched.sort((a, b) => byPlace({ ...a, source: { file: '', sheet: '' } }, { ...b, source: { file: '', sheet: '' } }));

  const returnsOnly = returns.filter((r, i) => r.annee !== undefined && compared.has(r.annee) && !used.has(i)).sort(byPlace);
  // Rows without a year cannot be paired with anything: listed, so that they are seen.
  const aspOnly = rows
    .filter((row, k) => !pairOf.has(k) && (row.annee === undefined || compared.has(row.annee)))
    .map((row) => aspEntry(row, extract.file))
    .sort(byPlace);

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
    flaggedCount: matched.reduce((n, m) => n + m.gaps.filter((g) => g.flagged).length, 0),
    issues: extract.issues,
  };
}

/** The region, then each département, for every compared year: sums over the matched SIAE. */
function scopeTotals(matched: readonly MatchedSiae[], years: readonly number[], tolerances: ReconciliationSettings): ScopeTotals[] {
  const out: ScopeTotals[] = [];
  for (const annee of years) {
    const ofYear = matched.filter((m) => m.annee === annee);
    const deps = [...new Set(ofYear.map((m) => m.departement).filter((d): d is string => d !== undefined))].sort();
    for (const departement of [null, ...deps]) {
      const members = departement === null ? ofYear : ofYear.filter((m) => m.departement === departement);
      const gaps: FigureGap[] = [];
      for (const c of COMPARED) {
        let ours = 0;
        let asp = 0;
        let n = 0;
        for (const m of members) {
          const g = m.gaps.find((x) => x.figure === c.figure);
          if (g?.ours === undefined || g.asp === undefined) continue;
          ours += g.ours;
          asp += g.asp;
          n++;
        }
        // A figure no paired SIAE of the scope gives on both sides has no total to compare.
        if (n > 0) gaps.push(gap(c.figure, c.code, ours, asp, tolerances));
      }
      out.push({ annee, departement, matched: members.length, gaps });
    }
  }
  return out;
}
