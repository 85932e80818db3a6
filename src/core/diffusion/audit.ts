import type { DiffusionSettings } from '../../schema/index.js';
import { colsOf, tableRelations, type GridTable, type Relation } from './grid-table.js';
import { InfeasibleSystemError, variableRanges, type LinearSystem, type VariableRange } from './lp.js';
import { requiredWidth } from './rules.js';

/** The audit of one hidden cell: the range of values compatible with everything published. */
export interface AuditEntry {
  readonly table: string;
  readonly row: string;
  readonly col: string;
  readonly lower: number;
  /** null: no upper bound (nothing published bounds it). */
  readonly upper: number | null;
  readonly required: number;
  readonly ok: boolean;
}

export interface TableAudit {
  readonly table: string;
  readonly entries: readonly AuditEntry[];
  readonly ok: boolean;
}

/** Ranges are integers for counts; lower/upper are printed to 6 decimals at most. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The audit, on its own path: from the published cells and the table's additive relations
 * (never from how the cells were chosen), the smallest and largest value of each hidden cell
 * over every table of values ≥ 0 consistent with what is published (linear programming).
 * Each bound comes with a witness — a full table reaching it — which is checked against every
 * relation here, so a pass is proven by two tables, not taken on the solver's word.
 */
export function auditTable(t: GridTable, hidden: ReadonlySet<number>, s: DiffusionSettings, quick = false, cache?: AuditCache): TableAudit {
  const relations = tableRelations(t);
  const ranges = hiddenRanges(t.values, relations, hidden, quick ? (i) => requiredWidth(t, i, s) : undefined, undefined, cache);
  const C = colsOf(t);
  const entries = [...hidden]
    .sort((a, b) => a - b)
    .map((i) => {
      const { lower, upper } = ranges.get(i)!;
      const required = requiredWidth(t, i, s);
      return {
        table: t.id,
        row: t.rowLabels[Math.floor(i / C)]!,
        col: t.colLabels[i % C]!,
        lower: round(lower),
        upper: upper === Infinity ? null : round(upper),
        required: round(required),
        ok: upper - lower >= required - 1e-6,
      };
    });
  return { table: t.id, entries, ok: entries.every((e) => e.ok) };
}

/**
 * Range of each hidden cell. Hidden cells linked by a relation form one piece; pieces are
 * solved apart. With `enough`, a range is only widened until it reaches that width (the quick
 * audit the secondary suppression iterates on; the published audit is the exact one). With
 * `only`, just the pieces holding those cells are solved. A bound whose witness fails the check is replaced by the true value (the
 * cell then counts as exposed: the audit refuses rather than trusts).
 */
