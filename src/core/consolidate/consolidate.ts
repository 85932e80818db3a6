import { SIAE_KINDS, type SiaeKind } from '../../schema/index.js';
import { sourceCell, type ReturnRecord, type ValidationIssue } from '../records.js';
import { GroupAccumulator, groupMapKey, reduceReturns } from './aggregate.js';
import { cmp, compareSources, deduplicate, describeSource } from './dedup.js';
import { exclusionReasons, indexErrors } from './exclusions.js';
import type {
  ConsolidationResult,
  DuplicateGroup,
  ExcludedReturn,
  GroupAggregate,
  GroupKey,
  PeriodAggregates,
  SourceSummary,
} from './types.js';

export interface ConsolidationInput {
  readonly records: readonly ReturnRecord[];
  /** Every issue of the validation reports (they explain the exclusions and go to the anomalies). */
  readonly issues?: readonly ValidationIssue[];
  /** Files read, including those that gave no return (unreadable…), for the Sources sheet. */
  readonly files?: readonly string[];
}

/**
 * Consolidates validated returns, whatever files they came from: one return per SIAE and
 * period (duplicates resolved by the rule of dedup.ts), returns with errors left out, then
 * aggregates per period by département × kind, département, kind and for the region.
 * Pure and order-independent: the kept returns are summed in a canonical order.
 */
export function consolidate(input: ConsolidationInput): ConsolidationResult {
  return consolidateReduced(input).result;
}

/**
 * The consolidation and the table its kept returns were reduced into (reduceReturns, row i for
 * kept[i]): a run hands the table on to the per-network sums rather than reduce every return again.
 */
export function consolidateReduced(input: ConsolidationInput): { readonly result: ConsolidationResult; readonly reduced: Float64Array } {
  const issues = input.issues ?? [];
  const { unique, groups } = deduplicate(input.records);

  const kept: ReturnRecord[] = [];
  const excluded: ExcludedReturn[] = [];
  const errorsBySheet = indexErrors(issues);
  for (const r of unique) {
    const reasons = exclusionReasons(r, errorsBySheet);
    if (reasons.length > 0) excluded.push({ record: r, reasons });
    else kept.push(r);
  }
  kept.sort(canonicalOrder);
  excluded.sort((a, b) => compareSources(a.record.source, b.record.source));

  const reduced = reduceReturns(kept);
  const byPeriod = new Map<number, PeriodAggregates>();
  const periods: number[] = [];
  for (const [periode, groupsOfPeriod] of accumulate(kept, reduced)) {
    periods.push(periode);
    const byKind = new Map<SiaeKind, GroupAggregate>();
    const byDepartement = new Map<string, GroupAggregate>();
    const byDepartementKind = new Map<string, GroupAggregate>();
    let region: GroupAggregate | undefined;
    const entries = groupsOfPeriod.map((a) => a.finish());
    entries.sort((a, b) => cmp(a.departement ?? '', b.departement ?? '') || cmp(a.kind ?? '', b.kind ?? ''));
    for (const g of entries) {
      if (g.departement === null && g.kind === null) region = g;
      else if (g.departement === null) byKind.set(g.kind!, g);
      else if (g.kind === null) byDepartement.set(g.departement, g);
      else byDepartementKind.set(groupMapKey(g.departement, g.kind), g);
    }
    byPeriod.set(periode, { periode, region: region!, byKind, byDepartement, byDepartementKind });
  }

  const duplicates: DuplicateGroup[] = groups.map((g) => ({
    siret: g.siret,
    periode: g.periode,
    kept: g.kept.source,
    dropped: g.dropped.map((d) => d.source).sort(compareSources),
    reason: g.reason,
  }));

  const mixedPeriods = periods.length > 1;
  const periodNotice = mixedPeriods
    ? `Les retours portent sur plusieurs années (${periods.join(', ')}) : les chiffres sont donnés séparément pour chaque année et ne sont jamais additionnés d'une année à l'autre.`
    : undefined;

  // The validation flags the second return of a SIAE as a duplicate; consolidation resolves
  // every duplicate by its rule, so its own report (which return was kept, and why) replaces it.
  const inDuplicates = new Set(duplicates.flatMap((d) => [d.kept, ...d.dropped]).map((s) => placeKey(s.file, s.sheet, s.row)));
  const resolved = (i: ValidationIssue) => i.code === 'duplicate-row' && inDuplicates.has(placeKey(i.file, i.sheet ?? '', i.row));
  const anomalies: ValidationIssue[] = issues.filter((i) => !resolved(i));
  for (const d of duplicates) {
    for (const s of d.dropped) {
      const cell = sourceCell(s, 'siret');
      anomalies.push({
        code: 'duplicate-row',
        severity: 'avertissement',
        file: s.file,
        sheet: s.sheet,
        ...(s.row !== undefined ? { row: s.row } : {}),
        ...(cell ? { cell } : {}),
        indicator: 'siret',
        value: d.siret,
        message: `La SIAE ${d.siret} a un autre retour pour ${d.periode} (${describeSource(d.kept)}) : elle n'est comptée qu'une fois (${d.reason}).`,
      });
    }
  }
  if (periodNotice && !issues.some((i) => i.code === 'mixed-periods')) {
    anomalies.push({ code: 'mixed-periods', severity: 'avertissement', file: '', message: periodNotice });
  }

  const result: ConsolidationResult = {
    periods,
    mixedPeriods,
    periodNotice,
    byPeriod,
    kept,
    excluded,
    duplicates,
    sources: summarizeSources(input, kept, excluded, duplicates, resolved),
    anomalies,
  };
  return { result, reduced };
}

