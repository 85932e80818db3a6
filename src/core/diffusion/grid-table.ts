/**
 * A published table as the diffusion rules see it: a grid of figures whose last row and/or last
 * column are totals of the others (département × kind with its margins; a 1-D table is one row
 * with its total). Cells are indexed row-major; margins are ordinary cells of the grid.
 *
 * Any other published table plugs in as the same plain structure with its own `relations`
 * (a per-network table whose region row is not the sum of the networks, two tables sharing a
 * margin stacked into one: see linked.ts) and `fixed` cells (figures published elsewhere,
 * which this table can never count on hiding).
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
  /** Row-major: the largest value one SIAE gives to each cell (dominance rule); absent: not checked. */
  readonly largest?: readonly number[];
  /** Counts of people or exits (threshold rule), or amounts (hours, ETP). */
  readonly measure: 'count' | 'amount';
  /** Row-major: false where the figure has no data at all (shown blank, known as 0). */
  readonly present?: readonly boolean[];
  /**
   * The table's additive relations when they are not just its margins (any shape: each says
   * one cell is the sum of others). When given, they replace the margins' relations; rowMargin
   * and colMargin then only say which rows and columns are shown as totals.
   */
  readonly relations?: readonly Relation[];
  /**
   * Row-major: true where the same figure is published elsewhere (another sheet, another
   * table): secondary suppression never hides it, since hiding it here would protect nothing.
   */
  readonly fixed?: readonly boolean[];
}

/** One additive relation: cell `total` equals the sum of cells `parts`. */
export interface Relation {
  readonly total: number;
  readonly parts: readonly number[];
}

export const rowsOf = (t: Pick<GridTable, 'rowLabels'>): number => t.rowLabels.length;
export const colsOf = (t: Pick<GridTable, 'colLabels'>): number => t.colLabels.length;

/** The table's additive relations: each row sums to its margin cell, each column to its margin cell. */
export function tableRelations(t: GridTable): readonly Relation[] {
  if (t.relations) return t.relations;
  return marginRelations(t);
}

/** The relations a grid's margins give: each row sums to its margin cell, each column to its margin cell. */
export function marginRelations(t: Pick<GridTable, 'rowLabels' | 'colLabels' | 'rowMargin' | 'colMargin'>): Relation[] {
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

/** Whether a cell lies in a margin (a total) of the table; with explicit relations, whether it is the total of one. */
export function isMarginCell(t: GridTable, index: number): boolean {
  if (t.relations) return t.relations.some((rel) => rel.total === index);
  const C = colsOf(t);
  const r = Math.floor(index / C);
  const c = index % C;
  return (t.rowMargin && r === rowsOf(t) - 1) || (t.colMargin && c === C - 1);
}

export function checkGridTable(t: GridTable): void {
  const n = rowsOf(t) * colsOf(t);
  if (t.values.length !== n || t.siae.length !== n) throw new Error(`Tableau ${t.id} : ${n} cellules attendues.`);
  if ((t.present && t.present.length !== n) || (t.fixed && t.fixed.length !== n) || (t.largest && t.largest.length !== n)) throw new Error(`Tableau ${t.id} : ${n} cellules attendues.`);
  for (const rel of t.relations ?? []) {
    for (const c of [rel.total, ...rel.parts]) {
      if (!Number.isInteger(c) || c < 0 || c >= n) throw new Error(`Tableau ${t.id} : une relation désigne la cellule ${c}, hors du tableau.`);
    }
  }
}