export function hiddenRanges(
  values: readonly number[],
  relations: readonly Relation[],
  hiddenSet: ReadonlySet<number>,
  enough?: (cell: number) => number,
  only?: ReadonlySet<number>,
  cache?: AuditCache,
): Map<number, { lower: number; upper: number }> {
  const out = new Map<number, { lower: number; upper: number }>();
  // A hidden cell alone (among the cells not yet known) in a relation is that relation's total
  // minus its other cells: known exactly, no program needed; knowing it may leave another alone.
  const determined = determinedCells(relations, hiddenSet);
  for (const c of determined) out.set(c, { lower: values[c]!, upper: values[c]! });
  const hidden = determined.size === 0 ? hiddenSet : new Set([...hiddenSet].filter((c) => !determined.has(c)));
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const h of hidden) parent.set(h, h);
  // Each relation holding a hidden cell, with the first of them (its piece); no array per relation:
  // a national column has a hundred cells, and this runs at every step of the secondary suppression.
  const touching: Relation[] = [];
  const firstHidden: number[] = [];
  for (const rel of relations) {
    let first = hidden.has(rel.total) ? rel.total : -1;
    for (const c of rel.parts) {
      if (!hidden.has(c)) continue;
      if (first < 0) first = c;
      else parent.set(find(c), find(first));
    }
    if (first < 0) continue;
    touching.push(rel);
    firstHidden.push(first);
  }
  const pieces = new Map<number, number[]>();
  for (const h of hidden) {
    const root = find(h);
    const list = pieces.get(root);
    if (list) list.push(h);
    else pieces.set(root, [h]);
  }
  const relsOf = new Map<number, Relation[]>();
  for (let k = 0; k < touching.length; k++) {
    const rel = touching[k]!;
    const root = find(firstHidden[k]!);
    const list = relsOf.get(root);
    if (list) list.push(rel);
    else relsOf.set(root, [rel]);
  }
  // The published values, hidden cells blank (NaN: a witness fills them for its check).
  const dense = Float64Array.from(values);
  for (const h of hidden) dense[h] = Number.NaN;
  for (const [root, cells] of pieces) {
    if (only && !cells.some((c) => only.has(c))) continue;
    // In index order: the same piece gives the same program, whatever order cells were hidden in.
    cells.sort((a, b) => a - b);
    const rels = relsOf.get(root) ?? [];
    const varOf = new Map(cells.map((c, k) => [c, k]));
    const sys: LinearSystem = {
      n: cells.length,
      rows: rels.map((rel) => {
        // parts − total = 0, published cells moved to the right-hand side.
        const vars: number[] = [];
        const coefs: number[] = [];
        let rhs = 0;
        const term = (cell: number, coef: number) => {
          const v = varOf.get(cell);
          if (v === undefined) rhs -= coef * values[cell]!;
          else {
            vars.push(v);
            coefs.push(coef);
          }
        };
        for (const p of rel.parts) term(p, 1);
        term(rel.total, -1);
        return { vars, coefs, rhs };
      }),
    };
    const wanted = only ? cells.filter((c) => only.has(c)) : cells;
    const key = cache ? pieceKey(sys, wanted, varOf, values, enough) : '';
    // Exact ranges answer a quick audit too (a linked table's first round asks its base's pieces, audited exactly).
    const known = cache?.get(key) ?? (enough ? cache?.get(pieceKey(sys, wanted, varOf, values, undefined)) : undefined);
    if (known) {
      wanted.forEach((cell, i) => out.set(cell, known[i]!));
      continue;
    }
    let ranges: VariableRange[];
    try {
      ranges = variableRanges(
        sys,
        wanted.map((c) => varOf.get(c)!),
        enough ? wanted.map((c) => enough(c)) : undefined,
      );
    } catch (e) {
      // Published figures that do not add up (they should): nothing is proven, every cell counts as exposed.
      if (!(e instanceof InfeasibleSystemError)) throw e;
      for (const cell of wanted) out.set(cell, { lower: values[cell]!, upper: values[cell]! });
      cache?.set(key, wanted.map((cell) => out.get(cell)!));
      continue;
    }
    // Many bounds share a witness (one solution reaches several of them): each is checked once.
    const checked = new Map<Float64Array, boolean>();
    const holds = (x: Float64Array) => {
      let ok = checked.get(x);
      if (ok === undefined) checked.set(x, (ok = witnessHolds(dense, rels, cells, x)));
      return ok;
    };
    wanted.forEach((cell, i) => {
      const k = varOf.get(cell)!;
      const r = ranges[i]!;
      const truth = values[cell]!;
      const lowerOk = holds(r.atLower);
      const upperOk = r.atUpper === undefined ? unboundedHolds(sys, k) : holds(r.atUpper);
      out.set(cell, { lower: lowerOk ? Math.min(r.lower, truth) : truth, upper: upperOk ? Math.max(r.upper, truth) : truth });
    });
    cache?.set(key, wanted.map((cell) => out.get(cell)!));
  }
  return out;
}

/**
 * Hidden cells the relations determine one at a time: a relation with a single hidden cell gives
 * it (its total minus its other cells), which is then as good as published for the other
 * relations, and so on. The secondary suppression's first audit (the rules' cells alone) is
 * mostly such cells; a protected table has none.
 */
