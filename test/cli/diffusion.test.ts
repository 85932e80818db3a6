import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateCli } from './consolidate-in-process.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { sharedDemoReturns } from '../helpers/demo-returns.js';

const cli = consolidateCli;

let dir: string;
let inputs: string;
let region: ReturnType<typeof generateDemoRegion>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-diffusion-cli-'));
  // The demo's returns, written once for every test file that reads them (read only here).
  inputs = await sharedDemoReturns();
  region = generateDemoRegion();
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iae consolidate --diffusion', () => {
  it('writes a public workbook with small counts masked, no SIRET, name or file, and the audit in the JSON', async () => {
    const pub = join(dir, 'public.xlsx');
    const { code, out } = await cli(inputs, '--out', join(dir, 'consolidation.xlsx'), '--diffusion', pub, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { diffusion: { audit: { table: string; ok: boolean; upper: number | null; lower: number; required: number }[]; cellules_masquees: number; cellules_comptees: number } };
    expect(json.diffusion.cellules_masquees).toBeGreaterThan(0);
    expect(json.diffusion.audit.length).toBeGreaterThanOrEqual(json.diffusion.cellules_masquees);
    for (const a of json.diffusion.audit) {
      expect(a.ok).toBe(true);
      expect((a.upper ?? Infinity) - a.lower).toBeGreaterThanOrEqual(a.required);
    }
    const parts = unzipSync(new Uint8Array(readFileSync(pub)));
    const text = Object.values(parts).map((b) => strFromU8(b)).join('\n');
    for (const s of region.siae.slice(0, 50)) {
      expect(text).not.toContain(String(s.values.siret));
      expect(text).not.toContain(String(s.values.raison_sociale));
    }
    expect(text).not.toContain('.xlsx');
    expect(text).not.toContain(dir);
    const book = readXlsx(new Uint8Array(readFileSync(pub)), 'public.xlsx');
    const cells = book.sheets.flatMap((s) => s.rows.flatMap((r) => r ?? []));
    expect(cells).toContain('s');
    // The demo's network tables name their networks: « Par réseau » is published, and audited.
    expect(book.sheets.map((s) => s.name)).toContain('Par réseau');
    expect(json.diffusion.audit.some((a) => a.table.endsWith('_reseaux'))).toBe(true);
  });

  it('uses the settings given by --reglages: a threshold of 11 hides every count from 1 to 10 in the public workbook', async () => {
    const pub = join(dir, 'public-11.xlsx');
    const reglages = join(dir, 'reglages.json');
    writeFileSync(reglages, JSON.stringify({ diffusion: { countThreshold: 11 } }));
    const { code, out } = await cli(inputs, '--diffusion', pub, '--reglages', reglages, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { diffusion: { audit: { ok: boolean }[] } };
    expect(json.diffusion.audit.every((a) => a.ok)).toBe(true);
    const book = readXlsx(new Uint8Array(readFileSync(pub)), 'public-11.xlsx');
    const readme = book.sheets.find((s) => s.name === 'Lisez-moi')!.rows.flatMap((r) => r ?? []);
    expect(readme.some((v) => String(v).includes('effectifs de 1 à 10 masqués'))).toBe(true);
    const counts = book.sheets
      .filter((s) => s.name === 'Personnes' || s.name === 'Par réseau')
      .flatMap((s) => s.rows.flatMap((r) => (r ?? []).slice(1)))
      .filter((v): v is number => typeof v === 'number');
    expect(counts.length).toBeGreaterThan(0);
    // Counts 5 to 10 are published by default: here none is.
    for (const v of counts) expect(v === 0 || v >= 11, `effectif publié ${v}`).toBe(true);
  });

  it('refuses a settings file with an unknown key or a wrong value, naming the file and the key, before any work', async () => {
    const reglages = join(dir, 'reglages-faux.json');
    writeFileSync(reglages, JSON.stringify({ diffusion: { countThreshold: 0, seuil: 3 } }));
    const pub = join(dir, 'jamais.xlsx');
    const r = await cli(inputs, '--diffusion', pub, '--reglages', reglages);
    expect(r.code).toBe(2);
    expect(r.err).toContain('« reglages-faux.json »');
    expect(r.err).toContain('diffusion.countThreshold');
    expect(r.err).toContain('diffusion.seuil');
    expect(() => readFileSync(pub)).toThrow();
    writeFileSync(reglages, '{ "diffusion": ');
    const broken = await cli(inputs, '--diffusion', pub, '--reglages', reglages);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('JSON illisible');
  });

  it('checks --diffusion before any work, like --out', async () => {
    const existing = join(dir, 'deja.xlsx');
    writeFileSync(existing, 'x');
    const r = await cli(inputs, '--diffusion', existing);
    expect(r.code).toBe(2);
    expect(r.err).toContain('existe déjà');
    const same = await cli(inputs, '--out', join(dir, 'a.xlsx'), '--diffusion', join(dir, 'a.xlsx'));
    expect(same.code).toBe(2);
    expect(same.err).toContain('même fichier');
  });
});
