import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateCli } from './consolidate-in-process.js';
import type { ConsolidationJson } from '../../src/core/consolidate/index.js';
import { FIGURE_CODES, isFigureCode } from '../../src/core/consolidate/index.js';
import { KEY_CODES, SHEET_DEPARTEMENTS, SHEET_SYNTHESE } from '../../src/core/consolidated-workbook/index.js';
import { describeWithLibreOffice, recalculatedCsv } from '../helpers/libreoffice.js';
import { networkInvalidSample, networkValidSample, NETWORK_SAMPLE_ROWS, planSample, siaeValidSample } from '../fixtures/samples.js';

const cli = consolidateCli;

let dir: string;
let inputs: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-consolidate-'));
  inputs = join(dir, 'retours');
  mkdirSync(inputs);
  copyFileSync(await networkValidSample(), join(inputs, 'reseau-valide.xlsx'));
  copyFileSync(await siaeValidSample(), join(inputs, 'siae-valide.xlsx'));
  copyFileSync((await networkInvalidSample()).path, join(inputs, 'reseau-erreurs.xlsx'));
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iae consolidate', () => {
  it('consolidates a folder of real files, prints the JSON figures, and exits 1 when returns were left out', async () => {
    const { code, out } = await cli(inputs, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as ConsolidationJson;
    expect(json.periodes).toEqual([2025]);
    // The invalid table repeats the valid one's SIRETs: each SIAE counts once.
    const sirets = new Set([...NETWORK_SAMPLE_ROWS.map((r) => r.siret), '44212345000011']);
    expect(json.region.toutes!.nombre_siae).toBe(sirets.size);
    expect(json.doublons.length).toBeGreaterThan(0);
    expect(json.exclus.length).toBeGreaterThan(0);
    expect(json.exclus.every((e) => e.motifs.length > 0)).toBe(true);
    const sum = Object.values(json.departements).reduce((s, d) => s + (d.toutes!.personnes as number), 0);
    expect(sum).toBe(json.region.toutes!.personnes);
    expect(json.objectifs.length).toBeGreaterThan(0);
    expect(json.anomalies.some((a) => a.code === 'duplicate-row' && a.severity === 'avertissement')).toBe(true);
  }, 900_000);

  it('refuses to overwrite an existing --out without --force, and leaves it untouched', async () => {
    const out = join(dir, 'existant.xlsx');
    writeFileSync(out, 'ancien contenu');
    const before = statSync(out).mtimeMs;
    const r = await cli(inputs, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('existe déjà');
    expect(r.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('ancien contenu');
    expect(statSync(out).mtimeMs).toBe(before);
    const forced = await cli(inputs, '--out', out, '--force');
    expect(forced.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(forced.out).toContain('Classeur consolidé écrit');
  }, 900_000);

  it('reads the plan given with --plan and reports bad usage with exit code 2', async () => {
    const r = await cli(join(inputs, 'reseau-valide.xlsx'), '--plan', await planSample(), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ConsolidationJson;
    expect((json.objectifs as { exemple: boolean }[]).every((o) => o.exemple === false)).toBe(true);
    expect((await cli()).code).toBe(2);
    expect((await cli(inputs)).err).toContain('--out');
    expect((await cli(inputs, '--out', join(dir, 'x.csv'))).code).toBe(2);
    const missing = await cli(join(dir, 'absent'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('introuvable');
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  }, 900_000);
});

/** A cell of LibreOffice's CSV (raw values) against a JSON figure. */
function expectSame(csv: string | undefined, json: number | string | null, where: string): void {
  if (json === null) expect(csv ?? '', where).toBe('');
  else if (typeof json === 'string') expect(csv, where).toBe(json);
  else {
    // Raw CSV keeps full precision; a cell formatted as a percentage comes as "70.49…%".
    const n = csv?.endsWith('%') ? Number(csv.slice(0, -1)) / 100 : Number(csv);
    expect(Number.isFinite(n), `${where}: « ${csv} »`).toBe(true);
    expect(Math.abs(n - json), `${where}: ${csv} ≠ ${json}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(json)));
  }
}

describeWithLibreOffice('the consolidated workbook in LibreOffice', () => {
  it('opens, and its values read back equal the --json figures', async () => {
    const out = join(dir, 'consolidation.xlsx');
    const written = await cli(inputs, '--out', out, '--json', '--force');
    const json = JSON.parse(written.out) as ConsolidationJson;
    const sheets = await recalculatedCsv(out);
    expect([...sheets.keys()]).toEqual(expect.arrayContaining([SHEET_SYNTHESE, SHEET_DEPARTEMENTS, 'Progression des objectifs', 'Anomalies', 'Sources']));

    // Summary: every figure code, all kinds and each kind.
    const synth = sheets.get(SHEET_SYNTHESE)!;
    const header = synth.findIndex((r) => r[0] === 'Indicateur' && r.includes('Code indicateur'));
    const cols = synth[header]!.slice(0, synth[header]!.indexOf('')); // the table, not the chart data beside it
    const yearCol = cols.indexOf('Année');
    const codeCol = cols.indexOf('Code indicateur');
    let checked = 0;
    for (const row of synth.slice(header + 1)) {
      const code = row[codeCol];
      if (!code || !isFigureCode(code)) continue;
      expect(Number(row[yearCol])).toBe(2025);
      for (const [c, name] of cols.entries()) {
        if (c === 0 || c === yearCol || c === codeCol) continue;
        const scope = name === 'Toutes SIAE' ? 'toutes' : name;
        expectSame(row[c], json.region[scope]![code]!, `Synthèse ${scope} ${code}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(FIGURE_CODES.length * 2);

    // By département and kind: the key figures.
    const deps = sheets.get(SHEET_DEPARTEMENTS)!;
    const h = deps.findIndex((r) => r[0] === 'Année');
    const depRows = deps.slice(h + 1).filter((r) => r[1]);
    expect(depRows.length).toBe(Object.values(json.departements).reduce((s, d) => s + Object.keys(d).length, 0));
    for (const row of depRows) {
      const scope = row[3] === 'Toutes SIAE' ? 'toutes' : row[3]!;
      KEY_CODES.forEach((code, i) => expectSame(row[4 + i], json.departements[row[1]!]![scope]![code]!, `${row[1]} ${scope} ${code}`));
    }

    // Objectives: status labels as the JSON gives them.
    const prog = sheets.get('Progression des objectifs')!;
    const ph = prog.findIndex((r) => r[0] === 'Objectif');
    const statusCol = prog[ph]!.indexOf('Statut');
    const labels = prog.slice(ph + 1).filter((r) => r[0]).map((r) => r[statusCol]);
    expect(labels).toEqual((json.objectifs as { statut_libelle: string }[]).map((o) => o.statut_libelle));
  }, 900_000);
});
