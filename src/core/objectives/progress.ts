import { DEFAULT_SETTINGS, departementsOfRegion, strategyNode } from '../../schema/index.js';
import { figureLabel, figureValue, groupMapKey, type ConsolidationResult, type GroupAggregate } from '../consolidate/index.js';
import { coverageOf, type ExpectedOnScope } from './coverage.js';
import { displayUnits, progressionDecimals, progressionWords } from './precision.js';
import { PROGRESS_STATUS_LABELS, type ActionPlan, type MeasuredStatus, type ObjectiveProgress, type PlanTarget, type ProgressCoverage } from './types.js';

export interface ProgressOptions {
  /** Départements a region-wide target covers; default: those of the settings' region (8 for Ile-de-France). */
  readonly regionDepartements?: readonly string[];
  /** SIAE expected on a perimeter and those without a retained return (a référentiel given): partial coverage when any. */
  readonly expected?: ExpectedOnScope;
}

/**
 * Progress of each target of the plan against the consolidated figures (rules: docs/consolidation.md).
 * Period: the target year when the run has it, else the latest period of the run.
 * Baseline: the plan's reference value, else the figure of the reference year when the run has it.
 * Every comparison is made on the values as displayed (rounded to their format's precision), so
 * what a reader sees never contradicts the status.
 */
export function computeProgress(plan: ActionPlan, result: ConsolidationResult, options: ProgressOptions = {}): ObjectiveProgress[] {
  const regionDepartements = options.regionDepartements ?? departementsOfRegion(DEFAULT_SETTINGS.regionCode).map((d) => d.code);
  return plan.targets.map((target) => progressOf(target, result, { regionDepartements, ...(options.expected ? { expected: options.expected } : {}) }));
}

const NO_COVERAGE: ProgressCoverage = { complete: true, departementsRecus: [], departementsManquants: [], siaeManquantes: [], texte: '' };

export function progressOf(target: PlanTarget, result: ConsolidationResult, options: ProgressOptions = {}): ObjectiveProgress {
  const objectifLibelle = strategyNode(target.objectif)?.label ?? '';
  const indicateurLibelle = figureLabel(target.indicateur);
  const base = { target, objectifLibelle, indicateurLibelle, progressionDecimals: 0, progressionTexte: '' };
  const latest = result.periods.at(-1);
  if (latest === undefined) {
    const note = 'Aucune donnée retenue dans cette consolidation.';
    return { ...base, periode: null, valeur: null, reference: target.valeurReference ?? null, progression: null, statut: 'sans_donnee', statutMesure: 'sans_donnee', couverture: NO_COVERAGE, note };
  }
  const periode = target.anneeCible !== undefined && result.byPeriod.has(target.anneeCible) ? target.anneeCible : latest;
  const notes: string[] = [];
  if (target.anneeCible !== undefined && periode !== target.anneeCible) {
    notes.push(`Pas de données ${target.anneeCible} : valeur de ${periode}, la dernière année disponible.`);
  }
  const group = groupOf(result, periode, target);
  const valeur = figureValue(group, target.indicateur);
  let reference: number | null = target.valeurReference ?? null;
  if (reference === null && target.anneeReference !== undefined && result.byPeriod.has(target.anneeReference)) {
    const v = figureValue(groupOf(result, target.anneeReference, target), target.indicateur);
    if (typeof v === 'number') {
      reference = v;
      notes.push(`Référence prise dans les données ${target.anneeReference}.`);
    }
  }
  const referenceGroup =
    target.anneeReference !== undefined && target.anneeReference !== periode && result.byPeriod.has(target.anneeReference)
      ? groupOf(result, target.anneeReference, target)
      : undefined;
  const couverture = coverageOf(result, periode, target, group, referenceGroup, options.regionDepartements ?? departementsOfRegion(DEFAULT_SETTINGS.regionCode).map((d) => d.code), options.expected);
  if (typeof valeur !== 'number') {
    notes.unshift(valeur === 'sans objet' ? 'Taux sans objet (dénominateur nul) sur ce périmètre.' : 'Aucun retour ne renseigne cet indicateur sur ce périmètre.');
    if (!couverture.complete) notes.push(`Couverture : ${couverture.texte}.`);
    return { ...base, periode, valeur, reference, progression: null, statut: 'sans_donnee', statutMesure: 'sans_donnee', couverture, note: notes.join(' ') };
  }
  const statutMesure = statusOf(valeur, reference, target);
  const { progression, decimals } = progressionOf(valeur, reference, target, statutMesure);
  const progressionTexte = progressionWords(statutMesure, progression, decimals, reference !== null);
  const statut = couverture.complete ? statutMesure : 'couverture_partielle';
  const head = couverture.complete
    ? [progressionTexte]
    : [`Couverture partielle : ${couverture.texte}.`, `Sur les données reçues : ${PROGRESS_STATUS_LABELS[statutMesure].toLowerCase()}${progressionTexte ? ` (${lowerFirst(progressionTexte.replace(/\.$/, ''))})` : ''}.`];
  const note = [...head.filter((t) => t !== ''), ...notes].join(' ');
  return { ...base, periode, valeur, reference, progression, progressionDecimals: decimals, progressionTexte, statut, statutMesure, couverture, note };
}

/**
 * The status on the values as displayed: atteint when the shown value reaches the shown target in
 * the plan's direction; stable when it shows the same as the baseline; en recul when it is on the
 * wrong side of the baseline; en progrès otherwise (or when no baseline is known).
 */
export function statusOf(valeur: number, reference: number | null, target: PlanTarget): MeasuredStatus {
  const up = target.sens === 'hausse';
  const v = displayUnits(target.indicateur, valeur);
  const c = displayUnits(target.indicateur, target.cible);
  if (up ? v >= c : v <= c) return 'atteint';
  if (reference === null) return 'en_progres';
  const r = displayUnits(target.indicateur, reference);
  if (v === r) return 'stable';
  return (up ? v < r : v > r) ? 'en_recul' : 'en_progres';
}

/** Progression on the displayed values, rounded to the fewest decimals that keep it in line with the status. */
function progressionOf(valeur: number, reference: number | null, target: PlanTarget, statut: MeasuredStatus): { progression: number | null; decimals: number } {
  if (reference === null) return { progression: null, decimals: 0 };
  const v = displayUnits(target.indicateur, valeur);
  const r = displayUnits(target.indicateur, reference);
  const c = displayUnits(target.indicateur, target.cible);
  if (c === r) return { progression: null, decimals: 0 };
  const exact = (v - r) / (c - r);
  const decimals = progressionDecimals(exact, statut);
  // + 0 turns -0 into 0.
  return { progression: Number(exact.toFixed(decimals + 2)) + 0, decimals };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function groupOf(result: ConsolidationResult, periode: number, target: PlanTarget): GroupAggregate | undefined {
  const p = result.byPeriod.get(periode);
  if (!p) return undefined;
  if (target.departement === null) return target.kind === null ? p.region : p.byKind.get(target.kind);
  return target.kind === null ? p.byDepartement.get(target.departement) : p.byDepartementKind.get(groupMapKey(target.departement, target.kind));
}
