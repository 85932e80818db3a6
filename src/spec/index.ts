export * from './json-schema.js';
export * from './markdown.js';
