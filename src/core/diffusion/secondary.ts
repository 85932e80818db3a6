import type { DiffusionSettings } from '../../schema/index.js';
import { auditTable, hiddenRanges, type AuditCache, type TableAudit } from './audit.js';
import { checkGridTable, isMarginCell, tableRelations, type GridTable } from './grid-table.js';
import { moveWidth, visitGridMoves, type Move } from './moves.js';
import { cheapestMove } from './protection-lp.js';
import { primaryReason, requiredWidth, type HiddenReason } from './rules.js';

export interface ProtectedTable {
  readonly table: GridTable;
  /** Hidden cells and why, by cell index. */
  readonly hidden: ReadonlyMap<number, HiddenReason>;
  readonly audit: TableAudit;
}

/**
 * Cost of hiding a move's new cells: first how many (a total weighs three cells, since users
 * miss totals most), then the information they carry (their values), as the modular method of
 * τ-ARGUS minimises.
 */
function moveCost(t: GridTable, m: Move, hidden: ReadonlyMap<number, HiddenReason>): [number, number] {
  let cells = 0;
  let value = 0;
  for (const cell of m.cells) {
    if (hidden.has(cell)) continue;
    cells += isMarginCell(t, cell) ? 3 : 1;
    value += t.values[cell]!;
  }
  return [cells, value];
}

/**
 * Primary then secondary suppression of one table. Secondary suppression is a greedy heuristic
 * guided by the audit: while the audit finds a hidden cell whose range is too narrow, hide the
 * cheapest move through it that gives the missing width (or, failing one, the widest), then
 * audit again; from the second round on, candidate moves are measured by the audit's LP before
 * one is kept. Hiding every cell always passes, so the loop ends. Last, secondary cells the
 * audit does not need are published back, and the exact audit is attached. `seed`: cells
 * another table's protection already hides (linked.ts): hidden from the start and never
 * published back.
 */
export function protectTable(t: GridTable, s: DiffusionSettings, seed?: ReadonlyMap<number, HiddenReason>, cache?: AuditCache): ProtectedTable {
  checkGridTable(t);
  // Cells already hidden by another table's decision (linked.ts): hidden from the start, kept.
  const hidden = new Map<number, HiddenReason>(seed);
  const kept = new Set(seed?.keys());
  for (let i = 0; i < t.values.length; i++) {
    const reason = primaryReason(t, i, s);
    if (reason && !hidden.has(i)) hidden.set(i, reason);
  }
  // Tables too large for the clean-up pass: once moves are added, the audit that passes is the
  // exact one, attached as it is (a quick audit then an exact one would solve the same programs twice).
  const large = movableCells(t) > CLEANUP_MAX_CELLS;
  for (let round = 0; round <= t.values.length; round++) {
    const exact = large && round > 0;
    const audit = auditTable(t, new Set(hidden.keys()), s, !exact, cache);
    if (audit.ok) {
      if (exact) return { table: t, hidden, audit };
      publishBack(t, hidden, s, kept, cache);
      return { table: t, hidden, audit: auditTable(t, new Set(hidden.keys()), s, false, cache) };
    }
    // The audit lists hidden cells in ascending index order.
    const cells = [...hidden.keys()].sort((a, b) => a - b);
    const failing = audit.entries
      .map((e, k) => ({ cell: cells[k]!, ok: e.ok, missing: e.required - ((e.upper ?? Infinity) - e.lower) }))
      .filter((e) => !e.ok)
      .sort((x, y) => y.missing - x.missing);
    // A move gives each of its cells about the same width (they shift together): cells it
    // covers wait for the next audit rather than getting moves of their own.
    const gained = new Map<number, number>();
    let added = false;
    for (const f of failing) {
      if (round === 0) {
        // First round: the moves' own widths are a good guide and cost nothing to compute.
        const missing = f.missing - (gained.get(f.cell) ?? 0);
        if (missing <= 0) continue;
        const move = rankedMoves(t, f.cell, missing, hidden, requiredWidth(t, f.cell, s), 1)[0];
        if (!move) continue;
        const width = moveWidth(t, move);
        for (const cell of move.cells) gained.set(cell, (gained.get(cell) ?? 0) + width);
        if (hideMove(move, hidden)) added = true;
      } else if (protectByTrial(t, f.cell, hidden, s, cache)) added = true;
    }
    if (!added) break;
  }
  // No move left to try (should not happen): hide everything rather than publish an exposed cell
  // (but a figure published elsewhere stays: the audit then refuses the version).
  for (let i = 0; i < t.values.length; i++) if (!hidden.has(i) && !t.fixed?.[i]) hidden.set(i, 'secondaire');
  return { table: t, hidden, audit: auditTable(t, new Set(hidden.keys()), s, false, cache) };
}

