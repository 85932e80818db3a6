import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateBytes, TEMPLATES_DIR } from '../../scripts/templates.js';
import { TEMPLATE_FILES, TEMPLATE_KINDS } from '../../src/core/template-layout.js';
import { buildTemplate } from '../../src/core/templates/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';

const MAX_BYTES = 200 * 1024;

describe('committed templates', () => {
  it('are up to date with the schema (byte for byte)', async () => {
    const fresh = await templateBytes();
    for (const kind of TEMPLATE_KINDS) {
      const committed = new Uint8Array(readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind])));
      const same = committed.length === fresh[kind].length && committed.every((b, i) => b === fresh[kind][i]);
      expect(same, `templates/${TEMPLATE_FILES[kind]} est périmé : lancez npm run templates`).toBe(true);
    }
  });

  it('are each under 200 KB', () => {
    for (const kind of TEMPLATE_KINDS) {
      const size = readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind])).length;
      expect(size, `templates/${TEMPLATE_FILES[kind]} pèse ${size} octets`).toBeLessThan(MAX_BYTES);
    }
  });

  it('build the same model twice (no clock, no randomness)', () => {
    for (const kind of TEMPLATE_KINDS) {
      expect(JSON.stringify(buildTemplate(kind, DEFAULT_SETTINGS))).toBe(JSON.stringify(buildTemplate(kind, DEFAULT_SETTINGS)));
    }
  });
});
