/**
 * What the task pane needs from the outside world, as interfaces: the controller is written
 * against them, so the same logic drives Excel (Office mode) and files (standalone mode), and
 * tests inject fakes. Only types here: nothing heavy is pulled into the initial bundle.
 */
import type { GridWorkbook } from '../../core/grid.js';
import type { IgnoredInput, KeyFigureRow, RunVerdict } from '../../core/run/index.js';
import type { ValidationIssue } from '../../core/records.js';
import type { ValidationReport } from '../../core/validate/report.js';
import type { WorkbookModel } from '../../core/workbook-model.js';
import type { Settings } from '../../schema/index.js';

/** "excel": inside Excel, the open workbook is there; "autonome": a plain browser, files only. */
export type Mode = 'excel' | 'autonome';

export interface PickedFile {
  readonly name: string;
  /**
   * The file's content. The worker engine lends it to the worker for a run (the buffer is
   * transferred, not copied) and puts the returned buffer back here when the run ends.
   */
  readonly bytes: Uint8Array;
  /** The picked File, when there is one: its bytes can be read again if a cancelled worker kept them. */
  readonly blob?: Blob;
}

/** Progress of a run: `done` of `total` steps (files), `label` says which one. */
export type ProgressFn = (done: number, total: number, label: string) => void;

/** One workbook to check: a picked file (read in the browser) or the open workbook (read by the host). */
export type BookSource =
  | { readonly kind: 'file'; readonly file: PickedFile }
  | { readonly kind: 'open'; readonly name: string; readonly read: () => Promise<GridWorkbook> };

/** Where the action plan comes from. */
export type PlanChoice =
  | { readonly kind: 'defaut' }
  /** A plan sheet of the open workbook (Excel mode). */
  | { readonly kind: 'classeur' }
  /** A plan file; `file` is absent while the user has chosen this option but not yet the file. */
  | { readonly kind: 'fichier'; readonly file?: PickedFile };

export type ObjectiveStatus = 'atteint' | 'en_progres' | 'stable' | 'en_recul' | 'couverture_partielle' | 'sans_donnee';

/** One line of the Objectifs tab, ready to show. */
export interface ObjectiveLine {
  readonly objectif: string;
  readonly libelle: string;
  readonly indicateur: string;
  readonly perimetre: string;
  /** Formatted figures ("12,5 %", "—" when unknown). */
  readonly reference: string;
  readonly actuel: string;
  readonly cible: string;
  /** 0…1 share of the way from baseline to target, when known. */
  readonly progression: number | undefined;
  readonly statut: ObjectiveStatus;
  /** French: how the period and baseline were chosen, or why there is no data. */
  readonly note: string;
  /** A target still marked as one of the template's examples ("Exemple à remplacer" = oui). */
  readonly exemple?: boolean;
}

/** Key figures of one département (or the region), formatted by the run (src/core/run). */
export type { KeyFigureRow };

export interface ConsolidationOutcome {
  /** The period shown (the latest when several), and the notice when periods are mixed. */
  readonly periode: number | undefined;
  readonly periodNotice: string | undefined;
  readonly departements: readonly KeyFigureRow[];
  readonly region: KeyFigureRow | undefined;
  readonly kept: number;
  readonly excluded: number;
  readonly duplicates: number;
  /** Files that could not be read (their error is in the anomalies). */
  readonly unreadable: number;
  /** Inputs left out: our own consolidated workbooks, the same file given twice. */
  readonly ignored: readonly IgnoredInput[];
  readonly verdict: RunVerdict;
  /** Why the run is incomplete (a plan that cannot be read), in French. */
  readonly problems: readonly string[];
  readonly objectives: readonly ObjectiveLine[];
  /** Where the plan came from, in French ("plan par défaut", "fichier plan.xlsx"…). */
  readonly planLabel: string;
  /** Problems found in the plan (rows left out), also listed in the anomalies. */
  readonly planIssues: readonly ValidationIssue[];
  /** The consolidated workbook to write (Excel) or download (standalone). */
  readonly model: WorkbookModel;
  /** Every issue (validation and consolidation), for the anomalies sheet. */
  readonly anomalies: readonly ValidationIssue[];
  /** The campaign's optional inputs: what was taken, and each one that could not be (French, names the file). */
  readonly campaignNotices?: readonly CampaignNotice[];
  /** Completeness of the collection, one line per département then the region, when the run has one. */
  readonly completeness?: readonly CompletenessLine[];
  /** The reconciliation with the ASP extract, when one was given: its summary and the biggest flagged gaps. */
  readonly reconciliation?: { readonly summary: string; readonly flagged: readonly string[]; readonly more: number };
  /** Year over year, when the run compares two years: one line. */
  readonly evolution?: string;
  /** Identifies the run inside the engine, for the public version built on demand. */
  readonly runId?: number;
}

