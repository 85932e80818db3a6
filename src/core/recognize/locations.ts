import type { IndicatorCode } from '../../schema/index.js';
import type { PlanColumnKey, TemplateKind } from '../template-layout.js';

/** Where recognition found data. Rows and columns are 1-based. */

export interface CellPos {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** An SIAE form: one return, one cell per indicator. */
export interface FormLocation {
  readonly kind: 'siae';
  readonly sheet: string;
  readonly cells: ReadonlyMap<IndicatorCode, CellPos>;
  /** 'names': the IAE_<code> defined names; 'labels': a column of indicator labels. */
  readonly via: 'names' | 'labels';
}

export interface TableColumn {
  readonly col: number;
  readonly header: string;
  readonly code: IndicatorCode;
}

/** A network table: one return per row. */
export interface TableLocation {
  readonly kind: 'reseau';
  readonly sheet: string;
  readonly headerRow: number;
  /** Last row to examine (trailing blank rows are skipped by validation). */
  readonly lastRow: number;
  readonly columns: readonly TableColumn[];
  /** The sender block's named cells (network template), by defined name. */
  readonly sender: ReadonlyMap<string, CellPos>;
  readonly via: 'table' | 'headers';
}

export interface PlanColumn {
  readonly col: number;
  readonly header: string;
  readonly key: PlanColumnKey;
}

export interface PlanLocation {
  readonly kind: 'plan';
  readonly sheet: string;
  readonly headerRow: number;
  readonly lastRow: number;
  readonly columns: readonly PlanColumn[];
  readonly via: 'table' | 'headers';
}

export type DataLocation = FormLocation | TableLocation | PlanLocation;

export interface Recognition {
  /** null when nothing was recognised (an unknown-template issue is then among the issues). */
  readonly kind: TemplateKind | null;
  /** Schema version stored in the template's metadata, when present. */
  readonly version?: string;
  /** 'metadata' when the template's hidden metadata named the kind; 'structure' when found from names, tables or headers. */
  readonly via: 'metadata' | 'structure' | 'none';
  readonly locations: readonly DataLocation[];
}
