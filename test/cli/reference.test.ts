/**
 * `iae consolidate … --reference previous.xlsx` on real files: a consolidation of 2023 written
 * by the command itself, given as reference to the 2024 run, gives the « Évolution » sheet, an
 * evolution section in --json and a summary line; a reference that is missing, unreadable or
 * not one of ours is refused before any work, naming the file; one of the same year makes the
 * run incomplete (exit 2), the workbook still written without « Évolution ».
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateCli as cli } from './consolidate-in-process.js';
import type { RunJson } from '../../src/core/run/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { networkXlsx } from '../core/validate/xlsx-builders.js';
import { yearRows } from '../core/evolution/two-years.js';

let dir: string;
let early: string;
let late: string;
let previous: string;
/** Outputs apart from the returns, so a folder of returns holds only them and the reference. */
let outDir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-reference-'));
  mkdirSync(join(dir, '2024'));
  outDir = mkdtempSync(join(tmpdir(), 'iae-reference-out-'));
  early = join(dir, 'reseau-2023.xlsx');
  late = join(dir, '2024', 'reseau-2024.xlsx');
  writeFileSync(early, await networkXlsx(yearRows(2023, false)));
  writeFileSync(late, await networkXlsx(yearRows(2024, true)));
  previous = join(dir, 'consolidation-2023.xlsx');
  const first = await cli(early, '--out', previous);
  expect(first.code).toBe(0);
}, 900_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('iae consolidate --reference', () => {
  it('writes « Évolution » and says the change in one summary line', async () => {
    const out = join(outDir, 'consolidation-2024.xlsx');
    const r = await cli(late, '--reference', previous, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Évolution 2023 → 2024 (2023 lu dans « consolidation-2023.xlsx »), région : Nombre de SIAE 2 → 2 (0 ; 0,0 %), Personnes en insertion 50 → 60 (+10 ; +20,0 %),',
    );
    expect(r.out).toContain('rupture(s) de série : géographie des quartiers prioritaires (QPV) redessinée au 1er janvier 2024 (2024).');
    const book = readXlsx(new Uint8Array(readFileSync(out)), 'consolidation-2024.xlsx');
    expect(book.sheets.map((s) => s.name)).toContain('Évolution');
    expect(book.tables.map((t) => t.name)).toContain('IAE_Evolution');
  });

  it('gives an evolution section in --json', async () => {
    const r = await cli(late, '--reference', previous, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as RunJson;
    expect(json.evolution?.annee_precedente).toBe(2023);
    expect(json.evolution?.source_precedente).toEqual({ type: 'reference', fichier: 'consolidation-2023.xlsx' });
    expect(json.evolution?.lignes.find((l) => l.departement === null && l.code === 'part_residents_qpv')).toMatchObject({
      precedente: 0.46,
      actuelle: 0.5,
      evolution: 4,
      unite: 'points',
      ruptures: ['qpv_2024'],
    });
  });

  it('never reads the reference as a return when it sits among the files', async () => {
    const r = await cli(dir, '--reference', previous, '--json');
    const json = JSON.parse(r.out) as RunJson;
    // Both years of returns are read; the reference is not ignored as a consolidated workbook among them.
    expect(json.fichiers_ignores).toEqual([]);
    expect(json.evolution?.annee).toBe(2024);
  });

  it('refuses a missing reference before any work, naming the file', async () => {
    const out = join(outDir, 'jamais.xlsx');
    const r = await cli(late, '--reference', join(dir, 'absente.xlsx'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('absente.xlsx » est introuvable');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a workbook that is not one of ours, naming the file', async () => {
    const out = join(outDir, 'jamais.xlsx');
    const r = await cli(late, '--reference', early, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^reseau-2023\.xlsx : ce n'est pas un classeur consolidé par Indicateurs IAE/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not a workbook, naming the file', async () => {
    const text = join(outDir, 'notes.xlsx');
    writeFileSync(text, 'pas un classeur');
    const r = await cli(late, '--reference', text, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('notes.xlsx');
    expect(r.out).toBe('');
  });

  it('a reference of the same year: the run is incomplete and says why', async () => {
    const out = join(outDir, 'meme-annee.xlsx');
    const r = await cli(early, '--reference', previous, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('consolidation-2023.xlsx : classeur consolidé de 2023, la même année que les retours (2023)');
    const book = readXlsx(new Uint8Array(readFileSync(out)), 'meme-annee.xlsx');
    expect(book.sheets.map((s) => s.name)).not.toContain('Évolution');
  });

  it('documents --reference in French', async () => {
    const r = await cli('--help');
    expect(r.out).toContain("--reference FICHIER  classeur consolidé d'une année antérieure");
  });
});
