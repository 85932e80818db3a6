/** The validation engine: checks, report, stats, caps, duplicates. */
export * from './check-return.js';
export * from './field-checks.js';
export * from './issue-sink.js';
export * from './report.js';
export * from './run.js';
