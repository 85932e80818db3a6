/**
 * A previous consolidated workbook read back as the figures of its years: our tables
 * « IAE_Par_departement » (each département, all kinds) and « IAE_Par_type » (the region, all
 * kinds), found by table name, else by their sheet's name and header row (a table lost in a
 * copy), and their columns by header (label or code, any case or accent), so a user's moved
 * columns, styles or extra columns do not matter.
 */
import { parseRange } from '../a1.js';
import { toA1 } from '../a1.js';
import { KEY_CODES, SANS_OBJET, figureLabel, type FigureValue, type KeyCode } from '../consolidate/index.js';
import { ALL_KINDS_LABEL } from '../consolidated-workbook/scopes.js';
import { SHEET_DEPARTEMENTS, SHEET_TYPES, TABLE_DEPARTEMENTS, TABLE_TYPES } from '../consolidated-workbook/figure-sheets.js';
import { cellValue, isCellError, type CellValue, type GridSheet, type GridWorkbook } from '../grid.js';
import { labelKey, parseNumberText } from '../parse/index.js';
import type { ReferenceInput } from '../campaign/index.js';
import type { ScopeFigures, YearFigures } from './types.js';

export interface ReferenceYears {
  readonly file: string;
  /** Every year the workbook holds, ascending. */
  readonly years: readonly YearFigures[];
  /** Cells that could not be read as a figure (left blank), in French, naming file, sheet and cell. */
  readonly warnings: readonly string[];
}

export type ReferenceReading = { readonly ok: true; readonly value: ReferenceYears } | { readonly ok: false; readonly message: string };

interface Located {
  readonly sheet: GridSheet;
  readonly header: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
}

const YEAR = labelKey('Année');
const KIND = labelKey('Type de SIAE');
const DEPARTEMENT = labelKey('Département');
const ALL_KINDS = labelKey(ALL_KINDS_LABEL);
/** Rows scanned for a header when the table itself was lost. */
const HEADER_SCAN = 30;

const textOf = (v: CellValue): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function rowKeys(sheet: GridSheet, row: number, left: number, right: number): string[] {
  const keys: string[] = [];
  for (let c = left; c <= right; c++) keys.push(labelKey(textOf(cellValue(sheet, row, c))));
  return keys;
}

/** The table by name; else, on the sheet of that name, the first row holding the year, scope and kind headers. */
function locate(book: GridWorkbook, tableName: string, sheetName: string, scopeHeader: string): Located | undefined {
  const table = book.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  const tableSheet = table ? book.sheets.find((s) => s.name === table.sheet) : undefined;
  if (table && tableSheet) {
    const r = parseRange(table.ref);
    return { sheet: tableSheet, header: r.top, left: r.left, right: r.right, bottom: r.bottom };
  }
  const sheet = book.sheets.find((s) => labelKey(s.name) === labelKey(sheetName));
  if (!sheet) return undefined;
  for (let row = 1; row <= Math.min(HEADER_SCAN, sheet.rows.length); row++) {
    const right = sheet.rows[row - 1]?.length ?? 0;
    const keys = rowKeys(sheet, row, 1, right);
    if (keys.includes(YEAR) && keys.includes(KIND) && keys.includes(scopeHeader)) {
      let bottom = row;
      while (bottom < sheet.rows.length && (sheet.rows[bottom]?.some((v) => v !== null && v !== '') ?? false)) bottom++;
      return { sheet, header: row, left: 1, right, bottom };
    }
  }
  return undefined;
}

const CODE_BY_HEADER: ReadonlyMap<string, KeyCode> = new Map(KEY_CODES.flatMap((c) => [[labelKey(figureLabel(c)), c] as const, [labelKey(c), c] as const]));

interface ScopeRowRead {
  readonly periode: number;
  readonly scope: string;
  readonly figures: ScopeFigures;
}

