/**
 * Reading the « Référentiel des SIAE »: our template (its table, by name), or any sheet with a
 * header row naming SIRET, type, département and a network or contact column. Every row is
 * validated like a return's identification (SIRET checksum, known kind, département of the
 * region, one row per SIRET); a row that fails is reported and left out of the list.
 */
import { departementsOfRegion, indicatorByCode, isSiaeKind, isValidSiret, regionName, type IndicatorDef, type Settings } from '../../schema/index.js';
import { parseRange, toA1 } from '../a1.js';
import { shortAnnexe } from '../asp/identifiers.js';
import { isCellError, type CellValue, type GridSheet, type GridWorkbook } from '../grid.js';
import { makeCellParser } from '../parse/cell-parsers.js';
import { isProblem, MISSING, ParsedWithNote, showCellValue } from '../parse/problem.js';
import { labelKey } from '../parse/text.js';
import { GivenAsUnknown } from '../parse/unknown.js';
import type { ValidationIssue } from '../records.js';
import { matchIndicatorHeader } from '../recognize/headers.js';
import { definedNameValue } from '../recognize/refs.js';
import { NAME_REFERENTIEL_YEAR, NAME_TEMPLATE_KIND, REFERENTIEL_COLUMNS, REFERENTIEL_TABLE, type ReferentielColumnKey } from '../template-layout.js';
import { referentielHeader } from '../templates/referentiel.js';
import type { Referentiel, ReferentielEntry } from './types.js';

type Key = ReferentielColumnKey;

/** Usual spellings of each column's header besides the template's own. */
const VARIANTS: Record<Key, readonly string[]> = {
  siret: ['SIRET', 'N° SIRET', 'Numéro SIRET', 'SIRET de la structure'],
  annexe: ["N° d'annexe financière", 'Annexe financière', "Numéro d'annexe financière", "Numéro de l'annexe", 'AF', 'N° AF'],
  nom: ['Raison sociale', 'Dénomination', 'Nom', 'Nom de la structure', 'Structure', 'SIAE'],
  kind: ['Type de SIAE', 'Type', 'Type SIAE', 'Mesure', 'Dispositif'],
  departement: ['Département', 'Dépt', 'Dep', 'Code département', 'N° département'],
  reseau: ['Réseau', "Réseau d'adhésion", 'Fédération', 'Tête de réseau'],
  contact: ['Contact (nom, courriel, téléphone)', 'Contact', 'Courriel', 'E-mail', 'Email', 'Référent'],
};
/** Headers each column is known by, compared by labelKey: the template's (from the schema) first. */
const HEADERS = Object.fromEntries(REFERENTIEL_COLUMNS.map((c) => [c.key, [referentielHeader(c), ...VARIANTS[c.key]]])) as unknown as Record<Key, readonly string[]>;
const BY_KEY = new Map<string, Key>();
for (const [key, list] of Object.entries(HEADERS) as [Key, readonly string[]][]) for (const h of list) if (!BY_KEY.has(labelKey(h))) BY_KEY.set(labelKey(h), key);

const HEADER_SCAN_ROWS = 30;
/** Indicator headers beyond identification that make a row a returns table, not a référentiel. */
const MAX_FIGURE_HEADERS = 2;
const IDENTIFICATION = new Set(['siret', 'raison_sociale', 'type_siae', 'departement', 'annexe_financiere', 'annee', 'commune', 'nom_contact', 'courriel_contact']);

interface Located {
  readonly sheet: GridSheet;
  /** 0-based row of the headers. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<Key, number>;
  /** Last 0-based row of the table when known (our template's table). */
  readonly lastRow?: number;
}

function headerColumns(cells: readonly CellValue[] | undefined): { columns: Map<Key, number>; figures: number } {
  const columns = new Map<Key, number>();
  let figures = 0;
  for (let c = 0; c < (cells?.length ?? 0); c++) {
    const v = cells![c];
    if (typeof v !== 'string') continue;
    const key = BY_KEY.get(labelKey(v));
    if (key && !columns.has(key)) columns.set(key, c);
    else if (!key) {
      const m = matchIndicatorHeader(v);
      if (m?.kind === 'indicator' && !IDENTIFICATION.has(m.code)) figures++;
    }
  }
  return { columns, figures };
}

