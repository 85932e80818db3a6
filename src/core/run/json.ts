import { consolidationJson, type ConsolidationJson } from '../consolidate/index.js';
import { progressJson } from '../objectives/index.js';
import { evolutionJson, type EvolutionJson } from '../evolution/index.js';
import type { ConsolidationRun, KeyFigures, PlanOrigin } from './types.js';
import { runVerdict, type RunVerdict } from './verdict.js';
import { reconciliationJson, type ReconciliationJson } from '../reconcile/index.js';

/** The run as JSON: the consolidation's figures, plus the plan used, key figures and inputs left out. */
export interface RunJson extends ConsolidationJson {
  plan: { nom: string; libelle: string; origine: PlanOrigin };
  chiffres_cles: KeyFigures;
  fichiers_ignores: { fichier: string; motif: string; message: string }[];
  verdict: RunVerdict;
  /** Year over year, when the run has two years. */
  evolution?: EvolutionJson;
  /** Present when an ASP extract was given. */
  rapprochement_asp?: ReconciliationJson;
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
    ...(run.evolution ? { evolution: evolutionJson(run.evolution) } : {}),
    ...(run.reconciliation ? { rapprochement_asp: reconciliationJson(run.reconciliation) } : {}),

  };
}
