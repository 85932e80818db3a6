import { DEFAULT_SETTINGS, departementsOfRegion, type Settings } from '../../schema/index.js';
import { DEFAULT_PLAN_LABEL } from '../run/labels.js';
import { PLAN_SCOPE_REGION } from '../template-layout.js';
import { PLAN_EXAMPLES } from '../templates/plan-examples.js';
import { exampleRow } from '../templates/plan.js';
import type { ActionPlan, PlanTarget } from './types.js';

/**
 * The plan used when none is given: the strategy's tree (STRATEGY) with the example targets
 * the plan template ships (PLAN_EXAMPLES, defined once by the templates), as the template
 * writes them for the configured region — baselines only where they are the region's own.
 */
export function defaultPlan(settings: Settings = DEFAULT_SETTINGS): ActionPlan {
  const deps = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
  const targets: PlanTarget[] = PLAN_EXAMPLES.filter((e) => e.scope === PLAN_SCOPE_REGION || deps.has(e.scope)).map((e) => {
    const row = exampleRow(e, settings);
    return {
      objectif: e.objective,
      indicateur: e.indicator,
      departement: e.scope === PLAN_SCOPE_REGION ? null : e.scope,
      kind: e.kind ?? null,
      ...(row.valeur_reference !== undefined ? { valeurReference: row.valeur_reference } : {}),
      ...(row.annee_reference !== undefined ? { anneeReference: row.annee_reference } : {}),
      cible: e.target.value,
      anneeCible: e.target.year,
      sens: e.direction,
      exemple: true,
    };
  });
  return { name: DEFAULT_PLAN_LABEL, targets, issues: [] };
}
