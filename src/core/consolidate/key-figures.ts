/**
 * Key figures, chosen once: the columns of the « Par département » and « Par type de SIAE »
 * sheets, and the few headline figures the task pane's table and the CLI's summary show.
 */
import type { FigureCode } from './values.js';

/** Key figures shown per département and per kind in the consolidated workbook. */
export const KEY_CODES = [
  'nombre_siae',
  'personnes',
  'etp_realises',
  'etp_conventionnes',
  'taux_realisation_etp',
  'heures_remunerees',
  'part_femmes',
  'part_rsa',
  'part_residents_qpv',
  'part_detld',
  'part_moins_26_ans',
  'part_plus_50_ans',
  'part_travailleurs_handicapes',
  'taux_sorties_dynamiques',
  'taux_emploi_durable',
] as const satisfies readonly FigureCode[];

export type KeyCode = (typeof KEY_CODES)[number];

/** The headline figures of a scope (pane table columns, CLI summary), by the name the pane gives them. */
export const HEADLINE_CODES = {
  siae: 'nombre_siae',
  personnes: 'personnes',
  etp: 'etp_realises',
  tauxRealisation: 'taux_realisation_etp',
  tauxSortiesDynamiques: 'taux_sorties_dynamiques',
} as const satisfies Record<string, KeyCode>;

export type HeadlineKey = keyof typeof HEADLINE_CODES;
