/**
 * `iae consolidate`: validates returns (files or folders), consolidates them per period,
 * département and kind, measures the action plan's objectives, and writes the consolidated
 * workbook (and/or prints the figures as JSON).
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { consolidate, consolidationJson, figureValue, type ConsolidationJson, type ConsolidationResult } from '../../core/consolidate/index.js';
import { buildConsolidatedWorkbook } from '../../core/consolidated-workbook/index.js';
import { computeProgress, defaultPlan, progressJson, readPlan, PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ActionPlan, type ObjectiveProgress } from '../../core/objectives/index.js';
import type { ValidationIssue } from '../../core/records.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { readXlsxFile } from '../../hosts/xlsx/read-file.js';
import { collectXlsxFiles, validateFiles } from '../../hosts/xlsx/validate-files.js';
import { writeWorkbookModel } from '../../hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, formatNumberFr, formatPercentFr, type Settings } from '../../schema/index.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';

const HELP = `Usage : iae consolidate <fichiers ou dossiers…> [--plan plan.xlsx] --out consolidation.xlsx [--json] [--force]

Vérifie puis consolide des retours IAE (formulaires SIAE, tableaux réseau / département, en
tout mélange) : par département et type de SIAE, par département, par type et pour la région,
année par année (des années différentes ne sont jamais additionnées). Un retour avec au moins
une erreur est écarté (avec son motif) ; une SIAE présente deux fois (même SIRET, même année)
n'est comptée qu'une fois. Mesure ensuite la progression des objectifs du plan d'actions.

Options :
  --plan FICHIER    plan d'actions (modèle de plan ou feuille ayant les mêmes colonnes) ;
                    à défaut, un plan trouvé parmi les fichiers, sinon le plan par défaut
                    (exemples du modèle)
  --out FICHIER     classeur consolidé à écrire (.xlsx)
  --json            écrit les chiffres en JSON (région, départements, objectifs, anomalies)
  --force           remplace le fichier --out s'il existe déjà
  -h, --help        cette aide

Code de sortie : 0 aucune erreur, 1 des retours écartés pour erreurs (le classeur est écrit
quand même), 2 fichier illisible ou introuvable, ou mauvaise utilisation.
`;

export interface ConsolidationRun {
  readonly report: ValidationReport;
  readonly result: ConsolidationResult;
  readonly plan: ActionPlan;
  readonly progress: readonly ObjectiveProgress[];
  /** Files read as returns (the plan and the output file are left out). */
  readonly files: readonly string[];
  /** Problems with the paths or the plan that make the run incomplete. */
  readonly problems: readonly string[];
}

export interface ConsolidationOptions {
  readonly planPath?: string;
  /** Paths never read as returns (the output file, say). */
  readonly exclude?: readonly string[];
  readonly settings?: Settings;
}

/** Validates and consolidates files and folders; shared by the CLI and the demo script. */
export async function consolidateFiles(paths: readonly string[], options: ConsolidationOptions = {}): Promise<ConsolidationRun> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const skip = new Set([...(options.exclude ?? []), ...(options.planPath ? [options.planPath] : [])].map((p) => resolve(p)));
  const collected = await collectXlsxFiles(paths);
  const problems = collected.problems.map((p) => p.message);
  const files = collected.files.filter((f) => !skip.has(resolve(f)));
  const report = await validateFiles(files, { settings });
  const records = report.files.flatMap((f) => f.records);
  const issues: ValidationIssue[] = report.files.flatMap((f) => f.issues);
  for (const p of collected.problems) issues.push({ code: 'unreadable-file', severity: 'erreur', file: p.path, message: p.message });
  const result = consolidate({ records, issues, files: report.files.map((f) => f.file) });

  let plan: ActionPlan;
  const planPath = options.planPath ?? onlyPlanAmong(report);
  if (planPath) {
    try {
      plan = readPlan(await readXlsxFile(planPath), settings);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      problems.push(`Plan d'actions illisible : ${message}`);
      plan = { name: basename(planPath), targets: [], issues: [{ code: 'unreadable-file', severity: 'erreur', file: basename(planPath), message }] };
    }
  } else plan = defaultPlan(settings);
  return { report, result, plan, progress: computeProgress(plan, result), files, problems };
}

/** A plan found among the inputs is used when --plan is not given, provided it is the only one. */
function onlyPlanAmong(report: ValidationReport): string | undefined {
  const plans = report.files.filter((f) => f.template.kind === 'plan');
  return plans.length === 1 ? plans[0]!.file : undefined;
}

export function runJson(run: ConsolidationRun): ConsolidationJson {
  const json = consolidationJson(run.result, run.progress.map(progressJson));
  for (const issue of run.plan.issues) json.anomalies.push(issue);
  return json;
}

