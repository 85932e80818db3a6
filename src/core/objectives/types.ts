import type { SiaeKind } from '../../schema/index.js';
import type { FigureCode } from '../consolidate/values.js';
import type { ValidationIssue } from '../records.js';

export type Direction = 'hausse' | 'baisse';

/** One measurable target of the action plan: an objective, an indicator, a scope. */
export interface PlanTarget {
  /** Code of the strategy's objective or sub-objective (e.g. "22", "212"). */
  readonly objectif: string;
  /** Code of a summed or derived indicator of the spec, or "nombre_siae". */
  readonly indicateur: FigureCode;
  /** null for the whole region, else a département code. */
  readonly departement: string | null;
  /** null for every kind of SIAE. */
  readonly kind: SiaeKind | null;
  /** Baseline; rates as fractions (0.42 for 42 %). */
  readonly valeurReference?: number;
  readonly anneeReference?: number;
  readonly cible: number;
  readonly anneeCible?: number;
  readonly sens: Direction;
  /** A row of the template's examples, not yet replaced by the user. */
  readonly exemple: boolean;
  /** Where the row was read (absent for the shipped default plan). */
  readonly source?: { readonly file: string; readonly sheet: string; readonly row: number };
}

export interface ActionPlan {
  /** "Plan par défaut" or the file name the plan was read from. */
  readonly name: string;
  readonly targets: readonly PlanTarget[];
  /** Problems found while reading the plan (rows left out have an error). */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Display order. « stable »: no movement from the baseline at the displayed precision;
 * « couverture_partielle »: the figure covers fewer départements or SIAE than the target's
 * perimeter, so no verdict is given (the movement measured on what was received is in the note).
 */
export const PROGRESS_STATUSES = ['atteint', 'en_progres', 'stable', 'en_recul', 'couverture_partielle', 'sans_donnee'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
/** What the figures received say, before coverage is taken into account. */
export type MeasuredStatus = Exclude<ProgressStatus, 'couverture_partielle'>;

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  atteint: 'Atteint',
  en_progres: 'En progrès',
  stable: 'Stable',
  en_recul: 'En recul',
  couverture_partielle: 'Couverture partielle',
  sans_donnee: 'Sans donnée',
};

/** Who the figure was measured on, against the target's perimeter. */
export interface ProgressCoverage {
  /** False when a département or SIAE of the perimeter is missing from the figure. */
  readonly complete: boolean;
  /** Départements of the perimeter that contributed (region targets; else the target's own). */
  readonly departementsRecus: readonly string[];
  /** Départements of the perimeter with no retained return for the period. */
  readonly departementsManquants: readonly string[];
  /** SIAE (SIRET) of the reference year's figure, or of the référentiel, with no retained return for the period. */
  readonly siaeManquantes: readonly string[];
  /** French, e.g. « 2 départements sur 8 : 75, 93 ; manquent 77, 78… »; '' when complete. */
  readonly texte: string;
}

export interface ObjectiveProgress {
  readonly target: PlanTarget;
  /** The objective's French label from the strategy. */
  readonly objectifLibelle: string;
  readonly indicateurLibelle: string;
  /** The period whose figures were used; null when the run has no data. */
  readonly periode: number | null;
  /** The figure found: a number, "sans objet", or null. */
  readonly valeur: number | 'sans objet' | null;
  /** Baseline used: the plan's, else the figure of the reference year when the run has it. */
  readonly reference: number | null;
  /**
   * (valeur − reference) / (cible − reference), computed on the values as displayed and rounded
   * to `progressionDecimals` decimals of a percentage; null when it cannot be computed.
   */
  readonly progression: number | null;
  /** Decimals of the percentage the progression is shown with (0 unless more are needed to tell the status apart). */
  readonly progressionDecimals: number;
  readonly statut: ProgressStatus;
  /** The status on the figures received (equals statut unless coverage is partial). */
  readonly statutMesure: MeasuredStatus;
  readonly couverture: ProgressCoverage;
  /** French: the progression in words (« 45 % du chemin… », « cible dépassée… »); '' without one. */
  readonly progressionTexte: string;
  /** French: coverage, progression in words, how the period and baseline were chosen, or why there is no data. */
  readonly note: string;
}
