/**
 * npm run demo: generates a demo region following the 2013 diagnostic of the regional strategy
 * (demo-data/retours, written once: delete the folder to regenerate), consolidates it with the
 * default action plan and the demo's référentiel of expected SIAE (demo-data/referentiel-siae.xlsx:
 * the demo SIAE plus a few that sent nothing), writes demo-data/consolidation.xlsx and prints our
 * figures beside the diagnostic's, then the collection per département. A second demo year (N−1,
 * demo-previous-year.ts) is consolidated first and given as reference, so the workbook shows
 * « Évolution », and the ASP's extract of the demo region gives « Rapprochement ASP »; the year N
 * figures depend on neither.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consolidateFiles } from '../src/apps/cli/consolidate.js';
import { writeAtomically } from '../src/apps/cli/out-path.js';
import { completenessLines } from '../src/core/campaign/index.js';
import { compareWithDiagnostic, demoAspExtract, demoReferentielRows, DIAGNOSTIC_2013, generateDemoRegion, withinRounding, type ComparisonRow } from '../src/core/demo/index.js';
import { fillReferentiel } from '../src/core/templates/index.js';
import { aspSummaryLine } from '../src/core/reconcile/index.js';
import { PROGRESS_STATUS_LABELS } from '../src/core/objectives/index.js';
import { writeDemoFiles } from '../src/hosts/xlsx/demo-files.js';
import { writeWorkbookModel } from '../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, formatNumberFr } from '../src/schema/index.js';
import { evolutionSummary } from '../src/core/evolution/index.js';
import { previousDemoYear } from './demo-previous-year.js';
import { buildRunWorkbook } from '../src/core/run/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'demo-data');
const returnsDir = join(dataDir, 'retours');
const out = join(dataDir, 'consolidation.xlsx');
// The ASP's extract of the demo region, beside the returns (never read as one of them).
const aspPath = join(dataDir, `extraction-asp-${DIAGNOSTIC_2013.annee}.xlsx`);
const referentielPath = join(dataDir, 'referentiel-siae.xlsx');
const rel = (p: string) => relative(process.cwd(), p) || '.';
const started = performance.now();

if (!existsSync(returnsDir)) {
  const region = generateDemoRegion();
  const files = await writeDemoFiles(region, returnsDir);
  console.log(`Données de démonstration écrites : ${files.length} fichiers dans ${rel(returnsDir)} (${region.siae.length} SIAE, année ${region.annee}).`);
} else {
  console.log(`Données de démonstration déjà présentes dans ${rel(returnsDir)} (supprimez le dossier pour les régénérer).`);
}

if (!existsSync(aspPath)) {
  const failedAsp = await writeAtomically(aspPath, await writeWorkbookModel(demoAspExtract(generateDemoRegion()).model));
  if (failedAsp) throw new Error(failedAsp);
  console.log(`Extraction ASP de démonstration écrite : ${rel(aspPath)}.`);
}

if (!existsSync(referentielPath)) {
  const region = generateDemoRegion();
  writeFileSync(referentielPath, await writeWorkbookModel(fillReferentiel(DEFAULT_SETTINGS, region.annee, demoReferentielRows(region))));
  console.log(`Référentiel des SIAE attendues écrit : ${rel(referentielPath)}.`);
}

// The same run as `iae consolidate --referentiel --asp --reference` and the task pane (src/core/run): the default plan, the same workbook.
const previous = await previousDemoYear(dataDir, (line) => console.log(line));
const run = await consolidateFiles([returnsDir], { exclude: [out], referentielPath, aspPath, reference: previous.reference, referencePath: previous.path });
const failed = await writeAtomically(out, await writeWorkbookModel(buildRunWorkbook(run)));
if (failed) throw new Error(failed);

const { result } = run;
console.log(
  `${run.files.length} fichiers consolidés : ${result.kept.length} retours retenus, ${result.excluded.length} écartés, ${result.anomalies.filter((a) => a.severity === 'erreur').length} erreur(s), ${result.anomalies.filter((a) => a.severity === 'avertissement').length} avertissement(s).`,
);
const periode = result.periods.at(-1) ?? DIAGNOSTIC_2013.annee;
const rows = compareWithDiagnostic(result, periode);
const show = (r: ComparisonRow, v: number | null) =>
  v === null ? 'sans donnée' : r.format === 'pourcentage' ? `${formatNumberFr(Math.round(v * 1000) / 10)} %` : formatNumberFr(Math.round(v * 10) / 10);
const signed = (v: number) => (v === 0 ? '0' : `${v > 0 ? '+' : ''}${formatNumberFr(v)}`);
const gap = (r: ComparisonRow) =>
  r.ecart === null ? '' : r.format === 'pourcentage' ? `${signed(Math.round(r.ecart * 1000) / 10 || 0)} pt` : signed(Math.round(r.ecart * 10) / 10 || 0);
const table = [
  ['Indicateur', `Nos chiffres (${periode})`, 'Diagnostic 2013', 'Écart', ''],
  ...rows.map((r) => [r.label, show(r, r.ours), `${r.atLeast ? 'plus de ' : ''}${show(r, r.seed)}`, gap(r), withinRounding(r) ? 'ok' : 'ÉCART']),
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
console.log('');
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
}
const off = rows.filter((r) => !withinRounding(r));
console.log('');
console.log(off.length === 0 ? 'Tous les chiffres du diagnostic 2013 sont reproduits (aux arrondis près).' : `${off.length} chiffre(s) s'écartent du diagnostic au-delà des arrondis.`);
if (run.evolution) console.log(evolutionSummary(run.evolution));
if (run.reconciliation) console.log(aspSummaryLine(run.reconciliation));
for (const p of run.problems) console.error(p);
console.log(`Objectifs (${run.planLabel}) : ${Object.entries(PROGRESS_STATUS_LABELS).map(([s, l]) => `${l.toLowerCase()} ${run.progress.filter((p) => p.statut === s).length}`).join(', ')}.`);
if (run.completeness) {
  console.log(`Collecte ${run.completeness.periode ?? ''} (référentiel ${rel(referentielPath)}) :`);
  for (const line of completenessLines(run.completeness)) console.log(`  ${line}`);
}
console.log(`Classeur consolidé : ${rel(out)} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
if (off.length > 0 || result.excluded.length > 0 || !run.evolution || run.problems.length > 0) process.exitCode = 1;
