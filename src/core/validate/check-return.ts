import { compileRules, DEFAULT_SETTINGS, type IndicatorCode, type PartialReturn, type RulesEvaluator, type Settings } from '../../schema/index.js';
import type { CellValue } from '../grid.js';
import { MISSING, ParsedWithNote, TypeProblem, showCellValue } from '../parse/problem.js';
import { GivenAsUnknown } from '../parse/unknown.js';
import { sourceCell, type ReturnRecord, type ReturnSource } from '../records.js';
import { missingMessage, unknownOptionalMessage, unknownRequiredMessage, type FieldCheck } from './field-checks.js';
import { IssueSink } from './issue-sink.js';
import { keepHiddenClass } from '../hidden-class.js';
import { sameList } from './shared-columns.js';
import { STORE_GIVEN_MAX, storeGiven } from './store-given.js';

// Module-local aliases: on the per-cell path, a plain constant beats a live import binding.
const BLANK = MISSING;
const Problem = TypeProblem;
const Note = ParsedWithNote;
const Unknown = GivenAsUnknown;
const show = showCellValue;

/**
 * The cells of one return as parallel arrays (no object per cell): checks[i] applies to the
 * cell at addresses[i] holding raws[i].
 */
export interface ReturnCells {
  readonly checks: readonly FieldCheck[];
  readonly addresses: readonly string[];
  readonly raws: readonly CellValue[];
}

/** A record's source.cells or source.columns: per checked indicator, in check order. */
export type CellsOf = Partial<Record<IndicatorCode, string>>;

/**
 * An object with the given keys in order, in V8's compact (fast) mode: filled by computed keys
 * an object turns into a slow dictionary past a dozen properties, while a spread copy of it is
 * compact and shares one hidden class with every other copy of the same keys.
 */
function compactObject(keys: readonly string[], values?: readonly unknown[]): Record<string, unknown> {
  const dict: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) dict[keys[i]!] = values?.[i];
  return { ...dict };
}

/** Past this many sets of valid indicators, records' values are built key by key. */
const MAX_SHAPES = 64;
/** Layouts of up to this many indicators get a template per set of valid ones (exact sums of powers of two), filled by storeGiven. */
const MAX_SHAPED = STORE_GIVEN_MAX;
const BIT = Array.from({ length: MAX_SHAPED }, (_, i) => 2 ** i);

/**
 * What depends only on which indicators are checked, in which order: the rules with their
 * operands resolved, the key templates of the record's objects. Shared by the tables laid out
 * alike (the files of a run, and the runs of a session): the templates are never handed out.
 */
class ReturnLayout {
  readonly rules: RulesEvaluator;
  readonly cellsTemplate: Record<string, unknown>;
  /** A compact template of values per set of valid indicators (key: sum of 2^i over them). */
  readonly shapes = new Map<number, Record<string, unknown>>();

  constructor(readonly codes: readonly IndicatorCode[]) {
    this.rules = compileRules(codes);
    this.cellsTemplate = compactObject(codes);
  }
}

/*
 * Kept by the module, not by the run (measured, session 6): the templates give the records'
 * values their hidden classes, and templates built anew by each run gave each run's records new
 * ones: storeGiven, check and the duplicate tracking were deoptimised at every run ("wrong
 * map") and validation of the 100 département files took ~18 % longer.
 */
const LAYOUTS = new Map<string, ReturnLayout>();
const MAX_LAYOUTS = 32;

/** The last layout asked for: the files of a run are mostly laid out alike, and comparing codes beats joining them into a key. */
let lastLayout: ReturnLayout | undefined;

function layoutOf(codes: readonly IndicatorCode[]): ReturnLayout {
  if (lastLayout !== undefined && sameList(lastLayout.codes, codes)) return lastLayout;
  lastLayout = keyedLayout(codes);
  return lastLayout;
}

function keyedLayout(codes: readonly IndicatorCode[]): ReturnLayout {
  const key = codes.join(',');
  let layout = LAYOUTS.get(key);
  if (!layout) {
    if (LAYOUTS.size >= MAX_LAYOUTS) LAYOUTS.clear();
    LAYOUTS.set(key, (layout = new ReturnLayout(codes)));
  }
  return layout;
}

/**
 * Checks returns laid out in the same cells (every row of one table). What does not change from
 * one return to the next is prepared once (see ReturnLayout), with scratch arrays: checking a
 * row then allocates little more than what the record keeps.
 */
export class ReturnChecker {
  readonly codes: readonly IndicatorCode[];
  private readonly rules: RulesEvaluator;
  private readonly cellsTemplate: Record<string, unknown>;
  private readonly shapes: Map<number, Record<string, unknown>>;
  /** values[i]: the value of checks[i] in the current return, undefined when missing or invalid. */
  private readonly values: unknown[];
  private readonly given: Uint8Array;

  constructor(
    readonly checks: readonly FieldCheck[],
    private readonly settings: Settings,
    private readonly sink: IssueSink,
  ) {
    const layout = layoutOf(checks.map((c) => c.code));
    this.codes = layout.codes;
    this.rules = layout.rules;
    this.cellsTemplate = layout.cellsTemplate;
    this.shapes = layout.shapes;
    this.values = new Array<unknown>(checks.length).fill(undefined);
    this.given = new Uint8Array(checks.length);
  }

  /**
   * Per checked indicator, in check order, the string strings[i] of checks[i] (the addresses of
   * a form's cells, or the column letters of a table's): a compact object.
   */
  cellsFrom(strings: readonly string[]): CellsOf {
    const cells = { ...this.cellsTemplate };
    const codes = this.codes;
    for (let i = 0; i < codes.length; i++) cells[codes[i]!] = strings[i];
    return cells as CellsOf;
  }

