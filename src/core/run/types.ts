/** The consolidation run's inputs and outputs, shared by the CLI, the task pane and the ribbon. */
import type { ConsolidationResult } from '../consolidate/index.js';
import type { GridWorkbook } from '../grid.js';
import type { ActionPlan, ObjectiveProgress } from '../objectives/index.js';
import type { ValidationIssue } from '../records.js';
import type { ValidationReport } from '../validate/report.js';
import type { Settings } from '../../schema/index.js';
import type { AspExtract } from '../asp/index.js';
import type { Completeness, ReferenceInput, Referentiel } from '../campaign/index.js';
import type { Evolution } from '../evolution/index.js';
import type { Reconciliation } from '../reconcile/index.js';
import type { NetworkFigures, NetworkOfReturn } from '../networks/index.js';

/** An input the host did not hand to validation, and why: the user is always told. */
export interface IgnoredInput {
  /** The file as the user knows it (a display name, never an absolute path). */
  readonly file: string;
  /**
   * "consolide": one of our consolidated workbooks; "double": the same file given twice;
   * "en-trop": a second référentiel or ASP extract among the files (one of each is used).
   */
  readonly reason: 'consolide' | 'double' | 'en-trop';
  /** French, names the file. */
  readonly message: string;
}

/** The plan the user named explicitly (--plan, a plan file, the plan sheet of the open workbook). */
export type PlanSource =
  | {
      readonly kind: 'book';
      readonly book: GridWorkbook;
      /** Where it comes from, in French: « fichier « plan.xlsx » », « feuille plan de ce classeur ». */
      readonly label: string;
      /** When the workbook has no plan table at all, use the default plan (the open workbook may have none). */
      readonly fallbackToDefault?: boolean;
    }
  /** A plan file the host could not read: the run goes on with no target, and says why. */
  | { readonly kind: 'unreadable'; readonly file: string; readonly message: string };

export interface RunInput {
  /** The returns as checked (file names are display names). */
  readonly report: ValidationReport;
  /** An explicit plan; absent, the plan rule applies (the only plan among the inputs, else the default plan). */
  readonly plan?: PlanSource;
  /** Reads a checked input again by its display name (for the only plan found among the inputs). */
  readonly readInput?: (file: string) => GridWorkbook;
  /** Inputs left out by the host (consolidated workbooks, the same file twice). */
  readonly ignored?: readonly IgnoredInput[];
  readonly settings?: Settings;

  // The campaign's optional inputs (issue 14); each absent, its outputs are absent too.

  /** The SIAE expected for the year: completeness and « Suivi de la collecte ». */
  readonly referentiel?: Referentiel;

  /** The ASP annual extract: a reference, never added into the figures (« Rapprochement ASP »). */
  readonly asp?: AspExtract;

  /** A previous consolidated workbook: year over year (« Évolution »). */
  readonly reference?: ReferenceInput;
}

/** How the plan was chosen: the one rule of plan-choice.ts. */
export type PlanOrigin = 'explicite' | 'parmi-les-fichiers' | 'defaut';

/** Headline figures of one département (or the region), formatted in French. */
export interface KeyFigureRow {
  /** Département code; '' for the region. */
  readonly code: string;
  readonly nom: string;
  readonly siae: string;
  readonly personnes: string;
  readonly etp: string;
  readonly tauxRealisation: string;
  readonly tauxSortiesDynamiques: string;
}

export interface KeyFigures {
  /** The period shown: the latest when several. */
  readonly periode: number | undefined;
  readonly departements: readonly KeyFigureRow[];
  readonly region: KeyFigureRow | undefined;
}

/** Counts every front end reports the same way. */
export interface RunCounts {
  /** Files checked (readable or not), ignored ones left out. */
  readonly files: number;
  readonly unreadable: number;
  readonly ignored: number;
  readonly kept: number;
  readonly excluded: number;
  /** Returns dropped as duplicates (each SIAE counted once). */
  readonly duplicates: number;
}

export interface ConsolidationRun {
  readonly report: ValidationReport;
  readonly result: ConsolidationResult;
  readonly plan: ActionPlan;
  /** Where the plan came from, in French: the same words in the pane, the CLI and the JSON. */
  readonly planLabel: string;
  readonly planOrigin: PlanOrigin;
  /** Passed through from computeProgress. */
  readonly progress: readonly ObjectiveProgress[];
  /** Validation, consolidation, plan and ignored-input issues: concatenated once, without repeats. */
  readonly anomalies: readonly ValidationIssue[];
  readonly ignored: readonly IgnoredInput[];
  readonly keyFigures: KeyFigures;
  readonly counts: RunCounts;
  /** Problems that make the run incomplete (an explicit plan that cannot be read), in French. */
  readonly problems: readonly string[];
  /** The settings the run was made with (RunInput.settings, else the defaults): its public version uses them too. */
  readonly settings: Settings;

  // The campaign's outputs (issue 14): each module adds its own field below its own comment.

  // completeness (src/core/campaign/completeness*)
  /** Who was expected and who answered: present when a référentiel was given. */
  readonly completeness?: Completeness;

  // reconciliation (src/core/reconcile)
  /** « Rapprochement ASP », when an extract was given (RunInput.asp). */
  readonly reconciliation?: Reconciliation;

  // evolution (src/core/evolution)
  /** Year over year, when the returns hold two years or a reference was given (and accepted). */
  readonly evolution?: Evolution;

  // networks and provenance (src/core/networks)
  /** The network of each retained return (index for index with result.kept), and the per-network aggregates. */
  readonly networks: { readonly ofKept: readonly NetworkOfReturn[]; readonly figures: NetworkFigures };
}
