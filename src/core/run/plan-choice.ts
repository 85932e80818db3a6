/**
 * The one rule for the action plan, whatever the front end:
 *   1. the plan the user named (--plan, the pane's plan file, the open workbook's plan sheet);
 *   2. else the only plan found among the inputs (a plan template given with the returns);
 *   3. else the default plan (the plan template's examples), named DEFAULT_PLAN_LABEL everywhere.
 * Several plans among the inputs are not guessed between: the default plan is used and the
 * label says so.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../schema/index.js';
import { defaultPlan, readPlan, type ActionPlan } from '../objectives/index.js';
import type { ValidationReport } from '../validate/report.js';
import { DEFAULT_PLAN_LABEL } from './labels.js';
import type { PlanOrigin, RunInput } from './types.js';

export interface ChosenPlan {
  readonly plan: ActionPlan;
  readonly label: string;
  readonly origin: PlanOrigin;
  /** Why the run is incomplete, when the plan could not be read. */
  readonly problems: readonly string[];
}

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

function unreadablePlan(file: string, message: string): ChosenPlan {
  return {
    plan: { name: file, targets: [], issues: [{ code: 'unreadable-file', severity: 'erreur', file, message }] },
    label: `fichier « ${file} » (illisible)`,
    origin: 'explicite',
    problems: [`Plan d'actions illisible : ${message}`],
  };
}

/** Plans found among the checked inputs (readable files recognised as the plan template). */
export function plansAmong(report: ValidationReport): string[] {
  return report.files.filter((f) => !f.unreadable && f.template.kind === 'plan').map((f) => f.file);
}

export function choosePlan(input: RunInput): ChosenPlan {
  const settings: Settings = input.settings ?? DEFAULT_SETTINGS;
  const fallback = (why?: string): ChosenPlan => ({
    plan: defaultPlan(settings),
    label: why ? `${DEFAULT_PLAN_LABEL} — ${why}` : DEFAULT_PLAN_LABEL,
    origin: 'defaut',
    problems: [],
  });
  const explicit = input.plan;
  if (explicit?.kind === 'unreadable') return unreadablePlan(explicit.file, explicit.message);
  if (explicit?.kind === 'book') {
    const read = readPlan(explicit.book, settings);
    const noPlan = read.targets.length === 0 && read.issues.some((i) => i.code === 'unknown-template');
    if (noPlan && explicit.fallbackToDefault) return fallback('aucune feuille plan dans ce classeur');
    return { plan: read, label: explicit.label, origin: 'explicite', problems: [] };
  }
  const found = plansAmong(input.report);
  if (found.length > 1) return fallback(`plusieurs plans parmi les fichiers (${found.map((f) => `« ${f} »`).join(', ')}) : indiquez celui à utiliser`);
  if (found.length === 1 && input.readInput) {
    const file = found[0]!;
    try {
      const plan = readPlan(input.readInput(file), settings);
      return { plan, label: `fichier « ${file} » (seul plan trouvé parmi les fichiers)`, origin: 'parmi-les-fichiers', problems: [] };
    } catch (e) {
      return unreadablePlan(file, errorMessage(e));
    }
  }
  return fallback();
}
