/**
 * The consolidation run, once for every front end: validated returns → deduplication and
 * consolidation → the plan (plan-choice.ts) → objective progress → anomalies → key figures →
 * the consolidated workbook model. The CLI, the task pane and the ribbon commands only gather
 * the inputs and deliver the outputs, so the same inputs give the same bytes everywhere.
 */
import { consolidate } from '../consolidate/index.js';
import { buildConsolidatedWorkbook } from '../consolidated-workbook/index.js';
import { computeProgress } from '../objectives/index.js';
import { DEFAULT_SETTINGS, departementsOfRegion } from '../../schema/index.js';
import { runAnomalies } from './anomalies.js';
import { keyFigures } from './key-rows.js';
import { choosePlan } from './plan-choice.js';
import type { ConsolidationRun, RunInput } from './types.js';
import { completenessOf, expectedOn } from './completeness-step.js';
import { suiviSheet } from '../consolidated-workbook/suivi.js';

export function runConsolidation(input: RunInput): ConsolidationRun {
  const { report } = input;
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const ignored = input.ignored ?? [];
  const result = consolidate({
    records: report.files.flatMap((f) => f.records),
    issues: report.files.flatMap((f) => f.issues),
    files: report.files.map((f) => f.file),
  });
  const chosen = choosePlan(input);
  const regionDepartements = departementsOfRegion(settings.regionCode).map((d) => d.code);
  // completeness: from input.referentiel (before progress: a target whose SIAE are not all retained says so)
  const completeness = completenessOf(input, result, settings.regionCode);
  const progress = computeProgress(chosen.plan, result, { regionDepartements, ...(completeness ? { expected: expectedOn(completeness) } : {}) });
  const anomalies = runAnomalies(result.anomalies, [...chosen.plan.issues, ...(input.referentiel?.issues ?? [])], ignored);

  // The campaign (issue 14): each module computes its output from its optional input here.

  // reconciliation: from input.asp

  // evolution: from the result's periods or input.reference

  // networks and provenance

  const model = buildConsolidatedWorkbook({
    result,
    progress,
    planName: chosen.plan.name,
    anomalies,
    regionCode: settings.regionCode,
    // campaign sheets: suivi, rapprochement, evolution, parReseau, donnees (one line each)
    ...(completeness ? { suivi: suiviSheet(completeness) } : {}),

  });
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
    model,
    problems: chosen.problems,
    // campaign outputs (one line each)
    ...(completeness ? { completeness } : {}),

  };
}
