/** Tolerant, exact parsing of what people type in cells. */
export * from './cell-parsers.js';
export * from './date.js';
export * from './kinds.js';
export * from './number.js';
export * from './problem.js';
export * from './text.js';
export * from './unknown.js';