export const command: Command = {
  summary: 'consolider des retours et mesurer les objectifs du plan d\'actions',
  help: HELP,
  async run(args, io) {
    const paths: string[] = [];
    let json = false;
    let force = false;
    let out: string | undefined;
    let planPath: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = (name: string): string | undefined => (a.startsWith(`${name}=`) ? a.slice(name.length + 1) : args[++i]);
      if (a === '--help' || a === '-h') {
        io.out(HELP);
        return EXIT_OK;
      } else if (a === '--json') json = true;
      else if (a === '--force') force = true;
      else if (a === '--out' || a.startsWith('--out=')) out = value('--out');
      else if (a === '--plan' || a.startsWith('--plan=')) planPath = value('--plan');
      else if (a === '--') {
        for (const p of args.slice(i + 1)) paths.push(p);
        break;
      }
      else if (a.startsWith('-') && a.length > 1) return usage(io, `Option inconnue : « ${a} ».`);
      else paths.push(a);
    }
    if (paths.length === 0) return usage(io, 'Indiquez au moins un fichier ou un dossier de retours à consolider.');
    if (out === '' || (args.includes('--out') && out === undefined)) return usage(io, '--out attend le nom du classeur à écrire.');
    if (planPath === '' || (args.includes('--plan') && planPath === undefined)) return usage(io, '--plan attend le nom du classeur du plan d\'actions.');
    if (out === undefined && !json) return usage(io, 'Indiquez le classeur à écrire avec --out (ou --json pour les chiffres seuls).');
    if (out !== undefined && !/\.xlsx$/i.test(out)) return usage(io, `Le classeur consolidé doit avoir l'extension .xlsx (reçu : « ${out} »).`);
    if (out !== undefined && existsSync(out) && !force) {
      io.err(`Le fichier « ${out} » existe déjà : il n'a pas été modifié. Ajoutez --force pour le remplacer, ou choisissez un autre nom.\n`);
      return EXIT_USAGE;
    }

    const run = await consolidateFiles(paths, { ...(planPath ? { planPath } : {}), ...(out ? { exclude: [out] } : {}) });
    if (out !== undefined) {
      const model = buildConsolidatedWorkbook({ result: run.result, progress: run.progress, planName: run.plan.name, planIssues: run.plan.issues });
      const bytes = await writeWorkbookModel(model);
      // Written aside then renamed: an interrupted run never leaves half a workbook.
      const tmp = `${out}.${process.pid}.tmp`;
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, out);
      } catch (err) {
        await rm(tmp, { force: true });
        io.err(`Impossible d'écrire « ${out} » : ${(err as NodeJS.ErrnoException).code ?? String(err)}.\n`);
        return EXIT_USAGE;
      }
    }
    if (json) io.out(`${JSON.stringify(runJson(run), null, 2)}\n`);
    else io.out(formatConsolidationSummary(run, out));
    for (const p of run.problems) io.err(`${p}\n`);
    if (run.report.stats.unreadableFiles > 0 || run.problems.length > 0) return EXIT_USAGE;
    return run.result.excluded.length > 0 || run.report.stats.errors > 0 ? EXIT_ERRORS : EXIT_OK;
  },
};

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n\n${HELP}`);
  return EXIT_USAGE;
}

/** The French summary printed without --json. */
export function formatConsolidationSummary(run: ConsolidationRun, out: string | undefined): string {
  const { result } = run;
  const lines: string[] = [];
  const dup = result.duplicates.reduce((s, d) => s + d.dropped.length, 0);
  lines.push(`${formatNumberFr(run.files.length)} fichier(s) lu(s) : ${formatNumberFr(result.kept.length)} retour(s) retenu(s), ${formatNumberFr(result.excluded.length)} écarté(s) pour erreurs, ${formatNumberFr(dup)} doublon(s) compté(s) une seule fois.`);
  if (result.periodNotice) lines.push(`ATTENTION : ${result.periodNotice}`);
  for (const [year, p] of result.byPeriod) {
    const g = p.region;
    const v = (code: string) => figureValue(g, code);
    const n = (code: string) => (typeof v(code) === 'number' ? formatNumberFr(Math.round((v(code) as number) * 10) / 10) : String(v(code) ?? 'sans donnée'));
    const pc = (code: string) => (typeof v(code) === 'number' ? formatPercentFr(v(code) as number) : String(v(code) ?? 'sans donnée'));
    lines.push(
      `Année ${year} : ${n('nombre_siae')} SIAE, ${n('personnes')} personnes, ${n('etp_realises')} ETP réalisés (taux de réalisation ${pc('taux_realisation_etp')}), femmes ${pc('part_femmes')}, sorties dynamiques ${pc('taux_sorties_dynamiques')}.`,
    );
  }
  const counts = PROGRESS_STATUSES.map((s) => `${PROGRESS_STATUS_LABELS[s].toLowerCase()} ${run.progress.filter((p) => p.statut === s).length}`).join(', ');
  lines.push(`Objectifs (${run.plan.name}) : ${counts}.`);
  const errors = result.anomalies.filter((a) => a.severity === 'erreur').length + run.plan.issues.filter((a) => a.severity === 'erreur').length;
  if (errors > 0) lines.push(`${formatNumberFr(errors)} erreur(s) : détail dans la feuille « Anomalies »${out ? '' : ' (ou avec --json)'}.`);
  if (out) lines.push(`Classeur consolidé écrit : ${out}`);
  return `${lines.join('\n')}\n`;
}
