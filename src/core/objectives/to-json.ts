import { PROGRESS_STATUS_LABELS, type ObjectiveProgress } from './types.js';

/** One objective's progress in the --json output (French keys, rates as fractions). */
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
    statut: p.statut,
    statut_libelle: PROGRESS_STATUS_LABELS[p.statut],
    exemple: t.exemple,
    note: p.note,
  };
}
