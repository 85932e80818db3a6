/** Year over year (« Évolution »): the key figures of two years, their changes and the series breaks crossed. */
export * from './types.js';
export * from './compare.js';
export * from './evolution.js';
export * from './read-reference.js';
export * from './year-figures.js';
export * from './to-json.js';
export * from './summary.js';
