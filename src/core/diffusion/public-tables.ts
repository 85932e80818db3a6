import {
  DERIVED,
  SECTORS,
  SIAE_KINDS,
  SUMMED_INDICATORS,
  effectiveNumber,
  type SiaeKind,
} from '../../schema/index.js';
import { figureLabel, groupMapKey, type FigureCode, type GroupAggregate, type PeriodAggregates } from '../consolidate/index.js';
import type { ReturnRecord } from '../records.js';
import { departementLabel } from '../consolidated-workbook/scopes.js';
import type { GridTable } from './grid-table.js';

export const REGION_ROW_LABEL = 'Ensemble de la région';
export const ALL_KINDS_COL_LABEL = 'Toutes SIAE';

/** Counts of people published per département × kind: every summed indicator counted in persons. */
export const PEOPLE_CODES: readonly FigureCode[] = SUMMED_INDICATORS.filter((i) => i.unit === 'personnes').map((i) => i.code as FigureCode);
/** Amounts published per département × kind (hours and ETP: the minimum-SIAE rule applies). */
export const AMOUNT_CODES: readonly FigureCode[] = ['heures_remunerees', 'etp_realises', 'etp_conventionnes'];
/** The exit classes: their sum is every exit of the period. */
export const EXIT_CLASS_CODES: readonly FigureCode[] = SUMMED_INDICATORS.filter((i) => i.unit === 'sorties').map((i) => i.code as FigureCode);
export const SECTOR_HOUR_CODES: readonly FigureCode[] = SECTORS.map((s) => `heures_${s.key}` as const);
const GRID_OPERANDS: ReadonlySet<string> = new Set([...PEOPLE_CODES, ...AMOUNT_CODES]);

/** Rates with one summed numerator and one summed denominator, both published as grids. */
export const GRID_RATES = DERIVED.filter(
  (d) =>
    d.kind === 'ratio' &&
    d.numerator.length === 1 &&
    d.denominator.length === 1 &&
    GRID_OPERANDS.has(d.numerator[0]!) &&
    GRID_OPERANDS.has(d.denominator[0]!),
).map((d) => ({ code: d.code, numerator: d.numerator[0]!, denominator: d.denominator[0]! }));

/** The scopes of one period as rows (départements, then the region) and columns (kinds, then all). */
export interface PeriodScopes {
  readonly period: PeriodAggregates;
  readonly departements: readonly string[];
  readonly kinds: readonly SiaeKind[];
  readonly kept: readonly ReturnRecord[];
}

export function periodScopes(period: PeriodAggregates, kept: readonly ReturnRecord[]): PeriodScopes {
  return {
    period,
    departements: [...period.byDepartement.keys()].sort(),
    kinds: SIAE_KINDS.filter((k) => period.byKind.has(k)),
    kept,
  };
}

const rowLabel = (dep: string) => `${dep} ${departementLabel(dep)}`;

/**
 * Each retained return's value of one indicator (0 when absent), read once per indicator: every
 * cell of every table built from the same returns (département × kind, margins, per network)
 * reads it, thousands of returns over hundreds of cells at national scale.
 */
const memberValues = new WeakMap<readonly ReturnRecord[], Map<string, { of: Float64Array; given: Uint8Array }>>();
function readCode(kept: readonly ReturnRecord[], code: FigureCode): { of: Float64Array; given: Uint8Array } {
  let byCode = memberValues.get(kept);
  if (!byCode) memberValues.set(kept, (byCode = new Map()));
  let out = byCode.get(code);
  if (!out) {
    out = { of: new Float64Array(kept.length), given: new Uint8Array(kept.length) };
    for (let m = 0; m < kept.length; m++) {
      const v = effectiveNumber(kept[m]!.values, code);
      if (v !== undefined) {
        out.of[m] = v;
        out.given[m] = 1;
      }
    }
    byCode.set(code, out);
  }
  return out;
}
export const valuesOfCode = (kept: readonly ReturnRecord[], code: FigureCode): Float64Array => readCode(kept, code).of;

/** What cellOf reads of a group: its returns and its sums. */
export type GroupCells = Pick<GroupAggregate, 'members' | 'sums'>;

/**
 * The sums of some indicators over some returns, as the consolidation adds them (in the order
 * given, which is the canonical order; blank when no return gives the indicator): for groups
 * the consolidation does not make (a network's returns of one kind).
 */
