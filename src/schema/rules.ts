import type { IndicatorDef, Severity } from './indicator-types.js';
import { INDICATORS, indicatorsOfGroup, type IndicatorCode } from './indicators/index.js';

/**
 * Cross-field rules, declared as data: the validation engine evaluates them on every return
 * and the spec lists them. Messages are French templates; {a}, {b}… are filled with the
 * labels and values of the fields involved. `field` is the cell a violation points at.
 */
interface RuleBase {
  readonly code: string;
  readonly severity: Severity;
  /** One sentence for the spec: what the rule checks. */
  readonly description: string;
  /** The indicator whose cell the violation points at. */
  readonly field: IndicatorCode;
  /** French message template; placeholders in braces are filled by the evaluator (see rules-eval). */
  readonly message: string;
}

/** sum(parts) ≤ total */
export interface MaxTotalRule extends RuleBase {
  readonly kind: 'au_plus_total';
  readonly parts: readonly IndicatorCode[];
  readonly total: IndicatorCode;
}

/** sum(parts of a split group) = total within a tolerance, when the split is given. */
export interface SplitSumRule extends RuleBase {
  readonly kind: 'ventilation_egale_total';
  readonly parts: readonly IndicatorCode[];
  readonly total: IndicatorCode;
  /** Allowed gap: the larger of an absolute amount and a share of the total. */
  readonly tolerance: { readonly absolute: number; readonly relative: number };
}

/** A split that should be given when the total is positive. */
export interface SplitGivenRule extends RuleBase {
  readonly kind: 'ventilation_renseignee';
  readonly parts: readonly IndicatorCode[];
  readonly total: IndicatorCode;
}

/** ETP réalisés ≈ paid hours ÷ hours per ETP of the SIAE kind (settings). */
export interface EtpFromHoursRule extends RuleBase {
  readonly kind: 'etp_coherent_heures';
  readonly etp: IndicatorCode;
  readonly hours: IndicatorCode;
  readonly relativeTolerance: number;
}

/** Average hours per person ≤ factor × hours per ETP of the kind: nobody works more than full time. */
export interface HoursPerPersonRule extends RuleBase {
  readonly kind: 'heures_par_personne_plausibles';
  readonly hours: IndicatorCode;
  readonly people: IndicatorCode;
  readonly factor: number;
}

/** numerator / denominator ≤ max */
export interface RatioMaxRule extends RuleBase {
  readonly kind: 'ratio_maximal';
  readonly numerator: IndicatorCode;
  readonly denominator: IndicatorCode;
  readonly max: number;
}

/** If `when` > 0 then `then` > 0. */
export interface PositiveImpliesRule extends RuleBase {
  readonly kind: 'positif_implique_positif';
  readonly when: IndicatorCode;
  readonly then: IndicatorCode;
}

/** The commune's INSEE code lies in the return's département. */
export interface CommuneInDepartementRule extends RuleBase {
  readonly kind: 'commune_dans_departement';
  readonly commune: IndicatorCode;
  readonly departement: IndicatorCode;
}

export type RuleDef =
  | MaxTotalRule
  | SplitSumRule
  | SplitGivenRule
  | EtpFromHoursRule
  | HoursPerPersonRule
  | RatioMaxRule
  | PositiveImpliesRule
  | CommuneInDepartementRule;

const SUB_COUNTS = INDICATORS.filter((i: IndicatorDef) => i.subCountOf === 'personnes');
const SECTOR_HOURS = indicatorsOfGroup('heures_secteurs').map((i) => i.code as IndicatorCode);
const EXITS: readonly IndicatorCode[] = [
  'sorties_emploi_durable',
  'sorties_emploi_transition',
  'sorties_positives',
  'autres_sorties',
  'sorties_retirees',
];

