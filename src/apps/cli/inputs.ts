/**
 * The CLI's inputs for a consolidation: files and folders listed (collectXlsxFiles), each file
 * named as the user knows it — relative to the folder given, or its bare name when given
 * directly, never an absolute path — then read once each: the same file reached twice (same
 * real path or same bytes) and our own consolidated workbooks are left out with a notice.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { readAspExtract, type AspExtract } from '../../core/asp/index.js';
import { readReferentiel, type ReferenceInput, type Referentiel } from '../../core/campaign/index.js';
import type { GridWorkbook } from '../../core/grid.js';
import {
  classifyInput,
  consolidatedIgnoredMessage,
  consolidatedYear,
  referenceMessage,
  sameFileMessage,
  SameInputs,
  secondInputMessage,
  takenAsMessage,
  type IgnoredInput,
} from '../../core/run/index.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { ValidationRun } from '../../core/validate/run.js';
import { DEFAULT_READ_LIMITS, readXlsx, ReadMemo, XlsxReadError } from '../../hosts/xlsx/read/index.js';
import { fileTooLargeDetail } from '../../hosts/xlsx/read/limits.js';
import { unreadableMessage } from '../../hosts/xlsx/validate-bytes.js';
import { collectXlsxFiles } from '../../hosts/xlsx/validate-files.js';
import { DEFAULT_SETTINGS, type Settings } from '../../schema/index.js';
import { systemErrorSentence } from './fs-errors.js';
import { canonicalPath } from './out-path.js';

export interface InputFile {
  readonly path: string;
  /** The name written everywhere (messages, anomalies, « Sources », JSON). */
  readonly name: string;
}

export interface ListedInputs {
  readonly files: readonly InputFile[];
  /** Given paths that do not exist or cannot be listed: display name and French message. */
  readonly problems: readonly { readonly name: string; readonly message: string }[];
}

const slashes = (p: string) => p.split(sep).join('/');

/** Lists the files to read, each with its display name; paths in `exclude` (the plan, the output) are left out. */
export async function listInputs(paths: readonly string[], exclude: readonly string[] = []): Promise<ListedInputs> {
  const skip = new Set(await Promise.all(exclude.map(canonicalPath)));
  const files: InputFile[] = [];
  const problems: { name: string; message: string }[] = [];
  const used = new Set<string>();
  const unique = (name: string): string => {
    let n = name;
    for (let i = 2; used.has(n); i++) n = `${name} (${i})`;
    used.add(n);
    return n;
  };
  for (const given of paths) {
    const collected = await collectXlsxFiles([given]);
    let isDir = false;
    let statError: unknown;
    try {
      isDir = (await stat(given)).isDirectory();
    } catch (err) {
      statError = err;
    }
    for (const p of collected.problems) {
      const name = basename(p.path);
      // A path that cannot be opened: a French sentence, never a raw system code (ELOOP, EACCES…).
      const message = p.path === given && statError !== undefined ? systemErrorSentence(statError, name) : p.message.split(p.path).join(name);
      problems.push({ name, message });
    }
    for (const path of collected.files) {
      if (skip.has(await canonicalPath(path))) continue;
      const rel = isDir ? slashes(relative(given, path)) : basename(path);
      // Two folders may hold files of the same name: the second is prefixed with its folder.
      files.push({ path, name: unique(used.has(rel) && isDir ? `${basename(given)}/${rel}` : rel) });
    }
  }
  return { files, problems };
}

export interface ReadInputs {
  readonly report: ValidationReport;
  readonly ignored: readonly IgnoredInput[];
  /** Files checked (display names), in order. */
  readonly files: readonly string[];
  /** Reads a checked file again by its display name (for the only plan among the inputs). */
  readonly readInput: (name: string) => GridWorkbook;
  /** Campaign inputs found among the files (src/core/run/classify-input.ts), each said in `notices`. */
  readonly referentiel?: Referentiel;
  readonly asp?: AspExtract;
  /** A consolidated workbook of a year before the returns'. */
  readonly reference?: ReferenceInput;
  /** French, one line each: what was taken as what. */
  readonly notices: readonly string[];
}

