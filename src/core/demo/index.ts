/** Demo data: a seeded region of returns following the 2013 diagnostic. */
export * from './allocate.js';
export * from './diagnostic-2013.js';
export * from './generate.js';
export * from './prng.js';
export * from './sector-mix.js';
export * from './compare.js';
export * from './previous-year.js';
export * from './asp-extract.js';
export * from './referentiel.js';