function determinedCells(relations: readonly Relation[], hidden: ReadonlySet<number>): Set<number> {
  const unknownIn = new Int32Array(relations.length);
  const relationsOf = new Map<number, number[]>();
  const queue: number[] = [];
  relations.forEach((rel, k) => {
    const visit = (c: number) => {
      if (!hidden.has(c)) return;
      unknownIn[k]!++;
      const list = relationsOf.get(c);
      if (list) list.push(k);
      else relationsOf.set(c, [k]);
    };
    visit(rel.total);
    for (const c of rel.parts) visit(c);
    if (unknownIn[k] === 1) queue.push(k);
  });
  const known = new Set<number>();
  while (queue.length > 0) {
    const rel = relations[queue.pop()!]!;
    let cell = -1;
    if (hidden.has(rel.total) && !known.has(rel.total)) cell = rel.total;
    else for (const c of rel.parts) if (hidden.has(c) && !known.has(c)) cell = c;
    if (cell < 0) continue;
    known.add(cell);
    for (const k of relationsOf.get(cell)!) if (--unknownIn[k]! === 1) queue.push(k);
  }
  return known;
}

/**
 * Ranges of pieces already solved, by their program: tables protected together (linked.ts)
 * audit again the pieces of the tables they stack, and the secondary suppression audits a
 * table's unchanged pieces round after round. One cache per public version (buildPublicWorkbook).
 */
export type AuditCache = Map<string, readonly { readonly lower: number; readonly upper: number }[]>;

/** Everything a piece's ranges depend on: its program, the cells wanted, their values, the widths asked. */
function pieceKey(
  sys: LinearSystem,
  wanted: readonly number[],
  varOf: ReadonlyMap<number, number>,
  values: readonly number[],
  enough: ((cell: number) => number) | undefined,
): string {
  const rows = sys.rows.map((r) => `${r.vars.join(',')}:${r.coefs.join(',')}=${r.rhs}`).join(';');
  const cells = wanted.map((c) => `${varOf.get(c)}:${values[c]}${enough ? `/${enough(c)}` : ''}`).join(',');
  return `${sys.n}|${rows}|${cells}`;
}

/**
 * A witness: hidden cells ≥ 0 and every relation holding with the published cells. `table` holds
 * the published values; the witness's values are put in the hidden cells for the check, then
 * taken out again (`cells[k]` is variable k).
 */
function witnessHolds(table: Float64Array, rels: readonly Relation[], cells: readonly number[], x: Float64Array): boolean {
  for (let k = 0; k < x.length; k++) if (!(x[k]! >= -1e-9)) return false;
  for (let k = 0; k < cells.length; k++) table[cells[k]!] = x[k]!;
  let ok = true;
  for (const rel of rels) {
    let sum = 0;
    for (const p of rel.parts) sum += table[p]!;
    const total = table[rel.total]!;
    if (!(Math.abs(sum - total) <= 1e-6 * (1 + Math.abs(total)))) {
      ok = false;
      break;
    }
  }
  for (const c of cells) table[c] = Number.NaN;
  return ok;
}

/**
 * An unbounded cell: checked by a ray, a direction d ≥ 0 with A·d = 0 and d[k] > 0, found by
 * bounding the cell at 1 over the homogeneous system (a second, small LP).
 */
function unboundedHolds(sys: LinearSystem, k: number): boolean {
  const ray: LinearSystem = {
    n: sys.n,
    rows: [...sys.rows.map((r) => ({ vars: r.vars, coefs: r.coefs, rhs: 0 })), { vars: [k], coefs: [1], rhs: 1 }],
  };
  try {
    const d = variableRanges(ray, [k])[0]!.atLower;
    return sys.rows.every((r) => Math.abs(r.vars.reduce((s, v, i) => s + r.coefs[i]! * d[v]!, 0)) <= 1e-9) && d[k]! > 0.5;
  } catch {
    return false;
  }
}
