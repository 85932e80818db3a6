/**
 * The heavy part of the task pane, loaded on demand by import('./engine'): the xlsx reader,
 * the validation engine, consolidation, objectives, the consolidated workbook model and the
 * xlsx writer (which itself loads ExcelJS only when a workbook is written). Both modes call
 * these same functions; only where workbooks come from and where results go differ.
 */
import { DEFAULT_SETTINGS, formatNumberFr, formatPercentFr } from '../../schema/index.js';
import { consolidate, figureFormat, figureValue, type ConsolidationResult, type GroupAggregate } from '../../core/consolidate/index.js';
import { buildConsolidatedWorkbook } from '../../core/consolidated-workbook/index.js';
import { departementLabel } from '../../core/consolidated-workbook/scopes.js';
import type { GridWorkbook } from '../../core/grid.js';
import { computeProgress, defaultPlan, readPlan, type ActionPlan, type ObjectiveProgress } from '../../core/objectives/index.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { ValidationRun } from '../../core/validate/run.js';
import type { WorkbookModel } from '../../core/workbook-model.js';
import { readXlsx } from '../../hosts/xlsx/read/index.js';
import { addXlsxBytes, unreadableMessage } from '../../hosts/xlsx/validate-bytes.js';
import { writeWorkbookModel } from '../../hosts/xlsx/write/index.js';
import { figureLabel } from '../../core/consolidate/values.js';
import type { BookSource, ConsolidationOutcome, Engine, KeyFigureRow, ObjectiveLine, PickedFile, PlanInput, ProgressFn } from './ports.js';

/** Lets the browser paint the progress bar between two files. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function check(sources: readonly BookSource[], progress: ProgressFn): Promise<ValidationReport> {
  const run = new ValidationRun(DEFAULT_SETTINGS);
  progress(0, sources.length, sources[0] ? nameOf(sources[0]) : '');
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    await nextFrame();
    if (source.kind === 'file') addXlsxBytes(run, { name: source.file.name, bytes: source.file.bytes });
    else run.addWorkbook(await source.read());
    progress(i + 1, sources.length, nameOf(source));
  }
  return run.finish();
}

const nameOf = (s: BookSource): string => (s.kind === 'file' ? s.file.name : s.name);

/** A figure as shown in the pane ("12,5 %", "1 234", "sans objet", "—"). */
export function formatFigure(code: string, value: number | 'sans objet' | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 'sans objet') return 'sans objet';
  switch (figureFormat(code)) {
    case 'pourcentage':
      return formatPercentFr(value);
    case 'etp':
      return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'entier':
    case 'heures':
      return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(value);
    default:
      return formatNumberFr(value);
  }
}

function keyRow(code: string, nom: string, g: GroupAggregate): KeyFigureRow {
  const f = (c: string) => formatFigure(c, figureValue(g, c));
  return {
    code,
    nom,
    siae: f('nombre_siae'),
    personnes: f('personnes'),
    etp: f('etp_realises'),
    tauxRealisation: f('taux_realisation_etp'),
    tauxSortiesDynamiques: f('taux_sorties_dynamiques'),
  };
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

/** The plan to measure against; a workbook without any plan table falls back to the default when asked. */
function choosePlan(plan: PlanInput): { plan: ActionPlan; label: string } {
  if (!plan.book) return { plan: defaultPlan(), label: plan.label };
  const read = readPlan(plan.book);
  const noPlan = read.targets.length === 0 && read.issues.some((i) => i.code === 'unknown-template');
  if (noPlan && plan.fallbackToDefault) return { plan: defaultPlan(), label: "plan d'actions par défaut (aucune feuille plan dans ce classeur)" };
  return { plan: read, label: plan.label };
}

function consolidateReport(report: ValidationReport, planInput: PlanInput): ConsolidationOutcome {
  const result: ConsolidationResult = consolidate({
    records: report.files.flatMap((f) => f.records),
    issues: report.files.flatMap((f) => f.issues),
    files: report.files.map((f) => f.file),
  });
  const { plan: actionPlan, label: planLabel } = choosePlan(planInput);
  const progress = computeProgress(actionPlan, result);
  const model: WorkbookModel = buildConsolidatedWorkbook({ result, progress, planName: actionPlan.name, planIssues: actionPlan.issues });
  const periode = result.periods.at(-1);
  const figures = periode !== undefined ? result.byPeriod.get(periode) : undefined;
  return {
    periode,
    periodNotice: result.periodNotice,
    departements: figures ? [...figures.byDepartement.entries()].map(([code, g]) => keyRow(code, departementLabel(code), g)) : [],
    region: figures ? keyRow('', 'Région', figures.region) : undefined,
    kept: result.kept.length,
    excluded: result.excluded.length,
    duplicates: result.duplicates.reduce((n, d) => n + d.dropped.length, 0),
    objectives: progress.map(objectiveLine),
    planLabel,
    planIssues: actionPlan.issues,
    model,
    anomalies: [...result.anomalies, ...actionPlan.issues],
  };
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
  consolidate: consolidateReport,
  readFile,
  writeXlsx: writeWorkbookModel,
  indicatorLabel: figureLabel,
};
