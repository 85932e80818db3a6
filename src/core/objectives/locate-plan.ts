import { sheetByName, type GridSheet, type GridWorkbook } from '../grid.js';
import { recognizeWorkbook } from '../recognize/recognize.js';
import type { PlanLocation } from '../recognize/locations.js';
import type { ValidationIssue } from '../records.js';
import { PLAN_SHEET, PLAN_TABLE, TEMPLATE_TITLES } from '../template-layout.js';

export type LocatedPlan =
  | { readonly sheet: GridSheet; readonly location: PlanLocation; readonly issues: readonly ValidationIssue[] }
  | { readonly sheet?: undefined; readonly location?: undefined; readonly issues: readonly ValidationIssue[] };

/**
 * Where a workbook given as an action plan holds its targets: recognition's plan location (the
 * IAE_Objectifs table, else a header row naming the plan columns), with recognition's issues
 * about the structure. No plan found: one French error naming the file (and what it is instead).
 */
export function locatePlan(book: GridWorkbook): LocatedPlan {
  // Given as a plan: recognition looks for the plan first, whatever the workbook's metadata says.
  const { recognition, issues } = recognizeWorkbook(book, { expect: 'plan' });
  const loc = recognition.locations.find((l): l is PlanLocation => l.kind === 'plan');
  const sheet = loc && sheetByName(book, loc.sheet);
  if (!loc || !sheet) {
    const other = recognition.kind && recognition.kind !== 'plan' ? ` (il est reconnu comme un ${TEMPLATE_TITLES[recognition.kind].replace(/^M/, 'm')})` : '';
    return {
      issues: [
        {
          code: 'unknown-template',
          severity: 'erreur',
          file: book.source,
          message: `Aucun tableau d'objectifs trouvé dans « ${book.source} »${other} : utilisez le modèle de plan d'actions (feuille « ${PLAN_SHEET} », tableau ${PLAN_TABLE}) ou une feuille dont la ligne d'en-tête contient « Objectif », « Indicateur (code) », « Périmètre » et « Cible ».`,
        },
      ],
    };
  }
  return { sheet, location: loc, issues };
}
