/** The consolidated workbook as a neutral WorkbookModel. */
export * from './build.js';
export * from './formats.js';
export * from './figure-sheets.js';
export * from './synthese.js';
export * from './progression.js';
export * from './anomalies-sources.js';
export * from './scopes.js';
export * from './suivi.js';
