import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_DIR, SPEC_FILES, specContents } from '../scripts/spec.js';
import { DERIVED, INDICATORS, RULES, SCHEMA_VERSION } from '../src/schema/index.js';

describe('the spec for networks', () => {
  const generated = specContents();

  it('is committed and up to date (run `npm run spec` after changing the schema)', () => {
    for (const key of Object.keys(SPEC_FILES) as (keyof typeof SPEC_FILES)[]) {
      const committed = readFileSync(join(SPEC_DIR, SPEC_FILES[key]), 'utf8');
      expect(committed, `docs/spec/${SPEC_FILES[key]} est périmé : lancez npm run spec`).toBe(generated[key]);
    }
  });

  it('lists every indicator, derived indicator and rule, with the schema version', () => {
    const md = generated.markdown;
    expect(md).toContain(`Version du schéma : **${SCHEMA_VERSION}**`);
    for (const i of INDICATORS) expect(md).toContain(`| \`${i.code}\` | ${i.label.replace(/\|/g, '\\|')} |`);
    for (const d of DERIVED) expect(md).toContain(`| \`${d.code}\` |`);
    for (const r of RULES) expect(md).toContain(`| \`${r.code}\` | ${r.severity} |`);
    expect(md).toContain('`sorties_emploi_durable` + `sorties_emploi_transition` + `sorties_positives`');
    expect(md).toContain('| ACI | Atelier et chantier d\'insertion | 1820 | 1820 |');
  });

  it('publishes a JSON Schema of a return carrying the version', () => {
    const js = JSON.parse(generated.jsonSchema) as Record<string, unknown>;
    expect(js.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(js.version).toBe(SCHEMA_VERSION);
    expect(js.$id).toBe(`urn:indicateurs-iae:retour-siae:${SCHEMA_VERSION}`);
    const props = js.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(INDICATORS.map((i) => i.code));
    expect(props.departement?.enum).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
    expect(props.femmes).toMatchObject({ type: 'integer', minimum: 0, title: 'dont femmes', 'x-objectifs': ['212'] });
    expect(js.required).toContain('personnes');
    expect(js.required).not.toContain('pmsmp');
    expect(js.additionalProperties).toBe(false);
    expect((js['x-regles'] as unknown[]).length).toBe(RULES.length);
  });
});