  /**
   * Checks one return cell by cell (tolerant parsing, then the indicator's zod schema), then the
   * schema's cross-field rules on the values that passed, and builds the ReturnRecord, which
   * keeps `source`. The cell of checks[i] holds row[index[i]] (blank past the row's end); the
   * source gives its address (sourceCell), only looked up for an issue.
   */
  check(row: readonly CellValue[], index: ArrayLike<number>, source: ReturnSource): ReturnRecord {
    const { checks, values, given, sink } = this;
    const at = source;
    const n = checks.length;
    let shape = 0;
    let errors = 0;
    let warnings = 0;
    for (let i = 0; i < n; i++) {
      const check = checks[i]!;
      const raw = row[index[i]!] ?? null;
      given[i] = 0;
      // A number in a numeric column parses to itself (numberParser): the common cell skips the call.
      let v = typeof raw === 'number' && check.numeric ? raw : check.parse(raw);
      if (!check.accepts(v)) {
        if (v === BLANK) {
          if (check.required) {
            errors++;
            sink.add({ code: 'missing-cell', severity: 'erreur', file: at.file, sheet: at.sheet, cell: sourceCell(at, check.code), row: at.row, indicator: check.code, message: missingMessage(check) });
          }
          continue;
        }
        if (v instanceof Problem) {
          errors++;
          sink.add({ code: 'type-error', severity: 'erreur', file: at.file, sheet: at.sheet, cell: sourceCell(at, check.code), row: at.row, indicator: check.code, value: show(raw), message: v.message });
          continue;
        }
        if (v instanceof Unknown) {
          // Given as unknown (« NC »…): counted as missing, with a message saying so.
          if (check.required) {
            errors++;
            sink.add({ code: 'missing-cell', severity: 'erreur', file: at.file, sheet: at.sheet, cell: sourceCell(at, check.code), row: at.row, indicator: check.code, value: show(raw), message: unknownRequiredMessage(check, v.text) });
          } else {
            warnings++;
            sink.add({ code: 'unknown-value', severity: 'avertissement', file: at.file, sheet: at.sheet, cell: sourceCell(at, check.code), row: at.row, indicator: check.code, value: show(raw), message: unknownOptionalMessage(check, v.text) });
          }
          continue;
        }
        if (v instanceof Note) {
          warnings++;
          sink.add({ code: 'type-error', severity: 'avertissement', file: at.file, sheet: at.sheet, cell: sourceCell(at, check.code), row: at.row, indicator: check.code, value: show(raw), message: v.message });
          v = v.value;
        }
        if (!check.accepts(v)) {
          const r = check.schema.safeParse(v);
          if (!r.success) {
            errors++;
            sink.add({
              code: 'constraint-error',
              severity: 'erreur',
              file: at.file,
              sheet: at.sheet,
              cell: sourceCell(at, check.code),
              row: at.row,
              indicator: check.code,
              value: show(raw),
              message: r.error.issues[0]?.message ?? `« ${check.label} » : valeur non admise.`,
            });
            continue;
          }
          v = r.data;
        }
      }
      values[i] = v;
      given[i] = 1;
      if (i < MAX_SHAPED) shape += BIT[i]!;
    }

    const violations = this.rules(values, this.settings);
    const ret = this.valuesObject(shape) as PartialReturn;
    for (let i = 0; i < n; i++) values[i] = undefined; // keep no value of this row alive

    for (let k = 0; k < violations.length; k++) {
      const violation = violations[k]!;
      const field = sourceCell(at, violation.field) ? violation.field : violation.fields.find((f) => sourceCell(at, f));
      if (violation.severity === 'erreur') errors++;
      else warnings++;
      sink.add({
        code: 'rule-violation',
        severity: violation.severity,
        file: at.file,
        sheet: at.sheet,
        cell: field ? sourceCell(at, field) : undefined,
        row: at.row,
        indicator: field ?? violation.field,
        value: field !== undefined && ret[field] !== undefined ? String(ret[field]) : undefined,
        message: violation.message,
        rule: violation.rule,
      });
    }
    return { values: ret, source, errors, warnings };
  }

  /** The record's values: the valid ones, in check order, as a compact object. */
  private valuesObject(shape: number): Record<string, unknown> {
    const { codes, values, given } = this;
    const n = codes.length;
    let template = n <= MAX_SHAPED ? this.shapes.get(shape) : undefined;
    if (!template) {
      const keys: string[] = [];
      for (let i = 0; i < n; i++) if (given[i] === 1) keys.push(codes[i]!);
      if (n > MAX_SHAPED || this.shapes.size >= MAX_SHAPES) {
        const some: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) if (given[i] === 1) some[codes[i]!] = values[i];
        return { ...some };
      }
      this.shapes.set(shape, (template = compactObject(keys)));
    }
    const ret = { ...template };
    storeGiven(ret, codes, values, given);
    return ret;
  }
}

/**
 * Checks one return cell by cell (tolerant parsing, then the indicator's zod schema), then the
 * schema's cross-field rules on the values that passed, and builds the ReturnRecord.
 */
export function checkReturn(cells: ReturnCells, at: { file: string; sheet: string; row?: number }, settings: Settings, sink: IssueSink): ReturnRecord {
  const checker = new ReturnChecker(cells.checks, settings, sink);
  const index = cells.raws.map((_, i) => i);
  const where = checker.cellsFrom(cells.addresses);
  const source: ReturnSource = at.row === undefined ? { file: at.file, sheet: at.sheet, cells: where } : { file: at.file, sheet: at.sheet, row: at.row, cells: where };
  return checker.check(cells.raws, index, source);
}

// A checker built from constants (no indicator), kept: see keepHiddenClass (real checkers live for one table).
keepHiddenClass(new ReturnChecker([], DEFAULT_SETTINGS, new IssueSink('', 0)));
