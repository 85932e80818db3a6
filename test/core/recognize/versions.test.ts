import { describe, expect, it } from 'vitest';
import { SCHEMA_CHANGES, changesSince, compareVersions } from '../../../src/core/recognize/versions.js';
import { SCHEMA_VERSION } from '../../../src/schema/index.js';

describe('schema versions', () => {
  it('the changelog has an entry for the current schema version (add one with every bump)', () => {
    expect(SCHEMA_CHANGES.at(-1)?.version).toBe(SCHEMA_VERSION);
    for (let i = 1; i < SCHEMA_CHANGES.length; i++) expect(compareVersions(SCHEMA_CHANGES[i - 1]!.version, SCHEMA_CHANGES[i]!.version)).toBe(-1);
  });

  it('compares versions numerically and lists what changed since an old one', () => {
    expect(compareVersions('1.2.0', '1.10.0')).toBe(-1);
    expect(compareVersions('2.0', '2.0.0')).toBe(0);
    expect(changesSince('0.9.0')).toEqual(SCHEMA_CHANGES.flatMap((c) => c.changes.map((t) => `${c.version} : ${t}`)));
    expect(changesSince(SCHEMA_VERSION)).toEqual([]);
  });
});
