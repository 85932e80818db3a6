/**
 * A small campaign built for the reconciliation tests, independently of the demo generator:
 * returns typed into our network template (fillNetworkTable, written by our xlsx writer) and
 * ASP extracts written by ExcelJS with the headers of shared/DOMAIN.md — exact, with trailing
 * spaces and colons removed, or with the columns reordered.
 */
import ExcelJS from 'exceljs';
import type { AspFigure } from '../../../src/core/asp/index.js';
import { fillNetworkTable } from '../../../src/core/templates/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { NETWORK_SAMPLE_SENDER } from '../../fixtures/samples.js';
import { validReturn } from '../../fixtures/returns.js';
import { siretFor } from '../validate/xlsx-builders.js';

/** The headers exactly as shared/DOMAIN.md gives them, with the figure each carries. */
export const ASP_HEADERS: readonly (readonly [string, AspFigure | 'annee' | 'mesure' | 'annexe' | 'siret' | 'nom' | 'dep' | 'region' | 'staff'])[] = [
  ['Année', 'annee'],
  ['Mesure', 'mesure'],
  ["0 - Numéro de l'annexe / avenant", 'annexe'],
  ['0 - SIRET  ', 'siret'],
  ['0 - Dénomination', 'nom'],
  ['Libellé Département', 'dep'],
  ['Région', 'region'],
  ['2 - Nombre total des salariés en insertion ayant travaillé da', 'personnes'],
  ['2 - Dont hommes ', 'hommes'],
  ['2 - Dont femmes ', 'femmes'],
  ['2 - Dont bénéficiaires du RSA ', 'rsa'],
  ["2 - Dont bénéficiaires de l'ASS ", 'ass'],
  ["2 - Dont bénéficiaires de l'AAH ", 'aah'],
  ['2 - Dont nombre de personnes reconnues RQTH :', 'travailleurs_handicapes'],
  ['2 - Dont résidants en ZRR ', 'residents_zrr'],
  ['2 - Dont résidants en QPV ', 'residents_qpv'],
  ['2 - Dont jeunes de moins de 26 ans :', 'moins_26_ans'],
  ['2 - Dont personnes sans emploi de 50 ans et plus :', 'plus_50_ans'],
  ['2 - Dont inscrits à Pôle emploi depuis 12 à 23 mois :', 'deld'],
  ['2 - Dont inscrits à Pôle emploi depuis 24 mois et plus:', 'detld'],
  ['2 - Dont personnes avec un niveau CAP – BEP', 'niveau_cap_bep'],
  ['2 - Dont personnes avec qualifications non certifiantes', 'qualifications_non_certifiantes'],
  ['2 - Dont personnes avec un niveau inférieur au CAP', 'niveau_infra_cap'],
  ['4 - Total des sorties examinées AI ETTI EITI', 'sorties_examinees'],
  ["5 - Total des sorties dans l'emploi durable", 'sorties_emploi_durable'],
  ["6 - Total des sorties dans l'emploi de transition", 'sorties_emploi_transition'],
  ['7 - Total des sorties positives', 'sorties_positives'],
  ["0 - Salariés permanents en charge de l'encadrement (heures)", 'staff'],
];

type Ret = Record<string, unknown>;

/** Four returns of 2025: two ACI (93, 75), an AI (93), an EI (93) the extract does not hold. */
export const RETURNS: readonly Ret[] = (
  [
  { siret: siretFor(1), raison_sociale: 'Chantier un', type_siae: 'ACI', departement: '93', commune_insee: '93045', annexe_financiere: 'ACI093250001A0M1', personnes: 40 },
  { siret: siretFor(2), raison_sociale: 'Chantier deux', type_siae: 'ACI', departement: '75', commune_insee: '75056', annexe_financiere: 'ACI075250002A0M1', personnes: 100, ass: undefined },
  { siret: siretFor(3), raison_sociale: 'Association trois', type_siae: 'AI', departement: '93', commune_insee: '93045', annexe_financiere: 'AI093250003A0M1', personnes: 63, etp_realises: 11.3 },
  { siret: siretFor(4), raison_sociale: 'Entreprise quatre', type_siae: 'EI', departement: '93', commune_insee: '93045', annexe_financiere: 'EI093250004A0M1', personnes: 35, etp_realises: 12.1 },
  ] as Ret[]
).map((over) => {
  const r: Ret = { ...(validReturn() as Ret), ...over };
  for (const [k, v] of Object.entries(r)) if (v === undefined) delete r[k];
  return r;
});

