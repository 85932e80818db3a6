import { colsOf, rowsOf } from './grid-table.js';
import type { ProtectedTable } from './secondary.js';

/**
 * The evolution table: two years side by side. Each year is protected on its own (there is no
 * additive relation between years: the same cell in two years is two measurements), with the
 * very pattern its year's public sheets show — pass the ProtectedTable that protectPeriod gave
 * for each year, never a new protection. A change (difference, ratio: any figure computed from
 * both years) is published only when both years' figures are: a change beside one published
 * year would give the hidden one.
 */
export interface EvolutionCell {
  readonly row: string;
  readonly col: string;
  /** The figure of each year: a number, « hidden » (shown « s ») or null (no data that year). */
  readonly previous: number | 'hidden' | null;
  readonly current: number | 'hidden' | null;
  /** current − previous, published only when both are; « hidden » when either is hidden. */
  readonly change: number | 'hidden' | null;
}

function shown(p: ProtectedTable, i: number): number | 'hidden' | null {
  if (p.hidden.has(i)) return 'hidden';
  if (p.table.present && !p.table.present[i]) return null;
  return p.table.values[i]!;
}

/**
 * The cells of the current year's table, each with the same row and column of the previous
 * year (matched by labels: a département without returns one year has no figure that year).
 */
export function evolutionCells(previous: ProtectedTable, current: ProtectedTable): EvolutionCell[] {
  const Cp = colsOf(previous.table);
  const before = new Map<string, number>();
  for (let i = 0; i < previous.table.values.length; i++) {
    before.set(`${previous.table.rowLabels[Math.floor(i / Cp)]}\u0000${previous.table.colLabels[i % Cp]}`, i);
  }
  const C = colsOf(current.table);
  const out: EvolutionCell[] = [];
  for (let r = 0; r < rowsOf(current.table); r++) {
    for (let c = 0; c < C; c++) {
      const row = current.table.rowLabels[r]!;
      const col = current.table.colLabels[c]!;
      const j = before.get(`${row}\u0000${col}`);
      const prev = j === undefined ? null : shown(previous, j);
      const cur = shown(current, r * C + c);
      const change =
        prev === 'hidden' || cur === 'hidden' ? 'hidden' : prev === null || cur === null ? null : Number((cur - prev).toPrecision(12));
      out.push({ row, col, previous: prev, current: cur, change });
    }
  }
  return out;
}
