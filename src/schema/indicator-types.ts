/** Metadata shapes shared by every indicator definition, derived indicator and rule. */

export const SECTIONS = [
  { code: 'identification', label: 'Identification' },
  { code: 'personnes', label: 'Personnes accompagnées' },
  { code: 'heures', label: 'Heures et ETP' },
  { code: 'sorties', label: 'Sorties' },
  { code: 'parcours', label: 'Parcours' },
] as const;
export type SectionCode = (typeof SECTIONS)[number]['code'];

/** The value types a cell of a return may hold, each with its parsing and its constraints. */
export type ValueType =
  | 'siret' // 14 digits, Luhn (La Poste: digit sum multiple of 5)
  | 'texte'
  | 'type_siae' // EI, ACI, AI, ETTI, EITI
  | 'departement' // INSEE code of a département of the configured region
  | 'commune' // INSEE commune code
  | 'annexe_financiere' // e.g. ACI075150013A0M1
  | 'oui_non'
  | 'annee'
  | 'entier' // whole number ≥ 0
  | 'decimal'; // decimal number ≥ 0

export type Unit = 'personnes' | 'heures' | 'ETP' | 'sorties' | 'immersions' | 'année';

/**
 * How an indicator rolls up across returns: summed, used as an aggregation dimension
 * (département, SIAE kind, period), or not aggregated (names, identifiers).
 */
export type Aggregation = 'somme' | 'dimension' | 'aucune';

export interface IndicatorDef {
  /** Stable ASCII snake_case code: the key in data, JSON and the templates' names. */
  readonly code: string;
  readonly label: string;
  readonly definition: string;
  readonly section: SectionCode;
  readonly type: ValueType;
  readonly unit: Unit | null;
  readonly required: boolean;
  readonly aggregation: Aggregation;
  /** Where an SIAE usually finds the figure (ASP extranet, DSN, payroll, HR records…), for the spec. */
  readonly source: string;
  /** Codes of the strategy's objectives or sub-objectives this indicator informs. */
  readonly objectives: readonly string[];
  /**
   * A set of indicators that together split a total (hours by sector). When a return gives at
   * least one member, a blank member means 0 for that return: a split lists what was worked.
   */
  readonly group?: 'heures_secteurs';
  /** For an overlapping sub-count ("dont …"): the total it is part of. */
  readonly subCountOf?: string;
  /** Label of the share of the total this sub-count gives (e.g. "Part des femmes"). */
  readonly shareLabel?: string;
}

export type Severity = 'erreur' | 'avertissement';
