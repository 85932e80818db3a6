import { isSiaeKind, isValidSiret, type SiaeKind } from '../../schema/index.js';
import { toA1 } from '../a1.js';
import { isCellError, type CellValue, type GridSheet, type GridWorkbook } from '../grid.js';
import { parseNumberText } from '../parse/number.js';
import { siaeKindOf } from '../parse/kinds.js';
import type { ValidationIssue } from '../records.js';
import { isAspFigure, matchAspHeader, type AspField, type AspFigure } from './columns.js';
import { departementFromLabel, shortAnnexe } from './identifiers.js';

/** One row of the ASP extract: one annexe financière (an SIAE's convention) for one year. */
export interface AspRow {
  readonly annee?: number;
  readonly typeSiae?: SiaeKind;
  /** Short form (see shortAnnexe), and as written. */
  readonly annexe?: string;
  readonly annexeBrute?: string;
  readonly siret?: string;
  readonly denomination?: string;
  /** Département code, from its label. */
  readonly departement?: string;
  readonly figures: Partial<Record<AspFigure, number>>;
  readonly source: { readonly sheet: string; readonly row: number; readonly cells: Partial<Record<AspField, string>> };
}

export interface AspExtract {
  readonly file: string;
  readonly sheet: string;
  /** The columns found, with the header as written in the file. */
  readonly columns: readonly { readonly field: AspField; readonly header: string; readonly cell: string }[];
  readonly rows: readonly AspRow[];
  readonly issues: readonly ValidationIssue[];
}

/** Rows searched for the header row, and ASP headers (as the ASP writes them) that make one. */
const HEADER_SCAN_ROWS = 30;
const MIN_OFFICIAL_HEADERS = 4;

interface HeaderRow {
  readonly sheet: GridSheet;
  readonly row: number;
  readonly columns: Map<AspField, { col: number; header: string }>;
}

function findHeaderRow(book: GridWorkbook): HeaderRow | undefined {
  let best: (HeaderRow & { score: number }) | undefined;
  for (const sheet of book.sheets) {
    const end = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
    for (let r = 0; r < end; r++) {
      const cells = sheet.rows[r];
      if (!cells) continue;
      const columns = new Map<AspField, { col: number; header: string }>();
      let score = 0;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (typeof v !== 'string') continue;
        const m = matchAspHeader(v);
        if (!m || columns.has(m.field)) continue;
        columns.set(m.field, { col: c, header: v });
        if (m.official) score++;
      }
      if (score >= MIN_OFFICIAL_HEADERS && (columns.has('siret') || columns.has('annexe_financiere')) && (!best || score > best.score)) {
        best = { sheet, row: r, columns, score };
      }
    }
  }
  return best;
}

/** Whether a workbook looks like the ASP extract (its own headers, on some sheet). */
export function isAspExtract(book: GridWorkbook): boolean {
  return findHeaderRow(book) !== undefined;
}

