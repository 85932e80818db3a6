/**
 * A published table as the diffusion rules see it: a grid of figures whose last row and/or last
 * column are totals of the others (département × kind with its margins; a 1-D table is one row
 * with its total). Cells are indexed row-major; margins are ordinary cells of the grid.
 */
export interface GridTable {
  /** Stable identifier (ASCII), used in the audit. */
  readonly id: string;
  /** French title shown above the table. */
  readonly title: string;
  /** Row labels, the margin (total) row last when rowMargin. */
  readonly rowLabels: readonly string[];
  /** Column labels, the margin (total) column last when colMargin. */
  readonly colLabels: readonly string[];
  /** The last row is the sum of the other rows, column by column. */
  readonly rowMargin: boolean;
  /** The last column is the sum of the other columns, row by row. */
  readonly colMargin: boolean;
  /** Row-major values (no data counts as 0: the sums treat it so). */
  readonly values: readonly number[];
  /** Row-major: SIAE contributing a non-zero value to each cell. */
  readonly siae: readonly number[];
  /** Counts of people or exits (threshold rule), or amounts (hours, ETP). */
  readonly measure: 'count' | 'amount';
  /** Row-major: false where the figure has no data at all (shown blank, known as 0). */
  readonly present?: readonly boolean[];
}

/** One additive relation: cell `total` equals the sum of cells `parts`. */
export interface Relation {
  readonly total: number;
  readonly parts: readonly number[];
}

export const rowsOf = (t: GridTable): number => t.rowLabels.length;
export const colsOf = (t: GridTable): number => t.colLabels.length;

/** The table's additive relations: each row sums to its margin cell, each column to its margin cell. */
export function tableRelations(t: GridTable): Relation[] {
  const R = rowsOf(t);
  const C = colsOf(t);
  const out: Relation[] = [];
  if (t.colMargin) {
    for (let r = 0; r < R; r++) {
      out.push({ total: r * C + C - 1, parts: Array.from({ length: C - 1 }, (_, c) => r * C + c) });
    }
  }
  if (t.rowMargin) {
    for (let c = 0; c < C; c++) {
      out.push({ total: (R - 1) * C + c, parts: Array.from({ length: R - 1 }, (_, r) => r * C + c) });
    }
  }
  return out;
}

/** Whether a cell lies in a margin (a total) of the table. */
export function isMarginCell(t: GridTable, index: number): boolean {
  const C = colsOf(t);
  const r = Math.floor(index / C);
  const c = index % C;
  return (t.rowMargin && r === rowsOf(t) - 1) || (t.colMargin && c === C - 1);
}

export function checkGridTable(t: GridTable): void {
  const n = rowsOf(t) * colsOf(t);
  if (t.values.length !== n || t.siae.length !== n) throw new Error(`Tableau ${t.id} : ${n} cellules attendues.`);
}
