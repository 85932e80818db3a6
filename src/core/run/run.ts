/**
 * The consolidation run, once for every front end: validated returns → deduplication and
 * consolidation → the plan (plan-choice.ts) → objective progress → anomalies → key figures →
 * the campaign's figures (completeness, reconciliation, evolution, networks). The run is the
 * figures only: the consolidated workbook is laid out from it by buildRunWorkbook
 * (run-workbook.ts), only by the front ends that write one. The CLI, the task pane and the
 * ribbon commands only gather the inputs and deliver the outputs, so the same inputs give the
 * same bytes everywhere.
 */
import { consolidateReduced } from '../consolidate/index.js';
import { networkFigures, networksOfReturns } from '../networks/index.js';
import { computeProgress } from '../objectives/index.js';
import { computeEvolution } from '../evolution/index.js';
import { DEFAULT_SETTINGS, departementsOfRegion } from '../../schema/index.js';
import { runAnomalies } from './anomalies.js';
import { keyFigures } from './key-rows.js';
import { choosePlan } from './plan-choice.js';
import { reconcileWithAsp } from '../reconcile/index.js';
import type { ConsolidationRun, RunInput } from './types.js';
import { completenessOf, expectedOn, referentielOf, referentielProblems } from './completeness-step.js';

export function runConsolidation(input: RunInput): ConsolidationRun {
  const { report } = input;
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const ignored = input.ignored ?? [];
  const { result, reduced } = consolidateReduced({
    records: report.files.flatMap((f) => f.records),
    issues: report.files.flatMap((f) => f.issues),
    files: report.files.map((f) => f.file),
  });
  const chosen = choosePlan(input);
  const regionDepartements = departementsOfRegion(settings.regionCode).map((d) => d.code);
  // completeness: from input.referentiel (before progress: a target whose SIAE are not all retained says so)
  const referentiel = referentielOf(input, result);
  const completeness = completenessOf(input, result, referentiel, settings.regionCode);
  const progress = computeProgress(chosen.plan, result, { regionDepartements, ...(completeness ? { expected: expectedOn(completeness) } : {}) });
  // The référentiel's issues, also when the ASP extract gives it (an annexe without SIRET is then not expected: say so).
  const anomalies = runAnomalies(result.anomalies, [...chosen.plan.issues, ...(referentiel?.issues ?? [])], ignored);

  // The campaign (issue 14): each module computes its output from its optional input here.

  // reconciliation: from input.asp
  const reconciliation = input.asp ? reconcileWithAsp(result.kept, input.asp, settings.reconciliation) : undefined;
  for (const i of input.asp?.issues ?? []) anomalies.push(i); // the extract's bad cells, with the others

  // evolution: from the result's periods or input.reference
  const evolution = computeEvolution(result, input.reference, settings.seriesBreaks);

  // networks and provenance
  const networks = networksOfReturns(result.kept, report.files, input.referentiel);
  const networkFigs = networkFigures(result, networks, reduced);

  return {
    report,
    result,
    plan: chosen.plan,
    planLabel: chosen.label,
    planOrigin: chosen.origin,
    progress,
    anomalies,
    ignored,
    keyFigures: keyFigures(result),
    counts: {
      files: report.stats.files,
      unreadable: report.stats.unreadableFiles,
      ignored: ignored.length,
      kept: result.kept.length,
      excluded: result.excluded.length,
      duplicates: result.duplicates.reduce((n, d) => n + d.dropped.length, 0),
    },
    problems: [...chosen.problems, ...evolution.problems, ...referentielProblems(input)],
    settings,
    // campaign outputs (one line each)
    ...(evolution.evolution ? { evolution: evolution.evolution } : {}),
    ...(reconciliation ? { reconciliation } : {}),
    networks: { ofKept: networks, figures: networkFigs },
    ...(completeness ? { completeness } : {}),

  };
}
