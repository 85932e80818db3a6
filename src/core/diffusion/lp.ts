/**
 * A small dense simplex for the audit: over y ≥ 0 with A·y = b, the smallest and largest value
 * of each variable. Tables are split into independent pieces before this runs, so each system
 * holds tens of variables, rarely a few hundred: a dense tableau is plenty. Bland's rule (lowest
 * index enters, lowest basic index leaves on ties) rules out cycling on degenerate tables,
 * which additive tables with zeros always are.
 */

export interface LinearSystem {
  /** Number of variables. */
  readonly n: number;
  /** Rows of A as sparse (variable index, coefficient) pairs. */
  readonly rows: readonly { readonly vars: readonly number[]; readonly coefs: readonly number[]; readonly rhs: number }[];
}

export interface VariableRange {
  readonly lower: number;
  /** Infinity when nothing published bounds the variable from above. */
  readonly upper: number;
  /** A solution reaching the lower bound, and one reaching the upper bound (undefined when unbounded). */
  readonly atLower: Float64Array;
  readonly atUpper: Float64Array | undefined;
}

export class InfeasibleSystemError extends Error {}

const EPS = 1e-9;

class Tableau {
  /** m rows of width w = columns + 1 (right-hand side last). */
  readonly t: Float64Array[];
  readonly basis: number[];
  readonly obj: Float64Array;
  constructor(
    rows: Float64Array[],
    basis: number[],
    readonly columns: number,
  ) {
    this.t = rows;
    this.basis = basis;
    this.obj = new Float64Array(columns + 1);
  }

  /** Sets the objective (minimise c·x) as reduced costs for the current basis. */
  setCost(c: Float64Array): void {
    const w = this.columns + 1;
    // The objective row is rewritten in place: one per program, thousands per public version.
    const o = this.obj;
    for (let j = 0; j < this.columns; j++) o[j] = c[j]!;
    o[this.columns] = 0;
    this.t.forEach((row, i) => {
      const cb = c[this.basis[i]!]!;
      if (cb !== 0) for (let j = 0; j < w; j++) o[j]! -= cb * row[j]!;
    });
  }

  pivot(r: number, col: number): void {
    const w = this.columns + 1;
    const pr = this.t[r]!;
    const p = pr[col]!;
    for (let j = 0; j < w; j++) pr[j]! /= p;
    pr[col] = 1;
    const elim = (row: Float64Array) => {
      const f = row[col]!;
      if (f === 0) return;
      for (let j = 0; j < w; j++) row[j]! -= f * pr[j]!;
      row[col] = 0;
    };
    this.t.forEach((row, i) => {
      if (i !== r) elim(row);
    });
    elim(this.obj);
    this.basis[r] = col;
  }