function byTable(book: GridWorkbook): Located | undefined {
  const table = book.tables.find((t) => t.name.toUpperCase() === REFERENTIEL_TABLE.toUpperCase());
  const sheet = table && book.sheets.find((s) => s.name === table.sheet);
  if (!table || !sheet) return undefined;
  const range = parseRange(table.ref);
  const { columns } = headerColumns(sheet.rows[range.top - 1]);
  return columns.has('siret') ? { sheet, headerRow: range.top - 1, columns, lastRow: range.bottom - 1 } : undefined;
}

function byHeaders(book: GridWorkbook): Located | undefined {
  for (const sheet of book.sheets) {
    if (sheet.visibility !== 'visible') continue;
    const end = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
    for (let r = 0; r < end; r++) {
      const { columns, figures } = headerColumns(sheet.rows[r]);
      const named = columns.has('siret') && columns.has('kind') && columns.has('departement') && (columns.has('reseau') || columns.has('contact'));
      if (named && figures <= MAX_FIGURE_HEADERS) return { sheet, headerRow: r, columns };
    }
  }
  return undefined;
}

function locate(book: GridWorkbook): Located | undefined {
  return byTable(book) ?? byHeaders(book);
}

/**
 * Whether a workbook is a référentiel: our template's metadata or table, or a header row naming
 * SIRET, type and département with a network or contact column (and no indicator figures).
 */
export function isReferentielWorkbook(book: GridWorkbook): boolean {
  const kind = definedNameValue(book, NAME_TEMPLATE_KIND);
  if (typeof kind === 'string' && kind.trim().toLowerCase() === 'referentiel') return true;
  return locate(book) !== undefined;
}

const text = (v: CellValue | undefined): string | undefined => {
  if (v === null || v === undefined || isCellError(v)) return undefined;
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
};

