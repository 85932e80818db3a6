import type { IndicatorCode } from '../../schema/index.js';
import { labelKey } from '../parse/text.js';

/**
 * The columns of the ASP annual extract (« BenefSorties »), as written in the file: trailing
 * spaces, colons and the cut-off total-people header included (see shared DOMAIN.md, from the
 * public loading code of gip-inclusion/pilotage-airflow). Each maps to a field of ours: an
 * indicator code of the schema, or an identification field. Headers are compared by labelKey
 * (case, accents, punctuation and spaces ignored), so reasonable variants match too; a header
 * the file cut off matches by its prefix.
 */
export type AspIdField = 'annee' | 'mesure' | 'annexe_financiere' | 'siret' | 'denomination' | 'departement_libelle' | 'region';
/** People and exits the extract gives, under the schema's codes where the schema has one. */
export type AspFigure =
  | Extract<
      IndicatorCode,
      | 'personnes'
      | 'femmes'
      | 'rsa'
      | 'ass'
      | 'aah'
      | 'travailleurs_handicapes'
      | 'residents_zrr'
      | 'residents_qpv'
      | 'moins_26_ans'
      | 'plus_50_ans'
      | 'deld'
      | 'detld'
      | 'sorties_emploi_durable'
      | 'sorties_emploi_transition'
      | 'sorties_positives'
    >
  | 'hommes'
  | 'niveau_cap_bep'
  | 'qualifications_non_certifiantes'
  | 'niveau_infra_cap'
  | 'sorties_examinees';
export type AspField = AspIdField | AspFigure;

export interface AspColumnDef {
  readonly field: AspField;
  /** The header as the ASP writes it. */
  readonly header: string;
  /** Other spellings met or reasonably expected (without the numbered prefix, say). */
  readonly variants?: readonly string[];
  /** The ASP file cuts this header off: any header starting like it matches. */
  readonly prefix?: boolean;
}

export const ASP_COLUMNS: readonly AspColumnDef[] = [
  { field: 'annee', header: 'Année', variants: ['Annee', 'Exercice'] },
  { field: 'mesure', header: 'Mesure', variants: ['Type de SIAE', 'Type SIAE', 'Dispositif'] },
  { field: 'annexe_financiere', header: "0 - Numéro de l'annexe / avenant", variants: ["Numéro de l'annexe", "Numéro d'annexe financière", 'Annexe financière'] },
  { field: 'siret', header: '0 - SIRET  ', variants: ['SIRET', 'N° SIRET'] },
  { field: 'denomination', header: '0 - Dénomination', variants: ['Dénomination', 'Raison sociale'] },
  { field: 'departement_libelle', header: 'Libellé Département', variants: ['Département', 'Libellé du département'] },
  { field: 'region', header: 'Région', variants: ['Libellé Région'] },
  { field: 'personnes', header: '2 - Nombre total des salariés en insertion ayant travaillé da', prefix: true },
  { field: 'hommes', header: '2 - Dont hommes ' },
  { field: 'femmes', header: '2 - Dont femmes ' },
  { field: 'rsa', header: '2 - Dont bénéficiaires du RSA ' },
  { field: 'ass', header: "2 - Dont bénéficiaires de l'ASS " },
  { field: 'aah', header: "2 - Dont bénéficiaires de l'AAH " },
  { field: 'travailleurs_handicapes', header: '2 - Dont nombre de personnes reconnues RQTH :' },
  { field: 'residents_zrr', header: '2 - Dont résidants en ZRR ', variants: ['2 - Dont résidents en ZRR'] },
  { field: 'residents_qpv', header: '2 - Dont résidants en QPV ', variants: ['2 - Dont résidents en QPV'] },
  { field: 'moins_26_ans', header: '2 - Dont jeunes de moins de 26 ans :' },
  { field: 'plus_50_ans', header: '2 - Dont personnes sans emploi de 50 ans et plus :' },
  { field: 'deld', header: '2 - Dont inscrits à Pôle emploi depuis 12 à 23 mois :', variants: ['2 - Dont inscrits à France Travail depuis 12 à 23 mois'] },
  { field: 'detld', header: '2 - Dont inscrits à Pôle emploi depuis 24 mois et plus:', variants: ['2 - Dont inscrits à France Travail depuis 24 mois et plus'] },
  { field: 'niveau_cap_bep', header: '2 - Dont personnes avec un niveau CAP – BEP' },
  { field: 'qualifications_non_certifiantes', header: '2 - Dont personnes avec qualifications non certifiantes' },
  { field: 'niveau_infra_cap', header: '2 - Dont personnes avec un niveau inférieur au CAP' },
  { field: 'sorties_examinees', header: '4 - Total des sorties examinées AI ETTI EITI', variants: ['4 - Total des sorties examinées'] },
  { field: 'sorties_emploi_durable', header: "5 - Total des sorties dans l'emploi durable" },
  { field: 'sorties_emploi_transition', header: "6 - Total des sorties dans l'emploi de transition" },
  { field: 'sorties_positives', header: '7 - Total des sorties positives' },
];

/** The numbered prefix (« 2 - ») is optional in a variant: files retyped by hand drop it. */
const withoutNumber = (key: string) => key.replace(/^\d{1,2} /, '');

export interface AspHeaderMatch {
  readonly field: AspField;
  /** Matched the ASP's own header (numbered, cut off as it is): only these recognise a file. */
  readonly official: boolean;
}

const EXACT = new Map<string, AspHeaderMatch>();
const PREFIXES: { key: string; match: AspHeaderMatch }[] = [];
for (const c of ASP_COLUMNS) {
  const official = labelKey(c.header);
  EXACT.set(official, { field: c.field, official: true });
  for (const h of c.variants ?? []) {
    const key = labelKey(h);
    if (!EXACT.has(key)) EXACT.set(key, { field: c.field, official: false });
  }
  const bare = withoutNumber(official);
  if (!EXACT.has(bare)) EXACT.set(bare, { field: c.field, official: false });
  if (c.prefix) PREFIXES.push({ key: official, match: { field: c.field, official: true } }, { key: bare, match: { field: c.field, official: false } });
}

/** The field a header names, or undefined. */
export function matchAspHeader(header: string): AspHeaderMatch | undefined {
  const key = labelKey(header);
  if (key === '') return undefined;
  const exact = EXACT.get(key);
  if (exact) return exact;
  // The cut-off header: the file's text is a prefix of ours, or longer than ours (a variant
  // that was not cut). Only long keys, so that a short word never passes for it.
  for (const p of PREFIXES) if (key.length >= 30 && (key.startsWith(p.key) || p.key.startsWith(key))) return p.match;
  return undefined;
}

const ID_FIELDS: ReadonlySet<AspField> = new Set<AspIdField>(['annee', 'mesure', 'annexe_financiere', 'siret', 'denomination', 'departement_libelle', 'region']);

/** The figures of the extract, in its column order. */
export const ASP_FIGURES: readonly AspFigure[] = ASP_COLUMNS.map((c) => c.field).filter((f): f is AspFigure => !ID_FIELDS.has(f));

export function isAspFigure(field: AspField): field is AspFigure {
  return !ID_FIELDS.has(field);
}
