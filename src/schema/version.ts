/**
 * Version of the indicator schema. Bump the minor for added optional indicators, the major for
 * anything that changes the meaning or the code of an existing one. Templates and returns
 * carry it so that readers can detect old versions.
 */
export const SCHEMA_VERSION = '1.0.0';

/** Date of SCHEMA_VERSION (ISO), shown in the spec: bump it with the version. */
export const SCHEMA_DATE = '2026-11-26';

/** The versioning policy above, in French, for the spec handed to networks. */
export const VERSIONING_POLICY: readonly string[] = [
  'Le numéro de version a trois parties : majeure.mineure.correctif (ex. 1.2.0).',
  'Une version **mineure** ajoute des indicateurs facultatifs, des règles de cohérence de gravité « avertissement » ou des précisions de définition : les retours et modèles existants restent valables.',
  "Une version **majeure** change le sens, le code, l'unité ou le caractère obligatoire d'un indicateur existant : les modèles doivent être redistribués.",
  'Un **correctif** ne touche que la présentation (libellés, aides, messages).',
  "Les modèles et les retours portent la version du schéma qui les a produits : la vérification signale un modèle d'une version antérieure et liste les changements intervenus depuis.",
];
