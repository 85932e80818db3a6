import { DEFAULT_SETTINGS, formatNumberFr, type IndicatorCode, type Settings } from '../../schema/index.js';
import type { GridWorkbook } from '../grid.js';
import { sheetByName } from '../grid.js';
import { sourceCell, type ReturnRecord, type ReturnSource, type ValidationIssue } from '../records.js';
import { HeaderMemo } from '../recognize/headers.js';
import { recognizeWorkbook } from '../recognize/recognize.js';
import { fieldChecksFor, type FieldCheck } from './field-checks.js';
import type { FileContext } from './file-context.js';
import { validateForm } from './form.js';
import { sortIssues } from './issue-order.js';
import { IssueSink } from './issue-sink.js';
import { validatePlan } from './plan.js';
import { DEFAULT_MAX_ISSUES_PER_FILE, type FileReport, type SenderInfo, type ValidateOptions, type ValidationReport } from './report.js';
import { validateSender } from './sender.js';
import { SharedColumns } from './shared-columns.js';
import { validateTable } from './table.js';
import { keepHiddenClass } from '../hidden-class.js';

interface Place {
  file: string;
  sheet: string;
  cell?: string;
  row?: number;
}

const describePlace = (p: Place): string =>
  `fichier « ${p.file} », feuille « ${p.sheet} »${p.row !== undefined ? `, ligne ${p.row}` : ''}${p.cell ? ` (cellule ${p.cell})` : ''}`;

interface PendingFile {
  report: Omit<FileReport, 'issues' | 'counts'> & { rows: number };
  sink: IssueSink;
  /** Rank of each sheet in its workbook: issues are listed in the workbook's sheet order. */
  sheetOrder?: ReadonlyMap<string, number>;
}

/** Whether a run is kept for its hidden class (see the constructor). */
let runKept = false;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * One validation run over several workbooks: files are added one by one (so a host can read
 * them one at a time), duplicates and periods are tracked across them, and finish() gives the
 * report. The field schemas are built once per run (at most: see fieldChecksFor); the header
 * look-ups are the run's own, shared by its files and dropped with it.
 */
export class ValidationRun {
  private readonly settings: Settings;
  private readonly cap: number;
  private readonly checks: ReadonlyMap<IndicatorCode, FieldCheck>;
  private readonly files: PendingFile[] = [];
  /** First return of each year and SIRET: its source is where a duplicate's message points. */
  private readonly seen = new Map<number, Map<string, ReturnSource>>();
  private readonly sharedColumns = new SharedColumns();
  private readonly headerMemo = new HeaderMemo();
  private readonly periods = new Map<number, { count: number; first: Map<PendingFile, Place> }>();
  private readonly started = now();

  constructor(settings: Settings = DEFAULT_SETTINGS, options: ValidateOptions = {}) {
    this.settings = settings;
    this.cap = Math.max(0, options.maxIssuesPerFile ?? DEFAULT_MAX_ISSUES_PER_FILE);
    this.checks = fieldChecksFor(settings);
    if (!runKept) {
      // A run built from constants (default settings, no file), kept: see keepHiddenClass (real
      // runs, their column letters and header look-ups, are dropped when they finish). Built by
      // the first run rather than at import: the default checks take ~20 ms to build.
      runKept = true;
      keepHiddenClass(new ValidationRun());
    }
  }

  /** Checks one workbook (already read into a grid). */
  addWorkbook(book: GridWorkbook): void {
    const file = book.source;
    const sink = new IssueSink(file, this.cap);
    const { recognition, issues } = recognizeWorkbook(book, { memo: this.headerMemo });
    for (const i of issues) sink.add(i);
    const records: ReturnRecord[] = [];
    const sheets: string[] = [];
    let rows = 0;
    let sender: SenderInfo | undefined;
    const pending: PendingFile = {
      report: { file, template: { kind: recognition.kind, version: recognition.version, via: recognition.via }, sheets, records, unreadable: false, rows: 0 },
      sink,
      sheetOrder: new Map(book.sheets.map((s, i) => [s.name, i])),
    };
    const ctx: FileContext = { file, book, settings: this.settings, checks: this.checks, sink, onRecord: (r) => this.track(pending, r), sharedColumns: this.sharedColumns };
    for (const loc of recognition.locations) {
      sheets.push(loc.sheet);
      if (loc.kind === 'siae') {
        records.push(validateForm(ctx, loc));
        rows++;
      } else if (loc.kind === 'reseau') {
        const sheet = sheetByName(book, loc.sheet)!;
        sender = validateSender(ctx, loc.sender);
        const r = validateTable(ctx, sheet, loc);
        for (const rec of r.records) records.push(rec);
        rows += r.rows;
      } else {
        rows += validatePlan(ctx, sheetByName(book, loc.sheet)!, loc);
      }
    }
    pending.report = { ...pending.report, rows, ...(sender ? { sender } : {}) };
    this.files.push(pending);
  }

