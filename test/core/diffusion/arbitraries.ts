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
