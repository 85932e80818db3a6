/** The action plan: targets on the strategy's objectives, read or default, and their progress. */
export * from './types.js';
export * from './default-plan.js';
export * from './read-plan.js';
export * from './locate-plan.js';
export * from './plan-rows.js';
export * from './progress.js';
export * from './precision.js';
export * from './coverage.js';
export * from './to-json.js';