export function groupOf(members: readonly number[], codes: readonly FigureCode[], kept: readonly ReturnRecord[]): GroupCells {
  const sums: Record<string, { value: number | undefined; count: number }> = {};
  for (const code of codes) {
    const { of, given } = readCode(kept, code);
    let value = 0;
    let count = 0;
    for (const m of members) {
      if (!given[m]) continue;
      value += of[m]!;
      count++;
    }
    sums[code] = { value: count > 0 ? value : undefined, count };
  }
  return { members, sums };
}

/** Value of a summed indicator in a group (no data: 0, as the totals count it), and SIAE giving a non-zero value. */
export function cellOf(group: GroupCells | undefined, code: FigureCode, kept: readonly ReturnRecord[]) {
  if (!group) return { value: 0, siae: 0, largest: 0, present: false };
  const v = group.sums[code]?.value;
  const of = valuesOfCode(kept, code);
  let siae = 0;
  let largest = 0;
  for (const m of group.members) {
    const x = of[m]!;
    if (x !== 0) siae++;
    largest = Math.max(largest, x);
  }
  // As the consolidated workbook shows them: sums of decimals to 12 significant digits.
  const value = v === undefined ? 0 : Number.isInteger(v) ? v : Number(v.toPrecision(12));
  return { value, siae, largest, present: v !== undefined };
}

/** A grid's per-cell arrays, from its cells (cellOf) in row-major order. */
export function cellArrays(cells: readonly ReturnType<typeof cellOf>[]): Pick<GridTable, 'values' | 'siae' | 'largest' | 'present'> {
  return { values: cells.map((c) => c.value), siae: cells.map((c) => c.siae), largest: cells.map((c) => c.largest), present: cells.map((c) => c.present) };
}

/** A summed indicator as a département × kind grid with both margins. */
export function departementKindTable(s: PeriodScopes, code: FigureCode, measure: GridTable['measure']): GridTable {
  const p = s.period;
  const groupsOfRow = (dep: string | null) => [
    ...s.kinds.map((k) => (dep === null ? p.byKind.get(k) : p.byDepartementKind.get(groupMapKey(dep, k)))),
    dep === null ? p.region : p.byDepartement.get(dep),
  ];
  const cells = [...s.departements, null].flatMap((dep) => groupsOfRow(dep).map((g) => cellOf(g, code, s.kept)));
  return {
    id: code,
    title: figureLabel(code),
    rowLabels: [...s.departements.map(rowLabel), REGION_ROW_LABEL],
    colLabels: [...s.kinds, ALL_KINDS_COL_LABEL],
    rowMargin: true,
    colMargin: true,
    ...cellArrays(cells),
    measure,
  };
}

/**
 * Several summed indicators side by side per département (all kinds), with their total: exit
 * classes, hours by sector. The total column is the sum of the published columns, so the
 * table's relations hold exactly (a consolidated total may also count returns missing a part).
 */
export function partsTable(
  s: PeriodScopes,
  id: string,
  title: string,
  codes: readonly (FigureCode)[],
  totalLabel: string,
  measure: GridTable['measure'],
): GridTable {
  const p = s.period;
  const rows = [...s.departements.map((d) => p.byDepartement.get(d)), p.region];
  const values: number[] = [];
  const siae: number[] = [];
  const largest: number[] = [];
  const present: boolean[] = [];
  for (const g of rows) {
    let total = 0;
    let any = false;
    for (const code of codes) {
      const c = cellOf(g, code, s.kept);
      values.push(c.value);
      siae.push(c.siae);
      largest.push(c.largest);
      present.push(c.present);
      total += c.value;
      any ||= c.present;
    }
    values.push(total);
    // The largest part one SIAE gives to the total: its sum over the columns.
    const columns = codes.map((code) => valuesOfCode(s.kept, code));
    let top = 0;
    for (const m of g?.members ?? []) top = Math.max(top, columns.reduce((sum, of) => sum + of[m]!, 0));
    largest.push(top);
    // SIAE behind the total: those giving a non-zero value in any column.
    siae.push(g ? g.members.filter((m) => columns.some((of) => of[m] !== 0)).length : 0);
    present.push(any);
  }
  return {
    id,
    title,
    rowLabels: [...s.departements.map(rowLabel), REGION_ROW_LABEL],
    colLabels: [...codes.map(figureLabel), totalLabel],
    rowMargin: true,
    colMargin: true,
    values,
    siae,
    largest,
    present,
    measure,
  };
}
