/** The yearly campaign: who is expected, who is missing, what the ASP says, year over year, per network. */
export * from './types.js';
export * from './read-referentiel.js';
export * from './referentiel-sources.js';
export * from './completeness.js';
export * from './completeness-text.js';
