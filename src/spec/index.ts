export * from './json-schema.js';
export * from './blocks.js';
export * from './examples.js';
export * from './html.js';
export * from './markdown.js';
