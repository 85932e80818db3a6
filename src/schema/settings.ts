import type { SeriesBreak } from './series-breaks.js';
import type { ReconciliationSettings } from './reconciliation-settings.js';
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
  /** Rules of the public version; DEFAULT_DIFFUSION_SETTINGS when absent. */
  diffusion?: DiffusionSettings;
  /** Series breaks flagged in year-over-year comparisons; DEFAULT_SERIES_BREAKS when absent. */
  seriesBreaks?: readonly SeriesBreak[];
  /** Tolerances of « Rapprochement ASP »; DEFAULT_RECONCILIATION_SETTINGS when absent. */
  reconciliation?: ReconciliationSettings;
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

/**
 * Rules of the public version (« version diffusable »): which figures are hidden (primary
 * suppression) and how far every hidden figure must stay undetermined (secondary suppression).
 * Policy, not fact: each is a setting, with its default and source in DIFFUSION_DEFAULTS.
 */
export interface DiffusionSettings {
  /** A count of people (or exits) from 1 to countThreshold − 1 is hidden; 0 is published. */
  readonly countThreshold: number;
  /** A figure resting on 1 to minSiae − 1 SIAE is hidden (it would describe one or two structures). */
  readonly minSiae: number;
  /**
   * Which figures the minSiae rule covers: every figure (default), or only amounts (hours, ETP),
   * counts of people then being protected by countThreshold alone. Absent: every figure.
   */
  readonly minSiaeScope?: MinSiaeScope;
  /**
   * Dominance: a figure where one SIAE gives more than this share of the value is hidden (the
   * others' part would tell that SIAE's figure nearly). 1 or more: no dominance rule. Absent: 0.85.
   */
  readonly dominanceShare?: number;
  /** A rate is hidden when its numerator or its denominator is. */
  readonly hideRatesOfHiddenOperands: boolean;
  /** Width (in the figure's unit) of the range a hidden figure must keep given everything published. */
  readonly protectionInterval: number;
  /**
   * For hours and ETP (amounts, not counts), and for any figure hidden because it rests on too
   * few SIAE: the range must also be at least this share of the hidden value, since a few hours
   * protect nothing, and the other structure must not learn its neighbour's figure within a few units.
   */
  readonly amountProtectionShare: number;
}

/** « tous »: every figure; « montants »: hours and ETP only. */
export type MinSiaeScope = 'tous' | 'montants';

export interface DiffusionDefault<T> {
  readonly value: T;
  readonly source: string;
}

export const DIFFUSION_DEFAULTS: { readonly [K in keyof DiffusionSettings]-?: DiffusionDefault<NonNullable<DiffusionSettings[K]>> } = {
  countThreshold: {
    value: 5,
    source:
      "Aucun seuil propre à l'IAE n'est publié ; les jeux de données ouverts masquent usuellement les effectifs de 1 à 4 ou 5 (secret statistique). Par défaut les effectifs de 1 à 4 sont masqués, 0 est publié.",
  },
  minSiae: {
    value: 3,
    source:
      'Règle usuelle du secret statistique des entreprises (au moins trois unités derrière un chiffre publié), reprise par la statistique publique.',
  },
  minSiaeScope: {
    value: 'tous',
    source:
      "Le secret des entreprises couvre tout chiffre qui décrit une structure, effectifs de salariés compris : par défaut la règle s'applique à tous les chiffres. « montants » (heures et ETP seulement) est un choix de diffusion à justifier (voir docs/diffusion.md).",
  },
  dominanceShare: {
    value: 0.85,
    source:
      "Règle de dominance du secret statistique des entreprises (INSEE, CNIS ; règle n,k de τ-ARGUS avec n = 1) : un chiffre dont une seule structure fournit plus de 85 % est masqué, même s'il repose sur trois structures ou plus.",
  },
  hideRatesOfHiddenOperands: {
    value: true,
    source: 'Un taux publié avec son dénominateur permet de retrouver un numérateur masqué : masqué par défaut.',
  },
  protectionInterval: {
    value: 5,
    source: "Égal au seuil par défaut : une valeur masquée ne peut être située mieux qu'à 5 unités près à partir des chiffres publiés.",
  },
  amountProtectionShare: {
    value: 0.1,
    source:
      "Pour les heures et les ETP, et pour tout chiffre masqué parce qu'il repose sur trop peu de SIAE, intervalle d'au moins 10 % de la valeur masquée, à la manière de la règle p % de τ-ARGUS : l'autre structure ne doit pas déduire le chiffre de sa voisine à quelques unités près.",
  },
};

export const DEFAULT_DIFFUSION_SETTINGS: DiffusionSettings = {
  countThreshold: DIFFUSION_DEFAULTS.countThreshold.value,
  minSiae: DIFFUSION_DEFAULTS.minSiae.value,
  minSiaeScope: DIFFUSION_DEFAULTS.minSiaeScope.value,
  dominanceShare: DIFFUSION_DEFAULTS.dominanceShare.value,
  hideRatesOfHiddenOperands: DIFFUSION_DEFAULTS.hideRatesOfHiddenOperands.value,
  protectionInterval: DIFFUSION_DEFAULTS.protectionInterval.value,
  amountProtectionShare: DIFFUSION_DEFAULTS.amountProtectionShare.value,
};
