/** Pure helpers of the Vérifier tab: the summary of a report and the filtering of its issues. */
import type { ValidationIssue } from '../../core/records.js';
import type { ValidationReport } from '../../core/validate/report.js';

export interface SheetCount {
  readonly file: string;
  readonly sheet: string;
  readonly errors: number;
  readonly warnings: number;
}

export interface ReportSummary {
  readonly files: number;
  readonly records: number;
  /** Every error and warning found, including those past the per-file cap. */
  readonly errors: number;
  readonly warnings: number;
  /** Issues counted but not listed (past the per-file cap). */
  readonly omitted: number;
  readonly bySheet: readonly SheetCount[];
}

export function allIssues(report: ValidationReport): ValidationIssue[] {
  return report.files.flatMap((f) => f.issues);
}

export function summarize(report: ValidationReport): ReportSummary {
  const bySheet = new Map<string, { file: string; sheet: string; errors: number; warnings: number }>();
  for (const issue of allIssues(report)) {
    if (issue.code === 'too-many-issues') continue;
    const sheet = issue.sheet ?? '(classeur)';
    const key = `${issue.file}\u0000${sheet}`;
    let c = bySheet.get(key);
    if (!c) bySheet.set(key, (c = { file: issue.file, sheet, errors: 0, warnings: 0 }));
    if (issue.severity === 'erreur') c.errors++;
    else c.warnings++;
  }
  return {
    files: report.stats.files,
    records: report.stats.records,
    errors: report.stats.errors,
    warnings: report.stats.warnings,
    omitted: report.files.reduce((n, f) => n + f.counts.omitted, 0),
    bySheet: [...bySheet.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file) || a.sheet.localeCompare(b.sheet)),
  };
}

export interface IssueFilter {
  /** '' = every severity. */
  readonly severity: '' | 'erreur' | 'avertissement';
  /** '' = every sheet; else `${file}\u0000${sheet}`. */
  readonly sheet: string;
  /** '' = every indicator. */
  readonly indicator: string;
}

export const NO_FILTER: IssueFilter = { severity: '', sheet: '', indicator: '' };

export const sheetKey = (file: string, sheet: string | undefined): string => `${file}\u0000${sheet ?? ''}`;

export function filterIssues(issues: readonly ValidationIssue[], filter: IssueFilter): ValidationIssue[] {
  return issues.filter(
    (i) =>
      (filter.severity === '' || i.severity === filter.severity) &&
      (filter.sheet === '' || sheetKey(i.file, i.sheet) === filter.sheet) &&
      (filter.indicator === '' || i.indicator === filter.indicator),
  );
}

/** Choices offered by the filters: the sheets and indicators that have issues. */
export function filterChoices(issues: readonly ValidationIssue[]): { sheets: { key: string; file: string; sheet: string }[]; indicators: string[] } {
  const sheets = new Map<string, { key: string; file: string; sheet: string }>();
  const indicators = new Set<string>();
  for (const i of issues) {
    if (i.sheet !== undefined) sheets.set(sheetKey(i.file, i.sheet), { key: sheetKey(i.file, i.sheet), file: i.file, sheet: i.sheet });
    if (i.indicator) indicators.add(i.indicator);
  }
  return {
    sheets: [...sheets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.sheet.localeCompare(b.sheet)),
    indicators: [...indicators].sort(),
  };
}

/** "fichier.xlsx › Retours › C7": where an issue is, as shown in standalone mode. */
export function describeLocation(issue: ValidationIssue): string {
  const parts = [issue.file];
  if (issue.sheet) parts.push(issue.sheet);
  if (issue.cell) parts.push(issue.cell);
  else if (issue.row !== undefined) parts.push(`ligne ${issue.row}`);
  return parts.join(' › ');
}

/** Whether an issue points at a cell that Excel can select. */
export const isSelectable = (issue: ValidationIssue): issue is ValidationIssue & { sheet: string; cell: string } =>
  typeof issue.sheet === 'string' && typeof issue.cell === 'string';

export function plural(n: number, one: string, many: string): string {
  return `${new Intl.NumberFormat('fr-FR').format(n)} ${n > 1 ? many : one}`;
}
