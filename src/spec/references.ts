import type { PublicationSettings } from '../schema/index.js';

/**
 * The official definitions the indicators rest on, and the acronyms the document uses, from the
 * project's domain notes (public sources). Inline `code` and **bold** follow Markdown; both
 * renderings of the spec read them.
 */

export interface Reference {
  readonly title: string;
  readonly items: readonly string[];
}

export function officialReferences(p: PublicationSettings): Reference[] {
  return [
    {
      title: 'Classes de sorties',
      items: [
        `**Emploi durable** : CDI, CDD ou intérim de ${p.durableEmploymentBoundary}, titularisation dans la fonction publique, création d'entreprise.`,
        "**Emploi de transition** : CDD ou intérim d'une durée inférieure, contrat aidé chez un employeur de droit commun.",
        "**Sorties positives** : entrée en formation qualifiante ou pré-qualifiante, embauche par une autre SIAE.",
        '**Autres sorties** : chômage, inactivité, sans nouvelles…',
        '**Sorties retirées** (« retrait des sorties constatées ») : déménagement, maladie, décès… ; elles ne comptent pas dans les taux.',
        `La limite entre emploi durable et emploi de transition est un **paramètre** : « ${p.durableEmploymentBoundary} » dans cette spécification. La circulaire de 2008 écrit « plus de 6 mois », la DARES « au moins 6 mois » : l'émetteur précise celle qu'il retient.`,
      ],
    },
    {
      title: 'Sorties examinées (règles de l\u2019ASP)',
      items: [
        'Sorties examinées = toutes les sorties moins les sorties retirées ; les taux de sortie sont rapportés aux sorties examinées.',
        "Pour l'ASP, une sortie est examinée après une durée minimale dans la structure : au moins 3 mois en ACI et en EI ; au moins 150 heures en AI et en ETTI ; au moins 1 heure en EITI.",
        'Taux de sorties dynamiques = (emploi durable + emploi de transition + sorties positives) ÷ sorties examinées. Les planchers nationaux de 2008 (60 % de sorties dynamiques, 25 % en emploi durable) sont aujourd\u2019hui négociés par convention : ils figurent dans le plan d\u2019actions, pas dans cette spécification.',
      ],
    },
    {
      title: 'ETP',
      items: [
        "**ETP réalisés** : heures rémunérées ÷ durée annuelle de référence d'un poste à temps plein ; l'ASP tient cette durée par annexe financière, les valeurs par défaut par type de SIAE figurent dans les paramètres.",
        '**ETP conventionnés** : postes financés par l\u2019annexe financière (effectif mensuel × nombre de mois de l\u2019annexe ÷ 12). Taux de réalisation = ETP réalisés ÷ ETP conventionnés.',
      ],
    },
    {
      title: 'Quartiers prioritaires (QPV) et zones de revitalisation rurale (ZRR)',
      items: [
        "Une personne réside en **QPV** si son adresse est dans un quartier prioritaire de la politique de la ville (géographie officielle, consultable sur sig.ville.gouv.fr). La géographie des QPV a été redessinée en 2024 : rupture de série dans les comparaisons d'une année sur l'autre.",
        'Une personne réside en **ZRR** si sa commune est classée en zone de revitalisation rurale.',
      ],
    },
    {
      title: 'Critères d\u2019éligibilité',
      items: [
        'Critères de niveau 1 (un seul suffit) : bénéficiaire du RSA, de l\u2019ASS ou de l\u2019AAH ; demandeur d\u2019emploi de très longue durée (24 mois et plus, DETLD).',
        'Critères de niveau 2 : bas niveau de qualification, 50 ans et plus, moins de 26 ans, sortie de l\u2019aide sociale à l\u2019enfance, demandeur d\u2019emploi de longue durée (12 à 23 mois, DELD), RQTH, parent isolé, sans domicile, réfugié, résident en ZRR ou en QPV, personne sous main de justice, maîtrise du français inférieure au niveau A1, difficultés de mobilité.',
        'Il faut deux critères de niveau 2 en AI et en ETTI, trois en ACI, EI et EITI (référentiel des emplois de l\u2019inclusion).',
        "Les « dont » du retour (RSA, ASS, AAH, RQTH, QPV, ZRR, DELD, DETLD…) sont comptés à l'embauche, d'après ces critères.",
      ],
    },
    {
      title: 'Ruptures de série',
      items: ["Géographie des QPV redessinée en 2024 ; extranet de l'ASP alimenté par la DSN à partir de 2025 : à signaler dans toute comparaison d'une année sur l'autre."],
    },
  ];
}

export const GLOSSARY: readonly (readonly [string, string])[] = [
  ['AAH', 'Allocation aux adultes handicapés'],
  ['ACI', "Atelier et chantier d'insertion"],
  ['AI', 'Association intermédiaire'],
  ['ASP', "Agence de services et de paiement : gère l'extranet IAE et les aides aux postes"],
  ['ASS', 'Allocation de solidarité spécifique'],
  ['CDIAE', "Conseil départemental de l'insertion par l'activité économique"],
  ['DARES', "Direction de l'animation de la recherche, des études et des statistiques (ministère du Travail)"],
  ['DELD', "Demandeur d'emploi de longue durée (inscrit depuis 12 à 23 mois)"],
  ['DETLD', "Demandeur d'emploi de très longue durée (inscrit depuis 24 mois ou plus)"],
  ['DSN', 'Déclaration sociale nominative (déclaration mensuelle de paie)'],
  ['EI', "Entreprise d'insertion"],
  ['EITI', "Entreprise d'insertion par le travail indépendant"],
  ['ETP', 'Équivalent temps plein'],
  ['ETTI', "Entreprise de travail temporaire d'insertion"],
  ['IAE', "Insertion par l'activité économique"],
  ['INSEE', 'Institut national de la statistique et des études économiques (codes des communes et des départements)'],
  ['PDIAE', "Plan départemental d'insertion par l'activité économique"],
  ['PMSMP', 'Période de mise en situation en milieu professionnel (immersion)'],
  ['QPV', 'Quartier prioritaire de la politique de la ville'],
  ['RQTH', 'Reconnaissance de la qualité de travailleur handicapé'],
  ['RSA', 'Revenu de solidarité active'],
  ['SIAE', "Structure d'insertion par l'activité économique"],
  ['SIRET', "Numéro d'identification d'un établissement (14 chiffres)"],
  ['ZRR', 'Zone de revitalisation rurale'],
];

/** `threshold`: the public version's count threshold (counts from 1 to threshold − 1 are hidden). */
export function dataProtection(p: PublicationSettings, threshold: number): string[] {
  return [
    "Le retour ne contient **que des effectifs agrégés** par structure : aucun nom, aucune date de naissance, aucun numéro de sécurité sociale, aucune donnée sur une personne identifiable. Les listes nominatives restent dans la structure (extranet, paie, dossiers du personnel).",
    "Les fichiers sont vérifiés et consolidés sur le poste de l'utilisateur : le complément n'envoie rien sur Internet.",
    `**Petits effectifs** : dans une version publiée (hors dialogue de gestion entre la structure, le réseau et l'État), un effectif de 1 à ${threshold - 1} est masqué (0 est publié), ainsi qu'une autre cellule au besoin (masquage secondaire), pour qu'il ne puisse pas être recalculé à partir des totaux. Le seuil est un paramètre : aucun seuil propre à l'IAE n'est publié.`,
    'Les fichiers de retour se conservent et se transmettent comme des documents de gestion : par une messagerie ou un espace de dépôt de l\u2019organisme collecteur, pas sur un site public.',
  ];
}
