/**
 * A small campaign built for the tests, independently of the demo generator: a référentiel of
 * SIAE written as a real xlsx through the template, and returns (network tables, SIAE forms)
 * written through the templates too, then read back by the project's xlsx reader.
 */
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import type { GridWorkbook } from '../../../src/core/grid.js';
import { fillNetworkTable, fillReferentiel, fillSiaeForm, type ReferentielRow, type TypedReturn } from '../../../src/core/templates/index.js';
import { DEFAULT_SETTINGS, luhnValid, type SiaeKind } from '../../../src/schema/index.js';
import { validReturn } from '../../fixtures/returns.js';

/** A valid SIRET from a number (13 digits, then the Luhn key). */
export function siretOf(n: number): string {
  const first13 = `4${String(n).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  throw new Error('unreachable');
}

export interface TestSiae {
  readonly siret: string;
  readonly nom: string;
  readonly kind: SiaeKind;
  readonly departement: string;
  readonly annexe?: string;
  readonly reseau?: string;
  readonly contact?: string;
}

export async function xlsxBook(model: Parameters<typeof writeWorkbookModel>[0], name: string): Promise<GridWorkbook> {
  return readXlsx(await writeWorkbookModel(model), name);
}

export function referentielRows(list: readonly TestSiae[]): ReferentielRow[] {
  return list.map((s) => ({ siret: s.siret, nom: s.nom, kind: s.kind, departement: s.departement, ...(s.annexe ? { annexe: s.annexe } : {}), ...(s.reseau ? { reseau: s.reseau } : {}), ...(s.contact ? { contact: s.contact } : {}) }));
}

export async function referentielBook(list: readonly TestSiae[], periode = 2025, name = 'referentiel.xlsx'): Promise<GridWorkbook> {
  return xlsxBook(fillReferentiel(DEFAULT_SETTINGS, periode, referentielRows(list)), name);
}

/** A complete valid return of this SIAE (the fixture's figures), or with errors when `broken`. */
export function returnOf(s: Pick<TestSiae, 'siret' | 'nom' | 'kind' | 'departement'> & { annexe?: string }, options: { broken?: boolean; annee?: number } = {}): TypedReturn {
  const base = validReturn();
  const r: TypedReturn = {
    ...base,
    siret: s.siret,
    raison_sociale: s.nom,
    type_siae: s.kind,
    departement: s.departement,
    commune_insee: s.departement === '75' ? '75056' : s.departement === '93' ? '93045' : `${s.departement}001`,
    annee: options.annee ?? 2025,
    implantation_qpv: 'oui',
    implantation_zrr: 'non',
  } as TypedReturn;
  const out: Record<string, unknown> = { ...r };
  if (s.annexe) out.annexe_financiere = s.annexe;
  else delete out.annexe_financiere;
  // Women above people: an error of the schema's rules, so the return is left out.
  if (options.broken) out.femmes = 99;
  return out as TypedReturn;
}

export async function networkBook(rows: readonly TypedReturn[], name: string): Promise<GridWorkbook> {
  return xlsxBook(fillNetworkTable(DEFAULT_SETTINGS, { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: 'Réseau test', IAE_EMETTEUR_ANNEE: 2025 }, rows), name);
}

export async function formBook(r: TypedReturn, name: string): Promise<GridWorkbook> {
  return xlsxBook(fillSiaeForm(DEFAULT_SETTINGS, r, { cacheHelpers: true }), name);
}
