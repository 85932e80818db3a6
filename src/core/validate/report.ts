import type { ReturnRecord, ValidationIssue } from '../records.js';
import type { TemplateKind } from '../template-layout.js';

/** The validation report: per file what was recognised, the returns read and the issues; overall stats. */

export interface SenderInfo {
  readonly type?: string;
  readonly nom?: string;
  readonly departement?: string;
  readonly annee?: number;
  readonly contact?: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date?: string;
}

export interface FileCounts {
  /** Data rows examined (a form counts as one). */
  readonly rows: number;
  readonly records: number;
  /** Every error and warning found, including those past the per-file cap. */
  readonly errors: number;
  readonly warnings: number;
  /** Issues past the cap, counted but not listed. */
  readonly omitted: number;
}

export interface FileReport {
  readonly file: string;
  readonly template: {
    readonly kind: TemplateKind | null;
    readonly version?: string;
    readonly via: 'metadata' | 'structure' | 'none';
  };
  /** Sheets the data was read from. */
  readonly sheets: readonly string[];
  readonly records: readonly ReturnRecord[];
  /** At most maxIssuesPerFile issues, then one too-many-issues issue. */
  readonly issues: readonly ValidationIssue[];
  readonly counts: FileCounts;
  /** The sender block of a network table, when present. */
  readonly sender?: SenderInfo;
  /** The file could not be read at all. */
  readonly unreadable: boolean;
}

export interface ReportStats {
  readonly files: number;
  readonly unreadableFiles: number;
  readonly rows: number;
  readonly records: number;
  readonly errors: number;
  readonly warnings: number;
  readonly timeMs: number;
}

export interface ValidationReport {
  readonly files: readonly FileReport[];
  readonly stats: ReportStats;
  /** Years (annee) of the returns read, ascending. */
  readonly periods: readonly number[];
}

export interface ValidateOptions {
  /** Issues listed per file before one too-many-issues issue; the rest are only counted. Default 200. */
  readonly maxIssuesPerFile?: number;
}

export const DEFAULT_MAX_ISSUES_PER_FILE = 200;
