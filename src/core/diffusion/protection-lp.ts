import { isMarginCell, tableRelations, type GridTable } from './grid-table.js';
import { cheapestSolution, type LinearSystem } from './lp.js';
import type { Move } from './moves.js';

/** Cost of an already hidden cell in a move: almost free, but not free, so moves stay short. */
const HIDDEN_COST = 1e-4;

/**
 * On a table of any shape (explicit relations), the cheapest move through a cell found by linear
 * programming, as the optimal methods of τ-ARGUS and sdcTable do cell by cell: shift the cell by
 * `size` (up, or down when `down`) and let other cells absorb it so that every relation still
 * holds, every cell stays ≥ 0 and no fixed published cell moves; the cost of a shift is its size
 * times the cell's weight (a published cell: 1, a total 3, plus a share of its value so that small
 * cells are hidden first; a hidden cell almost nothing). The cells that move are the move.
 * Undefined when no such shift exists.
 */
export function cheapestMove(
  t: GridTable,
  cell: number,
  size: number,
  hidden: ReadonlySet<number>,
  down = false,
): Move | undefined {
  const relations = tableRelations(t);
  const canMove = (j: number) => hidden.has(j) || !t.fixed?.[j];
  // Only cells a shift can reach matter: from the cell, through relations, across cells that can
  // move (a fixed published cell stops it). Keeps the program to a row or two of a large table.
  const relationsOf = new Map<number, number[]>();
  relations.forEach((rel, k) => {
    for (const c of [rel.total, ...rel.parts]) {
      const list = relationsOf.get(c);
      if (list) list.push(k);
      else relationsOf.set(c, [k]);
    }
  });
  const reached = new Set([cell]);
  const usedRelations = new Set<number>();
  const queue = [cell];
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (const k of relationsOf.get(c) ?? []) {
      if (usedRelations.has(k)) continue;
      usedRelations.add(k);
      const rel = relations[k]!;
      for (const d of [rel.total, ...rel.parts]) {
        if (reached.has(d) || !canMove(d)) continue;
        reached.add(d);
        queue.push(d);
      }
    }
  }
  const movable = [...reached].filter((j) => j !== cell).sort((a, b) => a - b);
  const M = movable.length;
  const varOf = new Map(movable.map((c, k) => [c, k]));
  const maxValue = movable.reduce((m, c) => Math.max(m, Math.abs(t.values[c]!)), 0);
  // Variables: p (up), m (down), s (slack of m ≤ value) for each movable cell.
  const rows: { vars: number[]; coefs: number[]; rhs: number }[] = [];
  const shift = down ? -size : size;
  for (const k of usedRelations) {
    const rel = relations[k]!;
    const vars: number[] = [];
    const coefs: number[] = [];
    let rhs = 0;
    let touches = false;
    const term = (c: number, sign: number) => {
      if (c === cell) {
        rhs -= sign * shift;
        touches = true;
        return;
      }
      const k = varOf.get(c);
      if (k === undefined) return;
      vars.push(k, M + k);
      coefs.push(sign, -sign);
      touches = true;
    };
    for (const p of rel.parts) term(p, 1);
    term(rel.total, -1);
    if (touches) rows.push({ vars, coefs, rhs });
  }
  movable.forEach((c, k) => rows.push({ vars: [M + k, 2 * M + k], coefs: [1, 1], rhs: Math.max(0, t.values[c]!) }));
  const cost = new Float64Array(3 * M);
  movable.forEach((c, k) => {
    const w = hidden.has(c) ? HIDDEN_COST : (isMarginCell(t, c) ? 3 : 1) * (1 + t.values[c]! / (1 + maxValue));
    cost[k] = w;
    cost[M + k] = w;
  });
  const sys: LinearSystem = { n: 3 * M, rows };
  const y = cheapestSolution(sys, cost);
  if (!y) return undefined;
  const cells = [cell];
  const signs = [down ? -1 : 1];
  movable.forEach((c, k) => {
    const d = y[k]! - y[M + k]!;
    if (Math.abs(d) > 1e-9 * (1 + size)) {
      cells.push(c);
      signs.push(Math.sign(d) * (down ? -1 : 1));
    }
  });
  return { cells, signs };
}
