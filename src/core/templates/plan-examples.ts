import type { SiaeKind } from '../../schema/index.js';
import type { FigureCode } from '../consolidate/values.js';

/**
 * Example targets shipped in the action plan, marked "Exemple à remplacer = oui". Baselines are
 * the 2013 figures of the regional strategy's diagnostic (Ile-de-France, region '11'): they
 * are only shown for that region. Targets are illustrative, to be replaced by the users.
 */
export interface PlanExample {
  readonly objective: string;
  /** A base or derived indicator code of the schema (checked by the tests). */
  readonly indicator: FigureCode;
  /** 'Région' or a département code. */
  readonly scope: string;
  readonly kind?: SiaeKind;
  readonly baseline?: { readonly value: number; readonly year: number };
  readonly target: { readonly value: number; readonly year: number };
  readonly direction: 'hausse' | 'baisse';
}

export const SEED_REGION = '11';
const TARGET_YEAR = 2027;
const seed = (value: number) => ({ value, year: 2013 });
const target = (value: number) => ({ value, year: TARGET_YEAR });

export const PLAN_EXAMPLES: readonly PlanExample[] = [
  { objective: '121', indicator: 'part_residents_qpv', scope: 'Région', baseline: seed(0.37), target: target(0.4), direction: 'hausse' },
  { objective: '121', indicator: 'part_residents_qpv', scope: '93', baseline: seed(0.6), target: target(0.62), direction: 'hausse' },
  { objective: '21', indicator: 'personnes', scope: 'Région', baseline: seed(28000), target: target(30000), direction: 'hausse' },
  { objective: '211', indicator: 'part_detld', scope: 'Région', baseline: seed(0.42), target: target(0.45), direction: 'hausse' },
  { objective: '211', indicator: 'part_rsa', scope: 'Région', baseline: seed(0.33), target: target(0.35), direction: 'hausse' },
  { objective: '211', indicator: 'part_rsa', scope: 'Région', kind: 'ACI', baseline: seed(0.53), target: target(0.55), direction: 'hausse' },
  { objective: '212', indicator: 'part_femmes', scope: 'Région', baseline: seed(0.42), target: target(0.45), direction: 'hausse' },
  { objective: '212', indicator: 'part_femmes', scope: 'Région', kind: 'ETTI', baseline: seed(0.1), target: target(0.15), direction: 'hausse' },
  { objective: '222', indicator: 'taux_sorties_dynamiques', scope: 'Région', target: target(0.6), direction: 'hausse' },
  { objective: '222', indicator: 'taux_emploi_durable', scope: 'Région', target: target(0.25), direction: 'hausse' },
  { objective: '411', indicator: 'etp_realises', scope: 'Région', baseline: seed(7055), target: target(8000), direction: 'hausse' },
  { objective: '423', indicator: 'taux_realisation_etp', scope: 'Région', target: target(1), direction: 'hausse' },
];
