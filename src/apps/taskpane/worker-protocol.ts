/**
 * Messages between the page (worker-engine.ts) and the engine's Web Worker (worker.ts). Only
 * plain, structured-cloneable data: file bytes travel as transferred buffers (lent, then given
 * back in `files` of the answer), workbooks read by Excel as plain grids. Types only.
 */
import type { GridWorkbook } from '../../core/grid.js';
import type { ValidationReport } from '../../core/validate/report.js';
import type { WorkbookModel } from '../../core/workbook-model.js';
import type { CampaignFiles, ConsolidationOutcome, DownloadFile, GatheredSources, PickedFile } from './ports.js';
import type { IgnoredInput } from '../../core/run/index.js';
import type { Settings } from '../../schema/index.js';

/** A source as the worker gets it: a picked file's bytes, or a workbook already read (Excel's open workbook). */
export type WireSource = { readonly kind: 'file'; readonly file: PickedFile } | { readonly kind: 'book'; readonly name: string; readonly book: GridWorkbook };

export type WorkerRequest =
  | { readonly id: number; readonly op: 'ping' }
  | { readonly id: number; readonly op: 'check' | 'gather'; readonly sources: readonly WireSource[] }
  | {
      readonly id: number;
      readonly op: 'consolidate';
      readonly report: ValidationReport;
      readonly plan: { readonly book?: GridWorkbook; readonly file?: PickedFile; readonly label: string; readonly fallbackToDefault?: boolean };
      readonly ignored: readonly IgnoredInput[];
      readonly files?: readonly PickedFile[];
      readonly open?: GridWorkbook;
      /** The campaign's optional inputs, lent after the plan and the files (CAMPAIGN_ORDER). */
      readonly campaign?: CampaignFiles;
      /** The run's settings (plain data); absent, the defaults. */
      readonly settings?: Settings;
    }
  /** The public version of the worker's last run (the run stays on the worker's side). */
  | { readonly id: number; readonly op: 'public'; readonly runId: number | undefined }
  | { readonly id: number; readonly op: 'read'; readonly file: PickedFile }
  | { readonly id: number; readonly op: 'write'; readonly model: WorkbookModel };

export type WorkerResult = ValidationReport | GatheredSources | ConsolidationOutcome | GridWorkbook | Uint8Array | DownloadFile | null;

/** The order in which a consolidation lends its campaign files (both sides follow it). */
export const CAMPAIGN_ORDER = ['referentiel', 'asp', 'reference'] as const;

export type WorkerMessage =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number; readonly label: string }
  | {
      readonly id: number;
      readonly type: 'done';
      readonly result: WorkerResult;
      /** The lent bytes, given back in the order they were sent. */
      readonly files: readonly Uint8Array[];
      /** French labels of the indicator codes the result mentions. */
      readonly labels: Readonly<Record<string, string>>;
      /** The computation's own time of a read-and-check, in ms. */
      readonly busyMs?: number;
    }
  | { readonly id: number; readonly type: 'error'; readonly message: string; readonly files: readonly Uint8Array[] };

/** Progress messages at most this often (the page renders each one). */
export const PROGRESS_INTERVAL_MS = 50;