/**
 * The groups of each period (département × kind, département, kind, region), periods ascending.
 * `kept` is in the canonical order (period, département, kind…), so the returns of a period, of
 * a département and of a département × kind are consecutive: a group is opened when its key
 * changes, and only the per-kind groups are looked up (by the kind's index), with no key string
 * built and no map consulted per return. Each group receives its returns in the canonical order.
 */
function accumulate(kept: readonly ReturnRecord[], reduced: Float64Array): Map<number, GroupAccumulator[]> {
  const kindIndex = new Map<string, number>(SIAE_KINDS.map((k, i) => [k, i]));
  const out = new Map<number, GroupAccumulator[]>();
  let groups: GroupAccumulator[] = [];
  let periode = Number.NaN;
  let dep: string | undefined;
  let kind: SiaeKind | undefined;
  let region: GroupAccumulator | undefined;
  let ofDep: GroupAccumulator | undefined;
  let ofDepKind: GroupAccumulator | undefined;
  let ofKind: (GroupAccumulator | undefined)[] = [];
  const open = (key: GroupKey): GroupAccumulator => {
    const a = new GroupAccumulator(key);
    groups.push(a);
    return a;
  };
  for (let i = 0; i < kept.length; i++) {
    const v = kept[i]!.values;
    const p = v.annee as number;
    const d = v.departement as string;
    const k = v.type_siae as SiaeKind;
    if (p !== periode) {
      periode = p;
      out.set(p, (groups = []));
      region = open({ periode: p, departement: null, kind: null });
      ofKind = new Array<GroupAccumulator | undefined>(SIAE_KINDS.length);
      dep = undefined;
    }
    if (d !== dep) {
      dep = d;
      kind = undefined;
      ofDep = open({ periode: p, departement: d, kind: null });
    }
    if (k !== kind) {
      kind = k;
      ofDepKind = open({ periode: p, departement: d, kind: k });
    }
    const ki = kindIndex.get(k)!;
    const byKind = ofKind[ki] ?? (ofKind[ki] = open({ periode: p, departement: null, kind: k }));
    ofDepKind!.addRow(i, reduced);
    ofDep!.addRow(i, reduced);
    byKind.addRow(i, reduced);
    region!.addRow(i, reduced);
  }
  return out;
}

function placeKey(file: string, sheet: string, row: number | undefined): string {
  return `${file}\u0000${sheet}\u0000${row ?? ''}`;
}

/** Period, département, kind, SIRET, then source: sums never depend on the order of files. */
function canonicalOrder(a: ReturnRecord, b: ReturnRecord): number {
  return (
    (a.values.annee as number) - (b.values.annee as number) ||
    cmp(a.values.departement as string, b.values.departement as string) ||
    cmp(a.values.type_siae as string, b.values.type_siae as string) ||
    cmp(String(a.values.siret ?? ''), String(b.values.siret ?? '')) ||
    compareSources(a.source, b.source)
  );
}

function summarizeSources(
  input: ConsolidationInput,
  kept: readonly ReturnRecord[],
  excluded: readonly ExcludedReturn[],
  duplicates: readonly DuplicateGroup[],
  resolved: (i: ValidationIssue) => boolean,
): SourceSummary[] {
  const rows = new Map<string, { returns: number; kept: number; excluded: number; duplicatesDropped: number; errors: number; warnings: number }>();
  const row = (file: string) => {
    let r = rows.get(file);
    if (!r) rows.set(file, (r = { returns: 0, kept: 0, excluded: 0, duplicatesDropped: 0, errors: 0, warnings: 0 }));
    return r;
  };
  for (const f of input.files ?? []) row(f);
  for (const r of input.records) row(r.source.file).returns++;
  for (const r of kept) row(r.source.file).kept++;
  for (const e of excluded) row(e.record.source.file).excluded++;
  for (const d of duplicates) for (const s of d.dropped) row(s.file).duplicatesDropped++;
  for (const i of input.issues ?? []) {
    if (!i.file || resolved(i)) continue;
    const r = row(i.file);
    if (i.severity === 'erreur') r.errors++;
    else r.warnings++;
  }
  return [...rows.entries()].sort(([a], [b]) => cmp(a, b)).map(([file, r]) => ({ file, ...r }));
}

