/**
 * `iae consolidate`: a thin adapter of the consolidation run (src/core/run). It checks --out
 * before any work, lists and reads the files (display names, each file once, our consolidated
 * workbooks left out), hands them to the run, then writes the workbook and/or the JSON.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HEADLINE_CODES, type HeadlineKey } from '../../core/consolidate/index.js';
import { figureLabel } from '../../core/consolidate/index.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from '../../core/objectives/index.js';
import { completenessLines, type Referentiel } from '../../core/campaign/index.js';
import { buildRunWorkbook, referentielFromInput, runConsolidation, runJson, runVerdict, secondInputMessage, type ConsolidationRun as CoreRun, type PlanSource } from '../../core/run/index.js';
import { readXlsx } from '../../hosts/xlsx/read/index.js';
import { unreadableMessage } from '../../hosts/xlsx/validate-bytes.js';
import { writeWorkbookModel } from '../../hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, formatNumberFr, type Settings } from '../../schema/index.js';
import { publicWorkbookOfRun, settingsFromJson, DiffusionRefusedError, type AuditEntry } from '../../core/diffusion/index.js';
import type { ReferenceInput } from '../../core/campaign/index.js';
import { evolutionSummary, readReference } from '../../core/evolution/index.js';
import { isArgsError, parseCommandArgs } from './args.js';
import { readAspExtract, type AspExtract } from '../../core/asp/index.js';
import { aspNotRecognisedMessage, aspSummaryLine } from '../../core/reconcile/index.js';
import { systemErrorSentence } from './fs-errors.js';
import { listInputs, readInputs } from './inputs.js';
import { SUMMARIES } from './commands.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';
import { canonicalPath, checkOutPath, removeStaleTemporaries, writeAtomically } from './out-path.js';

const PROGRESS_ABOVE = 5;

const HELP = `Usage : iae consolidate <fichiers ou dossiers…> [--plan plan.xlsx] [--referentiel siae.xlsx] [--asp extraction.xlsx] [--reference precedente.xlsx] --out consolidation.xlsx [--diffusion public.xlsx] [--reglages reglages.json] [--json [--provenance]] [--force]

Vérifie puis consolide des retours IAE (formulaires SIAE, tableaux réseau / département, en
tout mélange) : par département et type de SIAE, par département, par type et pour la région,
année par année (des années différentes ne sont jamais additionnées). Un retour avec au moins
une erreur est écarté (avec son motif) ; une SIAE présente deux fois (même SIRET, même année)
n'est comptée qu'une fois (avertissement). Un même fichier donné deux fois est lu une fois ; un
classeur consolidé produit par l'outil est ignoré (avec un avis). Mesure ensuite la progression
des objectifs du plan d'actions.

Options :
  --plan FICHIER    plan d'actions (modèle de plan ou feuille ayant les mêmes colonnes) ;
                    à défaut, le seul plan trouvé parmi les fichiers, sinon le plan par défaut
                    (exemples du modèle)
  --referentiel FICHIER  les SIAE attendues pour la campagne : modèle « Référentiel des SIAE »,
                    extraction annuelle de l'ASP, classeur consolidé ou retours de l'an passé ;
                    donne la feuille « Suivi de la collecte » (reçues, retenues, écartées,
                    manquantes par département et type) et la couverture des objectifs. Un
                    référentiel ou une extraction ASP placés parmi les fichiers sont reconnus
                    de même (et l'avis le dit) ; sans référentiel, l'extraction ASP en tient lieu
  --out FICHIER     classeur consolidé à écrire (.xlsx), vérifié avant tout travail : ni un
                    dossier, ni un des fichiers à consolider, dans un dossier existant
  --reference FICHIER  classeur consolidé d'une année antérieure (écrit par iae consolidate) :
                    feuille « Évolution » (chiffres clés de N−1 et N, écarts, en points pour
                    les taux, ruptures de série signalées) ; sans lui, l'évolution compare les
                    deux dernières années des retours quand ils en contiennent plusieurs
  --diffusion FICHIER  version diffusable à écrire (.xlsx) : sans SIRET, nom ni fichier, petits
                    effectifs masqués « s » avec masquage secondaire, refusée si l'audit trouve une
                    valeur masquée recalculable (voir docs/diffusion.md) ; vérifiée comme --out
  --reglages FICHIER  réglages en JSON ; aujourd'hui les règles de la version diffusable, par
                    exemple { "diffusion": { "countThreshold": 11, "minSiae": 3 } } (clés et
                    valeurs par défaut : docs/diffusion.md) ; une clé inconnue est refusée
  --asp FICHIER     extraction annuelle de l'ASP (« BenefSorties », .xlsx) : rapproche chaque SIAE
                    des retours de la même SIAE dans l'extraction (SIRET, sinon annexe financière),
                    écarts au-delà des tolérances signalés, dans la feuille « Rapprochement ASP » et
                    la section rapprochement_asp du JSON ; une référence, jamais ajoutée aux chiffres
  --json            écrit les chiffres en JSON (région, départements, objectifs, anomalies, évolution ;
                    avec --diffusion, l'audit du secret)
  --provenance      avec --json : pour chaque chiffre (région, département, type, réseau, année),
                    les retours qui l'ont alimenté (fichier, feuille, ligne, cellule de chaque valeur)
  --force           remplace le fichier --out s'il existe déjà (jamais un fichier à consolider)
  -h, --help        cette aide

Codes de sortie :
  0  tous les retours lus sont comptés (un doublon résolu ou un avertissement n'est pas une erreur)
  1  des retours ont été écartés pour erreurs (le classeur est écrit quand même)
  2  un fichier illisible ou introuvable, un plan ou une extraction ASP illisible, un référentiel dont aucune
     SIAE attendue n'est tirée, ou une mauvaise utilisation
     (options, --out refusé) : dans ce dernier cas rien n'est lu ni écrit
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  out: { type: 'string', missing: '--out attend le nom du classeur à écrire.' },
  plan: { type: 'string', missing: '--plan attend le nom du classeur du plan d\'actions.' },
  diffusion: { type: 'string', missing: '--diffusion attend le nom du classeur public à écrire.' },
  reglages: { type: 'string', missing: '--reglages attend le nom du fichier de réglages (JSON).' },

  // campaign inputs (issue 14): --referentiel, --asp, --reference, --provenance, one line each
  reference: { type: 'string', missing: "--reference attend le nom du classeur consolidé d'une année antérieure." },
  asp: { type: 'string', missing: "--asp attend le nom du fichier de l'extraction annuelle de l'ASP." },
  provenance: { type: 'boolean' },
  referentiel: { type: 'string', missing: '--referentiel attend le nom du classeur des SIAE attendues.' },

} as const;

/** A run of the CLI: the core run plus the files read, by display name. */
export interface ConsolidationRun extends CoreRun {
  /** Files read as returns (display names; the plan and the output file left out). */
  readonly files: readonly string[];
  /** What was taken as what among the files (référentiel, ASP extract, reference), in French. */
  readonly notices: readonly string[];
}