function campaignYear(book: GridWorkbook): number | undefined {
  const v = definedNameValue(book, NAME_REFERENTIEL_YEAR);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

const def = (code: string) => indicatorByCode(code) as IndicatorDef;

/**
 * Reads a référentiel, or undefined when the workbook is not one. `file` is the display name
 * (the book's source by default).
 */
export function readReferentiel(book: GridWorkbook, settings: Settings, file: string = book.source): Referentiel | undefined {
  const found = locate(book);
  if (!found) {
    if (!isReferentielWorkbook(book)) return undefined;
    return {
      file,
      origin: 'modele',
      ...periodeOf(campaignYear(book)),
      entries: [],
      issues: [{ code: 'missing-label', severity: 'erreur', file, message: `Référentiel « ${file} » : le tableau des SIAE attendues (colonnes SIRET, type de SIAE, département) est introuvable.` }],
    };
  }
  const { sheet, headerRow, columns } = found;
  const issues: ValidationIssue[] = [];
  const where = (row: number, key: Key) => `Référentiel « ${file} », feuille « ${sheet.name} », cellule ${toA1(row + 1, (columns.get(key) ?? 0) + 1)}`;
  const issue = (severity: ValidationIssue['severity'], code: ValidationIssue['code'], row: number, key: Key, message: string, value?: CellValue) =>
    issues.push({
      code,
      severity,
      file,
      sheet: sheet.name,
      cell: toA1(row + 1, (columns.get(key) ?? 0) + 1),
      row: row + 1,
      message: `${where(row, key)} : ${message}`,
      ...(value !== undefined && value !== null ? { value: showCellValue(value) } : {}),
    });
  for (const key of ['siret', 'kind', 'departement'] as const) {
    if (!columns.has(key)) {
      issues.push({ code: 'missing-label', severity: 'erreur', file, sheet: sheet.name, row: headerRow + 1, message: `Référentiel « ${file} », feuille « ${sheet.name} » : la colonne « ${HEADERS[key][0]} » est introuvable en ligne ${headerRow + 1}.` });
    }
  }
  if (!columns.has('siret')) return { file, origin: 'modele', ...periodeOf(campaignYear(book)), entries: [], issues };

  const settingsDeps = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
  const parse = {
    siret: makeCellParser(def('siret'), settings),
    kind: makeCellParser(def('type_siae'), settings),
    departement: makeCellParser(def('departement'), settings),
    annexe: makeCellParser(def('annexe_financiere'), settings),
  };
  /** A parsed value, or undefined after reporting why (blank cells: undefined, no report). */
  const read = (row: number, key: keyof typeof parse, cells: readonly CellValue[]): string | undefined => {
    const c = columns.get(key);
    if (c === undefined) return undefined;
    const raw = cells[c] ?? null;
    let v = parse[key](raw);
    if (v === MISSING || v instanceof GivenAsUnknown) return undefined;
    if (isProblem(v)) {
      issue('erreur', 'type-error', row, key, v.message, raw);
      return undefined;
    }
    if (v instanceof ParsedWithNote) {
      issue('avertissement', 'type-error', row, key, v.message, raw);
      v = v.value;
    }
    return typeof v === 'string' ? v : undefined;
  };

  const entries: ReferentielEntry[] = [];
  const firstRowOf = new Map<string, number>();
  const last = found.lastRow ?? sheet.rows.length - 1;
  for (let r = headerRow + 1; r <= last; r++) {
    const cells = sheet.rows[r];
    if (!cells || !cells.some((v) => text(v) !== undefined)) continue;
    const siret = read(r, 'siret', cells);
    const kindText = read(r, 'kind', cells);
    const departement = read(r, 'departement', cells);
    const annexeText = read(r, 'annexe', cells);
    const cell = (key: Key) => (columns.has(key) ? cells[columns.get(key)!] : undefined);
    let ok = true;
    if (siret === undefined) {
      if (text(cell('siret')) === undefined) issue('erreur', 'missing-cell', r, 'siret', 'le SIRET manque : la ligne est écartée du référentiel.');
      ok = false;
    } else if (!/^\d{14}$/.test(siret) || !isValidSiret(siret)) {
      issue('erreur', 'constraint-error', r, 'siret', `le SIRET « ${siret} » n'est pas valide (14 chiffres et clé de contrôle) : la ligne est écartée du référentiel.`, cell('siret'));
      ok = false;
    }
    if (kindText === undefined || !isSiaeKind(kindText)) {
      const shown = text(cell('kind'));
      if (columns.has('kind') && (kindText !== undefined || shown === undefined)) {
        issue('erreur', shown === undefined ? 'missing-cell' : 'constraint-error', r, 'kind', shown === undefined ? 'le type de SIAE manque.' : `« ${shown} » n'est pas un type de SIAE (EI, ACI, AI, ETTI, EITI).`, cell('kind'));
      }
      ok = false;
    }
    if (departement === undefined || !settingsDeps.has(departement)) {
      const shown = text(cell('departement'));
      if (columns.has('departement') && (departement !== undefined || shown === undefined)) {
        issue(
          'erreur',
          shown === undefined ? 'missing-cell' : 'constraint-error',
          r,
          'departement',
          shown === undefined ? 'le département manque.' : `« ${shown} » n'est pas un département de la région ${regionName(settings.regionCode)} (${[...settingsDeps].join(', ')}).`,
          cell('departement'),
        );
      }
      ok = false;
    }
    if (!ok) continue;
    const first = firstRowOf.get(siret!);
    if (first !== undefined) {
      issue('erreur', 'duplicate-row', r, 'siret', `le SIRET ${siret} figure déjà en ligne ${first} : cette ligne est écartée (une ligne par SIAE).`, cell('siret'));
      continue;
    }
    firstRowOf.set(siret!, r + 1);
    const nom = text(cell('nom'));
    const reseau = text(cell('reseau'));
    const contact = text(cell('contact'));
    entries.push({
      siret: siret!,
      ...(annexeText !== undefined ? { annexe: shortAnnexe(annexeText) } : {}),
      nom: nom ?? '',
      kind: kindText as ReferentielEntry['kind'],
      departement: departement!,
      ...(reseau !== undefined ? { reseau } : {}),
      ...(contact !== undefined ? { contact } : {}),
      source: { file, sheet: sheet.name, row: r + 1 },
    });
  }
  if (entries.length === 0 && issues.length === 0) {
    issues.push({ code: 'missing-cell', severity: 'erreur', file, sheet: sheet.name, row: headerRow + 2, message: `Référentiel « ${file} », feuille « ${sheet.name} » : aucune SIAE sous la ligne d'en-tête ${headerRow + 1}.` });
  }
  return { file, origin: 'modele', ...periodeOf(campaignYear(book)), entries, issues };
}

const periodeOf = (year: number | undefined) => (year !== undefined ? { periode: year } : {});
