/**
 * The campaign's shared vocabulary: the list of SIAE expected to return their figures for a
 * year (the référentiel), and a previous consolidation given as reference. The référentiel
 * comes from our « Référentiel des SIAE » template, the ASP annual extract, or last year's
 * retained returns; every source yields the same entries.
 */
import type { SiaeKind } from '../../schema/index.js';
import type { GridWorkbook } from '../grid.js';
import type { ValidationIssue } from '../records.js';

/** Where the référentiel was taken from. */
export type ReferentielOrigin = 'modele' | 'asp' | 'retours';

/** One SIAE expected to return its figures. */
export interface ReferentielEntry {
  /** 14 digits, checksum valid. */
  readonly siret: string;
  /** Annexe financière number, short form (src/core/asp/identifiers.ts shortAnnexe). */
  readonly annexe?: string;
  readonly nom: string;
  readonly kind: SiaeKind;
  /** Département code (e.g. '93'). */
  readonly departement: string;
  /** Network the SIAE belongs to (e.g. « Chantier école »), when known. */
  readonly reseau?: string;
  /** Whom to chase: name, e-mail or phone, as written. */
  readonly contact?: string;
  /** Where the entry was read (file, sheet, row). */
  readonly source: { readonly file: string; readonly sheet: string; readonly row?: number };
}

export interface Referentiel {
  /** Display name of the file it was read from. */
  readonly file: string;
  readonly origin: ReferentielOrigin;
  /** Campaign year the list is for, when the source says it. */
  readonly periode?: number;
  /** Valid entries, one per SIRET (duplicates reported in issues). */
  readonly entries: readonly ReferentielEntry[];
  /** Problems found reading it (SIRET checksum, unknown kind or département, duplicates), in French. */
  readonly issues: readonly ValidationIssue[];
}

/** A previous consolidated workbook (one of ours) given as reference for year-over-year comparison. */
export interface ReferenceInput {
  /** Display name. */
  readonly file: string;
  readonly book: GridWorkbook;
}
