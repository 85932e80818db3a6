/**
 * National campaign bench: 4,000 SIAE over the 101 départements, two years of returns, a
 * référentiel (each SIAE with its network) and an ASP extract, through the whole run
 * (runConsolidation: consolidation, plan, networks, « Données », every campaign module wired
 * into the run) from records already parsed. Printed:
 *   - the time after parsing for 4,000 SIAE (goal < 300 ms);
 *   - the cost per SIAE at 400, 4,000 and 40,000 SIAE (linear: about constant).
 * The inputs are plain objects of the shared types (Referentiel, AspExtract), so modules that
 * read them take part as soon as they plug into the run.
 * Run: npx tsx scripts/bench.ts campaign
 */
import { consolidate } from '../../src/core/consolidate/index.js';
import { donneesSheet } from '../../src/core/consolidated-workbook/index.js';
import { networkFigures, networksOfReturns } from '../../src/core/networks/index.js';
import type { ReturnRecord, ValidationIssue } from '../../src/core/records.js';
import { buildRunWorkbook, runConsolidation } from '../../src/core/run/index.js';
import { campaign, demo, DEPS, siret, YEARS, type Campaign } from './campaign-data.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Median wall and CPU (user + system) milliseconds of `runs` calls: on a busy machine, CPU time is the figure to read. */
function time(f: () => void, runs: number): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}
const ms = (t: { wall: number; cpu: number }) => `${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} ms écoulées)`;
const recordsOf = (c: Campaign) => c.input.report.files.flatMap((f) => f.records);

const national = campaign(4_000);
const run = runConsolidation(national.input); // warm-up, and what the run made of it
const whole = time(() => void runConsolidation(national.input), 9);
const records = recordsOf(national);
const issues = national.input.report.files.flatMap((f) => f.issues);
const peer = time(() => void consolidate({ records, issues }), 9);
console.log(
  `campagne nationale : 4 000 SIAE, ${DEPS.length} départements, ${YEARS.length} années (${national.records} retours), référentiel et extraction ASP → ${ms(whole)} après lecture (médiane de 9 ; objectif < 300 ms)`,
);
console.log(`  ${run.counts.kept} retours retenus, ${run.counts.excluded} écartés, ${run.counts.duplicates} doublons, ${run.networks.figures.periods[0]?.networks.length ?? 0} réseaux ; feuilles : ${buildRunWorkbook(run).sheets.map((s) => s.name).join(', ')}`);
console.log(`  rapport à la consolidation seule (${ms(peer)}) : × ${(whole.cpu / peer.cpu).toFixed(1)}`);
// The run's own parts, on its own result: where the time goes.
const nets = time(() => void networkFigures(run.result, networksOfReturns(run.result.kept, national.input.report.files, national.input.referentiel)), 9);
const donnees = time(() => void donneesSheet(run.result, run.networks.ofKept), 9);
console.log(`  dont réseaux (attribution et agrégats) ${ms(nets)}, feuille « Données » (${run.result.kept.length} lignes) ${ms(donnees)}`);

const perSiae: string[] = [];
for (const n of [400, 4_000, 40_000]) {
  const c = n === 4_000 ? national : campaign(n);
  runConsolidation(c.input);
  const t = time(() => void runConsolidation(c.input), n > 10_000 ? 3 : 9);
  perSiae.push(`${n.toLocaleString('fr-FR')} SIAE : ${t.cpu.toFixed(0)} ms CPU, ${((t.cpu * 1000) / n).toFixed(0)} µs par SIAE`);
}
console.log(`coût par SIAE, deux années chacune (linéaire si constant) : ${perSiae.join(' ; ')}`);

// One national table whose every row has an error: each return's reasons are found by its row,
// not by scanning the issues of its sheet (that scan made this quadratic).
const ROWS = 20_000;
const bad: ReturnRecord[] = [];
const badIssues: ValidationIssue[] = [];
for (let i = 0; i < ROWS; i++) {
  const row = 10 + i;
  bad.push({ values: { ...demo[i % demo.length]!, siret: siret(i), annee: 2025 }, source: { file: 'national.xlsx', sheet: 'Retours', row, cells: {} }, errors: 1, warnings: 0 });
  badIssues.push({ code: 'constraint-error', severity: 'erreur', file: 'national.xlsx', sheet: 'Retours', row, cell: `K${row}`, message: '« Femmes » dépasse « Personnes en insertion ».' });
}
const allBad = time(() => void consolidate({ records: bad, issues: badIssues }), 3);
console.log(`une feuille de ${ROWS.toLocaleString('fr-FR')} lignes toutes en erreur : ${ms(allBad)}, ${((allBad.cpu * 1000) / ROWS).toFixed(0)} µs par ligne`);