export interface ConsolidationOptions {
  readonly planPath?: string;
  /** The ASP annual extract (--asp): reconciled with the returns, never read as one. */
  readonly aspPath?: string;
  /** The référentiel named explicitly (--referentiel): never read as a return. */
  readonly referentielPath?: string;
  /** Paths never read as returns (the output file, say). */
  readonly exclude?: readonly string[];
  readonly settings?: Settings;
  readonly onProgress?: (done: number, total: number, name: string) => void;
  /** A previous consolidated workbook, already read (readReferenceFile): year over year. */
  readonly reference?: ReferenceInput;
  /** Its path, never read as a return. */
  readonly referencePath?: string;
}

/** The settings file (--reglages), read and checked; else the French reasons, naming the file. */
export async function readSettingsFile(path: string): Promise<Settings | string> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return systemErrorSentence(err, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `Fichier de réglages « ${name} » : JSON illisible (${err instanceof Error ? err.message : String(err)}).`;
  }
  const read = settingsFromJson(value, name);
  return 'settings' in read ? read.settings : read.errors.join('\n');
}

/** A previous consolidated workbook, read and checked to be one of ours; else the French reason, naming the file. */
export async function readReferenceFile(path: string): Promise<ReferenceInput | string> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    return systemErrorSentence(err, path);
  }
  let reference: ReferenceInput;
  try {
    reference = { file: name, book: readXlsx(bytes, name) };
  } catch (err) {
    return unreadableMessage(name, err);
  }
  const check = readReference(reference);
  return check.ok ? reference : check.message;
}