/** Cells the protection may hide: figures fixed elsewhere never move, only the others make a table large. */
const movableCells = (t: GridTable): number => (t.fixed ? t.fixed.filter((f) => !f).length : t.values.length);

function hideMove(m: Move, hidden: Map<number, HiddenReason>): boolean {
  let added = false;
  for (const cell of m.cells) {
    if (!hidden.has(cell)) {
      hidden.set(cell, 'secondaire');
      added = true;
    }
  }
  return added;
}

/**
 * Moves through a cell that hide something new: those giving the missing width first, cheapest
 * first; then the widest. A grid's moves are its rectangles; a table of any other shape gets
 * the cheapest move its relations allow (linear programming: protection-lp.ts), up by the
 * required width from its value, else down. Moves through a figure published elsewhere are out.
 */
function rankedMoves(t: GridTable, cell: number, missing: number, hidden: ReadonlyMap<number, HiddenReason>, required: number, limit: number): Move[] {
  if (t.relations) {
    const set = new Set(hidden.keys());
    const down = Math.min(required, Math.max(0, t.values[cell]!));
    const m = cheapestMove(t, cell, required, set) ?? (down > 0 ? cheapestMove(t, cell, down, set, true) : undefined);
    return m && moveCost(t, m, hidden)[0] > 0 ? [m] : [];
  }
  return rankedGridMoves(t, cell, missing, hidden, limit);
}

interface Scored {
  readonly cells: readonly number[];
  readonly signs: readonly number[];
  readonly cost: number;
  readonly value: number;
  readonly width: number;
}

/** The order of rankedMoves: enough width first; short of it, the widest; then the cheapest. */
function before(cost: number, value: number, width: number, y: Scored, missing: number): boolean {
  const ex = width >= missing;
  const ey = y.width >= missing;
  if (ex !== ey) return ex;
  if (!ex && width !== y.width) return width > y.width;
  return cost - y.cost < 0 || (cost === y.cost && (value - y.value < 0 || (value === y.value && width > y.width)));
}

/**
 * The best `limit` moves of a grid through a cell, in rankedMoves' order (ties in the order
 * visitGridMoves lists them). A national grid has hundreds of rectangles through each cell and
 * only the first few are ever used: they are scored in place, and only those kept are built.
 */
function rankedGridMoves(t: GridTable, cell: number, missing: number, hidden: ReadonlyMap<number, HiddenReason>, limit: number): Move[] {
  const best: Scored[] = [];
  // What each cell would cost to hide, looked up in an array: 0 hidden already, 1, 3 for a
  // total, -1 never (a figure published elsewhere).
  const weight = new Int8Array(t.values.length);
  for (let i = 0; i < weight.length; i++) weight[i] = hidden.has(i) ? 0 : t.fixed?.[i] ? -1 : isMarginCell(t, i) ? 3 : 1;
  visitGridMoves(t, cell, (cells, signs) => {
    let cost = 0;
    let value = 0;
    let up = Infinity;
    let down = Infinity;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k]!;
      const v = t.values[c]!;
      const w = weight[c]!;
      if (w < 0) return;
      if (w > 0) {
        cost += w;
        value += v;
      }
      if (signs[k]! < 0) up = Math.min(up, v);
      else down = Math.min(down, v);
    }
    if (cost === 0) return;
    const width = up + down;
    if (best.length === limit && !before(cost, value, width, best[limit - 1]!, missing)) return;
    let at = best.length;
    while (at > 0 && before(cost, value, width, best[at - 1]!, missing)) at--;
    best.splice(at, 0, { cells: [...cells], signs: [...signs], cost, value, width });
    if (best.length > limit) best.pop();
  });
  return best.map((x) => ({ cells: x.cells, signs: x.signs }));
}

