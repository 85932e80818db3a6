import { toA1 } from '../a1.js';
import { sheetByName, type GridSheet, type GridWorkbook } from '../grid.js';
import { labelKey } from '../parse/text.js';
import { recognizeWorkbook } from '../recognize/recognize.js';
import type { PlanColumn, PlanLocation } from '../recognize/locations.js';
import type { ValidationIssue } from '../records.js';
import { NAME_TEMPLATE_KIND, PLAN_COLUMNS, PLAN_SHEET, PLAN_TABLE, TEMPLATE_TITLES, type PlanColumnKey } from '../template-layout.js';

/**
 * Short forms of the plan headers: the header without its parenthesis ("Type de SIAE" for
 * "Type de SIAE (facultatif)", "Sens" for "Sens (hausse / baisse)"), as people retype them.
 * Recognition matches the full headers and the column keys; these complete it.
 */
const SHORT_HEADERS = new Map<string, PlanColumnKey>();
for (const c of PLAN_COLUMNS) {
  const short = labelKey(c.header.replace(/\s*\(.*\)\s*$/, ''));
  if (short && !SHORT_HEADERS.has(short)) SHORT_HEADERS.set(short, c.key);
}

/**
 * The plan location with the header cells recognition left out but that name a plan column by
 * its short form. Both readers of a plan (validation and consolidation) read these columns.
 */
export function completePlanLocation(sheet: GridSheet, loc: PlanLocation): { location: PlanLocation; added: readonly PlanColumn[] } {
  const keys = new Set(loc.columns.map((c) => c.key));
  const cols = new Set(loc.columns.map((c) => c.col));
  const added: PlanColumn[] = [];
  const header = sheet.rows[loc.headerRow - 1] ?? [];
  header.forEach((v, i) => {
    if (typeof v !== 'string' || cols.has(i + 1)) return;
    const key = SHORT_HEADERS.get(labelKey(v));
    if (!key || keys.has(key)) return;
    keys.add(key);
    added.push({ col: i + 1, header: v.trim(), key });
  });
  return { location: added.length ? { ...loc, columns: [...loc.columns, ...added] } : loc, added };
}

export type LocatedPlan =
  | { readonly sheet: GridSheet; readonly location: PlanLocation; readonly issues: readonly ValidationIssue[] }
  | { readonly sheet?: undefined; readonly location?: undefined; readonly issues: readonly ValidationIssue[] };

/**
 * Where a workbook given as an action plan holds its targets: recognition's plan location (the
 * IAE_Objectifs table, else a header row naming the plan columns), with recognition's issues
 * about the structure. No plan found: one French error naming the file (and what it is instead).
 */
export function locatePlan(book: GridWorkbook): LocatedPlan {
  // The caller says the workbook is a plan: recognition is told so through the template-kind
  // name it reads, and then looks for the plan first. Otherwise a plan listing a few collected
  // indicators (personnes, etp_conventionnes…) in its "Indicateur" column reads as a form's labels.
  const kindName = NAME_TEMPLATE_KIND.toUpperCase();
  const asPlan: GridWorkbook = { ...book, definedNames: [...book.definedNames.filter((n) => n.name.toUpperCase() !== kindName), { name: NAME_TEMPLATE_KIND, ref: '"plan"' }] };
  const { recognition, issues } = recognizeWorkbook(asPlan);
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
  const { location, added } = completePlanLocation(sheet, loc);
  // A column read through its short header is no longer "unknown": drop recognition's warning.
  const read = new Set(added.map((c) => c.col));
  const kept = issues.filter((i) => !(i.code === 'extra-label' && i.sheet === sheet.name && i.row === loc.headerRow && [...read].some((c) => i.cell === toA1(loc.headerRow, c))));
  return { sheet, location, issues: kept };
}