export const RULES: readonly RuleDef[] = [
  ...SUB_COUNTS.map(
    (i): MaxTotalRule => ({
      code: `${i.code}_au_plus_personnes`,
      message: '« {parts} » ({partsValue}) dépasse le nombre de personnes en insertion ({totalValue}) : un « dont » ne peut pas dépasser le total, corrigez l\'un des deux.',
      kind: 'au_plus_total',
      severity: 'erreur',
      description: `« ${i.label} » ne dépasse pas le nombre de personnes en insertion.`,
      field: i.code as IndicatorCode,
      parts: [i.code as IndicatorCode],
      total: 'personnes',
    }),
  ),
  {
    code: 'anciennete_chomage_au_plus_personnes',
    message: 'DELD + DETLD ({partsValue}) dépasse le nombre de personnes en insertion ({totalValue}) : une personne est comptée dans une seule classe d\'ancienneté, corrigez ces nombres.',
    kind: 'au_plus_total',
    severity: 'erreur',
    description:
      'DELD (12 à 23 mois) et DETLD (24 mois et plus) sont des classes disjointes : leur somme ne dépasse pas le nombre de personnes.',
    field: 'detld',
    parts: ['deld', 'detld'],
    total: 'personnes',
  },
  {
    code: 'classes_age_au_plus_personnes',
    message: 'Moins de 26 ans + 50 ans et plus ({partsValue}) dépasse le nombre de personnes en insertion ({totalValue}) : une personne est dans une seule classe d\'âge, corrigez ces nombres.',
    kind: 'au_plus_total',
    severity: 'erreur',
    description: 'Moins de 26 ans et 50 ans et plus sont des classes disjointes : leur somme ne dépasse pas le nombre de personnes.',
    field: 'plus_50_ans',
    parts: ['moins_26_ans', 'plus_50_ans'],
    total: 'personnes',
  },
  {
    code: 'sorties_au_plus_personnes',
    message: 'Le total des sorties ({partsValue}) dépasse le nombre de personnes en insertion ({totalValue}) : vérifiez les sorties et le nombre de personnes.',
    kind: 'au_plus_total',
    severity: 'erreur',
    description: 'Une personne sort au plus une fois par parcours : le total des sorties ne dépasse pas le nombre de personnes en insertion.',
    field: 'sorties_emploi_durable',
    parts: EXITS,
    total: 'personnes',
  },
  {
    code: 'heures_secteurs_egales_heures_remunerees',
    message: 'Les heures ventilées par secteur totalisent {partsValue} h alors que les heures rémunérées sont de {totalValue} h (écart {gap} h, tolérance {tolerance} h) : corrigez la ventilation ou le total.',
    kind: 'ventilation_egale_total',
    severity: 'erreur',
    description:
      "Quand les heures sont ventilées par secteur, leur somme est égale aux heures d'insertion rémunérées, à 1 heure ou 0,1 % près (le plus grand des deux).",
    field: 'heures_remunerees',
    parts: SECTOR_HOURS,
    total: 'heures_remunerees',
    tolerance: { absolute: 1, relative: 0.001 },
  },
  {
    code: 'heures_secteurs_renseignees',
    message: '{totalValue} heures rémunérées sans ventilation par secteur : renseignez les heures de chaque secteur travaillé.',
    kind: 'ventilation_renseignee',
    severity: 'avertissement',
    description: 'Quand des heures ont été rémunérées, leur ventilation par secteur est renseignée.',
    field: 'heures_remunerees',
    parts: SECTOR_HOURS,
    total: 'heures_remunerees',
  },
  {
    code: 'etp_coherents_avec_heures',
    message: 'ETP réalisés ({etpValue}) éloignés de heures rémunérées ÷ {hoursPerEtp} h ({expected} ETP attendus pour une {kind}) : vérifiez les ETP ou les heures.',
    kind: 'etp_coherent_heures',
    severity: 'avertissement',
    description:
      "Les ETP réalisés sont proches (à 5 % près) des heures rémunérées divisées par la durée annuelle de référence d'un ETP pour le type de SIAE.",
    field: 'etp_realises',
    etp: 'etp_realises',
    hours: 'heures_remunerees',
    relativeTolerance: 0.05,
  },
  {
    code: 'heures_par_personne_plausibles',
    message: '{perPerson} heures rémunérées par personne en moyenne, au-delà d\'un temps plein ({hoursPerEtp} h pour une {kind}) : vérifiez les heures ou le nombre de personnes.',
    kind: 'heures_par_personne_plausibles',
    severity: 'avertissement',
    description:
      "Les heures rémunérées par personne ne dépassent pas de plus de 10 % la durée annuelle de référence d'un ETP pour le type de SIAE.",
    field: 'heures_remunerees',
    hours: 'heures_remunerees',
    people: 'personnes',
    factor: 1.1,
  },
  {
    code: 'taux_realisation_plausible',
    message: 'Taux de réalisation de {ratio} (ETP réalisés {numeratorValue} / ETP conventionnés {denominatorValue}), au-delà de {max} : vérifiez les ETP.',
    kind: 'ratio_maximal',
    severity: 'avertissement',
    description: 'Les ETP réalisés ne dépassent pas 120 % des ETP conventionnés.',
    field: 'etp_realises',
    numerator: 'etp_realises',
    denominator: 'etp_conventionnes',
    max: 1.2,
  },
  {
    code: 'heures_avec_personnes',
    message: '{whenValue} heures rémunérées déclarées pour 0 personne en insertion : renseignez le nombre de personnes.',
    kind: 'positif_implique_positif',
    severity: 'erreur',
    description: 'Des heures rémunérées supposent au moins une personne en insertion.',
    field: 'personnes',
    when: 'heures_remunerees',
    then: 'personnes',
  },
  {
    code: 'personnes_avec_heures',
    message: '{whenValue} personnes en insertion déclarées sans aucune heure rémunérée : vérifiez les heures.',
    kind: 'positif_implique_positif',
    severity: 'avertissement',
    description: 'Des personnes en insertion supposent des heures rémunérées.',
    field: 'heures_remunerees',
    when: 'personnes',
    then: 'heures_remunerees',
  },
  {
    code: 'commune_dans_departement',
    message: 'La commune {communeValue} n\'est pas dans le département {departementValue} : corrigez le code commune ou le département.',
    kind: 'commune_dans_departement',
    severity: 'erreur',
    description: 'Le code INSEE de la commune appartient au département déclaré.',
    field: 'commune_insee',
    commune: 'commune_insee',
    departement: 'departement',
  },
];
