import { evaluateRules, type IndicatorCode, type PartialReturn, type Settings } from '../../schema/index.js';
import type { CellValue } from '../grid.js';
import { MISSING, ParsedWithNote, TypeProblem, showCellValue } from '../parse/problem.js';
import type { ReturnRecord, ValidationIssue } from '../records.js';
import { missingMessage, type FieldCheck } from './field-checks.js';

// Module-local aliases: on the per-cell path, a plain constant beats a live import binding.
const BLANK = MISSING;
const Problem = TypeProblem;
const Note = ParsedWithNote;
import type { IssueSink } from './issue-sink.js';

/**
 * The cells of one return as parallel arrays (no object per cell): checks[i] applies to the
 * cell at addresses[i] holding raws[i].
 */
export interface ReturnCells {
  readonly checks: readonly FieldCheck[];
  readonly addresses: readonly string[];
  readonly raws: readonly CellValue[];
}

const TEMPLATES = new WeakMap<readonly FieldCheck[], Partial<Record<IndicatorCode, string>>>();

function addressTemplate(checks: readonly FieldCheck[]): Partial<Record<IndicatorCode, string>> {
  let t = TEMPLATES.get(checks);
  if (!t) {
    const dict: Record<string, string> = {};
    for (const c of checks) dict[c.code] = '';
    t = { ...dict };
    TEMPLATES.set(checks, t);
  }
  return t;
}

/**
 * Checks one return cell by cell (tolerant parsing, then the indicator's zod schema), then the
 * schema's cross-field rules on the values that passed, and builds the ReturnRecord.
 */
export function checkReturn(
  cells: ReturnCells,
  at: { file: string; sheet: string; row?: number },
  settings: Settings,
  sink: IssueSink,
): ReturnRecord {
  const values: Record<string, unknown> = {};
  // Every checked indicator has an address: clone a fast template of those keys, then fill it.
  const addresses = { ...addressTemplate(cells.checks) };
  let errors = 0;
  let warnings = 0;
  const report = (i: ValidationIssue) => {
    if (i.severity === 'erreur') errors++;
    else warnings++;
    sink.add(i);
  };
  const { checks, raws } = cells;
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    const a1 = cells.addresses[i]!;
    const raw = raws[i]!;
    addresses[check.code] = a1;
    let v = check.parse(raw);
    if (check.accepts(v)) {
      values[check.code] = v;
      continue;
    }
    if (v === BLANK) {
      if (check.required)
        report({ code: 'missing-cell', severity: 'erreur', file: at.file, sheet: at.sheet, cell: a1, row: at.row, indicator: check.code, message: missingMessage(check) });
      continue;
    }
    if (v instanceof Problem) {
      report({ code: 'type-error', severity: 'erreur', file: at.file, sheet: at.sheet, cell: a1, row: at.row, indicator: check.code, value: showCellValue(raw), message: v.message });
      continue;
    }
    if (v instanceof Note) {
      report({ code: 'type-error', severity: 'avertissement', file: at.file, sheet: at.sheet, cell: a1, row: at.row, indicator: check.code, value: showCellValue(raw), message: v.message });
      v = v.value;
    }
    if (check.accepts(v)) {
      values[check.code] = v;
      continue;
    }
    const r = check.schema.safeParse(v);
    if (!r.success) {
      report({
        code: 'constraint-error',
        severity: 'erreur',
        file: at.file,
        sheet: at.sheet,
        cell: a1,
        row: at.row,
        indicator: check.code,
        value: showCellValue(raw),
        message: r.error.issues[0]?.message ?? `« ${check.label} » : valeur non admise.`,
      });
      continue;
    }
    values[check.code] = r.data;
  }
  // Filled by computed keys, V8 keeps these objects in slow dictionary mode (about 2 kB each);
  // a spread copy is a compact object sharing one hidden class across rows: 100,000 returns fit.
  const ret = { ...values } as PartialReturn;
  const cellsOf = addresses;
  for (const violation of evaluateRules(ret, settings)) {
    const field = addresses[violation.field] ? violation.field : violation.fields.find((f) => addresses[f]);
    report({
      code: 'rule-violation',
      severity: violation.severity,
      file: at.file,
      sheet: at.sheet,
      cell: field ? addresses[field] : undefined,
      row: at.row,
      indicator: field ?? violation.field,
      value: field !== undefined && ret[field] !== undefined ? String(ret[field]) : undefined,
      message: violation.message,
      rule: violation.rule,
    });
  }
  const source = at.row === undefined ? { file: at.file, sheet: at.sheet, cells: cellsOf } : { file: at.file, sheet: at.sheet, row: at.row, cells: cellsOf };
  return { values: ret, source, errors, warnings };
}
