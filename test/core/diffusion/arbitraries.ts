import fc from 'fast-check';
import type { GridTable } from '../../../src/core/diffusion/index.js';

export const KINDS = ['EI', 'ACI', 'AI', 'ETTI', 'EITI'];

/** A small count, often below the threshold, sometimes 0, sometimes large. */
const smallCount = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 400 }));

/** A cell: its count and the SIAE behind it (none when the count is 0). */
const cell = fc.tuple(smallCount, fc.integer({ min: 1, max: 12 })).map(([v, n]) => ({ v, n: v === 0 ? 0 : Math.min(n, v) }));

/** A département × kind grid of random small counts with both margins, as published tables are. */
export function gridArb(maxRows: number, minKinds = 5): fc.Arbitrary<GridTable> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: minKinds, max: 5 }))
    .chain(([rows, kinds]) =>
      fc
        .array(fc.array(cell, { minLength: kinds, maxLength: kinds }), { minLength: rows, maxLength: rows })
        .map((inner) => withMargins(inner)),
    );
}

/** A 1-D table (parts and their total) per row, without a total row: how per-row tables look. */
export function rowsArb(maxRows: number): fc.Arbitrary<GridTable> {
  return fc.integer({ min: 1, max: maxRows }).chain((rows) =>
    fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 1 }).chain(([first]) =>
      fc.array(fc.array(cell, { minLength: first!.length, maxLength: first!.length }), { minLength: rows, maxLength: rows }).map((inner) => {
        const C = first!.length;
        const values: number[] = [];
        const siae: number[] = [];
        for (const row of inner) {
          values.push(...row.map((c) => c.v), row.reduce((s, c) => s + c.v, 0));
          siae.push(...row.map((c) => c.n), row.reduce((s, c) => s + c.n, 0));
        }
        return {
          id: 'lignes',
          title: 'Tableau à une dimension',
          rowLabels: inner.map((_, r) => `ligne ${r + 1}`),
          colLabels: [...Array.from({ length: C }, (_, c) => `partie ${c + 1}`), 'Total'],
          rowMargin: false,
          colMargin: true,
          values,
          siae,
          measure: 'count' as const,
        };
      }),
    ),
  );
}

export function withMargins(inner: readonly (readonly { v: number; n: number }[])[]): GridTable {
  const C = inner[0]!.length;
  const values: number[] = [];
  const siae: number[] = [];
  const push = (row: readonly { v: number; n: number }[]) => {
    values.push(...row.map((c) => c.v), row.reduce((s, c) => s + c.v, 0));
    siae.push(...row.map((c) => c.n), row.reduce((s, c) => s + c.n, 0));
  };
  for (const row of inner) push(row);
  push(Array.from({ length: C }, (_, c) => ({ v: inner.reduce((s, r) => s + r[c]!.v, 0), n: inner.reduce((s, r) => s + r[c]!.n, 0) })));
  return {
    id: 'dep_type',
    title: 'Département × type',
    rowLabels: [...inner.map((_, r) => `dép ${r + 1}`), 'Région'],
    colLabels: [...KINDS.slice(0, C), 'Toutes SIAE'],
    rowMargin: true,
    colMargin: true,
    values,
    siae,
    measure: 'count',
  };
}

/** A cell's value and SIAE, from a grid. */
const cellOf = (t: GridTable, i: number) => ({ v: t.values[i]!, n: t.siae[i]! });

/**
 * A per-network table beside a département × kind grid: rows = networks, columns = the grid's
 * kinds and their total, last row the region, which shows the grid's own region row (shared
 * figures). With `partition`, each network gathers whole départements, so the networks add up
 * to the region (both margins); otherwise networks overlap or leave SIAE out (random rows) and
 * the region row is no sum of them: only each row's total holds (explicit relations).
 */
export function networkTable(base: GridTable, networks: readonly (readonly { v: number; n: number }[])[] | 'partition', groups = 3): GridTable {
  const C = base.colLabels.length;
  const R = base.rowLabels.length;
  const region = Array.from({ length: C }, (_, c) => cellOf(base, (R - 1) * C + c));
  let rows: { v: number; n: number }[][];
  if (networks === 'partition') {
    rows = Array.from({ length: Math.min(groups, R - 1) }, () => Array.from({ length: C }, () => ({ v: 0, n: 0 })));
    for (let r = 0; r < R - 1; r++) {
      const g = rows[r % rows.length]!;
      for (let c = 0; c < C; c++) {
        g[c]!.v += base.values[r * C + c]!;
        g[c]!.n += base.siae[r * C + c]!;
      }
    }
  } else {
    rows = networks.map((row) => {
      const total = { v: row.reduce((s, x) => s + x.v, 0), n: row.reduce((s, x) => s + x.n, 0) };
      return [...row.map((x) => ({ ...x })), total];
    });
  }
  const all = [...rows, region];
  const values = all.flatMap((row) => row.map((x) => x.v));
  const siae = all.flatMap((row) => row.map((x) => x.n));
  const t: GridTable = {
    id: 'reseaux',
    title: 'Par réseau',
    rowLabels: [...rows.map((_, r) => `réseau ${r + 1}`), 'Région'],
    colLabels: base.colLabels,
    rowMargin: networks === 'partition',
    colMargin: true,
    values,
    siae,
    measure: base.measure,
  };
  if (networks === 'partition') return t;
  // Each network row sums to its total; the region row too (it is the grid's), but not the networks' columns.
  const relations = all.map((_, r) => ({ total: r * C + C - 1, parts: Array.from({ length: C - 1 }, (_, c) => r * C + c) }));
  return { ...t, relations };
}

/** The region row of a network table shows the grid's region row: cell by cell. */
export function regionLinks(base: GridTable, net: GridTable) {
  const C = base.colLabels.length;
  const Rb = base.rowLabels.length;
  const Rn = net.rowLabels.length;
  return Array.from({ length: C }, (_, c) => ({ base: 0, baseCell: (Rb - 1) * C + c, cell: (Rn - 1) * C + c }));
}

/** A grid and, with the same kinds, random overlapping networks (or a partition of its départements). */
export function gridAndNetworksArb(maxRows: number, maxNetworks: number): fc.Arbitrary<{ base: GridTable; net: GridTable }> {
  return gridArb(maxRows).chain((base) => {
    const K = base.colLabels.length - 1;
    const overlapping = fc
      .array(fc.array(cell, { minLength: K, maxLength: K }), { minLength: 1, maxLength: maxNetworks })
      .map((rows) => ({ base, net: networkTable(base, rows) }));
    const partition = fc.integer({ min: 1, max: maxNetworks }).map((g) => ({ base, net: networkTable(base, 'partition', g) }));
    return fc.oneof(overlapping, partition);
  });
}
