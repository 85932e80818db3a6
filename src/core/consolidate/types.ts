import type { DerivedValue, SiaeKind } from '../../schema/index.js';
import type { ReturnRecord, ReturnSource, ValidationIssue } from '../records.js';

/** Sum of one summed indicator over the returns of a group that give it. */
export interface IndicatorSum {
  /** Undefined when no return of the group gives the indicator ("sans donnée"). */
  readonly value: number | undefined;
  /** How many returns of the group gave it. */
  readonly count: number;
}

/** A derived indicator of a group: its value, and the operand sums it was computed from. */
export interface DerivedAggregate {
  readonly value: DerivedValue;
  /** Returns of the group giving every operand (only those enter the sums). */
  readonly count: number;
  readonly numerator: number | undefined;
  readonly denominator: number | undefined;
}

/** The scope of one aggregate: a period, and optionally a département and an SIAE kind. */
export interface GroupKey {
  readonly periode: number;
  /** null: every département of the region. */
  readonly departement: string | null;
  /** null: every kind of SIAE. */
  readonly kind: SiaeKind | null;
}

export interface GroupAggregate extends GroupKey {
  /** Distinct SIAE (one kept return per SIRET and period, after deduplication). */
  readonly siaeCount: number;
  /** Keyed by the codes of SUMMED_INDICATORS. */
  readonly sums: Readonly<Record<string, IndicatorSum>>;
  /** Keyed by the codes of DERIVED. */
  readonly derived: Readonly<Record<string, DerivedAggregate>>;
  /** Indices into ConsolidationResult.kept of the returns that fed this aggregate. */
  readonly members: readonly number[];
}

export interface PeriodAggregates {
  readonly periode: number;
  readonly region: GroupAggregate;
  /** Every kind present in the period. */
  readonly byKind: ReadonlyMap<SiaeKind, GroupAggregate>;
  readonly byDepartement: ReadonlyMap<string, GroupAggregate>;
  /** Keyed by `${departement}|${kind}`. */
  readonly byDepartementKind: ReadonlyMap<string, GroupAggregate>;
}

/** A return left out of the aggregates, with the reasons (its error messages). */
export interface ExcludedReturn {
  readonly record: ReturnRecord;
  readonly reasons: readonly string[];
}

/** Several returns for the same SIAE and period: one kept, the others set aside. */
export interface DuplicateGroup {
  readonly siret: string;
  readonly periode: number;
  readonly kept: ReturnSource;
  readonly dropped: readonly ReturnSource[];
  /** French: which rule chose the kept return. */
  readonly reason: string;
}

/** What each file contributed. */
export interface SourceSummary {
  readonly file: string;
  readonly returns: number;
  readonly kept: number;
  readonly excluded: number;
  readonly duplicatesDropped: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ConsolidationResult {
  /** Periods present among kept returns, ascending. */
  readonly periods: readonly number[];
  readonly mixedPeriods: boolean;
  /** French sentence when the run mixes periods, else undefined. */
  readonly periodNotice: string | undefined;
  readonly byPeriod: ReadonlyMap<number, PeriodAggregates>;
  /** Returns that entered the aggregates, in a canonical order (period, département, kind, SIRET). */
  readonly kept: readonly ReturnRecord[];
  readonly excluded: readonly ExcludedReturn[];
  readonly duplicates: readonly DuplicateGroup[];
  readonly sources: readonly SourceSummary[];
  /** Validation issues received, then those consolidation adds (duplicates, mixed periods). */
  readonly anomalies: readonly ValidationIssue[];
}
