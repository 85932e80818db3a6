import { colsOf, rowsOf, type GridTable } from './grid-table.js';

/**
 * A move: cells that can all shift together (by +t or −t each) without changing any published
 * total. In a grid with both margins it is a rectangle through the margins too; with one
 * margin, a pair in the same row (or column). Tables of any other shape get theirs by linear
 * programming (protection-lp.ts); signs there only say which way each cell moves.
 */
export interface Move {
  readonly cells: readonly number[];
  readonly signs: readonly number[];
}

/** Sign of a cell in its row (or column) relation: parts +1, the total −1. */
const coef = (isTotal: boolean) => (isTotal ? -1 : 1);

/**
 * Visits every move through a cell: rectangles (both margins) or pairs (one margin). The arrays
 * handed to `visit` are reused from one move to the next: copy them to keep a move. A national
 * grid has hundreds of moves through each cell, and the secondary suppression keeps a few.
 */
export function visitGridMoves(t: GridTable, index: number, visit: (cells: readonly number[], signs: readonly number[]) => void): void {
  const R = rowsOf(t);
  const C = colsOf(t);
  const r = Math.floor(index / C);
  const c = index % C;
  const a = (col: number) => coef(t.colMargin && col === C - 1);
  const b = (row: number) => coef(t.rowMargin && row === R - 1);
  if (t.colMargin && t.rowMargin) {
    const cells = [index, 0, 0, 0];
    const signs = [1, 0, 0, 0];
    for (let r2 = 0; r2 < R; r2++) {
      if (r2 === r) continue;
      const sr = -b(r) * b(r2);
      for (let c2 = 0; c2 < C; c2++) {
        if (c2 === c) continue;
        const sc = -a(c) * a(c2);
        cells[1] = r * C + c2;
        cells[2] = r2 * C + c;
        cells[3] = r2 * C + c2;
        signs[1] = sc;
        signs[2] = sr;
        signs[3] = sc * sr;
        visit(cells, signs);
      }
    }
  } else if (t.colMargin) {
    for (let c2 = 0; c2 < C; c2++) if (c2 !== c) visit([index, r * C + c2], [1, -a(c) * a(c2)]);
  } else if (t.rowMargin) {
    for (let r2 = 0; r2 < R; r2++) if (r2 !== r) visit([index, r2 * C + c], [1, -b(r) * b(r2)]);
  }
}

/** How far a move lets the target cell vary: up to the smallest cell going down, and back. */
export function moveWidth(t: GridTable, m: Move): number {
  let up = Infinity;
  let down = Infinity;
  m.cells.forEach((cell, k) => {
    const v = t.values[cell]!;
    if (m.signs[k]! < 0) up = Math.min(up, v);
    else down = Math.min(down, v);
  });
  return up + down;
}

