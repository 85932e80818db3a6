import type { IndicatorCode, Settings } from '../../schema/index.js';
import type { GridWorkbook } from '../grid.js';
import type { ReturnRecord } from '../records.js';
import type { FieldCheck } from './field-checks.js';
import type { IssueSink } from './issue-sink.js';
import type { SharedColumns } from './shared-columns.js';

/** What the checks of one file share. */
export interface FileContext {
  readonly file: string;
  readonly book: GridWorkbook;
  readonly settings: Settings;
  readonly checks: ReadonlyMap<IndicatorCode, FieldCheck>;
  readonly sink: IssueSink;
  /** Called for each return read (duplicates and periods across the run). */
  readonly onRecord: (record: ReturnRecord) => void;
  /** Table rows' column letters (source.columns), shared by the files of the run. */
  readonly sharedColumns: SharedColumns;
}