  /** A file that could not be read: its own unreadable-file error, and the run goes on. */
  addUnreadable(file: string, message: string): void {
    const sink = new IssueSink(file, this.cap);
    sink.add({ code: 'unreadable-file', severity: 'erreur', file, message });
    this.files.push({ report: { file, template: { kind: null, via: 'none' }, sheets: [], records: [], unreadable: true, rows: 0 }, sink });
  }

  private track(file: PendingFile, record: ReturnRecord): void {
    const { siret, annee } = record.values;
    const src = record.source;
    if (typeof annee === 'number') {
      let p = this.periods.get(annee);
      if (!p) this.periods.set(annee, (p = { count: 0, first: new Map() }));
      p.count++;
      if (!p.first.has(file)) p.first.set(file, { file: src.file, sheet: src.sheet, row: src.row, cell: sourceCell(src, 'annee') });
    }
    if (typeof siret !== 'string' || typeof annee !== 'number') return;
    let ofYear = this.seen.get(annee);
    if (!ofYear) this.seen.set(annee, (ofYear = new Map()));
    const firstSource = ofYear.get(siret);
    if (!firstSource) {
      ofYear.set(siret, src);
      return;
    }
    const first: Place = { file: firstSource.file, sheet: firstSource.sheet, row: firstSource.row, cell: sourceCell(firstSource, 'siret') };
    const here: Place = { file: src.file, sheet: src.sheet, row: src.row, cell: sourceCell(src, 'siret') };
    file.sink.add({
      code: 'duplicate-row',
      // A warning, as in the consolidation: the return is counted once there, never excluded.
      severity: 'avertissement',
      file: src.file,
      sheet: src.sheet,
      cell: here.cell,
      row: src.row,
      indicator: 'siret',
      value: siret,
      message: `Retour en double : le SIRET ${siret} pour l'année ${annee} figure déjà dans le ${describePlace(first)}. Supprimez l'un des deux ou corrigez le SIRET ou l'année.`,
    });
  }

  private mixedPeriods(): void {
    if (this.periods.size < 2) return;
    const years = [...this.periods.entries()].sort((a, b) => b[1].count - a[1].count || b[0] - a[0]);
    const main = years[0]![0];
    const summary = [...this.periods.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([y, p]) => `${y} (${formatNumberFr(p.count)} retour${p.count > 1 ? 's' : ''})`)
      .join(', ');
    for (const [year, p] of years.slice(1)) {
      for (const [file, place] of p.first) {
        file.sink.add({
          code: 'mixed-periods',
          severity: 'avertissement',
          file: place.file,
          sheet: place.sheet,
          cell: place.cell,
          row: place.row,
          indicator: 'annee',
          value: String(year),
          message: `Périodes mélangées : ce fichier contient des retours de l'année ${year}, alors que la plupart des retours vérifiés portent sur ${main} (années trouvées : ${summary}). Les chiffres de périodes différentes ne sont jamais additionnés : vérifiez l'année.`,
        });
      }
    }
  }

  finish(): ValidationReport {
    this.mixedPeriods();
    let rows = 0;
    let records = 0;
    let errors = 0;
    let warnings = 0;
    let unreadableFiles = 0;
    const files: FileReport[] = this.files.map(({ report, sink, sheetOrder }) => {
      const { rows: r, ...rest } = report;
      rows += r;
      records += rest.records.length;
      errors += sink.errors;
      warnings += sink.warnings;
      if (rest.unreadable) unreadableFiles++;
      // In reading order (sheet, row, column), the too-many-issues notice, if any, last.
      const listed = sortIssues(sink.issues, sheetOrder);
      const finished = sink.finish();
      if (finished.length > listed.length) listed.push(finished[finished.length - 1]!);
      const issues: ValidationIssue[] = listed;
      return { ...rest, issues, counts: { rows: r, records: rest.records.length, errors: sink.errors, warnings: sink.warnings, omitted: sink.omitted } };
    });
    return {
      files,
      stats: { files: files.length, unreadableFiles, rows, records, errors, warnings, timeMs: Math.round(now() - this.started) },
      periods: [...this.periods.keys()].sort((a, b) => a - b),
    };
  }
}

/** Validates workbooks already read into grids. */
export function validateWorkbooks(books: readonly GridWorkbook[], settings: Settings = DEFAULT_SETTINGS, options: ValidateOptions = {}): ValidationReport {
  const run = new ValidationRun(settings, options);
  for (const b of books) run.addWorkbook(b);
  return run.finish();
}