export async function returnsXlsx(): Promise<Uint8Array> {
  const rows = RETURNS.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'oui' : 'non') : (v as string | number)])));
  return writeWorkbookModel(fillNetworkTable(DEFAULT_SETTINGS, NETWORK_SAMPLE_SENDER, rows));
}

type AspLine = Partial<Record<(typeof ASP_HEADERS)[number][1], string | number | null>>;

/** An ASP line that agrees with a return on every figure, then the given differences. */
function agreeing(r: Ret, over: AspLine): AspLine {
  const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : null);
  const line: AspLine = {
    annee: 2025,
    mesure: r.type_siae as string,
    siret: r.siret as string,
    nom: `${r.raison_sociale as string} (ASP)`,
    region: 'Ile-de-France',
    hommes: n('personnes')! - n('femmes')!,
    niveau_cap_bep: 4,
    qualifications_non_certifiantes: 2,
    niveau_infra_cap: 9,
    sorties_examinees: n('sorties_emploi_durable')! + n('sorties_emploi_transition')! + n('sorties_positives')! + n('autres_sorties')!,
    staff: 1200,
  };
  for (const f of ['personnes', 'femmes', 'rsa', 'ass', 'aah', 'travailleurs_handicapes', 'residents_zrr', 'residents_qpv', 'moins_26_ans', 'plus_50_ans', 'deld', 'detld', 'sorties_emploi_durable', 'sorties_emploi_transition', 'sorties_positives'] as const) line[f] = n(f);
  return { ...line, ...over };
}

const [R1, R2, R3] = RETURNS as [Ret, Ret, Ret, Ret];

/**
 * The extract: R1 by SIRET, R2 by annexe (the ASP has another SIRET), R3 by SIRET, an EI of 77
 * only in the extract, and a 2024 line (a year without returns: not compared).
 */
export const ASP_LINES: readonly AspLine[] = [
  agreeing(R1, { annexe: 'ACI 093 25 0001 A0 M1', dep: 'Seine-Saint-Denis', personnes: 38, femmes: 15, residents_qpv: 17, sorties_examinees: 999 }),
  agreeing(R2, { annexe: 'ACI 075 25 0002 A1 M0', siret: siretFor(22), dep: 'Paris', personnes: 103, moins_26_ans: 0, ass: 1 }),
  agreeing(R3, { annexe: 'AI 093 25 0003 A0 M1', dep: '93 - Seine-Saint-Denis', personnes: 60, rsa: 10, sorties_examinees: 11 }),
  { annee: 2025, mesure: 'EI', annexe: 'EI 077 25 0005 A0 M1', siret: siretFor(5), nom: 'Entreprise cinq', dep: 'Seine-et-Marne', region: 'Ile-de-France', personnes: 20, femmes: 8 },
  agreeing(R1, { annee: 2024, annexe: 'ACI 093 24 0001 A0 M1', dep: 'Seine-Saint-Denis', personnes: 31 }),
];

export type Variant = 'exact' | 'sans-espaces' | 'reordonne';

/** The extract as a real xlsx: a title line, a blank line, then the headers and the lines. */
export async function aspXlsx(variant: Variant = 'exact', lines: readonly AspLine[] = ASP_LINES): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('BenefSorties');
  ws.addRow(['Extraction ASP – bénéficiaires et sorties 2025']);
  ws.addRow([]);
  const order = ASP_HEADERS.map((_, i) => i);
  // Reordered: the figures first, the identification last, each group reversed.
  if (variant === 'reordonne') order.sort((a, b) => (a < 7 ? 100 : 0) - (b < 7 ? 100 : 0) || b - a);
  const header = (h: string) => (variant === 'sans-espaces' ? h.trim().replace(/\s*:$/, '') : h);
  ws.addRow(order.map((i) => header(ASP_HEADERS[i]![0])));
  for (const l of lines) ws.addRow(order.map((i) => l[ASP_HEADERS[i]![1]] ?? null));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
