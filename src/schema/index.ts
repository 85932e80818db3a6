/** The indicator schema: every indicator, derived indicator and rule, defined once. */
export * from './derived.js';
export * from './field-schemas.js';
export * from './format-fr.js';
export * from './indicator-types.js';
export * from './indicators/index.js';
export * from './return-schema.js';
export * from './rules.js';
export * from './rules-eval.js';
export * from './sectors.js';
export * from './settings.js';
export * from './siae-kinds.js';
export * from './siret.js';
export * from './strategy.js';
export * from './territory.js';
export * from './values.js';
export * from './version.js';
export * from './describe.js';