/** The rows of all kinds of a located table: year, scope (département code, or '' for the region table) and figures. */
function readRows(file: string, at: Located, scopeHeader: string | undefined, warnings: string[]): ScopeRowRead[] {
  const keys = rowKeys(at.sheet, at.header, at.left, at.right);
  const col = (key: string) => {
    const i = keys.indexOf(key);
    return i < 0 ? undefined : at.left + i;
  };
  const yearCol = col(YEAR);
  const kindCol = col(KIND);
  const scopeCol = scopeHeader === undefined ? undefined : col(scopeHeader);
  const codeCols: [KeyCode, number][] = [];
  keys.forEach((k, i) => {
    const code = CODE_BY_HEADER.get(k);
    if (code && !codeCols.some(([c]) => c === code)) codeCols.push([code, at.left + i]);
  });
  if (yearCol === undefined || kindCol === undefined || (scopeHeader !== undefined && scopeCol === undefined) || codeCols.length === 0) return [];
  const rows: ScopeRowRead[] = [];
  for (let r = at.header + 1; r <= at.bottom; r++) {
    if (labelKey(textOf(cellValue(at.sheet, r, kindCol))) !== ALL_KINDS) continue;
    const year = Number(textOf(cellValue(at.sheet, r, yearCol)));
    if (!Number.isInteger(year) || year < 1900 || year > 2999) continue;
    const scope = scopeCol === undefined ? '' : textOf(cellValue(at.sheet, r, scopeCol)).trim();
    if (scopeCol !== undefined && scope === '') continue;
    const figures: Partial<Record<KeyCode, FigureValue>> = {};
    for (const [code, c] of codeCols) figures[code] = figureOf(cellValue(at.sheet, r, c), () => `${file}, feuille « ${at.sheet.name} », cellule ${toA1(r, c)}`, warnings);
    rows.push({ periode: year, scope, figures });
  }
  return rows;
}

/** A cell as a figure: a number, « sans objet », blank; anything else is left blank with a warning. */
function figureOf(v: CellValue, where: () => string, warnings: string[]): FigureValue {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    if (labelKey(t) === labelKey(SANS_OBJET)) return SANS_OBJET;
    const percent = t.endsWith('%');
    const n = parseNumberText(percent ? t.slice(0, -1) : t);
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  const shown = isCellError(v) ? v.error : String(v);
  warnings.push(`${where()} : « ${shown} » n'est pas un chiffre, laissé vide dans l'évolution.`);
  return null;
}

export function notOursMessage(file: string): string {
  return `${file} : ce n'est pas un classeur consolidé par Indicateurs IAE (tableaux « ${TABLE_DEPARTEMENTS} » et « ${TABLE_TYPES} » introuvables, ou sans les colonnes Année, Type de SIAE et chiffres clés) ; il ne peut pas servir de référence pour l'évolution.`;
}

/** The years of a previous consolidated workbook, or a French refusal naming the file. */
export function readReference(reference: ReferenceInput): ReferenceReading {
  const { file, book } = reference;
  const warnings: string[] = [];
  const deps = locate(book, TABLE_DEPARTEMENTS, SHEET_DEPARTEMENTS, DEPARTEMENT);
  const types = locate(book, TABLE_TYPES, SHEET_TYPES, KIND);
  if (!deps || !types) return { ok: false, message: notOursMessage(file) };
  const depRows = readRows(file, deps, DEPARTEMENT, warnings);
  const regionRows = readRows(file, types, undefined, warnings);
  if (regionRows.length === 0) {
    return {
      ok: false,
      message: `${file}, feuille « ${types.sheet.name} » : aucune ligne « ${ALL_KINDS_LABEL} » avec une année et des chiffres clés reconnus (colonnes Année, Type de SIAE, Personnes en insertion…) ; il ne peut pas servir de référence pour l'évolution.`,
    };
  }
  const years = [...new Set(regionRows.map((r) => r.periode))].sort((a, b) => a - b);
  return {
    ok: true,
    value: {
      file,
      years: years.map((periode) => ({
        periode,
        origin: { kind: 'reference', file },
        region: regionRows.find((r) => r.periode === periode)!.figures,
        departements: new Map(depRows.filter((r) => r.periode === periode).map((r) => [r.scope, r.figures])),
      })),
      warnings,
    },
  };
}
