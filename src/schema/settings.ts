import type { SiaeKind } from './siae-kinds.js';

/**
 * Figures that are policy or uncertain, not facts of the code: the region whose départements
 * are accepted, and the annual hours of one full-time insertion post by SIAE kind.
 * Each user (region, network) may override them; the defaults are documented in the spec.
 */
export interface Settings {
  /** INSEE region code; '11' is Ile-de-France. */
  regionCode: string;
  /** Annual paid hours of one ETP d'insertion, by SIAE kind. */
  hoursPerEtp: Record<SiaeKind, number>;
}

export interface HoursPerEtpDefault {
  hours: number;
  source: string;
}

/** Defaults and where they come from (see shared DOMAIN.md): public Q&A documents of the 2014 reform. */
export const HOURS_PER_ETP_DEFAULTS: Record<SiaeKind, HoursPerEtpDefault> = {
  ACI: { hours: 1820, source: "Questions-réponses de la réforme du financement de l'IAE (2014) : 1 820 h pour les ACI." },
  EI: { hours: 1505, source: "Questions-réponses de la réforme du financement de l'IAE (2014) : 1 505 h pour les EI." },
  AI: { hours: 1607, source: "Questions-réponses de la réforme du financement de l'IAE (2014) : 1 607 h pour les AI." },
  ETTI: {
    hours: 1600,
    source: "Questions-réponses de la réforme du financement de l'IAE (2014) : 1 600 h pour les ETTI (certaines sources indiquent 1 607 h).",
  },
  EITI: {
    hours: 1607,
    source: 'Aucune référence publique trouvée : valeur par défaut égale à la durée légale annuelle (1 607 h), à confirmer.',
  },
};

export const DEFAULT_SETTINGS: Settings = {
  regionCode: '11',
  hoursPerEtp: {
    ACI: HOURS_PER_ETP_DEFAULTS.ACI.hours,
    EI: HOURS_PER_ETP_DEFAULTS.EI.hours,
    AI: HOURS_PER_ETP_DEFAULTS.AI.hours,
    ETTI: HOURS_PER_ETP_DEFAULTS.ETTI.hours,
    EITI: HOURS_PER_ETP_DEFAULTS.EITI.hours,
  },
};
