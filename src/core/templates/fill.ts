import { SENDER_FIELDS, NETWORK_SHEET, SIAE_SHEET } from '../template-layout.js';
import type { CellModel, SheetModel, WorkbookModel } from '../workbook-model.js';
import { evaluateRules, indicatorByCode, type PartialReturn, type Settings } from '../../schema/index.js';
import { NETWORK_LAYOUT, networkColumn } from './network.js';
import { buildNetworkTemplate } from './network.js';
import { buildSiaeTemplate, controlCache, FORM_COLS, siaeFormLayout } from './siae-form.js';

/** A value as typed in a cell: text, number, or blank (null). Booleans are typed as oui / non. */
export type TypedValue = string | number | boolean | null;

export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: TypedValue;
  /** Set for formula cells: the cached result to store (the formula itself is kept). */
  readonly cached?: boolean;
}

function typed(v: TypedValue): string | number | null {
  return typeof v === 'boolean' ? (v ? 'oui' : 'non') : v;
}

/** A copy of the model with values written into one sheet's cells; styles and formulas are kept. */
export function withCellValues(model: WorkbookModel, sheetName: string, writes: readonly CellWrite[]): WorkbookModel {
  const byKey = new Map(writes.map((w) => [`${w.row},${w.col}`, w]));
  const sheets = model.sheets.map((sheet): SheetModel => {
    if (sheet.name !== sheetName) return sheet;
    const cells: CellModel[] = sheet.cells.map((c) => {
      const w = byKey.get(`${c.row},${c.col}`);
      if (!w) return c;
      byKey.delete(`${c.row},${c.col}`);
      if (c.formula !== undefined && !w.cached) throw new Error(`La cellule ${c.row},${c.col} de « ${sheetName} » est une formule.`);
      return { ...c, value: typed(w.value) };
    });
    for (const w of byKey.values()) cells.push({ row: w.row, col: w.col, value: typed(w.value) });
    return { ...sheet, cells };
  });
  if (!sheets.some((s) => s.name === sheetName)) throw new Error(`Feuille absente du modèle : « ${sheetName} ».`);
  return { ...model, sheets };
}

/** Raw values as a user would type them, keyed by indicator code (undefined/null = blank). */
export type TypedReturn = Readonly<Record<string, TypedValue | undefined>>;

/** What the schema's functions see of a typed return: numbers stay numbers, oui/non become booleans. */
export function asPartialReturn(values: TypedReturn): PartialReturn {
  const out: Record<string, number | boolean | string> = {};
  for (const [code, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    const def = indicatorByCode(code);
    out[code] = def?.type === 'oui_non' && typeof v === 'string' ? v === 'oui' : v;
  }
  return out as PartialReturn;
}

export interface SiaeFillOptions {
  /**
   * Store the helpers' results, computed by the schema's functions, as cached values (readers
   * that do not recalculate see them). Off, helpers keep a blank cache until recalculated.
   */
  readonly cacheHelpers: boolean;
}

/** The SIAE form with its input cells filled. */
export function fillSiaeForm(settings: Settings, values: TypedReturn, options: SiaeFillOptions): WorkbookModel {
  const layout = siaeFormLayout();
  const writes: CellWrite[] = [];
  for (const [code, v] of Object.entries(values)) {
    const line = layout.inputs[code as keyof typeof layout.inputs];
    if (!line) throw new Error(`Indicateur inconnu du formulaire SIAE : ${code}`);
    if (v !== undefined) writes.push({ row: line.row, col: FORM_COLS.value, value: v });
  }
  if (options.cacheHelpers) {
    const ret = asPartialReturn(values);
    for (const h of layout.helpers) writes.push({ row: h.row, col: FORM_COLS.value, value: h.def.evaluate(ret, settings), cached: true });
    const violations = new Map(evaluateRules(ret, settings).map((v) => [v.rule, v]));
    for (const c of layout.controlRows) {
      const cache = controlCache(c.rule, violations.get(c.rule.code));
      writes.push({ row: c.row, col: FORM_COLS.value, value: cache.verdict, cached: true }, { row: c.row, col: FORM_COLS.help, value: cache.message, cached: true });
    }
  }
  return withCellValues(buildSiaeTemplate(settings), SIAE_SHEET, writes);
}

export type SenderValues = Partial<Record<(typeof SENDER_FIELDS)[number]['name'], TypedValue>>;

/** The network table with rows filled from the first input row (a null row stays blank). */
export function fillNetworkTable(settings: Settings, sender: SenderValues, rows: readonly (TypedReturn | null)[]): WorkbookModel {
  const L = NETWORK_LAYOUT;
  if (rows.length > L.lastDataRow - L.firstDataRow + 1) throw new Error(`Trop de lignes pour le modèle réseau : ${rows.length}.`);
  const writes: CellWrite[] = [];
  SENDER_FIELDS.forEach((f, i) => {
    const v = sender[f.name];
    if (v !== undefined) writes.push({ row: L.senderFirstRow + i, col: L.senderValueCol, value: v });
  });
  rows.forEach((r, i) => {
    if (!r) return;
    for (const [code, v] of Object.entries(r)) if (v !== undefined && v !== null) writes.push({ row: L.firstDataRow + i, col: networkColumn(code), value: v });
  });
  return withCellValues(buildNetworkTemplate(settings), NETWORK_SHEET, writes);
}
