/** The spec printed to PDF for real (Chromium, else LibreOffice), as `npm run spec -- --pdf` does. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC_DIR, SPEC_FILES, printToPdf } from '../scripts/spec.js';
import { DEFAULT_PUBLICATION, SCHEMA_VERSION } from '../src/schema/index.js';

const dir = mkdtempSync(join(tmpdir(), 'iae-spec-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the spec as a PDF', { timeout: 900_000 }, () => {
  it('prints on A4 pages with its sections, identification and worked examples', () => {
    const pdf = join(dir, 'specification.pdf');
    printToPdf(join(SPEC_DIR, SPEC_FILES.html), pdf);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/); // A4
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(5);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of ['Sommaire', 'Collecte', 'Définitions de référence', 'Exemple 1 : un retour rempli', 'Taux du département', 'Protection des données', 'Glossaire', 'Historique des changements'])
      expect(text).toContain(s);
    expect(text).toContain(`Version du schéma : ${SCHEMA_VERSION}`);
    expect(text).toContain(DEFAULT_PUBLICATION.status);
  });
});
