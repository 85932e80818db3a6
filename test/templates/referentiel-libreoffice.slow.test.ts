/**
 * The « Référentiel des SIAE » as a user of LibreOffice sends it back: the filled template opened
 * and saved by LibreOffice (real soffice) is still recognised, and reads to the same SIAE.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readReferentiel } from '../../src/core/campaign/index.js';
import { classifyInput } from '../../src/core/run/index.js';
import { fillReferentiel } from '../../src/core/templates/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';
import { siretOf } from '../core/campaign/campaign-builder.js';
import { convertWithLibreOffice, describeWithLibreOffice } from '../helpers/libreoffice.js';

const dir = mkdtempSync(join(tmpdir(), 'iae-referentiel-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LO_TIMEOUT = 900_000;

describeWithLibreOffice('the référentiel template through LibreOffice', () => {
  it('is recognised and read to the same SIAE once saved by LibreOffice', async () => {
    const rows = [
      { siret: siretOf(1), annexe: 'ACI075250001A0M1', nom: 'Chantier « Le Pré » & Cie', kind: 'ACI', departement: '75', reseau: 'Chantier école', contact: 'Mme Dupont, 01 23 45 67 89' },
      { siret: siretOf(2), nom: '=HYPERLINK("x")', kind: 'EI', departement: '93' },
      { siret: siretOf(3), nom: 'Intermédiaire', kind: 'AI', departement: '95', reseau: 'COORACE' },
    ];
    const src = join(dir, 'referentiel.xlsx');
    writeFileSync(src, await writeWorkbookModel(fillReferentiel(DEFAULT_SETTINGS, 2026, rows)));
    const [saved] = await convertWithLibreOffice(src, 'xlsx', join(dir, 'lo'), { timeoutMs: LO_TIMEOUT });
    const before = readReferentiel(readXlsx(new Uint8Array(readFileSync(src)), 'referentiel.xlsx'), DEFAULT_SETTINGS)!;
    const book = readXlsx(new Uint8Array(readFileSync(saved!)), 'referentiel.xlsx');
    expect(classifyInput(book)).toBe('referentiel');
    const after = readReferentiel(book, DEFAULT_SETTINGS)!;
    expect(after.issues).toEqual([]);
    expect(after.periode).toBe(2026);
    expect(after.entries).toEqual(before.entries);
    expect(after.entries.map((e) => e.nom)).toEqual(['Chantier « Le Pré » & Cie', '=HYPERLINK("x")', 'Intermédiaire']);
  }, LO_TIMEOUT);
});