async function explicitPlan(planPath: string): Promise<PlanSource> {
  const name = basename(planPath);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(planPath));
  } catch (err) {
    return { kind: 'unreadable', file: name, message: systemErrorSentence(err, planPath) };
  }
  try {
    return { kind: 'book', book: readXlsx(bytes, name), label: `fichier « ${name} »` };
  } catch (err) {
    return { kind: 'unreadable', file: name, message: unreadableMessage(name, err) };
  }
}

/** The extract named by --asp, or the French reason it cannot be used (the file named). */
async function readAspFile(path: string): Promise<{ extract?: AspExtract; problem?: string }> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    return { problem: `Extraction ASP illisible : ${systemErrorSentence(err, path)}` };
  }
  let book;
  try {
    book = readXlsx(bytes, name);
  } catch (err) {
    return { problem: `Extraction ASP illisible : ${unreadableMessage(name, err)}` };
  }
  const extract = readAspExtract(book);
  if (!extract) return { problem: aspNotRecognisedMessage(name) };
  return { extract };
}

/** Validates and consolidates files and folders through the one run; shared by the CLI, the demo script and tests. */
export async function consolidateFiles(paths: readonly string[], options: ConsolidationOptions = {}): Promise<ConsolidationRun> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const explicit = [
    ...(options.planPath ? [options.planPath] : []),
    ...(options.referentielPath ? [options.referentielPath] : []),
    ...(options.referencePath ? [options.referencePath] : []),
    ...(options.aspPath ? [options.aspPath] : []),
  ];
  const listed = await listInputs(paths, [...(options.exclude ?? []), ...explicit]);
  const inputs = await readInputs(listed, { settings, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const plan = options.planPath ? await explicitPlan(options.planPath) : undefined;
  const given = options.referentielPath ? await explicitReferentiel(options.referentielPath, settings) : undefined;
  const asp = options.aspPath ? await readAspFile(options.aspPath) : undefined;
  const ignored = [...inputs.ignored];
  // An input named by its option wins over one of the same kind found among the files.
  if (given && inputs.referentiel) ignored.push({ file: inputs.referentiel.file, reason: 'en-trop', message: secondInputMessage(inputs.referentiel.file, 'referentiel', given.file) });
  if (options.aspPath && inputs.asp) ignored.push({ file: inputs.asp.file, reason: 'en-trop', message: secondInputMessage(inputs.asp.file, 'asp', basename(options.aspPath)) });
  if (options.reference && inputs.reference) ignored.push({ file: inputs.reference.file, reason: 'en-trop', message: secondInputMessage(inputs.reference.file, 'consolide', options.reference.file) });
  const referentiel = given ?? inputs.referentiel;
  const extract = options.aspPath ? asp?.extract : inputs.asp;
  const reference = options.reference ?? inputs.reference;
  const run = runConsolidation({
    report: inputs.report,
    ignored,
    readInput: inputs.readInput,
    settings,
    ...(plan ? { plan } : {}),
    ...(referentiel ? { referentiel } : {}),
    ...(extract ? { asp: extract } : {}),
    ...(reference ? { reference } : {}),
  });
  // An extract that cannot be read makes the run incomplete, as an unreadable plan does.
  return { ...run, problems: asp?.problem ? [...run.problems, asp.problem] : run.problems, files: inputs.files, notices: inputs.notices };
}

/** The référentiel file, whatever it is (template, ASP extract, consolidated workbook, returns); unreadable: a référentiel with one error. */
async function explicitReferentiel(path: string, settings: Settings): Promise<Referentiel> {
  const name = basename(path);
  const failed = (message: string): Referentiel => ({ file: name, origin: 'modele', entries: [], issues: [{ code: 'unreadable-file', severity: 'erreur', file: name, message }] });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    return failed(systemErrorSentence(err, path));
  }
  try {
    return referentielFromInput(readXlsx(bytes, name), settings, name);
  } catch (err) {
    return failed(unreadableMessage(name, err));
  }
}

