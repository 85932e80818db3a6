import { consolidationJson, type ConsolidationJson } from '../consolidate/index.js';
import { progressJson } from '../objectives/index.js';
import { completenessJson, type CompletenessJson } from '../campaign/index.js';
import type { ConsolidationRun, KeyFigures, PlanOrigin } from './types.js';
import { runVerdict, type RunVerdict } from './verdict.js';

/** The run as JSON: the consolidation's figures, plus the plan used, key figures and inputs left out. */
export interface RunJson extends ConsolidationJson {
  plan: { nom: string; libelle: string; origine: PlanOrigin };
  chiffres_cles: KeyFigures;
  fichiers_ignores: { fichier: string; motif: string; message: string }[];
  verdict: RunVerdict;
  /** With a référentiel (or an ASP extract): who was expected, who answered. */
  completude?: CompletenessJson;
}

export function runJson(run: ConsolidationRun): RunJson {
  const json = consolidationJson(run.result, run.progress.map(progressJson));
  return {
    ...json,
    anomalies: [...run.anomalies],
    plan: { nom: run.plan.name, libelle: run.planLabel, origine: run.planOrigin },
    chiffres_cles: run.keyFigures,
    fichiers_ignores: run.ignored.map((g) => ({ fichier: g.file, motif: g.reason, message: g.message })),
    verdict: runVerdict(run),
    // campaign sections (issue 14), one line each: completude, rapprochement_asp, evolution, reseaux, provenance
    ...(run.completeness ? { completude: completenessJson(run.completeness) } : {}),

  };
}
