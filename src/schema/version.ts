/**
 * Version of the indicator schema. Bump the minor for added optional indicators, the major for
 * anything that changes the meaning or the code of an existing one. Templates and returns
 * carry it so that readers can detect old versions.
 */
export const SCHEMA_VERSION = '1.0.0';
