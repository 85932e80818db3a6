import type { IndicatorDef } from './indicator-types.js';
import { INDICATORS, type Indicator, type IndicatorCode } from './indicators/index.js';
import { SECTORS, type SectorKey } from './sectors.js';

/**
 * Derived indicators: sums and ratios of collected indicators. Declared once here as numerator
 * and denominator codes so that the form's helper cells, the validation, the consolidation and
 * the spec all compute them the same way: at any level, a ratio is the sum of its numerator
 * over the sum of its denominator, both taken over the returns that give every operand.
 */
export type DerivedFormat = 'pourcentage' | 'decimal' | 'entier';

/** Sub-counts of people in insertion ("dont femmes"…): each has a share `part_<code>`. */
type PublicSubCode = Extract<Indicator, { readonly subCountOf: 'personnes' }>['code'];

/** Derived indicators spelled out below (the shares are generated from the schema). */
export const NAMED_DERIVED_CODES = [
  'sorties_total',
  'sorties_examinees',
  'sorties_dynamiques',
  'taux_sorties_dynamiques',
  'taux_emploi_durable',
  'taux_emploi_transition',
  'taux_sorties_positives',
  'taux_realisation_etp',
  'etp_par_personne',
  'heures_par_personne',
  'pmsmp_par_personne',
  'part_personnes_formees',
] as const;

/** Every derived code, as a type: a renamed derived indicator fails the type check wherever it is named. */
export type DerivedCode = (typeof NAMED_DERIVED_CODES)[number] | `part_${PublicSubCode}` | `part_heures_${SectorKey}`;

export interface DerivedDef {
  readonly code: DerivedCode;
  readonly label: string;
  readonly definition: string;
  readonly kind: 'somme' | 'ratio';
  /** Indicator codes summed for the numerator (or for the value, for a sum). */
  readonly numerator: readonly IndicatorCode[];
  /** Indicator codes summed for the denominator (ratios only). */
  readonly denominator: readonly IndicatorCode[];
  readonly format: DerivedFormat;
  readonly unit: string;
  readonly objectives: readonly string[];
}

const EXITS_DYNAMIC = ['sorties_emploi_durable', 'sorties_emploi_transition', 'sorties_positives'] as const;
const EXITS_EXAMINED = [...EXITS_DYNAMIC, 'autres_sorties'] as const;
const EXITS_ALL = [...EXITS_EXAMINED, 'sorties_retirees'] as const;

function ratio(
  code: DerivedCode,
  label: string,
  definition: string,
  numerator: readonly IndicatorCode[],
  denominator: readonly IndicatorCode[],
  objectives: readonly string[],
  format: DerivedFormat = 'pourcentage',
  unit = '%',
): DerivedDef {
  return { code, label, definition, kind: 'ratio', numerator, denominator, format, unit, objectives };
}

const PUBLIC_SHARES: DerivedDef[] = INDICATORS.filter(
  (i: IndicatorDef) => i.section === 'personnes' && i.subCountOf === 'personnes',
).map((i: IndicatorDef) =>
  ratio(
    `part_${i.code as PublicSubCode}` as const,
    i.shareLabel ?? `Part : ${i.label}`,
    `« ${i.label} » divisé par « Personnes en insertion ».`,
    [i.code as IndicatorCode],
    ['personnes'],
    i.objectives,
  ),
);

const SECTOR_SHARES: DerivedDef[] = SECTORS.map((s) =>
  ratio(
    `part_heures_${s.key}` as const,
    `Part des heures : ${s.label.charAt(0).toLowerCase()}${s.label.slice(1)}`,
    `Heures du secteur « ${s.label} » rapportées aux heures rémunérées, sur les structures ayant ventilé leurs heures par secteur.`,
    [`heures_${s.key}` as IndicatorCode],
    ['heures_remunerees'],
    ['11', '412'],
  ),
);

