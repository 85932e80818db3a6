/** « Rapprochement ASP »: the kept returns against the ASP annual extract, a reference never added into them. */
export * from './mapping.js';
export * from './reconcile.js';
export * from './types.js';
export * from './to-json.js';
export * from './summary.js';
