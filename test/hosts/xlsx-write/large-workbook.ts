/**
 * The consolidated workbook at national scale, from generated data: `siae` SIAE spread over the
 * 101 départements, each with a return for each of `years` years (the demo's valid returns,
 * each with its own SIRET). Shared by the writer's slow test and its bench.
 */
import { buildConsolidatedWorkbook } from '../../../src/core/consolidated-workbook/index';
import { consolidate, type ConsolidationResult } from '../../../src/core/consolidate/index';
import { generateDemoRegion } from '../../../src/core/demo/index';
import type { ReturnRecord } from '../../../src/core/records';
import type { WorkbookModel } from '../../../src/core/workbook-model';
import { luhnValid, type PartialReturn } from '../../../src/schema/index';

function siret(i: number): string {
  const first13 = `5${String(i).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  throw new Error('siret');
}

/** The 101 département codes (metropolitan and overseas). */
const DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
];

export function largeConsolidation(siae: number, years: number): ConsolidationResult {
  const demo = generateDemoRegion().siae.map((s) => s.values);
  const records: ReturnRecord[] = [];
  for (let y = 0; y < years; y++) {
    for (let i = 0; i < siae; i++) {
      const dep = DEPARTEMENTS[i % DEPARTEMENTS.length]!;
      const { annexe_financiere: _af, ...v } = demo[i % demo.length]!;
      records.push({
        values: { ...v, siret: siret(i), raison_sociale: `${String(v.raison_sociale)} ${i}`, departement: dep, annee: 2013 + y } as PartialReturn,
        source: { file: `reseau-${dep}-${2013 + y}.xlsx`, sheet: 'Retours', row: 10 + Math.floor(i / DEPARTEMENTS.length), cells: {} },
        errors: 0,
        warnings: 0,
      });
    }
  }
  return consolidate({ records });
}

export function largeWorkbookModel(siae: number, years: number): WorkbookModel {
  return buildConsolidatedWorkbook({ result: largeConsolidation(siae, years), progress: [], planName: 'Aucun plan' });
}