const text = (v: CellValue | undefined): string | undefined => {
  if (v === null || v === undefined || isCellError(v)) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

/**
 * Reads the ASP annual extract by its headers (never by position). Returns undefined when the
 * workbook is not one. Each problem is an issue naming the file, sheet and cell; a row whose
 * SIRET and annexe are both unusable is kept out, the others are kept with what could be read.
 */
export function readAspExtract(book: GridWorkbook): AspExtract | undefined {
  const found = findHeaderRow(book);
  if (!found) return undefined;
  const { sheet, row: headerRow, columns } = found;
  const file = book.source;
  const issues: ValidationIssue[] = [];
  const issue = (code: ValidationIssue['code'], row: number, col: number, message: string, value?: string, indicator?: string) =>
    issues.push({ code, severity: 'erreur', file, sheet: sheet.name, cell: toA1(row + 1, col + 1), row: row + 1, message, ...(value !== undefined ? { value } : {}), ...(indicator ? { indicator } : {}) });

  for (const required of ['annee', 'personnes'] as const) {
    if (!columns.has(required)) {
      issues.push({ code: 'missing-label', severity: 'erreur', file, sheet: sheet.name, row: headerRow + 1, message: `Extraction ASP : la colonne « ${required === 'annee' ? 'Année' : 'Nombre total des salariés en insertion'} » est introuvable en ligne ${headerRow + 1}.` });
    }
  }

  const rows: AspRow[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every((v) => text(v) === undefined)) continue;
    const at = (field: AspField) => columns.get(field);
    const raw = (field: AspField): CellValue | undefined => {
      const c = at(field);
      return c ? cells[c.col] : undefined;
    };
    const where: Partial<Record<AspField, string>> = {};
    for (const [field, c] of columns) where[field] = toA1(r + 1, c.col + 1);

    const figures: Partial<Record<AspFigure, number>> = {};
    for (const [field, c] of columns) {
      if (!isAspFigure(field)) continue;
      const v = cells[c.col];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : NaN;
      if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
        issue('type-error', r, c.col, `Extraction ASP, ${sheet.name}!${toA1(r + 1, c.col + 1)} : « ${text(v) ?? '?'} » n'est pas un nombre entier positif (colonne « ${c.header.trim()} »).`, text(v), field);
        continue;
      }
      figures[field] = n;
    }

    const anneeText = text(raw('annee'));
    const annee = anneeText !== undefined ? Number(anneeText) : undefined;
    if (anneeText !== undefined && !(Number.isInteger(annee) && annee! >= 2000 && annee! <= 2100)) {
      issue('type-error', r, at('annee')!.col, `Extraction ASP, ${sheet.name}!${toA1(r + 1, at('annee')!.col + 1)} : l'année « ${anneeText} » n'est pas une année (ex. 2025).`, anneeText);
    }
    const mesureText = text(raw('mesure'));
    const kind = mesureText !== undefined ? (isSiaeKind(mesureText.toUpperCase()) ? (mesureText.toUpperCase() as SiaeKind) : siaeKindOf(mesureText)) : undefined;
    if (mesureText !== undefined && !kind) {
      issue('constraint-error', r, at('mesure')!.col, `Extraction ASP, ${sheet.name}!${toA1(r + 1, at('mesure')!.col + 1)} : la mesure « ${mesureText} » n'est pas un type de SIAE (EI, ACI, AI, ETTI, EITI).`, mesureText);
    }
    const siretText = text(raw('siret'))?.replace(/\s+/g, '');
    const siretOk = siretText !== undefined && /^\d{14}$/.test(siretText) && isValidSiret(siretText);
    if (siretText !== undefined && !siretOk) {
      issue('constraint-error', r, at('siret')!.col, `Extraction ASP, ${sheet.name}!${toA1(r + 1, at('siret')!.col + 1)} : le SIRET « ${siretText} » n'est pas valide (14 chiffres, clé de contrôle).`, siretText, 'siret');
    }
    const annexeBrute = text(raw('annexe_financiere'));
    const denomination = text(raw('denomination'));
    const depText = text(raw('departement_libelle'));
    const departement = depText !== undefined ? departementFromLabel(depText) : undefined;
    if (depText !== undefined && !departement) {
      issue('constraint-error', r, at('departement_libelle')!.col, `Extraction ASP, ${sheet.name}!${toA1(r + 1, at('departement_libelle')!.col + 1)} : le département « ${depText} » est inconnu.`, depText, 'departement');
    }
    if (!siretOk && annexeBrute === undefined) continue; // nothing to match it on

    const annexe = annexeBrute !== undefined ? shortAnnexe(annexeBrute) : undefined;
    const key = `${annee ?? ''}|${annexe ?? siretText}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issue('duplicate-row', r, (at('annexe_financiere') ?? at('siret'))!.col, `Extraction ASP, ${sheet.name} ligne ${r + 1} : l'annexe ${annexe ?? siretText} de ${annee ?? '?'} figure déjà en ligne ${first} ; seule la première est gardée.`, annexe ?? siretText);
      continue;
    }
    seen.set(key, r + 1);
    rows.push({
      ...(annee !== undefined && Number.isInteger(annee) ? { annee } : {}),
      ...(kind ? { typeSiae: kind } : {}),
      ...(annexe !== undefined ? { annexe, annexeBrute: annexeBrute! } : {}),
      ...(siretOk ? { siret: siretText } : {}),
      ...(denomination !== undefined ? { denomination } : {}),
      ...(departement ? { departement } : {}),
      figures,
      source: { sheet: sheet.name, row: r + 1, cells: where },
    });
  }
  const list = [...columns].map(([field, c]) => ({ field, header: c.header, cell: toA1(headerRow + 1, c.col + 1) }));
  return { file, sheet: sheet.name, columns: list, rows, issues };
}
