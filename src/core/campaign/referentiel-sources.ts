/**
 * The two other sources of a référentiel: the ASP annual extract (every conventioned SIAE of the
 * region for a year) and last year's retained returns. Both give the same entries as the
 * template, validated the same way: one entry per SIRET, known kind, département of the region.
 */
import { departementsOfRegion, isSiaeKind, isValidSiret, type Settings } from '../../schema/index.js';
import type { AspExtract } from '../asp/read-extract.js';
import { shortAnnexe } from '../asp/identifiers.js';
import { parseRange } from '../a1.js';
import { TABLE_RETENUS } from '../consolidated-workbook/anomalies-sources.js';
import type { CellValue, GridWorkbook } from '../grid.js';
import type { ReturnRecord, ValidationIssue } from '../records.js';
import type { Referentiel, ReferentielEntry } from './types.js';

/**
 * The référentiel an ASP extract gives for a year (the latest year of the extract by default):
 * its rows of that year in the settings' region, one per SIRET. Rows of other régions are not
 * expected here and are left out silently; a row without SIRET or kind is reported.
 */
export function referentielFromAsp(extract: AspExtract, settings: Settings, periode?: number): Referentiel {
  const years = extract.rows.map((r) => r.annee).filter((y): y is number => y !== undefined);
  const year = periode ?? (years.length ? years.reduce((a, b) => Math.max(a, b)) : undefined);
  const deps = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
  const issues: ValidationIssue[] = [];
  const entries: ReferentielEntry[] = [];
  const firstRowOf = new Map<string, number>();
  const where = (row: number) => `Extraction ASP « ${extract.file} », feuille « ${extract.sheet} », ligne ${row}`;
  for (const r of extract.rows) {
    if (year !== undefined && r.annee !== undefined && r.annee !== year) continue;
    if (r.departement === undefined || !deps.has(r.departement)) continue;
    const cell = (field: 'siret' | 'mesure') => r.source.cells[field];
    const push = (message: string, field: 'siret' | 'mesure') =>
      issues.push({ code: 'missing-cell', severity: 'avertissement', file: extract.file, sheet: extract.sheet, row: r.source.row, ...(cell(field) ? { cell: cell(field)! } : {}), message: `${where(r.source.row)} : ${message}` });
    if (r.siret === undefined || !isValidSiret(r.siret)) {
      push(`l'annexe ${r.annexe ?? '?'} n'a pas de SIRET valide : elle n'entre pas dans le référentiel.`, 'siret');
      continue;
    }
    if (r.typeSiae === undefined) {
      push(`le SIRET ${r.siret} n'a pas de type de SIAE reconnu : il n'entre pas dans le référentiel.`, 'mesure');
      continue;
    }
    const first = firstRowOf.get(r.siret);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate-row',
        severity: 'avertissement',
        file: extract.file,
        sheet: extract.sheet,
        row: r.source.row,
        ...(cell('siret') ? { cell: cell('siret')! } : {}),
        message: `${where(r.source.row)} : le SIRET ${r.siret} a déjà une annexe en ligne ${first} ; la SIAE n'est attendue qu'une fois.`,
      });
      continue;
    }
    firstRowOf.set(r.siret, r.source.row);
    entries.push({
      siret: r.siret,
      ...(r.annexe !== undefined ? { annexe: r.annexe } : {}),
      nom: r.denomination ?? '',
      kind: r.typeSiae,
      departement: r.departement,
      source: { file: extract.file, sheet: extract.sheet, row: r.source.row },
    });
  }
  return { file: extract.file, origin: 'asp', ...(year !== undefined ? { periode: year } : {}), entries, issues };
}

/**
 * The référentiel last year's retained returns give: every SIAE retained then is expected this
 * year (`periode`, the year after theirs by default). Only retained returns are given, so each
 * already passed validation; one entry per SIRET (the first in the order given).
 */
export function referentielFromReturns(kept: readonly ReturnRecord[], file: string, settings: Settings, periode?: number): Referentiel {
  const deps = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
  const years = kept.map((r) => r.values.annee).filter((y): y is number => typeof y === 'number');
  const latest = years.length ? years.reduce((a, b) => Math.max(a, b)) : undefined;
  const entries: ReferentielEntry[] = [];
  const seen = new Set<string>();
  for (const r of kept) {
    const v = r.values;
    if (latest !== undefined && v.annee !== latest) continue;
    if (typeof v.siret !== 'string' || seen.has(v.siret) || !isSiaeKind(v.type_siae) || typeof v.departement !== 'string' || !deps.has(v.departement)) continue;
    seen.add(v.siret);
    entries.push({
      siret: v.siret,
      ...(typeof v.annexe_financiere === 'string' ? { annexe: shortAnnexe(v.annexe_financiere) } : {}),
      nom: typeof v.raison_sociale === 'string' ? v.raison_sociale : '',
      kind: v.type_siae,
      departement: v.departement,
      source: { file: r.source.file, sheet: r.source.sheet, ...(r.source.row !== undefined ? { row: r.source.row } : {}) },
    });
  }
  const year = periode ?? (latest !== undefined ? latest + 1 : undefined);
  return { file, origin: 'retours', ...(year !== undefined ? { periode: year } : {}), entries, issues: [] };
}

/**
 * The référentiel one of our consolidated workbooks gives: its « Retours retenus » table (file,
 * SIRET, name, year, département, kind), every SIAE retained then expected the year after.
 */
export function referentielFromConsolidated(book: GridWorkbook, settings: Settings, file: string = book.source): Referentiel | undefined {
  const table = book.tables.find((t) => t.name.toLowerCase() === TABLE_RETENUS.toLowerCase());
  const sheet = table && book.sheets.find((s) => s.name === table.sheet);
  if (!table || !sheet) return undefined;
  const range = parseRange(table.ref);
  const col = (header: string) => table.columns.indexOf(header);
  const at = (row: readonly CellValue[] | undefined, header: string) => (col(header) >= 0 ? row?.[range.left - 1 + col(header)] : undefined);
  const records: ReturnRecord[] = [];
  for (let r = range.top; r < range.bottom; r++) {
    const row = sheet.rows[r];
    const values: Record<string, unknown> = {};
    const siret = at(row, 'SIRET');
    const annee = at(row, 'Année');
    const departement = at(row, 'Département');
    const kind = at(row, 'Type de SIAE');
    const nom = at(row, 'Raison sociale');
    if (typeof siret === 'string' && isValidSiret(siret)) values.siret = siret;
    if (typeof annee === 'number') values.annee = annee;
    if (typeof departement === 'string') values.departement = departement;
    if (typeof kind === 'string') values.type_siae = kind;
    if (typeof nom === 'string') values.raison_sociale = nom;
    records.push({ values: values as ReturnRecord['values'], source: { file, sheet: sheet.name, row: r + 1, cells: {} }, errors: 0, warnings: 0 });
  }
  return { ...referentielFromReturns(records, file, settings), file };
}
