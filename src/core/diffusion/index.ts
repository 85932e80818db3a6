/** The public version (« version diffusable »): primary and secondary suppression, and its audit. */
export * from './grid-table.js';
export * from './rules.js';
export * from './audit.js';
export * from './secondary.js';
export { variableRanges, InfeasibleSystemError, type LinearSystem, type VariableRange } from './lp.js';
export * from './public-tables.js';
export * from './public-workbook.js';
export * from './refusal.js';
export * from './linked.js';
export * from './evolution.js';
export * from './lower-bound.js';
export * from './run-public.js';
export * from './settings-input.js';
