/**
 * The inputs of the diffusion bench (diffusion.bench.ts), in a module of their own so that a
 * test (test/core/diffusion/bench-tables.test.ts) builds and protects them on a small scale:
 * the bench's code path cannot rot unseen again.
 */
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import type { Referentiel } from '../../src/core/campaign/index.js';
import { consolidate } from '../../src/core/consolidate/index.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import type { GridTable, ProtectedTable, SharedCell } from '../../src/core/diffusion/index.js';
import { computeEvolution } from '../../src/core/evolution/index.js';
import { networkFigures, networksOfReturns } from '../../src/core/networks/index.js';
import type { ReturnRecord } from '../../src/core/records.js';
import type { ConsolidationRun } from '../../src/core/run/index.js';
import type { PartialReturn, SiaeKind } from '../../src/schema/index.js';

export const record = (values: PartialReturn, i: number): ReturnRecord => ({
  values,
  source: { file: 'bench.xlsx', sheet: 'Retours', row: i, cells: {} },
  errors: 0,
  warnings: 0,
});

/** The demo region's returns (407 SIAE over the 8 départements of Ile-de-France). */
export const demoValues = (): PartialReturn[] => generateDemoRegion().siae.map((s) => s.values);

/** The 101 départements (metropolitan and overseas). */
export function allDepartements(): string[] {
  const deps = (departementsData as { code: string; region?: string; zone?: string }[])
    .filter((d) => d.region && (d.zone === 'metro' || d.zone === 'drom'))
    .map((d) => d.code);
  if (deps.length !== 101) throw new Error(`${deps.length} départements au lieu de 101.`);
  return deps;
}

/**
 * National scale: the demo's returns spread over the départements, `count` SIAE (4,000 in the
 * bench); one SIAE in nine becomes an EITI (the demo has none): tables of départements × 5 kinds.
 */
export function nationalRecords(demo: readonly PartialReturn[], departements: readonly string[], count: number): ReturnRecord[] {
  return Array.from({ length: count }, (_, i) =>
    record(
      { ...demo[i % demo.length]!, siret: String(50000000000000 + i), departement: departements[i % departements.length]!, ...(i % 9 === 4 ? { type_siae: 'EITI' } : {}) },
      i,
    ),
  );
}

/**
 * A per-network table that is no partition: `networks` « networks », each with part of the SIAE
 * of two départements (40 % of one, 30 % of another: SIAE belong to one network, several or
 * none), so the region row is no sum of the networks: each row's total is its only relation and
 * the table goes the linear-programming way. Its region row is the region row of `people`
 * (shared figures), protected and audited with it (protectLinked).
 */
export function overlappingNetworkTable(people: ProtectedTable, networks: number): { table: GridTable; shared: SharedCell[] } {
  const base = people.table;
  const C = base.colLabels.length;
  const R = base.rowLabels.length;
  const values: number[] = [];
  const siae: number[] = [];
  for (let g = 0; g <= networks; g++) {
    const parts = g < networks ? [{ r: g % (R - 1), f: 0.4 }, { r: (g + 30) % (R - 1), f: 0.3 }] : [{ r: R - 1, f: 1 }];
    const row = Array.from({ length: C - 1 }, (_, c) => ({
      v: parts.reduce((sum, p) => sum + Math.floor(p.f * base.values[p.r * C + c]!), 0),
      n: parts.reduce((sum, p) => sum + Math.ceil(p.f * base.siae[p.r * C + c]!), 0),
    }));
    if (g === networks) row.push({ v: base.values[R * C - 1]!, n: base.siae[R * C - 1]! });
    else row.push({ v: row.reduce((sum, x) => sum + x.v, 0), n: row.reduce((sum, x) => sum + x.n, 0) });
    for (const x of row) {
      values.push(x.v);
      siae.push(x.n);
    }
  }
  // Every per-cell array is built here, to this table's size: nothing is taken from the base
  // table (its `largest`, `present` or `fixed` are per cell of a grid of another size).
  const table: GridTable = {
    id: 'reseaux',
    title: 'Par réseau',
    rowLabels: [...Array.from({ length: networks }, (_, g) => `Réseau ${g + 1}`), 'Total'],
    colLabels: base.colLabels,
    rowMargin: false,
    colMargin: true,
    values,
    siae,
    measure: base.measure,
    relations: Array.from({ length: networks + 1 }, (_, r) => ({ total: r * C + C - 1, parts: Array.from({ length: C - 1 }, (_, c) => r * C + c) })),
  };
  const shared = Array.from({ length: C }, (_, c) => ({ base: 0, baseCell: (R - 1) * C + c, cell: networks * C + c }));
  return { table, shared };
}

/**
 * A run as publicWorkbookOfRun takes it, at any scale: the records as the last year and, when
 * `previousYear`, the same returns less one SIAE in seven as the year before (« Évolution »);
 * networks from a référentiel that puts each SIAE in one of `networks` networks (one SIAE in
 * eleven in none: « Réseau non renseigné »), so « Par réseau » has its 15 linked tables.
 */
export function runOf(records: readonly ReturnRecord[], networks: number, previousYear: boolean): Pick<ConsolidationRun, 'result' | 'networks' | 'evolution'> {
  const all = previousYear ? [...records, ...records.filter((_, i) => i % 7 !== 0).map((r) => ({ ...r, values: { ...r.values, annee: Number(r.values.annee) - 1 } }))] : [...records];
  const result = consolidate({ records: all });
  const entries: Referentiel['entries'][number][] = [];
  records.forEach((r, i) => {
    if (i % 11 === 0) return;
    const siret = String(r.values.siret);
    entries.push({
      siret,
      nom: `Structure ${i}`,
      kind: r.values.type_siae as SiaeKind,
      departement: String(r.values.departement),
      reseau: `Réseau ${1 + (i % networks)}`,
      source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 5 + i },
    });
  });
  const referentiel: Referentiel = { file: 'referentiel.xlsx', origin: 'modele', entries, issues: [] };
  const ofKept = networksOfReturns(result.kept, [], referentiel);
  const evolution = computeEvolution(result, undefined).evolution;
  return { result, networks: { ofKept, figures: networkFigures(result, ofKept) }, ...(evolution ? { evolution } : {}) };
}

/** The worst case of the property tests: one départements × 5 table where a quarter of the cells are small counts. */
export function worstTable(departements: readonly string[]): GridTable {
  let seed = 101;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const D = departements.length;
  const inner = Array.from({ length: D }, () => Array.from({ length: 5 }, () => Math.floor(rnd() * rnd() * 40)));
  const values: number[] = [];
  for (let r = 0; r <= D; r++) {
    const row = r < D ? inner[r]! : [0, 1, 2, 3, 4].map((c) => inner.reduce((s, x) => s + x[c]!, 0));
    for (const v of row) values.push(v);
    values.push(row.reduce((s, v) => s + v, 0));
  }
  return {
    id: 'pire_cas',
    title: 'Pire cas',
    rowLabels: [...departements, 'Total'],
    colLabels: ['EI', 'ACI', 'AI', 'ETTI', 'EITI', 'Total'],
    rowMargin: true,
    colMargin: true,
    values,
    siae: values.map(() => 10),
    measure: 'count',
  };
}