  /** Minimises the current objective over columns < allowed; false when unbounded. */
  minimise(allowed: number): boolean {
    const rhs = this.columns;
    for (;;) {
      let enter = -1;
      for (let j = 0; j < allowed; j++) {
        if (this.obj[j]! < -EPS) {
          enter = j;
          break;
        }
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Infinity;
      this.t.forEach((row, i) => {
        const a = row[enter]!;
        if (a <= EPS) return;
        const ratio = row[rhs]! / a;
        if (ratio < best - EPS) {
          best = ratio;
          leave = i;
        } else if (ratio <= best + EPS && this.basis[i]! < this.basis[leave]!) {
          leave = i;
        }
      });
      if (leave < 0) return false;
      this.pivot(leave, enter);
    }
  }

  solution(n: number): Float64Array {
    const x = new Float64Array(n);
    this.basis.forEach((b, i) => {
      if (b < n) x[b] = Math.max(0, this.t[i]![this.columns]!);
    });
    return x;
  }
}

/**
 * Two-phase simplex: a feasible basis of A·y = b, y ≥ 0, over the original columns only. Each
 * row starts with an artificial variable as its basic one; an artificial that leaves never comes
 * back, so its column is not kept at all (the tableau is n + 1 wide instead of n + m + 1: the
 * national audit's programs have as many rows as columns, and this halves each pivot).
 */
function feasibleTableau(sys: LinearSystem): Tableau {
  const { n } = sys;
  const m = sys.rows.length;
  const rows = sys.rows.map((r) => {
    const row = new Float64Array(n + 1);
    const sign = r.rhs < 0 ? -1 : 1;
    r.vars.forEach((v, k) => {
      row[v]! += sign * r.coefs[k]!;
    });
    row[n] = sign * r.rhs;
    return row;
  });
  // Artificial variable of row i: index n + i (basic, never a column).
  const tab = new Tableau(rows, rows.map((_, i) => n + i), n);
  const c = new Float64Array(n + m);
  for (let i = 0; i < m; i++) c[n + i] = 1;
  tab.setCost(c);
  tab.minimise(n);
  const scale = 1 + sys.rows.reduce((s, r) => Math.max(s, Math.abs(r.rhs)), 0);
  if (-tab.obj[n]! > 1e-7 * scale) throw new InfeasibleSystemError('Système infaisable : les chiffres publiés ne sont pas cohérents.');
  // Drive artificial variables out of the basis; a row where none can leave is redundant.
  const keep: number[] = [];
  tab.basis.forEach((b, i) => {
    if (b < n) {
      keep.push(i);
      return;
    }
    const row = tab.t[i]!;
    let col = -1;
    for (let j = 0; j < n; j++) {
      if (Math.abs(row[j]!) > EPS) {
        col = j;
        break;
      }
    }
    if (col >= 0) {
      tab.pivot(i, col);
      keep.push(i);
    }
  });
  // Without the redundant rows.
  return new Tableau(keep.map((i) => tab.t[i]!), keep.map((i) => tab.basis[i]!), n);
}

/**
 * For each variable of `targets`, its smallest and largest value over A·y = b, y ≥ 0.
 * A variable seen at 0 in a solution already found (a basic solution has most of its variables
 * at 0) has 0 for its smallest value, exactly, since y ≥ 0: that solution is its witness and no
 * program is solved for it. With `enough` (a width per target), a target whose values seen
 * across the solutions already found span that width is not optimised: its range is then the
 * span seen, each end reached by a solution (the secondary suppression only needs to know the
 * width is there).
 */
export function variableRanges(sys: LinearSystem, targets: readonly number[], enough?: readonly number[]): VariableRange[] {
  const tab = feasibleTableau(sys);
  const { n } = sys;
  const first = tab.solution(n);
  const lowSol: Float64Array[] = Array.from({ length: n }, () => first);
  const highSol: Float64Array[] = Array.from({ length: n }, () => first);
  const seen = (x: Float64Array) => {
    for (let j = 0; j < n; j++) {
      if (x[j]! < lowSol[j]![j]!) lowSol[j] = x;
      if (x[j]! > highSol[j]![j]!) highSol[j] = x;
    }
  };
  // A row whose coefficients are all positive bounds each of its variables: y_k ≤ rhs / a_k. A
  // variable seen at that bound in a solution already found has it for its largest value (that
  // solution is the witness): two cells of a rectangle reach their largest values together.
  const cap = new Float64Array(n).fill(Infinity);
  for (const r of sys.rows) {
    if (r.rhs < 0 || r.coefs.some((a) => a <= 0)) continue;
    r.vars.forEach((v, k) => {
      cap[v] = Math.min(cap[v]!, r.rhs / r.coefs[k]!);
    });
  }
  const c = new Float64Array(n);
  return targets.map((k, i) => {
    const want = enough?.[i];
    if (want !== undefined && highSol[k]![k]! - lowSol[k]![k]! >= want) {
      return { lower: lowSol[k]![k]!, upper: highSol[k]![k]!, atLower: lowSol[k]!, atUpper: highSol[k]! };
    }
    let atLower = lowSol[k]!;
    if (atLower[k]! > EPS) {
      c.fill(0);
      c[k] = 1;
      tab.setCost(c);
      tab.minimise(n);
      atLower = tab.solution(n);
      seen(atLower);
    }
    if (highSol[k]![k]! >= cap[k]! - EPS * (1 + cap[k]!)) {
      return { lower: atLower[k]!, upper: highSol[k]![k]!, atLower, atUpper: highSol[k]! };
    }
    c.fill(0);
    c[k] = -1;
    tab.setCost(c);
    const bounded = tab.minimise(n);
    const atUpper = bounded ? tab.solution(n) : undefined;
    if (atUpper) seen(atUpper);
    return { lower: atLower[k]!, upper: atUpper ? atUpper[k]! : Infinity, atLower, atUpper };
  });
}

/**
 * A solution of A·y = b, y ≥ 0 minimising cost·y (the secondary suppression's search for the
 * cheapest move on tables of any shape); undefined when the system has no solution or the cost
 * is unbounded below.
 */
export function cheapestSolution(sys: LinearSystem, cost: ArrayLike<number>): Float64Array | undefined {
  let tab: Tableau;
  try {
    tab = feasibleTableau(sys);
  } catch (e) {
    if (e instanceof InfeasibleSystemError) return undefined;
    throw e;
  }
  const c = new Float64Array(sys.n);
  for (let j = 0; j < sys.n; j++) c[j] = cost[j]!;
  tab.setCost(c);
  return tab.minimise(sys.n) ? tab.solution(sys.n) : undefined;
}
