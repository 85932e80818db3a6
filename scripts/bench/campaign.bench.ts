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
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import type { AspExtract, AspRow } from '../../src/core/asp/index.js';
import type { Referentiel, ReferentielEntry } from '../../src/core/campaign/index.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import { consolidate } from '../../src/core/consolidate/index.js';
import { donneesSheet } from '../../src/core/consolidated-workbook/index.js';
import { networkFigures, networksOfReturns } from '../../src/core/networks/index.js';
import type { ReturnRecord, ValidationIssue } from '../../src/core/records.js';
import { runConsolidation, type RunInput } from '../../src/core/run/index.js';
import type { FileReport, ValidationReport } from '../../src/core/validate/report.js';
import { luhnValid, type PartialReturn, type SiaeKind } from '../../src/schema/index.js';

const YEARS = [2024, 2025] as const;
const NETWORKS = ['Chantier école', 'Coorace', 'Fédération des entreprises d\'insertion', 'Emmaüs', 'Tissons la solidarité', 'Unai'];
// The 101 départements: metropolitan France and the five overseas départements.
const DEPS = (departementsData as { code: string; region?: string; zone?: string }[])
  .filter((d) => d.region && (d.zone === 'metro' || d.zone === 'drom'))
  .map((d) => d.code);
if (DEPS.length !== 101) throw new Error(`${DEPS.length} départements au lieu de 101.`);

function siret(i: number): string {
  const first13 = `6${String(i).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  throw new Error('siret');
}

const demo = generateDemoRegion().siae.map((s) => s.values);

interface Campaign {
  readonly input: RunInput;
  readonly records: number;
}

/** n SIAE: each a demo return moved to département i mod 101, for both years; one network table per département and year. */
function campaign(n: number): Campaign {
  const files = new Map<string, { dep: string; records: ReturnRecord[]; issues: ValidationIssue[] }>();
  const forms: ReturnRecord[] = [];
  const entries: ReferentielEntry[] = [];
  const aspRows: AspRow[] = [];
  for (let i = 0; i < n; i++) {
    const dep = DEPS[i % DEPS.length]!;
    const v = demo[i % demo.length]!;
    const s = siret(i);
    const kind = v.type_siae as SiaeKind;
    const annexe = `${kind}0${dep.padStart(2, '0')}25${String(i).padStart(4, '0')}`;
    entries.push({
      siret: s,
      annexe,
      nom: `SIAE ${i}`,
      kind,
      departement: dep,
      // One SIAE in seven has no network in the référentiel: it takes its table's sender.
      ...(i % 7 === 0 ? {} : { reseau: NETWORKS[i % NETWORKS.length]! }),
      source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 5 + i },
    });
    for (const annee of YEARS) {
      const file = `reseau-${dep}-${annee}.xlsx`;
      let f = files.get(file);
      if (!f) files.set(file, (f = { dep, records: [], issues: [] }));
      const values: PartialReturn = { ...v, siret: s, annexe_financiere: `${annexe}A0M1`, departement: dep, annee };
      const row = 10 + f.records.length;
      // One SIAE in 25 has an error in 2025 (its return left out); one in 40 also sent its own form (a duplicate).
      const wrong = annee === 2025 && i % 25 === 0;
      f.records.push({ values, source: { file, sheet: 'Retours', row, cells: {} }, errors: wrong ? 1 : 0, warnings: 0 });
      if (wrong) f.issues.push({ code: 'constraint-error', severity: 'erreur', file, sheet: 'Retours', row, cell: `K${row}`, message: '« Femmes » dépasse « Personnes en insertion ».' });
      if (annee === 2025 && i % 40 === 1) forms.push({ values, source: { file: `siae-${i}.xlsx`, sheet: 'Retour SIAE', cells: {} }, errors: 0, warnings: 0 });
      const personnes = typeof v.personnes === 'number' ? v.personnes : 0;
      aspRows.push({
        annee,
        typeSiae: kind,
        annexe,
        annexeBrute: `${annexe}A0M1`,
        siret: s,
        denomination: `SIAE ${i}`,
        departement: dep,
        // A few figures differ from the returns, as in a real extract.
        figures: { personnes: i % 11 === 0 ? personnes + 1 : personnes, femmes: typeof v.femmes === 'number' ? v.femmes : 0 },
        source: { sheet: 'Extraction', row: 2 + aspRows.length, cells: {} },
      });
    }
  }
  const fileReports: FileReport[] = [];
  let records = 0;
  for (const [file, f] of files) {
    records += f.records.length;
    fileReports.push({
      file,
      template: { kind: 'reseau', via: 'metadata' },
      sheets: ['Retours'],
      records: f.records,
      issues: f.issues,
      counts: { rows: f.records.length, records: f.records.length, errors: f.issues.length, warnings: 0, omitted: 0 },
      sender: { type: 'Réseau', nom: `Réseau départemental ${f.dep}`, departement: f.dep },
      unreadable: false,
    });
  }
  for (const r of forms) {
    records++;
    fileReports.push({
      file: r.source.file,
      template: { kind: 'siae', via: 'metadata' },
      sheets: [r.source.sheet],
      records: [r],
      issues: [],
      counts: { rows: 1, records: 1, errors: 0, warnings: 0, omitted: 0 },
      unreadable: false,
    });
  }
  const report: ValidationReport = {
    files: fileReports,
    stats: { files: fileReports.length, unreadableFiles: 0, rows: records, records, errors: 0, warnings: 0, timeMs: 0 },
    periods: [...YEARS],
  };
  const referentiel: Referentiel = { file: 'referentiel.xlsx', origin: 'modele', periode: 2025, entries, issues: [] };
  const asp: AspExtract = { file: 'extraction-asp.xlsx', sheet: 'Extraction', columns: [], rows: aspRows, issues: [] };
  return { input: { report, referentiel, asp }, records };
}

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
console.log(`  ${run.counts.kept} retours retenus, ${run.counts.excluded} écartés, ${run.counts.duplicates} doublons, ${run.networks.figures.periods[0]?.networks.length ?? 0} réseaux ; feuilles : ${run.model.sheets.map((s) => s.name).join(', ')}`);
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