/** The campaign's optional inputs (issue 14), each a file the user picked in the Consolider tab. */
export type CampaignSlot = 'referentiel' | 'asp' | 'reference';
export type CampaignFiles = Readonly<Partial<Record<CampaignSlot, PickedFile>>>;

/** What happened to one optional input: taken (info) or left out (erreur), in French, naming the file. */
export interface CampaignNotice {
  readonly slot: CampaignSlot;
  readonly kind: 'info' | 'erreur';
  readonly text: string;
}

/** One line of completeness, ready to show: « 93 Seine-Saint-Denis : 40 attendues, 35 reçues… ». */
export interface CompletenessLine {
  /** Département code; '' for the region. */
  readonly code: string;
  readonly text: string;
}

/** A file to offer as a download. */
export interface DownloadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** What the file holds, in French, for the notice (e.g. the public version's masked cells). */
  readonly summary?: string;
}

/** The plan handed to the engine: a workbook or a file holding it, or none (the plan rule of src/core/run applies). */
export interface PlanInput {
  readonly book?: GridWorkbook;
  /** A plan file, read by the engine (a French message when it cannot be read). */
  readonly file?: PickedFile;
  readonly label: string;
  /** When `book` has no plan table at all, use the default plan (the open workbook may have none). */
  readonly fallbackToDefault?: boolean;
}

/** The sources as the consolidation takes them: checked, with what was left out and why. */
export interface GatheredSources {
  readonly report: ValidationReport;
  readonly ignored: readonly IgnoredInput[];
}

/** What the consolidation may read again: the only plan among the inputs is one of these. */
export interface ConsolidationInputs {
  readonly ignored: readonly IgnoredInput[];
  /** The picked files (the plan among them is read again by name). */
  readonly files?: readonly PickedFile[];
  /** The open workbook, when it was a source (its source name is « Classeur ouvert »). */
  readonly open?: GridWorkbook;
  /** The campaign's optional inputs (référentiel, ASP extract, last year's consolidation). */
  readonly campaign?: CampaignFiles;
  /**
   * The run's settings (region, hours per ETP, diffusion rules…); absent, the defaults. The run
   * keeps them: its public version (publicXlsx) is made with them, not with the defaults.
   */
  readonly settings?: Settings;
}

/**
 * The core and the xlsx host, loaded on demand: see engine.ts. Two transports give it: in a
 * Web Worker (worker-engine.ts, the page never blocks) or in the page (engine.ts, the fallback).
 * `signal` cancels a run: it then rejects with RunCancelled (cancel.ts).
 */
export interface Engine {
  /** Reads and checks the workbooks one by one, reporting progress per workbook. */
  check(sources: readonly BookSource[], progress: ProgressFn, signal?: AbortSignal): Promise<ValidationReport>;
  /** Reads and checks the sources for Consolider: our consolidated workbooks and repeated files left out, with a notice. */
  gather(sources: readonly BookSource[], progress: ProgressFn, signal?: AbortSignal): Promise<GatheredSources>;
  /**
   * The consolidation run (src/core/run) on a checked set. `plan.book` or `plan.file` is an explicit
   * plan; without one the only plan among the inputs is used (read again from `inputs`), else the default plan.
   */
  consolidate(report: ValidationReport, plan: PlanInput, inputs?: ConsolidationInputs, signal?: AbortSignal): Promise<ConsolidationOutcome>;
  /**
   * The public version (« version diffusable ») of a run (`outcome.runId`) as xlsx bytes, built by
   * publicWorkbookOfRun. Rejects with the French refusal when the audit does not prove it safe.
   */
  publicXlsx(runId: number | undefined): Promise<DownloadFile>;
  /** Reads a picked file. Rejects with a French message when it cannot. */
  readFile(file: PickedFile): Promise<GridWorkbook>;
  /** The consolidated workbook as xlsx bytes. */
  writeXlsx(model: WorkbookModel): Promise<Uint8Array>;
  /** The French label of an indicator code (the code itself when unknown). */
  indicatorLabel(code: string): string;
}

/** The Excel host (src/hosts/office) as the task pane uses it. Absent in standalone mode. */
export interface ExcelPort {
  /** Checks that this Excel offers the APIs the add-in needs; throws a French message otherwise. */
  checkRequirements(): void;
  /** The open workbook as a grid (its source is "Classeur ouvert"). */
  readOpenWorkbook(): Promise<GridWorkbook>;
  writeAnomaliesSheet(issues: readonly ValidationIssue[]): Promise<void>;
  highlightCells(issues: readonly ValidationIssue[]): Promise<void>;
  clearHighlights(): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  writeModel(model: WorkbookModel): Promise<void>;
  /**
   * Opens xlsx bytes as a NEW workbook (Excel.createWorkbook, ExcelApi 1.8), never touching the
   * open one. 'non-pris-en-charge': this Excel cannot (the pane then offers a download); absent
   * from a port: the same.
   */
  openInNewWorkbook?(bytes: Uint8Array): Promise<'ouvert' | 'non-pris-en-charge'>;
}
