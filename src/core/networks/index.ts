/** Per network (« Par réseau ») and the provenance of every figure (issue 14). */
export * from './network-of.js';
export * from './figures.js';
export * from './json.js';
