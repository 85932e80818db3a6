import type { DerivedCode, IndicatorCode, ReconciliationSettings, SiaeKind } from '../../schema/index.js';
import type { AspFigure } from '../asp/index.js';
import type { ReturnSource, ValidationIssue } from '../records.js';

/** One figure side by side: our return (or sum of returns) against the ASP extract. */
export interface FigureGap {
  readonly figure: AspFigure;
  readonly code: IndicatorCode | DerivedCode;
  /** Undefined when that side does not give the figure (nothing is compared then). */
  readonly ours: number | undefined;
  readonly asp: number | undefined;
  /** ours − asp, when both are given. */
  readonly difference: number | undefined;
  /** difference ÷ asp; undefined when not computed or when the ASP's figure is 0. */
  readonly relative: number | undefined;
  /** Beyond both tolerances (see flagGap). */
  readonly flagged: boolean;
}

/** How a return and an ASP row were found to be the same SIAE. */
export type MatchKey = 'siret' | 'annexe';

/** An SIAE of a year as one side knows it. */
export interface SideEntry {
  readonly annee: number | undefined;
  readonly siret: string | undefined;
  /** Annexe financière, short form. */
  readonly annexe: string | undefined;
  readonly nom: string | undefined;
  readonly departement: string | undefined;
  readonly kind: SiaeKind | undefined;
  /** Where it was read: the return's file, sheet and row, or the extract's sheet and row. */
  readonly source: { readonly file: string; readonly sheet: string; readonly row?: number };
}

export interface MatchedSiae {
  readonly annee: number;
  /** Identification from the return (the ASP's when the return lacks it). */
  readonly siret: string | undefined;
  readonly annexe: string | undefined;
  readonly nom: string | undefined;
  readonly departement: string | undefined;
  readonly kind: SiaeKind | undefined;
  readonly matchedBy: MatchKey;
  readonly returnSource: ReturnSource;
  readonly aspSource: { readonly sheet: string; readonly row: number };
  /** How many of its gaps are flagged. */
  readonly flagged: number;
  /** The compared figures in the extract's column order (only those comparable for the kind); made anew at each read. */
  readonly gaps: readonly FigureGap[];
}

/** Sums over the matched SIAE of one scope: the region, or one département. */
export interface ScopeTotals {
  readonly annee: number;
  /** null for the region. */
  readonly departement: string | null;
  readonly matched: number;
  /** Each figure summed over the matched SIAE that give it on both sides (comparable for their kind); absent when none does. */
  readonly gaps: readonly FigureGap[];
}

export interface Reconciliation {
  /** The extract's display name and sheet. */
  readonly file: string;
  readonly sheet: string;
  readonly tolerances: ReconciliationSettings;
  /** Years with kept returns and extract rows: only these are compared. */
  readonly years: readonly number[];
  /** Years one side holds and the other not (nothing of them is compared). */
  readonly yearsReturnsOnly: readonly number[];
  readonly yearsAspOnly: readonly number[];
  readonly totals: readonly ScopeTotals[];
  readonly matched: readonly MatchedSiae[];
  /** Kept returns of a compared year that the extract does not hold. */
  readonly returnsOnly: readonly SideEntry[];
  /** Extract rows of a compared year that no kept return matches. */
  readonly aspOnly: readonly SideEntry[];
  /** Gaps flagged among the SIAE (not the totals). */
  readonly flaggedCount: number;
  /** Problems of reading the extract (file, sheet, cell). */
  readonly issues: readonly ValidationIssue[];
}
