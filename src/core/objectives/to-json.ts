import { PROGRESS_STATUS_LABELS, type ObjectiveProgress } from './types.js';

/** One objective's progress in the --json output (French keys, rates as fractions, progression rounded as displayed). */
export function progressJson(p: ObjectiveProgress) {
  const t = p.target;
  return {
    objectif: t.objectif,
    libelle_objectif: p.objectifLibelle,
    indicateur: t.indicateur,
    libelle_indicateur: p.indicateurLibelle,
    perimetre: t.departement ?? 'region',
    type_siae: t.kind ?? 'toutes',
    periode: p.periode,
    valeur: p.valeur,
    valeur_reference: p.reference,
    annee_reference: t.anneeReference ?? null,
    cible: t.cible,
    annee_cible: t.anneeCible ?? null,
    sens: t.sens,
    progression: p.progression,
    progression_texte: p.progressionTexte,
    statut: p.statut,
    statut_libelle: PROGRESS_STATUS_LABELS[p.statut],
    statut_mesure: p.statutMesure,
    couverture: {
      complete: p.couverture.complete,
      departements_recus: p.couverture.departementsRecus,
      departements_manquants: p.couverture.departementsManquants,
      siae_manquantes: p.couverture.siaeManquantes,
      texte: p.couverture.texte,
    },
    exemple: t.exemple,
    note: p.note,
  };
}
