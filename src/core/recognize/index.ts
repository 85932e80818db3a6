/** Recognition: which template and version a workbook is, and where its data lies. */
export * from './headers.js';
export * from './locations.js';
export * from './recognize.js';
export * from './refs.js';
export * from './versions.js';
