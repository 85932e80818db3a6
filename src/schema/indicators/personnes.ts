import { SOURCES } from '../sources.js';
/** Sub-counts read from the eligibility criteria recorded at hiring; the others from staff records. */
const FROM_ELIGIBILITY: ReadonlySet<string> = new Set(['rsa', 'ass', 'aah', 'travailleurs_handicapes', 'residents_qpv', 'residents_zrr', 'deld', 'detld', 'bas_niveau_qualification', 'sous_main_justice']);

/** A sub-count of people in insertion: "dont …", overlapping with the others, each ≤ the total. */
function subCount<const C extends string>(
  code: C,
  label: string,
  shareLabel: string,
  definition: string,
  objectives: readonly string[],
  required: boolean,
) {
  return {
    code,
    label,
    shareLabel,
    definition: `${definition} Parmi les personnes en insertion sur la période : au plus le total.`,
    section: 'personnes',
    type: 'entier',
    unit: 'personnes',
    required,
    aggregation: 'somme',
    source: FROM_ELIGIBILITY.has(code) ? SOURCES.eligibilite : SOURCES.salaries,
    objectives,
    subCountOf: 'personnes',
  } as const;
}

export const PERSONNES = [
  {
    code: 'personnes',
    label: 'Personnes en insertion',
    definition:
      "Nombre de personnes distinctes ayant eu un contrat ou une mission d'insertion au moins un jour sur la période (chaque personne comptée une fois).",
    section: 'personnes',
    type: 'entier',
    unit: 'personnes',
    required: true,
    aggregation: 'somme',
    source: SOURCES.salaries,
    objectives: ['21', '411'],
  },
  subCount('femmes', 'dont femmes', 'Part des femmes', 'Femmes.', ['212'], true),
  subCount('rsa', 'dont bénéficiaires du RSA', 'Part des bénéficiaires du RSA', 'Bénéficiaires du revenu de solidarité active à l\'embauche.', ['211'], true),
  subCount('ass', 'dont bénéficiaires de l\'ASS', 'Part des bénéficiaires de l\'ASS', 'Bénéficiaires de l\'allocation de solidarité spécifique à l\'embauche.', ['211'], false),
  subCount('aah', 'dont bénéficiaires de l\'AAH', 'Part des bénéficiaires de l\'AAH', 'Bénéficiaires de l\'allocation aux adultes handicapés à l\'embauche.', ['211'], false),
  subCount('travailleurs_handicapes', 'dont travailleurs handicapés (RQTH)', 'Part des travailleurs handicapés', 'Personnes ayant une reconnaissance de la qualité de travailleur handicapé (RQTH) ou assimilée.', ['211'], true),
  subCount('residents_qpv', 'dont résidents QPV', 'Part des résidents QPV', 'Personnes résidant dans un quartier prioritaire de la politique de la ville.', ['121', '211'], true),
  subCount('residents_zrr', 'dont résidents ZRR', 'Part des résidents ZRR', 'Personnes résidant dans une zone de revitalisation rurale.', ['121'], false),
  subCount('moins_26_ans', 'dont moins de 26 ans', 'Part des moins de 26 ans', 'Personnes âgées de moins de 26 ans à l\'embauche.', ['211', '312'], true),
  subCount('plus_50_ans', 'dont 50 ans et plus', 'Part des 50 ans et plus', 'Personnes âgées de 50 ans ou plus à l\'embauche.', ['211'], true),
  subCount('deld', 'dont demandeurs d\'emploi de 12 à 23 mois (DELD)', 'Part des demandeurs d\'emploi de 12 à 23 mois', 'Personnes inscrites comme demandeurs d\'emploi depuis 12 à 23 mois avant l\'embauche.', ['211'], true),
  subCount('detld', 'dont demandeurs d\'emploi de 24 mois et plus (DETLD)', 'Part des demandeurs d\'emploi de 24 mois et plus', 'Personnes inscrites comme demandeurs d\'emploi depuis 24 mois ou plus avant l\'embauche (très longue durée).', ['211'], true),
  subCount('bas_niveau_qualification', 'dont bas niveau de qualification', 'Part des personnes de bas niveau de qualification', 'Personnes de niveau de qualification 3 (CAP-BEP) ou inférieur.', ['211'], false),
  subCount('sous_main_justice', 'dont personnes sous main de justice', 'Part des personnes sous main de justice', 'Personnes placées sous main de justice à l\'embauche.', ['211'], false),
] as const;
