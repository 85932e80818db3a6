/** Consolidation of validated returns: aggregates per period, département and SIAE kind. */
export * from './types.js';
export * from './consolidate.js';
export * from './dedup.js';
export * from './provenance.js';
export * from './values.js';
export * from './to-json.js';
export { SUMMED_CODES, DERIVED_CODES, groupMapKey } from './aggregate.js';
export * from './key-figures.js';
