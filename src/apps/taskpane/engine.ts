/**
 * The heavy part of the task pane, loaded on demand by import('./engine'): the xlsx reader,
 * the validation engine, the consolidation run (src/core/run) and the xlsx writer (our own,
 * see docs/decisions/ecriture-xlsx.md). Both modes call these same functions; only
 * where workbooks come from and where results go differ. Nothing of the run is decided here.
 */
import { DEFAULT_SETTINGS } from '../../schema/index.js';
import { figureLabel, isFigureCode } from '../../core/consolidate/index.js';
import { departementLabel } from '../../core/consolidated-workbook/scopes.js';
import type { GridWorkbook } from '../../core/grid.js';
import type { ObjectiveProgress } from '../../core/objectives/index.js';
import {
  consolidatedIgnoredMessage,
  formatFigure,
  isConsolidatedWorkbook,
  runConsolidation,
  runVerdict,
  sameFileMessage,
  SameInputs,
  type ConsolidationRun,
  type IgnoredInput,
  type PlanSource,
} from '../../core/run/index.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { ValidationRun } from '../../core/validate/run.js';
import { readXlsx } from '../../hosts/xlsx/read/index.js';
import { unreadableMessage } from '../../hosts/xlsx/validate-bytes.js';
import { writeWorkbookModel } from '../../hosts/xlsx/write/index.js';
import { readCampaignInputs } from './campaignInputs.js';
import { completenessLines } from './completeness-lines.js';
import type { BookSource, CampaignFiles, ConsolidationOutcome, Engine, GatheredSources, ObjectiveLine, PickedFile, PlanInput, ProgressFn } from './ports.js';
import { publicVersionFile } from './public-version.js';
import { Yielder } from './yielder.js';

const nameOf = (s: BookSource): string => (s.kind === 'file' ? s.file.name : s.name);

/**
 * Reads and checks the sources one by one. With `skipOurs`, the consolidation's rules for
 * inputs apply: our own consolidated workbooks and the same bytes given twice are left out,
 * each with a notice. The page gets a frame every ~40 ms of work, not before every file.
 */
async function readSources(sources: readonly BookSource[], progress: ProgressFn, skipOurs: boolean): Promise<GatheredSources> {
  const run = new ValidationRun(DEFAULT_SETTINGS);
  const ignored: IgnoredInput[] = [];
  const same = new SameInputs();
  const yielder = new Yielder();
  // The computation's own time (reading and checking, without the frames given to the page),
  // left as a performance measure for the bench to compare with what the user waits.
  let busy = 0;
  const started = performance.now();
  progress(0, sources.length, sources[0] ? nameOf(sources[0]) : '');
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    await yielder.maybeYield();
    const t0 = performance.now();
    let book: GridWorkbook | undefined;
    if (source.kind === 'file') {
      const first = skipOurs ? same.firstWithBytes(source.file.name, source.file.bytes) : undefined;
      if (first !== undefined) ignored.push({ file: source.file.name, reason: 'double', message: sameFileMessage(source.file.name, first) });
      else {
        try {
          book = readXlsx(source.file.bytes, source.file.name);
        } catch (err) {
          run.addUnreadable(source.file.name, unreadableMessage(source.file.name, err));
        }
      }
    } else book = await source.read();
    if (book && skipOurs && isConsolidatedWorkbook(book)) {
      ignored.push({ file: book.source, reason: 'consolide', message: consolidatedIgnoredMessage(book.source) });
    } else if (book) run.addWorkbook(book);
    busy += performance.now() - t0;
    progress(i + 1, sources.length, nameOf(source));
  }
  const t1 = performance.now();
  const report = run.finish();
  busy += performance.now() - t1;
  performance.measure('iae-calcul', { start: started, duration: busy });
  return { report, ignored };
}

async function check(sources: readonly BookSource[], progress: ProgressFn): Promise<ValidationReport> {
  return (await readSources(sources, progress, false)).report;
}

function objectiveLine(p: ObjectiveProgress): ObjectiveLine {
  const t = p.target;
  const scope = t.departement === null ? 'Région' : `${t.departement} – ${departementLabel(t.departement)}`;
  return {
    objectif: t.objectif,
    libelle: p.objectifLibelle,
    indicateur: p.indicateurLibelle,
    perimetre: t.kind ? `${scope} (${t.kind})` : scope,
    reference: formatFigure(t.indicateur, p.reference),
    actuel: formatFigure(t.indicateur, p.valeur),
    cible: formatFigure(t.indicateur, t.cible),
    progression: p.progression ?? undefined,
    statut: p.statut,
    note: p.note,
    exemple: t.exemple,
  };
}

/** The pane's view of a run: the run's own outputs, objectives as lines to show. */
export function outcomeOf(run: ConsolidationRun): ConsolidationOutcome {
  return {
    periode: run.keyFigures.periode,
    periodNotice: run.result.periodNotice,
    departements: run.keyFigures.departements,
    region: run.keyFigures.region,
    kept: run.counts.kept,
    excluded: run.counts.excluded,
    duplicates: run.counts.duplicates,
    unreadable: run.counts.unreadable,
    ignored: run.ignored,
    verdict: runVerdict(run),
    objectives: run.progress.map(objectiveLine),
    planLabel: run.planLabel,
    planIssues: run.plan.issues,
    problems: run.problems,
    model: run.model,
    anomalies: run.anomalies,
  };
}

function planSource(plan: PlanInput): PlanSource | undefined {
  return plan.book ? { kind: 'book', book: plan.book, label: plan.label, ...(plan.fallbackToDefault ? { fallbackToDefault: true } : {}) } : undefined;
}

/** The last run, kept for its public version (built on demand: suppression and audit take time). */
let lastRun: { readonly id: number; readonly run: ConsolidationRun } | undefined;
let runCount = 0;

function consolidateReport(
  report: ValidationReport,
  plan: PlanInput,
  inputs: Pick<GatheredSources, 'ignored'> & { readInput?: (file: string) => GridWorkbook; campaign?: CampaignFiles } = { ignored: [] },
): ConsolidationOutcome {
  const explicit = planSource(plan);
  // The campaign's optional inputs: each unusable one is said and left out, the run goes on.
  const { notices, ...campaign } = readCampaignInputs(inputs.campaign, readFile);
  const run = runConsolidation({ report, ...(explicit ? { plan: explicit } : {}), ignored: inputs.ignored, ...(inputs.readInput ? { readInput: inputs.readInput } : {}), ...campaign });
  lastRun = { id: ++runCount, run };
  const completeness = completenessLines(run);
  return { ...outcomeOf(run), campaignNotices: notices, ...(completeness ? { completeness } : {}), runId: lastRun.id };
}

function publicXlsx(runId: number | undefined) {
  if (!lastRun || lastRun.id !== runId) return Promise.reject(new Error('Relancez la consolidation : ses résultats ne sont plus en mémoire.'));
  return publicVersionFile(lastRun.run);
}

function readFile(file: PickedFile): GridWorkbook {
  try {
    return readXlsx(file.bytes, file.name);
  } catch (e) {
    throw new Error(unreadableMessage(file.name, e));
  }
}

export const engine: Engine = {
  check,
  gather: (sources, progress) => readSources(sources, progress, true),
  consolidate: consolidateReport,
  publicXlsx,
  readFile,
  writeXlsx: writeWorkbookModel,
  indicatorLabel: (code) => (isFigureCode(code) ? figureLabel(code) : code),
};