export const DERIVED: readonly DerivedDef[] = [
  {
    code: 'sorties_total',
    label: 'Sorties (total)',
    definition: 'Toutes les sorties de la période : emploi durable, de transition, positives, autres et retirées.',
    kind: 'somme',
    numerator: EXITS_ALL,
    denominator: [],
    format: 'entier',
    unit: 'sorties',
    objectives: ['22'],
  },
  {
    code: 'sorties_examinees',
    label: 'Sorties examinées',
    definition: 'Sorties prises en compte dans les taux : toutes les sorties moins les sorties retirées.',
    kind: 'somme',
    numerator: EXITS_EXAMINED,
    denominator: [],
    format: 'entier',
    unit: 'sorties',
    objectives: ['22'],
  },
  {
    code: 'sorties_dynamiques',
    label: 'Sorties dynamiques',
    definition: 'Sorties vers un emploi durable, un emploi de transition et sorties positives.',
    kind: 'somme',
    numerator: EXITS_DYNAMIC,
    denominator: [],
    format: 'entier',
    unit: 'sorties',
    objectives: ['22', '222'],
  },
  ratio(
    'taux_sorties_dynamiques',
    'Taux de sorties dynamiques',
    'Sorties dynamiques (emploi durable, de transition, positives) rapportées aux sorties examinées.',
    EXITS_DYNAMIC,
    EXITS_EXAMINED,
    ['22', '222'],
  ),
  ratio(
    'taux_emploi_durable',
    "Taux de sorties vers l'emploi durable",
    'Sorties vers un emploi durable rapportées aux sorties examinées.',
    ['sorties_emploi_durable'],
    EXITS_EXAMINED,
    ['22', '222'],
  ),
  ratio(
    'taux_emploi_transition',
    "Taux de sorties vers l'emploi de transition",
    'Sorties vers un emploi de transition rapportées aux sorties examinées.',
    ['sorties_emploi_transition'],
    EXITS_EXAMINED,
    ['22', '222'],
  ),
  ratio(
    'taux_sorties_positives',
    'Taux de sorties positives',
    'Sorties positives (formation, autre SIAE) rapportées aux sorties examinées.',
    ['sorties_positives'],
    EXITS_EXAMINED,
    ['222', '223'],
  ),
  ratio(
    'taux_realisation_etp',
    'Taux de réalisation des ETP',
    'ETP réalisés rapportés aux ETP conventionnés.',
    ['etp_realises'],
    ['etp_conventionnes'],
    ['41', '423'],
  ),
  ratio(
    'etp_par_personne',
    'ETP par personne',
    'ETP réalisés rapportés au nombre de personnes en insertion.',
    ['etp_realises'],
    ['personnes'],
    ['221'],
    'decimal',
    'ETP par personne',
  ),
  ratio(
    'heures_par_personne',
    'Heures par personne',
    'Heures rémunérées rapportées au nombre de personnes en insertion.',
    ['heures_remunerees'],
    ['personnes'],
    ['221'],
    'decimal',
    'heures par personne',
  ),
  ...PUBLIC_SHARES,
  ...SECTOR_SHARES,
  ratio(
    'pmsmp_par_personne',
    'Immersions (PMSMP) par personne',
    'Immersions PMSMP rapportées au nombre de personnes en insertion.',
    ['pmsmp'],
    ['personnes'],
    ['221'],
    'decimal',
    'immersions par personne',
  ),
  ratio(
    'part_personnes_formees',
    'Part des personnes formées',
    'Personnes formées rapportées aux personnes en insertion.',
    ['personnes_formees'],
    ['personnes'],
    ['223'],
  ),
];

export type DerivedValue =
  | { status: 'valeur'; value: number }
  | { status: 'sans_objet' } // denominator is 0: no rate to give
  | { status: 'sans_donnee' }; // an operand is missing

/**
 * The value of a derived indicator from the sums of its operands (one return or an aggregate).
 * A rate whose denominator is 0 is "sans objet", never NaN or 0.
 */
export function derivedValue(def: DerivedDef, numerator: number | undefined, denominator: number | undefined): DerivedValue {
  if (numerator === undefined) return { status: 'sans_donnee' };
  if (def.kind === 'somme') return { status: 'valeur', value: numerator };
  if (denominator === undefined) return { status: 'sans_donnee' };
  if (denominator === 0) return { status: 'sans_objet' };
  return { status: 'valeur', value: numerator / denominator };
}

const DERIVED_BY_CODE = new Map<string, DerivedDef>(DERIVED.map((d) => [d.code, d]));
export function derivedByCode(code: string): DerivedDef | undefined {
  return DERIVED_BY_CODE.get(code);
}

export function isDerivedCode(code: string): code is DerivedCode {
  return DERIVED_BY_CODE.has(code);
}
