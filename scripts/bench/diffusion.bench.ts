/**
 * Diffusion bench: primary + secondary suppression and the exact audit of every table of the
 * public version, for the demo (8 départements) and at national scale (4,000 SIAE over the 101
 * départements: tables of 101 départements × 5 kinds with margins); plus the worst case of the
 * property tests (one 101 × 5 table of random small counts); a per-network table linked to the
 * national « personnes » table (protectLinked). Goal: under 2 s at national scale. Also the share
 * of count cells hidden on the demo, why (rules or secondary), the lower bound no method can beat
 * under the rules, and the share with the min-SIAE rule on hours and ETP only.
 * Figures are printed, never asserted.
 * Run: npx tsx scripts/bench.ts diffusion
 */
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import { consolidate, type ConsolidationResult } from '../../src/core/consolidate/index.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import {
  hiddenLowerBound,
  periodScopes,
  protectLinked,
  protectPeriod,
  protectTable,
  type GridTable,
  type ProtectedTable,
} from '../../src/core/diffusion/index.js';
import type { ReturnRecord } from '../../src/core/records.js';
import { DEFAULT_DIFFUSION_SETTINGS as S, type DiffusionSettings, type PartialReturn } from '../../src/schema/index.js';

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

function report(label: string, result: ConsolidationResult, runs: number, s: DiffusionSettings = S): ReturnType<typeof protectPeriod> {
  const periode = result.periods.at(-1)!;
  const scopes = periodScopes(result.byPeriod.get(periode)!, result.kept);
  const { ms, out } = time(() => protectPeriod(scopes, s), runs);
  const tables = [...out.people, ...out.amounts, out.exits, out.sectors];
  const counts = [...out.people, out.exits];
  const cells = counts.reduce((s, t) => s + t.table.values.length, 0);
  const hidden = counts.reduce((s, t) => s + t.hidden.size, 0);
  const one = time(() => protectTable(out.people[0]!.table, s), runs);
  const slowest = Math.max(...tables.map((t) => time(() => protectTable(t.table, s), 1).ms));
  const why = reasons(counts);
  const bound = counts.reduce((n, t) => n + hiddenLowerBound(t.table, s), 0);
  console.log(
    `${label} : ${tables.length} tableaux (${scopes.departements.length} départements × ${scopes.kinds.length} types avec marges) : suppression + audit ${ms.toFixed(0)} ms en tout (objectif < 2 000 ms), ${one.ms.toFixed(1)} ms pour « personnes », ${slowest.toFixed(0)} ms pour le plus lent ; cellules d'effectifs masquées ${hidden}/${cells} (${((100 * hidden) / cells).toFixed(1)} % ; règles : ${why.petit_effectif} petits effectifs, ${why.peu_de_siae} moins de ${s.minSiae} SIAE, ${why.dominance} dominés par une SIAE ; secondaire : ${why.secondaire} ; minimum possible sous ces règles : ${bound}) ; audit ${tables.every((t) => t.audit.ok) ? 'conforme' : 'NON CONFORME'}.`,
  );
  return out;
}

function reasons(tables: readonly ProtectedTable[]) {
  const n = { petit_effectif: 0, peu_de_siae: 0, dominance: 0, secondaire: 0 };
  for (const t of tables) for (const r of t.hidden.values()) n[r]++;
  return n;
}

const record = (values: PartialReturn, i: number): ReturnRecord => ({
  values,
  source: { file: 'bench.xlsx', sheet: 'Retours', row: i, cells: {} },
  errors: 0,
  warnings: 0,
});

// 1. The demo region.
const demo = generateDemoRegion().siae.map((s) => s.values);
const demoResult = consolidate({ records: demo.map((v, i) => record(v, i)) });
report('Démo', demoResult, 5);
report('Démo, règle des SIAE sur les heures et ETP seulement (paramètre minSiaeScope « montants »)', demoResult, 5, { ...S, minSiaeScope: 'montants' });

// 2. National scale: the demo's returns spread over the 101 départements, 4,000 SIAE.
const DEPS = (departementsData as { code: string; region?: string; zone?: string }[])
  .filter((d) => d.region && (d.zone === 'metro' || d.zone === 'drom'))
  .map((d) => d.code);
if (DEPS.length !== 101) throw new Error(`${DEPS.length} départements au lieu de 101.`);
// One SIAE in nine becomes an EITI (the demo has none): tables of 101 départements × 5 kinds.
const national = Array.from({ length: 4000 }, (_, i) =>
  record(
    { ...demo[i % demo.length]!, siret: String(50000000000000 + i), departement: DEPS[i % DEPS.length]!, ...(i % 9 === 4 ? { type_siae: 'EITI' } : {}) },
    i,
  ),
);
const nat = report('National', consolidate({ records: national }), 3);

// 2b. A per-network table at national scale: 30 « networks », each with part of the SIAE of
// two départements (40 % of one, 30 % of another: SIAE belong to one network, several or none),
// so the region row is no sum of the networks: each row's total is its only relation and the
// table goes the linear-programming way. Its region row is the region row of « personnes »
// (shared figures), protected and audited with it.
const people = nat.people[0]!;
const C = people.table.colLabels.length;
const R = people.table.rowLabels.length;
const NETWORKS = 30;
const netValues: number[] = [];
const netSiae: number[] = [];
for (let g = 0; g <= NETWORKS; g++) {
  const parts = g < NETWORKS ? [{ r: g, f: 0.4 }, { r: (g + 30) % (R - 1), f: 0.3 }] : [{ r: R - 1, f: 1 }];
  const row = Array.from({ length: C - 1 }, (_, c) => ({
    v: parts.reduce((sum, p) => sum + Math.floor(p.f * people.table.values[p.r * C + c]!), 0),
    n: parts.reduce((sum, p) => sum + Math.ceil(p.f * people.table.siae[p.r * C + c]!), 0),
  }));
  if (g === NETWORKS) row.push({ v: people.table.values[R * C - 1]!, n: people.table.siae[R * C - 1]! });
  else row.push({ v: row.reduce((sum, x) => sum + x.v, 0), n: row.reduce((sum, x) => sum + x.n, 0) });
  for (const x of row) {
    netValues.push(x.v);
    netSiae.push(x.n);
  }
}
const networkTable: GridTable = {
  ...people.table,
  id: 'reseaux',
  title: 'Par réseau',
  rowLabels: [...Array.from({ length: NETWORKS }, (_, g) => `Réseau ${g + 1}`), 'Total'],
  rowMargin: false,
  values: netValues,
  siae: netSiae,
  present: undefined,
  relations: Array.from({ length: NETWORKS + 1 }, (_, r) => ({ total: r * C + C - 1, parts: Array.from({ length: C - 1 }, (_, c) => r * C + c) })),
};
const shared = Array.from({ length: C }, (_, c) => ({ base: 0, baseCell: (R - 1) * C + c, cell: NETWORKS * C + c }));
const linked = time(() => protectLinked(networkTable, [people], shared, S), 3);
const netPrimary = [...linked.out.table.hidden.values()].filter((r) => r !== 'secondaire').length;
console.log(
  `Par réseau (${NETWORKS} réseaux, relations par ligne seulement, × ${C - 1} types, ligne région partagée avec « personnes » national) : ${netPrimary} cellules masquées par les règles, ${linked.out.table.hidden.size - netPrimary} en secondaire, sur ${netValues.length} ; protection et audit conjoints ${linked.ms.toFixed(0)} ms ; audit ${linked.out.table.audit.ok && linked.out.baseAudit.every((e) => e.ok) ? 'conforme' : 'NON CONFORME'}.`,
);

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