export const command: Command = {
  summary: SUMMARIES.consolidate,
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs(args, OPTIONS);
    if (isArgsError(parsed)) return usage(io, parsed.error);
    const v = parsed.values;
    if (v.help) {
      io.out(HELP);
      return EXIT_OK;
    }
    const paths = parsed.positionals;
    const out = v.out as string | undefined;
    const planPath = v.plan as string | undefined;
    const aspPath = v.asp as string | undefined;
    const referentielPath = v.referentiel as string | undefined;
    const json = v.json === true;
    const publicOut = v.diffusion as string | undefined;
    const referencePath = v.reference as string | undefined;
    if (paths.length === 0) return usage(io, 'Indiquez au moins un fichier ou un dossier de retours à consolider.');
    if (v.provenance === true && !json) return usage(io, '--provenance complète la sortie --json : ajoutez --json.');
    if (out === undefined && !json && publicOut === undefined) return usage(io, 'Indiquez le classeur à écrire avec --out (ou --json pour les chiffres seuls).');
    if (out !== undefined && publicOut !== undefined && (await canonicalPath(out)) === (await canonicalPath(publicOut)))
      return usage(io, '--out et --diffusion désignent le même fichier : la version diffusable doit être un classeur à part.');

    // --out and --diffusion are checked before anything is read: against the files listed, not yet opened.
    const targets = [out, publicOut].filter((t): t is string => t !== undefined);
    if (targets.length > 0) {
      const listed = await listInputs(paths);
      for (const target of targets) {
        const refused = await checkOutPath(target, {
          force: v.force === true,
          inputs: [
            ...listed.files.map((f) => f.path),
            ...(planPath ? [planPath] : []),
            ...(referencePath ? [referencePath] : []),
            ...(aspPath ? [aspPath] : []),
            ...(referentielPath ? [referentielPath] : []),
          ],
        });
        if (refused) {
          io.err(`${refused}\n`);
          return EXIT_USAGE;
        }
        await removeStaleTemporaries(target);
      }
    }

    // The settings are read, and refused with every reason, before any return is.
    let settings: Settings | undefined;
    if (v.reglages !== undefined) {
      const read = await readSettingsFile(v.reglages as string);
      if (typeof read === 'string') {
        io.err(`${read}\n`);
        return EXIT_USAGE;
      }
      settings = read;
    }

    // The reference is read, and refused when not one of ours, before any return is.
    let reference: ReferenceInput | undefined;
    if (referencePath !== undefined) {
      const read = await readReferenceFile(referencePath);
      if (typeof read === 'string') {
        io.err(`${read}\n`);
        return EXIT_USAGE;
      }
      reference = read;
    }

    const run = await consolidateFiles(paths, {
      ...(settings ? { settings } : {}),
      ...(planPath ? { planPath } : {}),
      ...(reference && referencePath ? { reference, referencePath } : {}),
      ...(aspPath ? { aspPath } : {}),
      ...(referentielPath ? { referentielPath } : {}),
      exclude: targets,
      onProgress: (done, total, name) => {
        if (total > PROGRESS_ABOVE && !json) io.err(`[${done}/${total}] ${name}\n`);
      },
    });
    if (out !== undefined) {
      const failed = await writeAtomically(out, await writeWorkbookModel(buildRunWorkbook(run)));
      if (failed) {
        io.err(`${failed}\n`);
        return EXIT_USAGE;
      }
    }
    let diffusion: { audit: readonly AuditEntry[]; cellules_comptees: number; cellules_masquees: number } | undefined;
    let diffusionRefused = false;
    if (publicOut !== undefined) {
      try {
        // The run's own settings (--reglages), as the consolidation used them.
        const pub = publicWorkbookOfRun(run);
        const failed = await writeAtomically(publicOut, await writeWorkbookModel(pub.workbook));
        if (failed) {
          io.err(`${failed}\n`);
          return EXIT_USAGE;
        }
        diffusion = { audit: pub.audit, cellules_comptees: pub.countCells, cellules_masquees: pub.hiddenCountCells };
        if (!json) io.err(`Version diffusable écrite : ${publicOut} (${pub.hiddenCountCells} effectif(s) masqué(s) sur ${pub.countCells}, audit du secret réussi).\n`);
      } catch (err) {
        if (!(err instanceof DiffusionRefusedError)) throw err;
        io.err(`${err.message}\n`);
        diffusionRefused = true;
      }
    }
    if (json) io.out(`${JSON.stringify({ ...runJson(run, { provenance: v.provenance === true }), ...(diffusion ? { diffusion } : {}) }, null, 2)}\n`);
    else io.out(formatConsolidationSummary(run, out));
    // Files not counted are said on stderr too, whatever the output format.
    for (const f of run.report.files) if (f.unreadable) for (const i of f.issues) io.err(`${i.message}\n`);
    for (const n of run.notices) io.err(`${n}\n`);
    for (const g of run.ignored) io.err(`${g.message}\n`);
    for (const p of run.problems) io.err(`${p}\n`);
    for (const w of run.evolution?.warnings ?? []) io.err(`${w}\n`);
    const verdict = runVerdict(run);
    if (diffusionRefused) return EXIT_USAGE;
    return verdict === 'incomplet' ? EXIT_USAGE : verdict === 'ecartes' ? EXIT_ERRORS : EXIT_OK;
  },
};

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n\n${HELP}`);
  return EXIT_USAGE;
}

const HEADLINE_ORDER: readonly HeadlineKey[] = ['siae', 'personnes', 'etp', 'tauxRealisation', 'tauxSortiesDynamiques'];

/** The French summary printed without --json: the run's counts, key figures and statuses. */
export function formatConsolidationSummary(run: ConsolidationRun, out: string | undefined): string {
  const c = run.counts;
  const lines: string[] = [];
  const notCounted = [c.unreadable > 0 ? `${formatNumberFr(c.unreadable)} illisible(s)` : '', c.ignored > 0 ? `${formatNumberFr(c.ignored)} ignoré(s)` : ''].filter(Boolean);
  lines.push(
    `${formatNumberFr(run.files.length + c.ignored)} fichier(s)${notCounted.length ? ` (dont ${notCounted.join(', ')})` : ''} : ${formatNumberFr(c.kept)} retour(s) retenu(s), ${formatNumberFr(c.excluded)} écarté(s) pour erreurs, ${formatNumberFr(c.duplicates)} doublon(s) compté(s) une seule fois.`,
  );
  if (run.result.periodNotice) lines.push(`ATTENTION : ${run.result.periodNotice}`);
  const region = run.keyFigures.region;
  if (region && run.keyFigures.periode !== undefined) {
    const figures = HEADLINE_ORDER.map((k) => `${figureLabel(HEADLINE_CODES[k]).toLowerCase()} ${region[k]}`).join(', ');
    lines.push(`Année ${run.keyFigures.periode}, région : ${figures}.`);
  }
  if (run.evolution) lines.push(evolutionSummary(run.evolution));
  const counts = PROGRESS_STATUSES.map((s) => `${PROGRESS_STATUS_LABELS[s].toLowerCase()} ${run.progress.filter((p) => p.statut === s).length}`).join(', ');
  lines.push(`Objectifs (${run.planLabel}) : ${counts}.`);
  if (run.completeness) {
    const c = run.completeness;
    lines.push(`Collecte${c.periode !== undefined ? ` ${c.periode}` : ''} (référentiel « ${c.referentiel.file} ») :`);
    for (const l of completenessLines(c)) lines.push(`  ${l}`);
    if (c.outside.length > 0) lines.push(`  ${formatNumberFr(c.outside.length)} retour(s) de SIAE absentes du référentiel : voir la feuille « Suivi de la collecte ».`);
  }
  if (run.reconciliation) lines.push(aspSummaryLine(run.reconciliation));
  const errors = run.anomalies.filter((a) => a.severity === 'erreur').length;
  if (errors > 0) lines.push(`${formatNumberFr(errors)} erreur(s) : détail dans la feuille « Anomalies »${out ? '' : ' (ou avec --json)'}.`);
  if (out) lines.push(`Classeur consolidé écrit : ${out}`);
  return `${lines.join('\n')}\n`;
}
