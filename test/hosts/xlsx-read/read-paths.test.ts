import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxReadError } from '../../../src/hosts/xlsx/read';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-file';
import { validateFiles } from '../../../src/hosts/xlsx/validate-files';

const VALID = join(import.meta.dirname, '..', '..', 'fixtures', 'samples', 'siae-valide.xlsx');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-paths-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<XlsxReadError> {
  const err = await readXlsxFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof XlsxReadError)) throw new Error(`XlsxReadError attendue, obtenu ${String(err)}`);
  return err;
}

/** No raw system code (ENOENT, ELOOP…) in a message meant for users. */
const RAW_CODE = /\bE[A-Z]{3,}\b/;

describe('files with no size and odd paths', () => {
  it('refuses a FIFO named .xlsx at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 't.xlsx');
    execFileSync('mkfifo', [fifo]);
    const err = await refusal(fifo);
    expect(err.message).toBe("t.xlsx : ce fichier ne peut pas être ouvert (c'est un tube nommé (FIFO), pas un fichier ordinaire).");
  });

  it('refuses a link to /dev/zero without reading it', async () => {
    const link = join(dir, 'zero.xlsx');
    symlinkSync('/dev/zero', link);
    const err = await refusal(link);
    expect(err.message).toContain('zero.xlsx : ce fichier ne peut pas être ouvert (c\'est un périphérique');
  });

  it('refuses a folder named .xlsx and a symlink loop in French', async () => {
    mkdirSync(join(dir, 'x.xlsx'));
    expect((await refusal(join(dir, 'x.xlsx'))).message).toContain("c'est un dossier, pas un fichier");
    symlinkSync(join(dir, 'boucle-b.xlsx'), join(dir, 'boucle-a.xlsx'));
    symlinkSync(join(dir, 'boucle-a.xlsx'), join(dir, 'boucle-b.xlsx'));
    const loop = await refusal(join(dir, 'boucle-a.xlsx'));
    expect(loop.message).toContain('les liens symboliques de ce chemin forment une boucle');
    expect(loop.message).not.toMatch(RAW_CODE);
  });

  it('a folder scan follows links, reads Latin-1 names and lists every other file with its reason', async () => {
    const scan = join(dir, 'scan');
    const sub = join(scan, 'sous-dossier');
    mkdirSync(sub, { recursive: true });
    copyFileSync(VALID, join(scan, 'a-retour.xlsx'));
    symlinkSync(join(scan, 'a-retour.xlsx'), join(sub, 'lien.xlsx'));
    symlinkSync(scan, join(sub, 'retour-au-parent'));
    // "é" in Latin-1: a name that is not UTF-8.
    const latin1 = Buffer.concat([Buffer.from(join(scan, 'r')), Buffer.from([0xe9]), Buffer.from('sum.xlsx')]);
    copyFileSync(VALID, latin1);
    writeFileSync(join(scan, 'notes.csv'), 'a;b\n');
    writeFileSync(join(scan, 'rapport.pdf'), '%PDF-1.4\n');
    writeFileSync(join(scan, '~$a-retour.xlsx'), 'verrou');
    writeFileSync(join(scan, '.~lock.a-retour.xlsx#'), 'verrou');
    symlinkSync(join(scan, 'absent.pdf'), join(scan, 'casse.pdf'));

    const report = await validateFiles([scan]);
    const read = report.files.map((f) => f.file);
    expect(read).toEqual([join(scan, 'a-retour.xlsx'), join(scan, 'r\u00e9sum.xlsx'), join(sub, 'lien.xlsx')]);
    // The same return three times: read each time (then reported as a duplicate).
    for (const f of report.files) {
      expect(f.unreadable, f.file).toBe(false);
      expect(f.records, f.file).toHaveLength(1);
    }
    const ignored = Object.fromEntries(report.ignored.map((i) => [i.path.slice(scan.length + 1), i.reason]));
    expect(Object.keys(ignored).sort()).toEqual(
      ['.~lock.a-retour.xlsx#', 'casse.pdf', 'notes.csv', 'rapport.pdf', 'sous-dossier/retour-au-parent', '~$a-retour.xlsx'].sort(),
    );
    expect(ignored['notes.csv']).toContain('fichier texte (.csv)');
    expect(ignored['rapport.pdf']).toBe('document PDF, pas un classeur');
    expect(ignored['~$a-retour.xlsx']).toContain('fichier de verrouillage');
    expect(ignored['casse.pdf']).toContain('lien symbolique inutilisable (fichier ou dossier introuvable');
    expect(ignored['sous-dossier/retour-au-parent']).toContain('dossier déjà parcouru');
    for (const r of Object.values(ignored)) expect(r).not.toMatch(RAW_CODE);
    // The JSON of `iae validate` carries the list.
    expect(JSON.parse(JSON.stringify(report)).ignored).toHaveLength(6);
  });
});
