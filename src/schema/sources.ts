/**
 * Where an SIAE usually finds each figure of its return, as the spec tells networks. One phrase
 * per kind of source, so that indicators fed by the same records say it the same way.
 */
export const SOURCES = {
  annexe: "Annexe financière de la convention (extranet IAE de l'ASP).",
  sirene: "Annexe financière ; répertoire SIRENE de l'Insee pour le SIRET et la commune.",
  zonage: "Adresse de l'établissement, comparée au zonage officiel (quartiers prioritaires : sig.ville.gouv.fr ; communes classées en ZRR).",
  periode: 'Période du retour (en principe l’année civile écoulée).',
  salaries: "Extranet IAE de l'ASP (salariés en insertion de la période) ; dossiers du personnel.",
  eligibilite: "Critères d'éligibilité enregistrés à l'embauche (extranet IAE de l'ASP, les emplois de l'inclusion) ; dossiers du personnel.",
  paie: 'Paie et déclarations sociales nominatives (DSN) : heures rémunérées des salariés en insertion.',
  etp: "Calcul : heures rémunérées ÷ durée annuelle de référence (voir les paramètres) ; à rapprocher de l'extranet IAE de l'ASP.",
  secteurs: 'Paie ou plannings : heures rémunérées réparties par activité.',
  sorties: "Extranet IAE de l'ASP (motifs de sortie saisis à la fin du contrat) ; suivi des parcours.",
  parcours: 'Suivi des parcours et registres RH (conventions de PMSMP, formations suivies).',
} as const;
