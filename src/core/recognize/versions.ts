import { SCHEMA_VERSION } from '../../schema/index.js';

/**
 * What changed in the indicator schema from one version to the next, in French, for the
 * outdated-template message. Add an entry with every SCHEMA_VERSION bump.
 */
export const SCHEMA_CHANGES: readonly { readonly version: string; readonly changes: readonly string[] }[] = [
  { version: '1.0.0', changes: ['Première version du schéma des indicateurs.'] },
];

/** -1, 0 or 1, comparing dotted numeric versions ("1.2.0" < "1.10.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The changes made after `version` up to the current schema, newest last. */
export function changesSince(version: string): string[] {
  return SCHEMA_CHANGES.filter((c) => compareVersions(c.version, version) > 0 && compareVersions(c.version, SCHEMA_VERSION) <= 0).flatMap((c) =>
    c.changes.map((t) => `${c.version} : ${t}`),
  );
}
