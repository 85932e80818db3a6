/** The yearly campaign: who is expected, who is missing, what the ASP says, year over year, per network. */
export * from './types.js';
