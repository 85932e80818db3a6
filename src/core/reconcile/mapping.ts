import {
  derivedByCode,
  indicatorByCode,
  isDerivedCode,
  isIndicatorCode,
  SIAE_KINDS,
  type DerivedCode,
  type IndicatorCode,
  type PartialReturn,
  type SiaeKind,
} from '../../schema/index.js';
import { ASP_COLUMNS, ASP_FIGURES, type AspFigure } from '../asp/index.js';

/**
 * How each figure of the ASP extract compares with ours. The figure's field is named after the
 * schema's code wherever the schema has the same quantity (src/core/asp/columns.ts), so our side
 * is derived from that name: a collected indicator, or a derived sum (exits examined). What is
 * written here is only the decision: for which kinds of SIAE the two are comparable, and why.
 */
export interface AspComparison {
  readonly figure: AspFigure;
  /** The extract's header, as the ASP writes it (trimmed). */
  readonly header: string;
  /** Our figure: a schema indicator or derived sum; absent when the schema has no such figure. */
  readonly code?: IndicatorCode | DerivedCode;
  /** Kinds of SIAE for which the figures are compared; empty: never compared. */
  readonly kinds: readonly SiaeKind[];
  /** Why, in French (the spec and the sheet show it). */
  readonly note: string;
}

const ALL: readonly SiaeKind[] = SIAE_KINDS;
const SAME = 'Même définition : comparé pour tous les types.';
const LEVELS =
  "L'ASP ventile le niveau de formation en trois catégories (CAP – BEP, qualifications non certifiantes, inférieur au CAP) dont le recoupement n'est pas documenté ; notre « bas niveau de qualification » (niveau 3 ou inférieur) n'en est pas une somme sûre : non comparé.";
const EXIT_CLASS =
  "Même classe de sortie (voir la correspondance des sorties) ; l'ASP ne compte que les sorties examinées (après une durée minimale dans la structure), les retours toutes les sorties non retirées : un écart positif peut venir de sorties précoces.";

/** The decision per figure; a figure missing here is not compared. */
const DECISIONS: Readonly<Record<AspFigure, { readonly kinds: readonly SiaeKind[]; readonly note: string }>> = {
  personnes: { kinds: ALL, note: "Même définition : personnes distinctes ayant travaillé dans la structure sur l'année, chacune comptée une fois." },
  hommes: { kinds: [], note: 'Le schéma ne collecte pas les hommes (personnes − femmes) : non comparé ; les femmes le sont.' },
  femmes: { kinds: ALL, note: SAME },
  rsa: { kinds: ALL, note: SAME },
  ass: { kinds: ALL, note: `${SAME} Indicateur facultatif : comparé quand le retour le donne.` },
  aah: { kinds: ALL, note: `${SAME} Indicateur facultatif : comparé quand le retour le donne.` },
  travailleurs_handicapes: { kinds: ALL, note: 'Personnes reconnues RQTH : notre « travailleurs handicapés (RQTH) ». Comparé pour tous les types.' },
  residents_zrr: { kinds: ALL, note: `${SAME} Indicateur facultatif : comparé quand le retour le donne.` },
  residents_qpv: { kinds: ALL, note: `${SAME} Géographie des QPV redessinée en 2024 : les deux côtés doivent retenir la même.` },
  moins_26_ans: { kinds: ALL, note: SAME },
  plus_50_ans: {
    kinds: ALL,
    note: "L'ASP écrit « personnes sans emploi de 50 ans et plus » : toute personne embauchée en insertion était sans emploi, c'est notre « 50 ans et plus » à l'embauche. Comparé pour tous les types.",
  },
  deld: { kinds: ALL, note: 'Inscrits à Pôle emploi (France Travail) depuis 12 à 23 mois : notre DELD. Comparé pour tous les types.' },
  detld: {
    kinds: ALL,
    note: "Inscrits depuis 24 mois et plus : notre DETLD (très longue durée) seul, non l'ensemble des chômeurs de longue durée (DELD + DETLD, 12 mois et plus). Comparé pour tous les types.",
  },
  niveau_cap_bep: { kinds: [], note: LEVELS },
  qualifications_non_certifiantes: { kinds: [], note: LEVELS },
  niveau_infra_cap: { kinds: [], note: LEVELS },
  sorties_examinees: {
    kinds: ['AI', 'ETTI', 'EITI'],
    note:
      "Colonne de l'ASP intitulée « AI ETTI EITI » : comparée pour ces types seulement, à nos sorties examinées (toutes les sorties moins les sorties retirées). L'ASP n'examine une sortie qu'après 150 heures (AI, ETTI) ou 1 heure (EITI) : une sortie plus courte compte dans les retours, pas dans l'extraction.",
  },
  sorties_emploi_durable: { kinds: ALL, note: EXIT_CLASS },
  sorties_emploi_transition: { kinds: ALL, note: EXIT_CLASS },
  sorties_positives: { kinds: ALL, note: EXIT_CLASS },
};

const schemaCode = (f: AspFigure): IndicatorCode | DerivedCode | undefined => (isIndicatorCode(f) || isDerivedCode(f) ? f : undefined);

/** Every figure of the extract, in its column order, with our code and the decision. */
export const ASP_COMPARISONS: readonly AspComparison[] = ASP_FIGURES.map((figure) => {
  const code = schemaCode(figure);
  const d = DECISIONS[figure];
  return {
    figure,
    header: ASP_COLUMNS.find((c) => c.field === figure)!.header.trim(),
    ...(code ? { code } : {}),
    // Without a code of ours there is nothing to compare with, whatever was decided.
    kinds: code ? d.kinds : [],
    note: d.note,
  };
});

/** The figures compared for at least one kind. */
export const COMPARED: readonly (AspComparison & { readonly code: IndicatorCode | DerivedCode })[] = ASP_COMPARISONS.filter(
  (c): c is AspComparison & { code: IndicatorCode | DerivedCode } => c.code !== undefined && c.kinds.length > 0,
);

/** Our figure's label, from the schema. */
export function ourLabel(code: IndicatorCode | DerivedCode): string {
  return indicatorByCode(code)?.label ?? derivedByCode(code)?.label ?? code;
}

/**
 * What ourValue reads for a code, resolved once per run rather than per return: the indicator
 * itself (its code), the terms of a derived sum (all needed, never a partial sum), or undefined (nothing to read).
 */
export function ourTermsOf(code: IndicatorCode | DerivedCode): string | readonly string[] | undefined {
  if (isIndicatorCode(code)) return code;
  const d = derivedByCode(code);
  return d && d.kind === 'somme' ? d.numerator : undefined;
}

/**
 * Our value of a code in one return: the indicator as given, or a derived sum of the schema
 * when the return gives every term (never a partial sum).
 */
export function ourValue(values: PartialReturn, code: IndicatorCode | DerivedCode): number | undefined {
  if (isIndicatorCode(code)) {
    const v = values[code];
    return typeof v === 'number' ? v : undefined;
  }
  const d = derivedByCode(code);
  if (!d || d.kind !== 'somme') return undefined;
  let sum = 0;
  for (const term of d.numerator) {
    const v = values[term];
    if (typeof v !== 'number') return undefined;
    sum += v;
  }
  return sum;
}
