/**
 * The consolidated workbook of a run, laid out only when one is written (file, download, Excel
 * sheets): the run's figures (runConsolidation) do not need it, and at national scale the
 * layout of every sheet costs more than the figures themselves.
 */
import { buildConsolidatedWorkbook, donneesSheet, parReseauSheet } from '../consolidated-workbook/index.js';
import { evolutionSheet } from '../consolidated-workbook/evolution.js';
import { rapprochementSheet } from '../consolidated-workbook/rapprochement.js';
import { suiviSheet } from '../consolidated-workbook/suivi.js';
import type { WorkbookModel } from '../workbook-model.js';
import type { ConsolidationRun } from './types.js';

export type RunWorkbookInput = Pick<
  ConsolidationRun,
  'result' | 'progress' | 'plan' | 'anomalies' | 'settings' | 'evolution' | 'reconciliation' | 'networks' | 'completeness'
>;

export function buildRunWorkbook(run: RunWorkbookInput): WorkbookModel {
  return buildConsolidatedWorkbook({
    result: run.result,
    progress: run.progress,
    planName: run.plan.name,
    anomalies: run.anomalies,
    regionCode: run.settings.regionCode,
    // campaign sheets: suivi, rapprochement, evolution, parReseau, donnees (one line each)
    ...(run.evolution ? { evolution: evolutionSheet(run.evolution), previousYear: run.evolution } : {}),
    ...(run.reconciliation ? { rapprochement: rapprochementSheet(run.reconciliation) } : {}),
    ...(run.networks.figures.anyKnown ? { parReseau: parReseauSheet(run.networks.figures) } : {}),
    donnees: donneesSheet(run.result, run.networks.ofKept),
    ...(run.completeness ? { suivi: suiviSheet(run.completeness) } : {}),
  });
}
