import {
  colsOf,
  departementKindTable,
  rowsOf,
  type ExtraPublicTable,
  type GridTable,
  type PeriodScopes,
} from '../../../src/core/diffusion/index.js';

/**
 * A per-network table from the demo's own figures: four « networks » gathering départements
 * (rows; the second is Seine-et-Marne alone, whose ETTI are two and EI people under justice
 * four), the kinds and their total (columns), the region last — the same region row as the
 * département × kind table, hence shared figures.
 */
export const GROUPS = [[0], [1], [2, 3, 4], [5, 6, 7]];
export const CODE = 'sous_main_justice';
function networksOf(scopes: PeriodScopes): GridTable {
  const base = departementKindTable(scopes, CODE, 'count');
  const C = colsOf(base);
  const R = rowsOf(base);
  const values: number[] = [];
  const siae: number[] = [];
  for (const g of GROUPS) {
    for (let c = 0; c < C; c++) {
      values.push(g.reduce((sum, r) => sum + base.values[r * C + c]!, 0));
      siae.push(g.reduce((sum, r) => sum + base.siae[r * C + c]!, 0));
    }
  }
  for (let c = 0; c < C; c++) {
    values.push(base.values[(R - 1) * C + c]!);
    siae.push(base.siae[(R - 1) * C + c]!);
  }
  return {
    id: 'justice_reseaux',
    title: 'Personnes sous main de justice par réseau',
    rowLabels: [...GROUPS.map((_, g) => `Réseau ${g + 1}`), base.rowLabels[R - 1]!],
    colLabels: base.colLabels,
    rowMargin: true,
    colMargin: true,
    values,
    siae,
    measure: 'count',
  };
}

export const networks: ExtraPublicTable = {
  sheet: 'Par réseau',
  build: networksOf,
  shared: (t) => {
    const C = colsOf(t);
    const base = rowsOf(t) - 1;
    // The département table has 9 rows (8 départements and the region): its region row is row 8.
    // A network of one département shows that département's row: the same figures too.
    const rows: [number, number][] = [[8, base], ...GROUPS.flatMap((g, k): [number, number][] => (g.length === 1 ? [[g[0]!, k]] : []))];
    return rows.flatMap(([from, to]) => Array.from({ length: C }, (_, c) => ({ table: CODE, baseCell: from * C + c, cell: to * C + c })));
  },
};

