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

export const PROGRESS_STATUSES = ['atteint', 'en_progres', 'en_recul', 'sans_donnee'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  atteint: 'Atteint',
  en_progres: 'En progrès',
  en_recul: 'En recul',
  sans_donnee: 'Sans donnée',
};

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
  /** (valeur − reference) / (cible − reference); null when it cannot be computed. */
  readonly progression: number | null;
  readonly statut: ProgressStatus;
  /** French: how the period and baseline were chosen, or why there is no data. */
  readonly note: string;
}
