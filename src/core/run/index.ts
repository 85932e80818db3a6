/** The consolidation run shared by the CLI, the task pane and the ribbon commands. */
export * from './types.js';
export * from './labels.js';
export * from './run.js';
export * from './run-workbook.js';
export * from './plan-choice.js';
export * from './anomalies.js';
export * from './format-figure.js';
export * from './key-rows.js';
export * from './consolidated-book.js';
export * from './verdict.js';
export * from './json.js';
export * from './same-input.js';
export * from './classify-input.js';
export * from './referentiel-input.js';