/** Trials per failing cell once moves' own widths have proven a poor guide. */
const TRIALS = 8;

/**
 * Later rounds: the cell's range is measured by the audit's LP, then the best-ranked moves
 * are tried one by one, measured again, and the first that gives the width kept (else the
 * one that widened it most).
 */
function protectByTrial(t: GridTable, cell: number, hidden: Map<number, HiddenReason>, s: DiffusionSettings, cache?: AuditCache): boolean {
  const relations = tableRelations(t);
  const required = requiredWidth(t, cell, s);
  const only = new Set([cell]);
  const widthWith = (extra: readonly number[]) => {
    const set = new Set(hidden.keys());
    for (const c of extra) set.add(c);
    const r = hiddenRanges(t.values, relations, set, () => required, only, cache).get(cell)!;
    return r.upper - r.lower;
  };
  const now = widthWith([]);
  if (now >= required - 1e-6) return false;
  // Ranked on the whole width: widths of moves sharing a bottleneck cell do not add up.
  const ranked = rankedMoves(t, cell, required, hidden, required, TRIALS);
  let best: { m: Move; width: number } | undefined;
  for (const m of ranked) {
    const width = widthWith(m.cells);
    if (width >= required - 1e-6) return hideMove(m, hidden);
    if (width > now + 1e-6 && (!best || width > best.width)) best = { m, width };
  }
  const fallback = best?.m ?? ranked[0];
  return fallback ? hideMove(fallback, hidden) : false;
}

/**
 * Tables that give each other away cell by cell (hours and ETP réalisés: within one kind, ETP =
 * hours ÷ a published constant) must hide the same cells. Hiding more never narrows a range,
 * so the union of their patterns keeps each protected; both are audited again.
 */
export function shareHiddenCells(tables: readonly ProtectedTable[], s: DiffusionSettings, cache?: AuditCache): ProtectedTable[] {
  const union = new Set<number>();
  for (const t of tables) for (const i of t.hidden.keys()) union.add(i);
  return tables.map((t) => {
    // Already hiding the union (the usual case: the same SIAE behind hours and ETP): as it is.
    if (t.hidden.size === union.size) return t;
    // A cell hidden only because the other table hides it is, for this one, a secondary cell.
    const hidden = new Map<number, HiddenReason>();
    for (const i of union) hidden.set(i, t.hidden.get(i) ?? 'secondaire');
    return { table: t.table, hidden, audit: auditTable(t.table, new Set(hidden.keys()), s, false, cache) };
  });
}

/**
 * Above this many cells, the clean-up pass (one audit per secondary cell) costs more than it
 * gives: national tables skip it.
 */
export const CLEANUP_MAX_CELLS = 250;

/**
 * The greedy choice can overshoot: once the audit passes, each secondary cell is published
 * again if the audit still passes without it — totals first, then the largest values, since
 * those are the figures readers miss most.
 */
function publishBack(t: GridTable, hidden: Map<number, HiddenReason>, s: DiffusionSettings, kept: ReadonlySet<number>, cache?: AuditCache): void {
  if (movableCells(t) > CLEANUP_MAX_CELLS) return;
  const secondary = [...hidden]
    .filter(([i, r]) => r === 'secondaire' && !kept.has(i))
    .map(([i]) => i)
    .sort((a, b) => Number(isMarginCell(t, b)) - Number(isMarginCell(t, a)) || t.values[b]! - t.values[a]!);
  for (const i of secondary) {
    hidden.delete(i);
    if (!auditTable(t, new Set(hidden.keys()), s, true, cache).ok) hidden.set(i, 'secondaire');
  }
}
