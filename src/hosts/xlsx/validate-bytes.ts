/**
 * Validation of xlsx files given as bytes: usable in the browser (file picker, drag and drop)
 * as well as in Node. Files are read and checked one at a time so that only one grid is in
 * memory at once; an unreadable file gets its own error and the others are still checked.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../schema/index.js';
import { ValidationRun } from '../../core/validate/run.js';
import type { ValidateOptions, ValidationReport } from '../../core/validate/report.js';
import { readXlsx, ReadMemo, XlsxReadError, type ReadLimits } from './read/index.js';

export interface NamedBytes {
  /** File name shown in the report. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface FileValidationOptions extends ValidateOptions {
  readonly settings?: Settings;
  /** The reader's safety limits (file size, uncompressed size, cells). */
  readonly limits?: Partial<ReadLimits>;
  /** Called after each file, e.g. for a progress line. */
  readonly onProgress?: (done: number, total: number, name: string) => void;
}

/** The French message of a file that could not be read. */
export function unreadableMessage(name: string, err: unknown): string {
  if (err instanceof XlsxReadError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `${name} : ce fichier n'a pas pu être lu (${detail}). Ouvrez-le dans Excel, enregistrez-le au format « Classeur Excel (*.xlsx) » et recommencez.`;
}

/**
 * Adds one file's bytes to a run: read, then check; a read failure becomes an unreadable-file
 * error. `memo`: the caller's, one for all the files of its run (see ReadMemo).
 */
export function addXlsxBytes(run: ValidationRun, file: NamedBytes, limits?: Partial<ReadLimits>, memo?: ReadMemo): void {
  let book;
  try {
    book = readXlsx(file.bytes, file.name, limits, { memo });
  } catch (err) {
    run.addUnreadable(file.name, unreadableMessage(file.name, err));
    return;
  }
  run.addWorkbook(book);
}

export function validateXlsxBytes(files: readonly NamedBytes[], options: FileValidationOptions = {}): ValidationReport {
  const run = new ValidationRun(options.settings ?? DEFAULT_SETTINGS, options);
  // The files of a run mostly come from one template: their small parts are parsed once.
  const memo = new ReadMemo();
  files.forEach((f, i) => {
    addXlsxBytes(run, f, options.limits, memo);
    options.onProgress?.(i + 1, files.length, f.name);
  });
  return run.finish();
}
