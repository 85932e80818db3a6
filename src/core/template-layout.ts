/**
 * The contract between the templates we hand out and the readers that take them back: sheet
 * names, defined names and table names. Readers find data by these names, never by position;
 * when a user's own file lacks them, recognition falls back to header labels.
 */

export const TEMPLATE_KINDS = ['siae', 'reseau', 'plan', 'referentiel'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  siae: 'Modèle SIAE',
  reseau: 'Modèle réseau / département',
  plan: "Modèle plan d'actions",
  referentiel: 'Référentiel des SIAE',
};

/** File names of the generated templates, in templates/. */
export const TEMPLATE_FILES: Record<TemplateKind, string> = {
  siae: 'modele-siae.xlsx',
  reseau: 'modele-reseau-departement.xlsx',
  plan: 'modele-plan-actions.xlsx',
  referentiel: 'modele-referentiel-siae.xlsx',
};

/** Very hidden sheet holding the metadata cells that the defined names below point at. */
export const META_SHEET = 'IAE_meta';
/** Defined name → cell holding the template kind ('siae' | 'reseau' | 'plan'). */
export const NAME_TEMPLATE_KIND = 'IAE_MODELE';
/** Defined name → cell holding the schema version the template was generated from. */
export const NAME_SCHEMA_VERSION = 'IAE_VERSION_SCHEMA';

export const INSTRUCTIONS_SHEET = "Mode d'emploi";

/** SIAE form: one sheet, one input cell per indicator, each named IAE_<code>. */
export const SIAE_SHEET = 'Retour SIAE';
export const siaeInputName = (indicatorCode: string): string => `IAE_${indicatorCode}`;

/** Network / département table: one row per SIAE, one column per indicator. */
export const NETWORK_SHEET = 'Retours';
export const NETWORK_TABLE = 'IAE_Retours';
/** Number of input rows the network table offers. */
export const NETWORK_INPUT_ROWS = 1000;
/** Sender block above the table, each cell named. */
export const SENDER_FIELDS = [
  { name: 'IAE_EMETTEUR_TYPE', label: 'Émetteur (réseau ou CDIAE)' },
  { name: 'IAE_EMETTEUR_NOM', label: "Nom de l'émetteur" },
  { name: 'IAE_EMETTEUR_DEPARTEMENT', label: 'Département' },
  { name: 'IAE_EMETTEUR_ANNEE', label: 'Année des données' },
  { name: 'IAE_EMETTEUR_CONTACT', label: 'Contact (nom, courriel)' },
  { name: 'IAE_EMETTEUR_DATE', label: "Date d'envoi" },
] as const;

/** Action plan: the strategy tree and a table of measurable targets. */
export const PLAN_SHEET = 'Objectifs';
export const PLAN_TABLE = 'IAE_Objectifs';
export const STRATEGY_SHEET = 'Stratégie';
/** Columns of the plan table, in order: key used in code, header shown to users. */
export const PLAN_COLUMNS = [
  { key: 'objectif', header: 'Objectif' },
  { key: 'libelle_objectif', header: "Libellé de l'objectif" },
  { key: 'indicateur', header: 'Indicateur (code)' },
  { key: 'libelle_indicateur', header: "Libellé de l'indicateur" },
  { key: 'perimetre', header: 'Périmètre (région ou département)' },
  { key: 'type_siae', header: 'Type de SIAE (facultatif)' },
  { key: 'valeur_reference', header: 'Valeur de référence' },
  { key: 'annee_reference', header: 'Année de référence' },
  { key: 'cible', header: 'Cible' },
  { key: 'annee_cible', header: 'Année cible' },
  { key: 'sens', header: 'Sens (hausse / baisse)' },
  { key: 'exemple', header: 'Exemple à remplacer' },
] as const;
export type PlanColumnKey = (typeof PLAN_COLUMNS)[number]['key'];
/** The value of the "périmètre" column meaning the whole region. */
export const PLAN_SCOPE_REGION = 'Région';

/** Defined name → cell holding the INSEE code of the region the template was generated for. */
export const NAME_REGION_CODE = 'IAE_REGION';
/** Reference sheet listing the indicators (codes, labels, units, allowed values): network and plan templates. */
export const INDICATORS_SHEET = 'Indicateurs';
/** Values of the plan table's "sens" and "exemple" columns. */
export const PLAN_DIRECTIONS = ['hausse', 'baisse'] as const;
export const YES_NO = ['oui', 'non'] as const;

/** Référentiel des SIAE: the SIAE expected to return their figures for a campaign year, one row each. */
export const REFERENTIEL_SHEET = 'SIAE attendues';
export const REFERENTIEL_TABLE = 'IAE_Referentiel';
/** Defined name → cell holding the campaign year. */
export const NAME_REFERENTIEL_YEAR = 'IAE_REFERENTIEL_ANNEE';
export const REFERENTIEL_INPUT_ROWS = 1000;
/**
 * Columns of the référentiel table, in order. The identification columns take their header from
 * the schema's indicator (`indicator`); réseau and contact are the référentiel's own.
 */
export const REFERENTIEL_COLUMNS = [
  { key: 'siret', indicator: 'siret' },
  { key: 'annexe', indicator: 'annexe_financiere' },
  { key: 'nom', indicator: 'raison_sociale' },
  { key: 'kind', indicator: 'type_siae' },
  { key: 'departement', indicator: 'departement' },
  { key: 'reseau', header: 'Réseau' },
  { key: 'contact', header: 'Contact (nom, courriel, téléphone)' },
] as const;
export type ReferentielColumnKey = (typeof REFERENTIEL_COLUMNS)[number]['key'];
