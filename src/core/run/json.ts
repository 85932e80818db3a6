import { consolidationJson, type ConsolidationJson } from '../consolidate/index.js';
import { networksJson, provenanceJson, type NetworksJson, type ProvenanceJson } from '../networks/index.js';
import { progressJson } from '../objectives/index.js';
import { evolutionJson, type EvolutionJson } from '../evolution/index.js';
import { completenessJson, type CompletenessJson } from '../campaign/index.js';
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
  /** Per period, each network's figures beside the region's. */
  reseaux: NetworksJson;
  /** With --provenance: every retained return once, and for each figure's scope the returns that fed it. */
  provenance?: ProvenanceJson;
  /** With a référentiel (or an ASP extract): who was expected, who answered. */
  completude?: CompletenessJson;
}

/** provenance: add, per figure, the returns that fed it (--provenance). */
export interface RunJsonOptions {
  readonly provenance?: boolean;
}

export function runJson(run: ConsolidationRun, options: RunJsonOptions = {}): RunJson {
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
    reseaux: networksJson(run.networks.figures),
    ...(options.provenance ? { provenance: provenanceJson(run.result, run.networks.ofKept, run.networks.figures) } : {}),
    ...(run.completeness ? { completude: completenessJson(run.completeness) } : {}),

  };
}
