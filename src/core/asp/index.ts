/** The ASP annual extract (« BenefSorties »): a reference read by its headers, never added into the returns. */
export * from './columns.js';
export * from './identifiers.js';
export * from './read-extract.js';
