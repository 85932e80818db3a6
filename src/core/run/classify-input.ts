/**
 * What a campaign input is, decided once for every front end (CLI, task pane, ribbon): a return
 * (SIAE form or network table, checked as such), an action plan, a référentiel of expected SIAE,
 * the ASP annual extract, or one of our consolidated workbooks. Only returns and plans go to
 * validation; the others are taken for what they are, and the user is told.
 */
import { isAspExtract } from '../asp/index.js';
import { isReferentielWorkbook } from '../campaign/index.js';
import { TABLE_DEPARTEMENTS } from '../consolidated-workbook/index.js';
import type { GridWorkbook } from '../grid.js';
import { parseRange } from '../a1.js';
import { definedNameValue } from '../recognize/refs.js';
import { NAME_TEMPLATE_KIND, PLAN_TABLE } from '../template-layout.js';
import { isConsolidatedWorkbook } from './consolidated-book.js';

export type InputKind = 'retour' | 'plan' | 'referentiel' | 'asp' | 'consolide';

/** French words for each kind, for the notices. */
export const INPUT_KIND_LABELS: Record<InputKind, string> = {
  retour: 'retour',
  plan: "plan d'actions",
  referentiel: 'référentiel des SIAE attendues',
  asp: "extraction annuelle de l'ASP",
  consolide: 'classeur consolidé',
};

/**
 * The kind of a workbook. Order matters: our consolidated workbook first (it holds tables of
 * everything), then the ASP extract (its own headers), then the référentiel (our template, or a
 * header row SIRET / type / département / réseau or contact without figures), then a plan marked
 * as ours; anything else is a return, and validation says what it finds (a plan without marks too).
 */
export function classifyInput(book: GridWorkbook): InputKind {
  if (isConsolidatedWorkbook(book)) return 'consolide';
  if (isAspExtract(book)) return 'asp';
  if (isReferentielWorkbook(book)) return 'referentiel';
  const kind = definedNameValue(book, NAME_TEMPLATE_KIND);
  if ((typeof kind === 'string' && kind.trim().toLowerCase() === 'plan') || book.tables.some((t) => t.name.toUpperCase() === PLAN_TABLE.toUpperCase())) return 'plan';
  return 'retour';
}

/**
 * The latest year a consolidated workbook of ours holds (the « Année » column of its « Par
 * département » table), or undefined.
 */
export function consolidatedYear(book: GridWorkbook): number | undefined {
  const table = book.tables.find((t) => t.name.toLowerCase() === TABLE_DEPARTEMENTS.toLowerCase());
  const sheet = table && book.sheets.find((s) => s.name === table.sheet);
  if (!table || !sheet) return undefined;
  const range = parseRange(table.ref);
  const col = table.columns.findIndex((c) => c === 'Année');
  if (col < 0) return undefined;
  let latest: number | undefined;
  for (let r = range.top; r < range.bottom; r++) {
    const v = sheet.rows[r]?.[range.left - 1 + col];
    if (typeof v === 'number' && Number.isInteger(v) && (latest === undefined || v > latest)) latest = v;
  }
  return latest;
}

export function takenAsMessage(file: string, kind: InputKind): string {
  return `${file} : lu comme ${kind === 'asp' ? "l'" : 'le '}${INPUT_KIND_LABELS[kind]}${kind === 'asp' ? ' (une référence, jamais ajoutée aux chiffres des retours)' : ''}.`;
}

export function referenceMessage(file: string, year: number, returnsYear: number): string {
  return `${file} : classeur consolidé de ${year}, pris comme référence pour comparer ${returnsYear} à ${year}.`;
}

export function secondInputMessage(file: string, kind: InputKind, first: string): string {
  const one = kind === 'asp' ? 'une seule' : 'un seul';
  const kept = kind === 'asp' ? 'celle' : 'celui';
  const label = kind === 'consolide' ? 'classeur consolidé de référence' : INPUT_KIND_LABELS[kind];
  return `${file} : ${one} ${label} par consolidation, ${kept} de « ${first} » est gardé${kind === 'asp' ? 'e' : ''} ; ce fichier est ignoré.`;
}
