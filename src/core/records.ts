import type { IndicatorCode, PartialReturn, Severity } from '../schema/index.js';

/**
 * What validation hands to consolidation: one SIAE's return as read from a workbook, its
 * parsed values, where each value came from, and how many problems it had.
 */
export interface ReturnSource {
  /** File name, or the open workbook's name. */
  readonly file: string;
  readonly sheet: string;
  /** Row of a network table; absent for an SIAE form (one return per sheet). */
  readonly row?: number;
  /**
   * A1 address of the cell each indicator was read from (an SIAE form, or a return built by
   * hand). Read it through sourceCell / sourceCells, which also serve table rows.
   */
  readonly cells?: Partial<Record<IndicatorCode, string>>;
  /**
   * A table row's cells without one address string per cell (100,000 rows × 44 columns would
   * be 4.4 million strings kept alive): the column letters of each indicator, one object
   * shared by every row laid out alike; the address is the letters and `row`. Plain data, so a
   * record survives a structured clone (the pane's worker) and JSON unchanged.
   */
  readonly columns?: Partial<Record<IndicatorCode, string>>;
}

/** The A1 address of the cell an indicator of this return was read from, if recorded. */
export function sourceCell(source: ReturnSource, code: string): string | undefined {
  const cell = source.cells?.[code as IndicatorCode];
  if (cell !== undefined || source.columns === undefined) return cell;
  const letters = source.columns[code as IndicatorCode];
  return letters === undefined || source.row === undefined ? undefined : letters + source.row;
}

/** Every indicator's A1 address, in the order they were read (check order). */
export function sourceCells(source: ReturnSource): Partial<Record<IndicatorCode, string>> {
  if (source.columns === undefined || source.row === undefined) return source.cells ?? {};
  const out: Partial<Record<IndicatorCode, string>> = {};
  for (const [code, letters] of Object.entries(source.columns)) out[code as IndicatorCode] = letters + source.row;
  return out;
}

/**
 * A source as data for people and programs: table rows with their `cells` spelled out, as
 * they were before `columns` (the CLI's JSON report keeps its shape). A JSON.stringify replacer.
 */
export function withCellAddresses(key: string, value: unknown): unknown {
  if (key !== 'source' || typeof value !== 'object' || value === null || !('columns' in value)) return value;
  const s = value as ReturnSource;
  return s.row === undefined ? { file: s.file, sheet: s.sheet, cells: sourceCells(s) } : { file: s.file, sheet: s.sheet, row: s.row, cells: sourceCells(s) };
}

export interface ReturnRecord {
  /** Values that parsed and passed their own field checks; missing or invalid ones are absent. */
  readonly values: PartialReturn;
  readonly source: ReturnSource;
  readonly errors: number;
  readonly warnings: number;
}

/** Issue codes of the validation report (in the spirit of Frictionless' error taxonomy). */
export const ISSUE_CODES = [
  'unreadable-file', // not an xlsx, corrupt, password-protected, empty, too large
  'unknown-template', // no template metadata and no recognisable headers
  'outdated-template', // a template of an older schema version
  'missing-label', // a required column / named cell is absent
  'extra-label', // a column we do not know
  'missing-cell', // a required value is blank (or given as unknown: « NC »…)
  'unknown-value', // an optional value given as unknown (« NC », « - »…): counted as missing
  'type-error', // a value of the wrong type (text where a number is due…)
  'constraint-error', // a value of the right type outside its constraints
  'rule-violation', // a cross-field rule of the schema
  'duplicate-row', // the same SIRET and year twice
  'blank-row', // an empty row inside a table
  'mixed-periods', // returns of several years in one run
  'too-many-issues', // the per-file cap was reached; the rest are counted
  'ignored-file', // an input not read as a return: our own consolidated workbook, the same file given twice
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ValidationIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly file: string;
  readonly sheet?: string;
  /** A1 address of the cell the issue points at. */
  readonly cell?: string;
  readonly row?: number;
  readonly indicator?: string;
  /** The value found, as text. */
  readonly value?: string;
  /** French: what is wrong and what to correct. */
  readonly message: string;
  /** For rule violations: the rule's code. */
  readonly rule?: string;
}
