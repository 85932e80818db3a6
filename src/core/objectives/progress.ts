import { strategyNode } from '../../schema/index.js';
import { figureLabel, figureValue, groupMapKey, type ConsolidationResult, type GroupAggregate } from '../consolidate/index.js';
import type { ActionPlan, ObjectiveProgress, PlanTarget, ProgressStatus } from './types.js';

/**
 * Progress of each target of the plan against the consolidated figures.
 * Period: the target year when the run has it, else the latest period of the run.
 * Baseline: the plan's reference value, else the figure of the reference year when the run has it.
 * progression = (valeur − référence) / (cible − référence).
 * Status: atteint when the value reaches the target in the plan's direction; en recul when it
 * is on the wrong side of the baseline; en progrès otherwise (including no move yet, or no
 * baseline to compare with); sans donnée when the scope has no figure (or a rate is sans objet).
 */
export function computeProgress(plan: ActionPlan, result: ConsolidationResult): ObjectiveProgress[] {
  return plan.targets.map((target) => progressOf(target, result));
}

export function progressOf(target: PlanTarget, result: ConsolidationResult): ObjectiveProgress {
  const objectifLibelle = strategyNode(target.objectif)?.label ?? '';
  const indicateurLibelle = figureLabel(target.indicateur);
  const base = { target, objectifLibelle, indicateurLibelle };
  const latest = result.periods.at(-1);
  if (latest === undefined) {
    return { ...base, periode: null, valeur: null, reference: target.valeurReference ?? null, progression: null, statut: 'sans_donnee', note: 'Aucune donnée retenue dans cette consolidation.' };
  }
  const periode = target.anneeCible !== undefined && result.byPeriod.has(target.anneeCible) ? target.anneeCible : latest;
  const notes: string[] = [];
  if (target.anneeCible !== undefined && periode !== target.anneeCible) {
    notes.push(`Pas de données ${target.anneeCible} : valeur de ${periode}, la dernière année disponible.`);
  }
  const valeur = figureValue(groupOf(result, periode, target), target.indicateur);
  let reference: number | null = target.valeurReference ?? null;
  if (reference === null && target.anneeReference !== undefined && result.byPeriod.has(target.anneeReference)) {
    const v = figureValue(groupOf(result, target.anneeReference, target), target.indicateur);
    if (typeof v === 'number') {
      reference = v;
      notes.push(`Référence prise dans les données ${target.anneeReference}.`);
    }
  }
  if (typeof valeur !== 'number') {
    notes.push(valeur === 'sans objet' ? 'Taux sans objet (dénominateur nul) sur ce périmètre.' : 'Aucun retour ne renseigne cet indicateur sur ce périmètre.');
    return { ...base, periode, valeur, reference, progression: null, statut: 'sans_donnee', note: notes.join(' ') };
  }
  const progression = reference !== null && target.cible !== reference ? (valeur - reference) / (target.cible - reference) : null;
  return { ...base, periode, valeur, reference, progression, statut: statusOf(valeur, reference, target), note: notes.join(' ') };
}

export function statusOf(valeur: number, reference: number | null, target: PlanTarget): ProgressStatus {
  const up = target.sens === 'hausse';
  // Tiny tolerance so that 0.45 computed as 0.4499999999 counts as reaching 0.45.
  const eps = 1e-9 * Math.max(1, Math.abs(target.cible));
  if (up ? valeur >= target.cible - eps : valeur <= target.cible + eps) return 'atteint';
  if (reference !== null && (up ? valeur < reference : valeur > reference)) return 'en_recul';
  return 'en_progres';
}

function groupOf(result: ConsolidationResult, periode: number, target: PlanTarget): GroupAggregate | undefined {
  const p = result.byPeriod.get(periode);
  if (!p) return undefined;
  if (target.departement === null) return target.kind === null ? p.region : p.byKind.get(target.kind);
  return target.kind === null ? p.byDepartement.get(target.departement) : p.byDepartementKind.get(groupMapKey(target.departement, target.kind));
}
