/**
 * Tolerances of the reconciliation with the ASP extract (« Rapprochement ASP »): when a gap
 * between a return and the extract is worth a look. Policy, not fact: no public norm exists, so
 * each is a setting with its default and the reason for it, printed in the spec.
 */
export interface ReconciliationSettings {
  /** A gap (returns − ASP) is flagged only when its size is beyond this many people or exits… */
  readonly absoluteTolerance: number;
  /** …and beyond this share of the ASP's figure (0.05 = 5 %); an ASP figure of 0 leaves only the absolute test. */
  readonly relativeTolerance: number;
}

export const RECONCILIATION_DEFAULTS: { readonly [K in keyof ReconciliationSettings]: { readonly value: number; readonly source: string } } = {
  absoluteTolerance: {
    value: 2,
    source:
      "Aucune norme publique. L'extraction de l'ASP est arrêtée à une date, le retour de la structure à une autre : une ou deux personnes ou sorties saisies entre les deux ne méritent pas une relance.",
  },
  relativeTolerance: {
    value: 0.05,
    source:
      "Aucune norme publique. 5 % d'un effectif : au-delà, l'écart ne s'explique plus par quelques saisies tardives ; les deux conditions réunies évitent de signaler une personne d'écart dans une petite structure comme trois personnes dans une grande.",
  },
};

export const DEFAULT_RECONCILIATION_SETTINGS: ReconciliationSettings = {
  absoluteTolerance: RECONCILIATION_DEFAULTS.absoluteTolerance.value,
  relativeTolerance: RECONCILIATION_DEFAULTS.relativeTolerance.value,
};
