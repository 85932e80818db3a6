import { TABLE_DEPARTEMENTS, TABLE_SOURCES } from '../consolidated-workbook/index.js';
import type { GridWorkbook } from '../grid.js';

/**
 * Whether a workbook is one of our consolidated workbooks: it holds the tables the consolidated
 * workbook builder always writes (« Par département » and « Sources »). Such a workbook left in
 * a folder of returns is neither a return nor a plan: it is ignored, and the user is told.
 */
export function isConsolidatedWorkbook(book: GridWorkbook): boolean {
  const names = new Set(book.tables.map((t) => t.name.toLowerCase()));
  return names.has(TABLE_DEPARTEMENTS.toLowerCase()) && names.has(TABLE_SOURCES.toLowerCase());
}

export function consolidatedIgnoredMessage(file: string): string {
  return `${file} : classeur consolidé ignoré (produit par Indicateurs IAE : ce n'est ni un retour ni un plan d'actions).`;
}

export function sameFileMessage(file: string, first: string): string {
  return `${file} : même fichier que « ${first} », lu une seule fois.`;
}
