/**
 * Year over year: the key figures of two years, side by side, with their changes. A plain data
 * structure (no sheet, no format), so the sheet, the JSON and the public version read the same
 * figures.
 */
import type { FigureValue, KeyCode } from '../consolidate/index.js';
import type { SeriesBreak } from '../../schema/index.js';

/** The key figures of one scope (the region or a département) for one year. */
export type ScopeFigures = Readonly<Partial<Record<KeyCode, FigureValue>>>;

/** Where a year's figures come from: this run's returns, or a previous consolidated workbook. */
export type YearOrigin = { readonly kind: 'retours' } | { readonly kind: 'reference'; readonly file: string };

/** The key figures of one year: the region and each département (by code). */
export interface YearFigures {
  readonly periode: number;
  readonly origin: YearOrigin;
  readonly region: ScopeFigures;
  readonly departements: ReadonlyMap<string, ScopeFigures>;
}

/** How a change is measured: in the figure's unit, or in percentage points for a rate. */
export type ChangeUnit = 'valeur' | 'points';

export interface EvolutionLine {
  /** Département code; null for the region. */
  readonly departement: string | null;
  readonly code: KeyCode;
  readonly previous: FigureValue;
  readonly current: FigureValue;
  /**
   * current − previous, in the figure's unit; for a rate, in percentage points (0.412 → 0.437
   * gives 2.5), never a percentage of a percentage. Null when either value is missing or « sans objet ».
   */
  readonly change: number | null;
  readonly unit: ChangeUnit;
  /** change ÷ previous, for figures that are not rates (a fraction: 0.05 is +5 %); null otherwise. */
  readonly relative: number | null;
  /** Series breaks the comparison crosses for this figure. */
  readonly breaks: readonly SeriesBreak[];
}

export interface Evolution {
  readonly previous: { readonly periode: number; readonly origin: YearOrigin };
  readonly current: { readonly periode: number; readonly origin: YearOrigin };
  /** The region's lines (every key code), then each département's, by code. */
  readonly lines: readonly EvolutionLine[];
  /** Every series break the comparison crosses (for any figure). */
  readonly breaks: readonly SeriesBreak[];
  /** Cells of the reference that could not be read (left blank), in French, naming file, sheet and cell. */
  readonly warnings: readonly string[];
}
