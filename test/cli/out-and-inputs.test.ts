/**
 * `iae consolidate` on real files: --out refused before any work (exit 2), stale temporary
 * files removed, display names instead of paths everywhere written, the same file read once,
 * our consolidated workbooks ignored with a notice, and exit 0 for a resolved duplicate alone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateCli } from './consolidate-in-process.js';
import type { RunJson } from '../../src/core/run/index.js';
import { siaeValidSample } from '../fixtures/samples.js';
import { networkXlsx, siretFor, validRow } from '../core/validate/xlsx-builders.js';

const cli = consolidateCli;

let dir: string;
let folder: string;
let a: string;
let b: string;
let siae: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-out-'));
  folder = join(dir, 'retours');
  mkdirSync(join(folder, '93'), { recursive: true });
  a = join(folder, '93', 'a.xlsx');
  b = join(folder, 'b.xlsx');
  // b repeats one SIAE of a (another return): a duplicate the consolidation resolves.
  writeFileSync(a, await networkXlsx([validRow({ siret: siretFor(1) }), validRow({ siret: siretFor(2) })]));
  writeFileSync(b, await networkXlsx([validRow({ siret: siretFor(2), personnes: 13 })]));
  siae = join(dir, 'siae.xlsx');
  copyFileSync(await siaeValidSample(), siae);
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--out is checked before anything is read', () => {
  // A missing input would be reported (« introuvable ») if anything were read.
  const missing = () => join(dir, 'absent.xlsx');

  it.each([
    ['a folder', () => dir, 'est un dossier'],
    ['a missing parent folder', () => join(dir, 'nulle-part', 'c.xlsx'), "n'existe pas"],
    ['a wrong extension', () => join(dir, 'c.xls'), "l'extension .xlsx"],
  ])('refuses %s with exit 2', async (_what, out, words) => {
    const r = await cli(a, missing(), '--out', out());
    expect(r.code).toBe(2);
    expect(r.err).toContain(words);
    expect(r.err).not.toContain('introuvable');
    expect(r.err).not.toMatch(/\bE[A-Z]{3,}\b/); // no raw system code
    expect(r.out).toBe('');
  });

  it('refuses an input as --out, even with --force, and leaves it untouched', async () => {
    const before = readFileSync(b);
    for (const args of [[a, b, '--out', b, '--force'], [folder, '--out', a, '--force']]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('est aussi un des fichiers à consolider');
    }
    expect(readFileSync(b).equals(before)).toBe(true);
  });

  it('removes temporary files left by killed runs, not those of a live process', async () => {
    const out = join(dir, 'propre.xlsx');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = `${out}.${dead}.tmp`;
    const live = `${out}.${process.ppid}.tmp`;
    writeFileSync(stale, 'reste');
    writeFileSync(live, 'en cours');
    const r = await cli(a, '--out', out);
    expect(r.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(out)).toBe(true);
  }, 900_000);
});

describe('inputs', () => {
  it('a resolved duplicate alone exits 0; names are relative to the folder given, never absolute', async () => {
    const out = join(dir, 'noms.xlsx');
    const r = await cli(folder, siae, '--out', out, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as RunJson;
    expect(json.doublons).toHaveLength(1);
    expect(json.verdict).toBe('ok');
    expect(json.sources.map((s) => s.fichier).sort()).toEqual(['93/a.xlsx', 'b.xlsx', 'siae.xlsx']);
    expect(r.out).not.toContain(dir);
    // Every part of the written workbook: no path of this machine.
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(out)))) {
      expect(strFromU8(bytes).includes(dir), name).toBe(false);
      expect(strFromU8(bytes).includes(tmpdir()), name).toBe(false);
    }
  }, 900_000);

  it('the same file given twice (same path, or a copy with the same bytes) is read once, with one notice', async () => {
    const copy = join(dir, 'copie.xlsx');
    copyFileSync(a, copy);
    const r = await cli(a, a, copy, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as RunJson;
    expect(json.doublons).toHaveLength(0);
    expect(json.sources).toHaveLength(1);
    expect(json.fichiers_ignores.map((f) => f.motif)).toEqual(['double', 'double']);
    expect(r.err.match(/lu une seule fois/g)).toHaveLength(2);
  }, 900_000);

  it('a consolidated workbook left among the returns is ignored, said, and never taken as the plan', async () => {
    const first = join(folder, 'consolidation.xlsx');
    expect((await cli(folder, '--out', first)).code).toBe(0);
    const r = await cli(folder, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as RunJson;
    expect(json.fichiers_ignores).toEqual([expect.objectContaining({ fichier: 'consolidation.xlsx', motif: 'consolide' })]);
    expect(r.err).toContain('classeur consolidé ignoré');
    expect(json.plan.origine).toBe('defaut');
    expect(json.anomalies.some((x) => x.code === 'ignored-file' && x.file === 'consolidation.xlsx')).toBe(true);
    rmSync(first);
  }, 900_000);

  it('a path that cannot be opened is said in French, with no system code', async () => {
    const loop = join(dir, 'boucle.xlsx');
    symlinkSync(loop, loop);
    const r = await cli(a, join(dir, 'absent.xlsx'), loop, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('« absent.xlsx » est introuvable');
    expect(r.err).toContain('boucle de liens');
    expect(r.err + r.out).not.toMatch(/\b(ENOENT|ELOOP|EISDIR)\b/);
    expect(r.out).not.toContain(dir);
  }, 900_000);

  it('help says what each exit code means', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 {2}tous les retours lus sont comptés/);
    expect(r.out).toMatch(/1 {2}des retours ont été écartés pour erreurs/);
    expect(r.out).toMatch(/2 {2}un fichier illisible/);
  });

  it('unknown options and missing values get French messages', async () => {
    expect((await cli(a, '--sortie', 'x.xlsx')).err).toContain('Option inconnue : « --sortie »');
    expect((await cli(a, '--out')).err).toContain('--out attend le nom du classeur à écrire.');
    expect((await cli(a, '--plan=', '--json')).err).toContain("--plan attend le nom du classeur du plan d'actions.");
    expect((await cli(a, '--json=oui')).err).toContain('ne prend pas de valeur');
  });
});
