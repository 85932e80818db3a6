/**
 * National campaign bench: 4,000 SIAE over the 101 départements, two years of returns, a
 * référentiel (each SIAE with its network) and an ASP extract, through the whole run
 * (runConsolidation: consolidation, plan, networks, « Données », every campaign module wired
 * into the run) from records already parsed. Printed:
 *   - the computation after parsing for 4,000 SIAE (goal < 300 ms): runConsolidation, the
 *     figures that « consolidated and reconciled » means (what --json and the summary give);
 *   - apart, the consolidated workbook's model (buildRunWorkbook), laid out only to write a workbook;
 *   - the cost per SIAE of each at 400, 4,000 and 40,000 SIAE (linear: about constant).
 * The inputs are plain objects of the shared types (Referentiel, AspExtract), so modules that
 * read them take part as soon as they plug into the run.
 * Run: npx tsx scripts/bench.ts campaign
 */
import { consolidate } from '../../src/core/consolidate/index.js';
import { donneesSheet } from '../../src/core/consolidated-workbook/index.js';
import { rapprochementSheet } from '../../src/core/consolidated-workbook/rapprochement.js';
import { reconcileWithAsp } from '../../src/core/reconcile/index.js';
import { networkFigures, networksOfReturns } from '../../src/core/networks/index.js';
import type { ReturnRecord, ValidationIssue } from '../../src/core/records.js';
import { buildRunWorkbook, runConsolidation } from '../../src/core/run/index.js';
import { repeated } from './alternate.js';
import { campaign, demo, DEPS, siret, YEARS, type Campaign } from './campaign-data.js';

const ms = (t: { wall: number; cpu: number }) => `${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} ms écoulées)`;
const recordsOf = (c: Campaign) => c.input.report.files.flatMap((f) => f.records);

const national = campaign(4_000);
const run = runConsolidation(national.input); // warm-up, and what the run made of it
const whole = repeated(() => void runConsolidation(national.input), 9);
const records = recordsOf(national);
const issues = national.input.report.files.flatMap((f) => f.issues);
const peer = repeated(() => void consolidate({ records, issues }), 9);
console.log(
  `campagne nationale : 4 000 SIAE, ${DEPS.length} départements, ${YEARS.length} années (${national.records} retours), référentiel et extraction ASP → calcul (consolidation, progression, complétude, rapprochement, évolution, réseaux) ${ms(whole)} après lecture (médiane de 9 ; objectif < 300 ms)`,
);
console.log(`  ${run.counts.kept} retours retenus, ${run.counts.excluded} écartés, ${run.counts.duplicates} doublons, ${run.reconciliation?.matched.length ?? 0} SIAE rapprochées de l'ASP, ${run.networks.figures.periods[0]?.networks.length ?? 0} réseaux`);
console.log(`  rapport à la consolidation seule (${ms(peer)}) : × ${(whole.cpu / peer.cpu).toFixed(1)}`);
// The run's own parts, on its own result: where the time goes.
const nets = repeated(() => void networkFigures(run.result, networksOfReturns(run.result.kept, national.input.report.files, national.input.referentiel)), 9);
const rec = repeated(() => void reconcileWithAsp(run.result.kept, national.input.asp!), 9);
console.log(`  dont réseaux (attribution et agrégats) ${ms(nets)}, rapprochement ASP ${ms(rec)}`);

// The workbook model: laid out only when a workbook is written (buildRunWorkbook), measured apart.
const book = buildRunWorkbook(run);
const cells = book.sheets.reduce((n, sh) => n + sh.cells.length, 0);
const model = repeated(() => void buildRunWorkbook(run), 5);
const donnees = repeated(() => void donneesSheet(run.result, run.networks.ofKept), 5);
const rapprochement = repeated(() => void rapprochementSheet(run.reconciliation!), 5);
console.log(`modèle du classeur consolidé (seulement pour écrire un classeur) : ${book.sheets.length} feuilles, ${cells.toLocaleString('fr-FR')} cellules → ${ms(model)} (médiane de 5)`);
console.log(`  dont « Données » (${run.result.kept.length} lignes) ${ms(donnees)}, « Rapprochement ASP » ${ms(rapprochement)}`);

const perSiae: string[] = [];
const perSiaeModel: string[] = [];
for (const n of [400, 4_000, 40_000]) {
  const c = n === 4_000 ? national : campaign(n);
  const r = runConsolidation(c.input);
  const t = n === 4_000 ? whole : repeated(() => void runConsolidation(c.input), n > 10_000 ? 3 : 9);
  perSiae.push(`${n.toLocaleString('fr-FR')} SIAE : ${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} écoulées), ${((t.cpu * 1000) / n).toFixed(0)} µs CPU par SIAE`);
  // At 40,000 SIAE the model holds tens of millions of cells: one measure (after the warm-up) is enough.
  const m = n === 4_000 ? model : repeated(() => void buildRunWorkbook(r), n > 10_000 ? 1 : 3);
  perSiaeModel.push(`${n.toLocaleString('fr-FR')} SIAE : ${m.cpu.toFixed(0)} ms CPU (${m.wall.toFixed(0)} écoulées), ${((m.cpu * 1000) / n).toFixed(0)} µs CPU par SIAE${n > 10_000 ? ' (une mesure)' : ''}`);
}
console.log(`coût du calcul par SIAE, deux années chacune (linéaire si constant) : ${perSiae.join(' ; ')}`);
console.log(`coût du modèle du classeur par SIAE (linéaire si constant) : ${perSiaeModel.join(' ; ')}`);

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
const allBad = repeated(() => void consolidate({ records: bad, issues: badIssues }), 3);
console.log(`une feuille de ${ROWS.toLocaleString('fr-FR')} lignes toutes en erreur : ${ms(allBad)}, ${((allBad.cpu * 1000) / ROWS).toFixed(0)} µs par ligne`);
