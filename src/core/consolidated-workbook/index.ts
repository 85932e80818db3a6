/** The consolidated workbook as a neutral WorkbookModel. */
export * from './build.js';
export * from './formats.js';
export * from './figure-sheets.js';
export * from './synthese.js';
export * from './progression.js';
export * from './anomalies-sources.js';
export * from './evolution.js';
export * from './scopes.js';
export * from './rapprochement.js';
export * from './par-reseau.js';
export * from './donnees.js';
export * from './suivi.js';