async function readBytes(file: InputFile, maxBytes: number): Promise<Uint8Array> {
  const st = await stat(file.path);
  if (!st.isFile()) throw new XlsxReadError(file.name, 'inaccessible', "ce n'est pas un fichier ordinaire");
  if (st.size > maxBytes) throw new XlsxReadError(file.name, 'trop-volumineux', fileTooLargeDetail(st.size, maxBytes));
  const buf = await readFile(file.path);
  // The size on the bytes actually read: a file may grow between stat and read.
  if (buf.byteLength > maxBytes) throw new XlsxReadError(file.name, 'trop-volumineux', fileTooLargeDetail(buf.byteLength, maxBytes));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Reads and checks the listed files one by one: one grid in memory at a time. */
export async function readInputs(
  listed: ListedInputs,
  options: { readonly settings?: Settings; readonly onProgress?: (done: number, total: number, name: string) => void } = {},
): Promise<ReadInputs> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const run = new ValidationRun(settings);
  // The run's files mostly come from one template: their small parts are parsed once (ReadMemo).
  const memo = new ReadMemo();
  const ignored: IgnoredInput[] = [];
  const notices: string[] = [];
  const consolidated: { file: string; book: GridWorkbook; year: number | undefined }[] = [];
  let referentiel: Referentiel | undefined;
  let asp: AspExtract | undefined;
  const files: string[] = [];
  const byName = new Map<string, string>();
  const firstByPath = new Map<string, string>();
  const same = new SameInputs((bytes) => `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`);
  for (const p of listed.problems) run.addUnreadable(p.name, p.message);
  const maxBytes = DEFAULT_READ_LIMITS.maxFileBytes;
  for (const [i, file] of listed.files.entries()) {
    const real = await canonicalPath(file.path);
    const firstPath = firstByPath.get(real);
    if (firstPath !== undefined) ignored.push({ file: file.name, reason: 'double', message: sameFileMessage(file.name, firstPath) });
    else {
      firstByPath.set(real, file.name);
      let bytes: Uint8Array | undefined;
      try {
        bytes = await readBytes(file, maxBytes);
      } catch (err) {
        run.addUnreadable(file.name, err instanceof XlsxReadError ? err.message : `${file.name} : ce fichier ne peut pas être ouvert. ${systemErrorSentence(err, file.name)}`);
        files.push(file.name);
      }
      const twin = bytes ? same.firstWithBytes(file.name, bytes) : undefined;
      if (bytes && twin !== undefined) ignored.push({ file: file.name, reason: 'double', message: sameFileMessage(file.name, twin) });
      else if (bytes) {
        let book: GridWorkbook | undefined;
        try {
          book = readXlsx(bytes, file.name, undefined, { memo });
        } catch (err) {
          run.addUnreadable(file.name, unreadableMessage(file.name, err));
        }
        const kind = book ? classifyInput(book) : 'retour';
        if (book && kind === 'consolide') consolidated.push({ file: file.name, book, year: consolidatedYear(book) });
        else if (book && kind === 'referentiel') {
          if (referentiel) ignored.push({ file: file.name, reason: 'en-trop', message: secondInputMessage(file.name, kind, referentiel.file) });
          else {
            referentiel = readReferentiel(book, settings, file.name);
            notices.push(takenAsMessage(file.name, kind));
          }
        } else if (book && kind === 'asp') {
          if (asp) ignored.push({ file: file.name, reason: 'en-trop', message: secondInputMessage(file.name, kind, asp.file) });
          else {
            asp = readAspExtract(book);
            notices.push(takenAsMessage(file.name, kind));
          }
        } else {
          if (book) run.addWorkbook(book);
          files.push(file.name);
          byName.set(file.name, file.path);
        }
      }
    }
    options.onProgress?.(i + 1, listed.files.length, file.name);
  }
  const readInput = (name: string): GridWorkbook => {
    const path = byName.get(name);
    if (path === undefined) throw new Error(`${name} : fichier inconnu de cette consolidation.`);
    return readXlsx(new Uint8Array(readFileSync(path)), name);
  };
  const report = run.finish();
  // A consolidated workbook of an earlier year than the returns is the reference (the latest
  // such year); any other stays ignored, as before the campaign.
  const returnsYear = latestYear(report);
  let reference: (typeof consolidated)[number] | undefined;
  for (const c of consolidated) if (returnsYear !== undefined && c.year !== undefined && c.year < returnsYear && (!reference || c.year > reference.year!)) reference = c;
  for (const c of consolidated) {
    if (c === reference) notices.push(referenceMessage(c.file, c.year!, returnsYear!));
    else ignored.push({ file: c.file, reason: 'consolide', message: consolidatedIgnoredMessage(c.file) });
  }
  return {
    report,
    ignored,
    files,
    readInput,
    notices,
    ...(referentiel ? { referentiel } : {}),
    ...(asp ? { asp } : {}),
    ...(reference ? { reference: { file: reference.file, book: reference.book } } : {}),
  };
}

/** The latest year among the returns read. */
function latestYear(report: ValidationReport): number | undefined {
  let latest: number | undefined;
  for (const f of report.files) for (const r of f.records) if (typeof r.values.annee === 'number' && (latest === undefined || r.values.annee > latest)) latest = r.values.annee;
  return latest;
}
