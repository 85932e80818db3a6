/**
 * The heavy part of the task pane: the xlsx reader, the validation engine, the consolidation
 * run (src/core/run) and the xlsx writer (our own, see docs/decisions/ecriture-xlsx.md). Both
 * modes call these same functions; only where workbooks come from and where results go differ.
 * Nothing of the run is decided here. Two transports run it: the Web Worker (worker.ts, with
 * `createEngine({ yields: false })`) and, where no worker can start, the page itself
 * (`engine`, loaded by import('./engine'), which gives the page a frame every ~40 ms of work).
 */
import { DEFAULT_SETTINGS } from '../../schema/index.js';
import { figureLabel, isFigureCode } from '../../core/consolidate/index.js';
import { departementLabel } from '../../core/consolidated-workbook/scopes.js';
import type { GridWorkbook } from '../../core/grid.js';
import type { ObjectiveProgress } from '../../core/objectives/index.js';
import {
  buildRunWorkbook,
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
import { readXlsx, ReadMemo } from '../../hosts/xlsx/read/index.js';
import { unreadableMessage } from '../../hosts/xlsx/validate-bytes.js';
import { writeWorkbookModel } from '../../hosts/xlsx/write/index.js';
import { throwIfCancelled } from './cancel.js';
import { readCampaignInputs, type CampaignInputs } from './campaignInputs.js';
import { completenessLines } from './completeness-lines.js';
import { aspSummaryLine, flaggedGapLines } from '../../core/reconcile/index.js';
import { evolutionSummary } from '../../core/evolution/index.js';
import type { BookSource, ConsolidationInputs, ConsolidationOutcome, Engine, GatheredSources, ObjectiveLine, PickedFile, PlanInput, ProgressFn } from './ports.js';
import { publicVersionFile } from './public-version.js';
import { Yielder } from './yielder.js';

const nameOf = (s: BookSource): string => (s.kind === 'file' ? s.file.name : s.name);

export interface EngineOptions {
  /** Give the page a frame every ~40 ms of work (in the page); a worker has no page to keep alive. */
  readonly yields: boolean;
  /** Told the computation's own time of each read-and-check (the bench compares it with what the user waits). */
  readonly onBusy?: (ms: number) => void;
}

/**
 * Reads and checks the sources one by one. With `skipOurs`, the consolidation's rules for
 * inputs apply: our own consolidated workbooks and the same bytes given twice are left out,
 * each with a notice. In the page, it gets a frame every ~40 ms of work, not before every file;
 * `signal` is checked between files.
 */
async function readSources(sources: readonly BookSource[], progress: ProgressFn, skipOurs: boolean, options: EngineOptions, signal?: AbortSignal): Promise<GatheredSources> {
  const run = new ValidationRun(DEFAULT_SETTINGS);
  // The run's files mostly come from one template: their small parts are parsed once (ReadMemo).
  const memo = new ReadMemo();
  const ignored: IgnoredInput[] = [];
  const same = new SameInputs();
  const yielder = options.yields ? new Yielder() : undefined;
  // The computation's own time (reading and checking, without the frames given to the page),
  // left as a performance measure for the bench to compare with what the user waits.
  let busy = 0;
  const started = performance.now();
  progress(0, sources.length, sources[0] ? nameOf(sources[0]) : '');
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    if (yielder) await yielder.maybeYield();
    throwIfCancelled(signal);
    const t0 = performance.now();
    let book: GridWorkbook | undefined;
    if (source.kind === 'file') {
      const first = skipOurs ? same.firstWithBytes(source.file.name, source.file.bytes) : undefined;
      if (first !== undefined) ignored.push({ file: source.file.name, reason: 'double', message: sameFileMessage(source.file.name, first) });
      else {
        try {
          book = readXlsx(source.file.bytes, source.file.name, undefined, { memo });
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
  throwIfCancelled(signal);
  const t1 = performance.now();
  const report = run.finish();
  busy += performance.now() - t1;
  performance.measure('iae-calcul', { start: started, duration: busy });
  options.onBusy?.(busy);
  return { report, ignored };
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
    model: buildRunWorkbook(run),
    anomalies: run.anomalies,
  };
}

function readFile(file: PickedFile): GridWorkbook {
  try {
    return readXlsx(file.bytes, file.name);
  } catch (e) {
    throw new Error(unreadableMessage(file.name, e));
  }
}

function planSource(plan: PlanInput): PlanSource | undefined {
  const book = plan.book ?? (plan.file ? readFile(plan.file) : undefined);
  return book ? { kind: 'book', book, label: plan.label, ...(plan.fallbackToDefault ? { fallbackToDefault: true } : {}) } : undefined;
}

/** The only plan among the sources is read again from what the pane holds (no second pick). */
function inputReader(inputs: ConsolidationInputs): (name: string) => GridWorkbook {
  const picked = new Map((inputs.files ?? []).map((f) => [f.name, f]));
  return (name) => {
    if (inputs.open && name === inputs.open.source) return inputs.open;
    const file = picked.get(name);
    if (!file) throw new Error(`${name} : ce fichier n\u2019est plus dans la liste.`);
    return readFile(file);
  };
}

/** The consolidation run on a checked set, with the campaign's notices (the worker and the page both call it). */
function consolidationRun(report: ValidationReport, plan: PlanInput, inputs: ConsolidationInputs): { run: ConsolidationRun; notices: CampaignInputs['notices'] } {
  const explicit = planSource(plan);
  const canReadAgain = inputs.files !== undefined || inputs.open !== undefined;
  // The campaign's optional inputs: each unusable one is said and left out, the run goes on.
  const { notices, ...campaign } = readCampaignInputs(inputs.campaign, readFile);
  const run = runConsolidation({
    report,
    ...(explicit ? { plan: explicit } : {}),
    ignored: inputs.ignored,
    ...(canReadAgain ? { readInput: inputReader(inputs) } : {}),
    ...campaign,
    ...(inputs.settings ? { settings: inputs.settings } : {}),
  });
  return { run, notices };
}

/** What the pane shows of a run, the campaign's views included. */
function campaignOutcome(run: ConsolidationRun, notices: CampaignInputs['notices'], runId: number): ConsolidationOutcome {
  const completeness = completenessLines(run);
  const gaps = run.reconciliation ? flaggedGapLines(run.reconciliation) : undefined;
  return {
    ...outcomeOf(run),
    campaignNotices: notices,
    ...(completeness ? { completeness } : {}),
    ...(run.reconciliation && gaps ? { reconciliation: { summary: aspSummaryLine(run.reconciliation), flagged: gaps.lines, more: gaps.more } } : {}),
    ...(run.evolution ? { evolution: evolutionSummary(run.evolution) } : {}),
    runId,
  };
}

export function createEngine(options: EngineOptions): Engine {
  // The last run, kept for its public version (built on demand: suppression and audit take
  // time). Owned by this engine: the worker's engine keeps its own, the page's its own.
  let last: { readonly id: number; readonly run: ConsolidationRun } | undefined;
  let runs = 0;
  return {
    check: async (sources, progress, signal) => (await readSources(sources, progress, false, options, signal)).report,
    gather: (sources, progress, signal) => readSources(sources, progress, true, options, signal),
    consolidate: async (report, plan, inputs = { ignored: [] }, signal) => {
      throwIfCancelled(signal);
      const { run, notices } = consolidationRun(report, plan, inputs);
      last = { id: ++runs, run };
      return campaignOutcome(run, notices, last.id);
    },
    publicXlsx: (runId) => {
      if (!last || last.id !== runId) return Promise.reject(new Error('Relancez la consolidation : ses résultats ne sont plus en mémoire.'));
      // With the run's own settings (run.settings): those its consolidation was made with.
      return publicVersionFile(last.run);
    },
    readFile: async (file) => readFile(file),
    writeXlsx: writeWorkbookModel,
    indicatorLabel,
  };
}

/** An indicator's French label (the code itself when unknown). */
export const indicatorLabel = (code: string): string => (isFigureCode(code) ? figureLabel(code) : code);

/** The in-page transport: the fallback where no worker can start, and Node (tests, CLI-like uses). */
export const engine: Engine = createEngine({ yields: true });
