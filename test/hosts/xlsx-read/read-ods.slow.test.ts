/**
 * .ods, LibreOffice's own format, is read everywhere an .xlsx is: each template and each filled
 * sample, saved as .ods by LibreOffice itself, validates exactly like the .xlsx (same template,
 * same records, same issues, the file name aside).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { validateFiles } from '../../../src/hosts/xlsx/validate-files';
import { validateXlsxBytes } from '../../../src/hosts/xlsx/validate-bytes';
import { convertManyWithLibreOffice, describeWithLibreOffice } from '../../helpers/libreoffice';

const root = join(import.meta.dirname, '..', '..', '..');
const SOURCES = [
  'templates/modele-siae.xlsx',
  'templates/modele-reseau-departement.xlsx',
  'templates/modele-plan-actions.xlsx',
  'test/fixtures/samples/siae-valide.xlsx',
  'test/fixtures/samples/siae-erreurs.xlsx',
  'test/fixtures/samples/reseau-valide.xlsx',
  'test/fixtures/samples/reseau-erreurs.xlsx',
  'test/fixtures/samples/plan-rempli.xlsx',
];

describeWithLibreOffice('.ods saved by LibreOffice validates like the .xlsx', () => {
  let dir: string;
  const ods = new Map<string, string>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ods-'));
    // One LibreOffice start for all of them.
    const converted = await convertManyWithLibreOffice(SOURCES.map((s) => join(root, s)), 'ods', dir);
    for (const s of SOURCES) ods.set(s, converted.get(join(root, s))![0]!);
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(SOURCES)('%s', (source) => {
    const xlsx = validateXlsxBytes([{ name: 'retour', bytes: readFileSync(join(root, source)) }]);
    const odsReport = validateXlsxBytes([{ name: 'retour', bytes: readFileSync(ods.get(source)!) }]);
    const x = xlsx.files[0]!;
    const o = odsReport.files[0]!;
    expect(o.unreadable).toBe(false);
    expect(o.template).toEqual(x.template);
    expect(o.records).toEqual(x.records);
    expect(o.issues).toEqual(x.issues);
    expect(o.counts).toEqual(x.counts);
    // The grid itself: same sheets in the same order and visibility (OpenDocument has no
    // « very hidden »: LibreOffice saves such a sheet as hidden).
    const xb = readXlsx(readFileSync(join(root, source)), 'x');
    const ob = readXlsx(readFileSync(ods.get(source)!), 'o');
    const shown = (v: string) => (v === 'veryHidden' ? 'hidden' : v);
    expect(ob.sheets.map((s) => [s.name, s.visibility])).toEqual(xb.sheets.map((s) => [s.name, shown(s.visibility)]));
  });

  it('a folder scan reads the .ods files (sniffed by content, not by name)', async () => {
    const report = await validateFiles([dir]);
    expect(report.files.map((f) => basename(f.file)).sort()).toEqual([...ods.values()].map((p) => basename(p)).sort());
    expect(report.files.every((f) => !f.unreadable)).toBe(true);
    // An .ods renamed .xlsx is still read as what it is.
    const renamed = validateXlsxBytes([{ name: 'retour.xlsx', bytes: readFileSync(ods.get('test/fixtures/samples/siae-valide.xlsx')!) }]);
    expect(renamed.files[0]!.records).toHaveLength(1);
    expect(renamed.stats.errors).toBe(0);
  });
});
