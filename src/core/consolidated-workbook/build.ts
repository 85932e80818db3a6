import { DEFAULT_SETTINGS, SCHEMA_VERSION } from '../../schema/index.js';
import type { ConsolidationResult } from '../consolidate/index.js';
import type { ObjectiveProgress } from '../objectives/index.js';
import type { ValidationIssue } from '../records.js';
import type { SheetModel, WorkbookModel } from '../workbook-model.js';
import type { Evolution } from '../evolution/index.js';
import { anomaliesSheet, sourcesSheet } from './anomalies-sources.js';
import { departementsSheet, heuresSheet, sortiesSheet, typesSheet } from './figure-sheets.js';
import { progressionSheet } from './progression.js';
import { syntheseSheet } from './synthese.js';

export interface ConsolidatedWorkbookInput {
  readonly result: ConsolidationResult;
  readonly progress: readonly ObjectiveProgress[];
  readonly planName: string;
  /** Issues of reading the plan, listed with the others. */
  readonly planIssues?: readonly ValidationIssue[];
  /** Every anomaly, already gathered (src/core/run): when given, used as it is instead of result's and planIssues. */
  readonly anomalies?: readonly ValidationIssue[];
  readonly regionCode?: string;

  // The campaign's sheets (issue 14), each built by its own module and placed in this order.

  /** « Suivi de la collecte » (completeness). */
  readonly suivi?: SheetModel;

  /** « Rapprochement ASP » (reconciliation). */
  readonly rapprochement?: SheetModel;

  /** « Évolution » (year over year). */
  readonly evolution?: SheetModel;
  /** The year-over-year figures: the synthesis' ETP chart then shows N−1 beside N. */
  readonly previousYear?: Evolution;

  /** « Par réseau ». */
  readonly parReseau?: SheetModel;

  /** « Données »: every retained return, one row each. */
  readonly donnees?: SheetModel;
}

/**
 * The consolidated workbook as a neutral model: hosts render it (xlsx writer, Office.js).
 * Every text from users (file names, messages, names) is a plain value, never a formula.
 */
export function buildConsolidatedWorkbook(input: ConsolidatedWorkbookInput): WorkbookModel {
  const { result, progress } = input;
  return {
    sheets: [
      syntheseSheet(result, progress, input.regionCode ?? DEFAULT_SETTINGS.regionCode, input.previousYear),
      departementsSheet(result),
      typesSheet(result),
      heuresSheet(result),
      sortiesSheet(result),
      progressionSheet(progress, input.planName),
      ...[input.suivi, input.rapprochement, input.evolution, input.parReseau, input.donnees].filter((s): s is SheetModel => s !== undefined),
      anomaliesSheet(input.anomalies ?? [...result.anomalies, ...(input.planIssues ?? [])]),
      sourcesSheet(result),
    ],
    properties: {
      title: 'Consolidation des indicateurs IAE',
      subject: `Schéma des indicateurs ${SCHEMA_VERSION}`,
      creator: 'Indicateurs IAE',
    },
  };
}
