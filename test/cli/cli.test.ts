import { spawnSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../src/core/validate/report.js';
import { colOf, networkXlsx, siretFor, tempDir, validRow, writeTemp } from '../core/validate/xlsx-builders.js';

const BIN = join(import.meta.dirname, '../../bin/iae.mjs');

function iae(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 900_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
let good: string;
let bad: string;
beforeAll(async () => {
  dir = tempDir('iae-cli-');
  good = writeTemp(dir, 'bon.xlsx', await networkXlsx([validRow({ siret: siretFor(1) })]));
  bad = writeTemp(dir, 'mauvais.xlsx', await networkXlsx([validRow({ siret: siretFor(2), personnes: 'trente' })]));
});

describe('iae validate (the real CLI, spawned)', { timeout: 900_000 }, () => {
  it('exit 0 and a French summary when there is no error', () => {
    const r = iae('validate', good);
    expect(r.code).toBe(0);
    expect(r.out).toContain('bon.xlsx');
    expect(r.out).toContain('aucune erreur');
    expect(r.out).toContain('Total : 1 fichier');
  });

  it('exit 1 with the cell, severity and message grouped by file and sheet; --json gives the report as data', () => {
    const r = iae('validate', bad, good);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Feuille « Export »');
    expect(r.out).toMatch(new RegExp(`${colOf('personnes')}2\\s+ERREUR\\s+type-error\\s+« Personnes en insertion » doit être`));
    const j = iae('validate', '--json', bad);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.out) as ValidationReport;
    expect(report.files[0]!.issues.find((i) => i.code === 'type-error')).toMatchObject({ cell: `${colOf('personnes')}2`, value: 'trente', indicator: 'personnes' });
    expect(report.files[0]!.records[0]!.source.cells?.siret).toBe('A2');
    expect(report.stats).toMatchObject({ files: 1, errors: 1 });
  });

  it('exit 2 for a corrupt file, a CSV renamed .xlsx, an empty file and a missing path; the good file is still checked', () => {
    const corrupt = writeTemp(dir, 'corrompu.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    const csv = writeTemp(dir, 'tableau.xlsx', 'siret;personnes\n1;2\n');
    const empty = writeTemp(dir, 'vide.xlsx', '');
    const r = iae('validate', '--json', corrupt, csv, empty, join(dir, 'absent.xlsx'), good);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out) as ValidationReport;
    expect(report.files).toHaveLength(5);
    for (const f of report.files.filter((x) => !x.file.endsWith('bon.xlsx'))) {
      expect(f.unreadable).toBe(true);
      expect(f.issues[0]).toMatchObject({ code: 'unreadable-file', severity: 'erreur' });
    }
    expect(report.files.find((f) => f.file.endsWith('bon.xlsx'))!.records).toHaveLength(1);
    const text = iae('validate', csv).out;
    expect(text).toContain('tableau.xlsx');
    expect(text).toMatch(/CSV|texte/);
  });

  it('refuses a file over the size limit without reading it', () => {
    const huge = join(dir, 'enorme.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, 51 * 1024 * 1024);
    const r = iae('validate', huge);
    expect(r.code).toBe(2);
    expect(r.out).toContain('trop volumineux');
    expect(r.out).toContain('50 Mo');
  });

  it('walks folders recursively, ignores ~$ lock files, and shows progress on stderr above five files', async () => {
    const folder = join(dir, 'dossier');
    mkdirSync(join(folder, 'sous'), { recursive: true });
    for (let i = 0; i < 6; i++) writeTemp(i % 2 ? join(folder, 'sous') : folder, `dep-${i}.xlsx`, await networkXlsx([validRow({ siret: siretFor(60 + i) })]));
    writeTemp(folder, '~$dep-0.xlsx', 'verrou');
    writeTemp(folder, 'notes.txt', 'rien');
    const r = iae('validate', folder);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Total : 6 fichiers');
    expect(r.err).toContain('[6/6]');
  });

  it('--max-issues caps the listed issues and counts the rest', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => validRow({ siret: siretFor(200 + i), personnes: 'x', femmes: 'y' }));
    const p = writeTemp(dir, 'bruit.xlsx', await networkXlsx(rows));
    const r = iae('validate', '--json', '--max-issues', '3', p);
    const f = (JSON.parse(r.out) as ValidationReport).files[0]!;
    expect(f.issues).toHaveLength(4);
    expect(f.issues[3]!.code).toBe('too-many-issues');
    expect(f.counts.errors).toBe(10);
  });

  it('bad usage exits 2 with help in French', () => {
    expect(iae('validate').code).toBe(2);
    const u = iae('validate', '--frobnicate', good);
    expect(u.code).toBe(2);
    expect(u.err).toContain('Option inconnue');
    expect(iae('validate', '--max-issues', 'beaucoup', good).code).toBe(2);
    expect(iae('inconnue').code).toBe(2);
    const h = iae('validate', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Limites');
  });
});
