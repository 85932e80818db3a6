/**
 * Diffusion bench: primary + secondary suppression and the exact audit of every table of the
 * public version, for the demo (8 départements) and at national scale (4,000 SIAE over the 101
 * départements: tables of 101 départements × 5 kinds with margins); plus the worst case of the
 * property tests (one 101 × 5 table of random small counts). Goal: under 2 s at national scale.
 * Figures are printed, never asserted.
 * Run: npx tsx scripts/bench.ts diffusion
 */
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import { consolidate, type ConsolidationResult } from '../../src/core/consolidate/index.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import { periodScopes, protectPeriod, protectTable, type GridTable } from '../../src/core/diffusion/index.js';
import type { ReturnRecord } from '../../src/core/records.js';
import { DEFAULT_DIFFUSION_SETTINGS as S, type PartialReturn } from '../../src/schema/index.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = <T>(f: () => T, runs: number): { ms: number; out: T } => {
  let out: T | undefined;
  const ms = median(
    Array.from({ length: runs }, () => {
      const t0 = performance.now();
      out = f();
      return performance.now() - t0;
    }),
  );
  return { ms, out: out! };
};

function report(label: string, result: ConsolidationResult, runs: number): void {
  const periode = result.periods.at(-1)!;
  const scopes = periodScopes(result.byPeriod.get(periode)!, result.kept);
  const { ms, out } = time(() => protectPeriod(scopes, S), runs);
  const tables = [...out.people, ...out.amounts, out.exits, out.sectors];
  const counts = [...out.people, out.exits];
  const cells = counts.reduce((s, t) => s + t.table.values.length, 0);
  const hidden = counts.reduce((s, t) => s + t.hidden.size, 0);
  const one = time(() => protectTable(out.people[0]!.table, S), runs);
  const slowest = Math.max(...tables.map((t) => time(() => protectTable(t.table, S), 1).ms));
  console.log(
    `${label} : ${tables.length} tableaux (${scopes.departements.length} départements × ${scopes.kinds.length} types avec marges) : suppression + audit ${ms.toFixed(0)} ms en tout, ${one.ms.toFixed(1)} ms pour « personnes », ${slowest.toFixed(0)} ms pour le plus lent (objectif < 2 000 ms par tableau) ; cellules d'effectifs masquées ${hidden}/${cells} (${((100 * hidden) / cells).toFixed(1)} %) ; audit ${tables.every((t) => t.audit.ok) ? 'conforme' : 'NON CONFORME'}.`,
  );
}

const record = (values: PartialReturn, i: number): ReturnRecord => ({
  values,
  source: { file: 'bench.xlsx', sheet: 'Retours', row: i, cells: {} },
  errors: 0,
  warnings: 0,
});

// 1. The demo region.
const demo = generateDemoRegion().siae.map((s) => s.values);
report('Démo', consolidate({ records: demo.map((v, i) => record(v, i)) }), 5);

// 2. National scale: the demo's returns spread over the 101 départements, 4,000 SIAE.
const DEPS = (departementsData as { code: string; region?: string; zone?: string }[])
  .filter((d) => d.region && (d.zone === 'metro' || d.zone === 'drom'))
  .map((d) => d.code);
if (DEPS.length !== 101) throw new Error(`${DEPS.length} départements au lieu de 101.`);
const national = Array.from({ length: 4000 }, (_, i) =>
  record({ ...demo[i % demo.length]!, siret: String(50000000000000 + i), departement: DEPS[i % DEPS.length]! }, i),
);
report('National', consolidate({ records: national }), 3);

// 3. Worst case: one 101 × 5 table where a quarter of the cells are small counts.
let seed = 101;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const inner = Array.from({ length: 101 }, () => Array.from({ length: 5 }, () => Math.floor(rnd() * rnd() * 40)));
const values: number[] = [];
for (let r = 0; r <= 101; r++) {
  const row = r < 101 ? inner[r]! : [0, 1, 2, 3, 4].map((c) => inner.reduce((s, x) => s + x[c]!, 0));
  for (const v of row) values.push(v);
  values.push(row.reduce((s, v) => s + v, 0));
}
const worst: GridTable = {
  id: 'pire_cas',
  title: 'Pire cas',
  rowLabels: [...DEPS, 'Total'],
  colLabels: ['EI', 'ACI', 'AI', 'ETTI', 'EITI', 'Total'],
  rowMargin: true,
  colMargin: true,
  values,
  siae: values.map(() => 10),
  measure: 'count',
};
const w = time(() => protectTable(worst, S), 3);
const primary = [...w.out.hidden.values()].filter((r) => r !== 'secondaire').length;
console.log(
  `Pire cas (101 × 5 avec marges, petits effectifs aléatoires) : ${primary} cellules masquées par les règles, ${w.out.hidden.size - primary} en secondaire ; suppression + audit ${w.ms.toFixed(0)} ms (objectif < 2 000 ms) ; audit ${w.out.audit.ok ? 'conforme' : 'NON CONFORME'}.`,
);
