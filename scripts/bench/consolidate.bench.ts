/**
 * Consolidation bench, at national scale: 4,000 SIAE over the 101 départements.
 *   1. from records already parsed (in memory): consolidate() alone — goal < 100 ms for 4,000,
 *      and the cost per SIAE at 400, 4,000 and 40,000 (linear: about constant);
 *   2. from xlsx files (one network table per département, written once in the system's temp
 *      folder): read + validate + consolidate, against reading alone.
 * Validation checks départements against the configured region, so each region's files are
 * validated with that region's settings, as each regional team would; the records are then
 * consolidated together.
 * Run: npx tsx scripts/bench.ts consolidate (IAE_BENCH_PART=1: the in-memory part only)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import { consolidate } from '../../src/core/consolidate/index.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import type { ReturnRecord, ValidationIssue } from '../../src/core/records.js';
import { fillNetworkTable, type TypedReturn } from '../../src/core/templates/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { validateXlsxBytes } from '../../src/hosts/xlsx/validate-bytes.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, luhnValid, type PartialReturn, type Settings } from '../../src/schema/index.js';
import { repeated } from './alternate.js';

const SIAE = 4000;
// The 101 départements: metropolitan France and the five overseas départements (not the
// collectivités d'outre-mer the data also lists).
const DEPS = (departementsData as { code: string; region?: string; zone?: string }[])
  .filter((d) => d.region && (d.zone === 'metro' || d.zone === 'drom'))
  .map((d) => ({ code: d.code, region: d.region! }));
if (DEPS.length !== 101) throw new Error(`${DEPS.length} départements au lieu de 101.`);
const CACHE = join(tmpdir(), 'iae-bench-consolidate-v2');

function siret(i: number): string {
  const first13 = `5${String(i).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  throw new Error('siret');
}

/** SIAE i: a demo return (valid, 2013) moved to département i mod 101, with its own SIRET. */
const demo = generateDemoRegion().siae.map((s) => s.values);
const returns = Array.from({ length: SIAE }, (_, i) => {
  const dep = DEPS[i % DEPS.length]!;
  const { annexe_financiere: _af, ...v } = demo[i % demo.length]!;
  return { dep, values: { ...v, siret: siret(i), departement: dep.code } };
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => void, runs: number) =>
  median(
    Array.from({ length: runs }, () => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    }),
  );

// 1. In memory, at three sizes: the cost per SIAE must stay flat (linear work).
function recordsFor(n: number): ReturnRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const dep = DEPS[i % DEPS.length]!;
    const { annexe_financiere: _af, ...v } = demo[i % demo.length]!;
    return {
      values: { ...v, siret: siret(i), departement: dep.code } as PartialReturn,
      source: { file: `reseau-${dep.code}.xlsx`, sheet: 'Retours', row: 10 + i, cells: {} },
      errors: 0,
      warnings: 0,
    };
  });
}
const records = recordsFor(SIAE);
consolidate({ records }); // warm-up
const inMemory = repeated(() => consolidate({ records }), 15);
const check = consolidate({ records });
console.log(
  `consolidation en mémoire : ${SIAE} SIAE, ${check.byPeriod.get(2013)!.byDepartement.size} départements → ${inMemory.cpu.toFixed(1)} ms CPU (${inMemory.wall.toFixed(1)} ms écoulées) (médiane de 15 ; objectif < 100 ms)`,
);
const perSiae: string[] = [];
for (const n of [400, 4_000, 40_000]) {
  const rs = n === SIAE ? records : recordsFor(n);
  consolidate({ records: rs });
  const t = n === SIAE ? inMemory : repeated(() => consolidate({ records: rs }), n > 10_000 ? 5 : 15);
  perSiae.push(`${n.toLocaleString('fr-FR')} SIAE : ${t.cpu.toFixed(1)} ms CPU (${t.wall.toFixed(1)} écoulées), ${((t.cpu * 1000) / n).toFixed(1)} µs CPU par SIAE`);
}
console.log(`coût par SIAE (linéaire si constant) : ${perSiae.join(' ; ')}`);
if (process.env.IAE_BENCH_PART === '1') process.exit(0);

// 2. From xlsx files, written once.
if (!existsSync(CACHE)) {
  const tmp = `${CACHE}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  const t0 = performance.now();
  for (const dep of DEPS) {
    const settings: Settings = { ...DEFAULT_SETTINGS, regionCode: dep.region };
    const rows = returns.filter((r) => r.dep.code === dep.code).map((r) => r.values as unknown as TypedReturn);
    const model = fillNetworkTable(settings, { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: `Réseau ${dep.code}`, IAE_EMETTEUR_DEPARTEMENT: dep.code, IAE_EMETTEUR_ANNEE: 2013 }, rows);
    writeFileSync(join(tmp, `${dep.region}-reseau-${dep.code}.xlsx`), await writeWorkbookModel(model));
  }
  renameSync(tmp, CACHE);
  console.log(`(fichiers écrits une fois dans ${CACHE} en ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
const files = readdirSync(CACHE)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(CACHE, f))) }));
const mb = files.reduce((s, f) => s + f.bytes.length, 0) / 1e6;

const readAll = () => files.map((f) => readXlsx(f.bytes, f.name));
readAll();
const readOnly = time(() => void readAll(), 3);

let validateMs = 0;
let consolidateMs = 0;
let kept = 0;
let errors = 0;
const full = time(() => {
  const t0 = performance.now();
  const all: ReturnRecord[] = [];
  const issues: ValidationIssue[] = [];
  const byRegion = new Map<string, typeof files>();
  for (const f of files) {
    const region = f.name.split('-')[0]!;
    byRegion.set(region, [...(byRegion.get(region) ?? []), f]);
  }
  for (const [region, list] of byRegion) {
    const report = validateXlsxBytes(list, { settings: { ...DEFAULT_SETTINGS, regionCode: region } });
    for (const f of report.files) {
      // No spread into push: a national table's records would all go on the stack.
      for (const r of f.records) all.push(r);
      for (const i of f.issues) issues.push(i);
    }
  }
  const t1 = performance.now();
  const result = consolidate({ records: all, issues });
  const t2 = performance.now();
  validateMs = t1 - t0;
  consolidateMs = t2 - t1;
  kept = result.kept.length;
  errors = issues.filter((i) => i.severity === 'erreur').length;
}, 3);
console.log(`fichiers xlsx : ${files.length} tableaux réseau (${mb.toFixed(1)} Mo), ${kept} retours retenus, ${errors} erreur(s)`);
console.log(`  lecture seule                        ${readOnly.toFixed(0).padStart(6)} ms`);
console.log(`  lecture + validation + consolidation ${full.toFixed(0).padStart(6)} ms  (dont validation avec lecture ${validateMs.toFixed(0)} ms, consolidation ${consolidateMs.toFixed(0)} ms)`);
console.log(`  rapport à la lecture seule : × ${(full / readOnly).toFixed(2)}`);
