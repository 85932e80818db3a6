import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFieldChecks } from '../../../src/core/validate/field-checks.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';

/** The fast path that skips zod must never accept what the schema rejects, nor change the value. */
describe('quick acceptance agrees with the zod field schemas', () => {
  const checks = [...makeFieldChecks(DEFAULT_SETTINGS).values()];
  const anyValue = fc.oneof(
    fc.integer({ min: -5, max: 3000 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(Infinity, -Infinity, NaN, -0, 2000, 2100, 2101, 1999.5),
    fc.boolean(),
    fc.string(),
    fc.constantFrom('93', '13', '2A', 'ACI', 'aci', '44212345000011', '93045', 'ACI093250013A0M1', ' x ', '', 'a'.repeat(201)),
    fc.stringMatching(/^[0-9]{14}$/),
  );
  it('accepts(v) ⇒ schema.safeParse(v) succeeds with the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...checks), anyValue, (check, v) => {
        if (!check.accepts(v)) return true;
        const r = check.schema.safeParse(v);
        return r.success && Object.is(r.data, v);
      }),
      { numRuns: 20_000 },
    );
  });
  it('accepts the ordinary valid values (the fast path is really taken)', () => {
    const byCode = new Map(checks.map((c) => [c.code, c]));
    expect(byCode.get('personnes')!.accepts(30)).toBe(true);
    expect(byCode.get('siret')!.accepts('44212345000011')).toBe(true);
    expect(byCode.get('departement')!.accepts('93')).toBe(true);
    expect(byCode.get('raison_sociale')!.accepts('Régie')).toBe(true);
    expect(byCode.get('personnes')!.accepts(-1)).toBe(false);
  });
});
