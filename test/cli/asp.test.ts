import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateCli } from './consolidate-in-process.js';
import { GAP_FLAGGED, GAP_NO_RETURN, GAP_OK, SHEET_RAPPROCHEMENT } from '../../src/core/consolidated-workbook/index.js';
import type { RunJson } from '../../src/core/run/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { describeWithLibreOffice, recalculatedCsv } from '../helpers/libreoffice.js';
import { aspXlsx, returnsXlsx } from '../core/reconcile/campaign.js';
import { siretFor } from '../core/validate/xlsx-builders.js';

let dir: string;
let returns: string;
let asp: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-asp-'));
  returns = join(dir, 'retours');
  mkdirSync(returns);
  writeFileSync(join(returns, 'reseau.xlsx'), await returnsXlsx());
  // The extract inside the folder of returns: given by --asp, it is never read as a return.
  asp = join(returns, 'asp-2025.xlsx');
  writeFileSync(asp, await aspXlsx('reordonne'));
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iae consolidate --asp', () => {
  it('writes « Rapprochement ASP », the rapprochement_asp section and a summary line', async () => {
    const out = join(dir, 'consolidation.xlsx');
    const r = await consolidateCli(returns, '--asp', asp, '--out', out, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as RunJson;
    expect(json.sources.map((s) => s.fichier)).toEqual(['reseau.xlsx']);
    const x = json.rapprochement_asp!;
    expect(x).toMatchObject({ fichier: 'asp-2025.xlsx', feuille: 'BenefSorties', tolerances: { absolue: 2, relative: 0.05 }, ecarts_signales: 4 });
    expect(x.annees).toEqual({ comparees: [2025], retours_seulement: [], extraction_seulement: [2024] });
    expect(x.siae.map((s) => [s.siret, s.rapproche_par])).toEqual([[siretFor(2), 'annexe'], [siretFor(1), 'siret'], [siretFor(3), 'siret']]);
    expect(x.siae[1]!.indicateurs.find((i) => i.code === 'femmes')).toEqual({ code: 'femmes', colonne_asp: 'femmes', retours: 12, asp: 15, ecart: -3, ecart_relatif: -0.2, signale: true });
    expect(x.retours_seulement.map((e) => [e.siret, e.fichier])).toEqual([[siretFor(4), 'reseau.xlsx']]);
    expect(x.extraction_seulement.map((e) => [e.siret, e.fichier, e.feuille, e.ligne])).toEqual([[siretFor(5), 'asp-2025.xlsx', 'BenefSorties', 7]]);
    // The extract adds nothing to the figures.
    expect(json.region.toutes!.personnes).toBe(238);

    const book = readXlsx(new Uint8Array(readFileSync(out)), 'consolidation.xlsx');
    expect(book.sheets.map((s) => s.name)).toContain(SHEET_RAPPROCHEMENT);

    const text = await consolidateCli(returns, '--asp', asp, '--out', out, '--force');
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      "Rapprochement ASP (« asp-2025.xlsx », année(s) 2025) : 3 SIAE rapprochée(s), 4 écart(s) à vérifier sur 3 SIAE, 1 SIAE dans les retours seulement, 1 dans l'extraction seulement.",
    );
  }, 900_000);

  it('says in French why an extract cannot be used, and exits 2 as for an unreadable plan', async () => {
    const missing = await consolidateCli(returns, '--asp', join(dir, 'absente.xlsx'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Extraction ASP illisible');
    expect(missing.err).toContain('introuvable');
    // Still a run: the figures are given, without the section.
    expect((JSON.parse(missing.out) as RunJson).rapprochement_asp).toBeUndefined();

    const notAsp = await consolidateCli(join(returns, 'reseau.xlsx'), '--asp', join(returns, 'reseau.xlsx'), '--json');
    expect(notAsp.code).toBe(2);
    expect(notAsp.err).toContain("« reseau.xlsx » n'est pas une extraction annuelle de l'ASP");

    const garbage = join(dir, 'casse.xlsx');
    writeFileSync(garbage, 'pas un classeur');
    const broken = await consolidateCli(returns, '--asp', garbage, '--json');
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('casse.xlsx');

    // --out never overwrites the extract.
    const before = readFileSync(asp);
    const clash = await consolidateCli(returns, '--asp', asp, '--out', asp, '--force');
    expect(clash.code).toBe(2);
    expect(readFileSync(asp).equals(before)).toBe(true);

    const usage = await consolidateCli(returns, '--json', '--asp');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("--asp attend le nom du fichier de l'extraction annuelle de l'ASP.");
  }, 900_000);
});

describeWithLibreOffice('« Rapprochement ASP » read back by LibreOffice', () => {
  it('shows the JSON figures, the signals and the one-side lists', async () => {
    const out = join(dir, 'lo.xlsx');
    const r = await consolidateCli(returns, '--asp', asp, '--out', out, '--json');
    const x = (JSON.parse(r.out) as RunJson).rapprochement_asp!;
    const rows = (await recalculatedCsv(out)).get(SHEET_RAPPROCHEMENT)!;
    expect(rows[0]![0]).toBe("Rapprochement avec l'extraction annuelle de l'ASP");

    // Totals: the region's people.
    const th = rows.findIndex((row) => row[0] === 'Année' && row[1] === 'Périmètre');
    const region = rows.slice(th + 1).find((row) => row[1] === 'Région' && row[4] === 'Personnes en insertion')!;
    expect(region.slice(3, 10)).toEqual(['3', 'Personnes en insertion', '203', '201', '2', expect.stringMatching(/^0\.995\d*%$/), GAP_OK]);
    const dep93 = rows.slice(th + 1).find((row) => row[1] === '93' && row[4] === 'Personnes en insertion')!;
    expect(dep93.slice(5, 10)).toEqual(['103', '98', '5', expect.stringMatching(/^5\.10\d*%$/), GAP_FLAGGED]);

    // Per SIAE: every line of the JSON, in its order.
    const sh = rows.findIndex((row) => row[0] === 'Année' && row[1] === 'SIRET');
    const lines = rows.slice(sh + 1).filter((row) => row[1] && /^\d{14}$/.test(row[1]));
    const expected = x.siae.flatMap((s) => s.indicateurs.map((i) => [s.siret, i]));
    expect(lines).toHaveLength(expected.length);
    lines.forEach((row, k) => {
      const [siret, i] = expected[k] as [string, (typeof x.siae)[number]['indicateurs'][number]];
      expect(row[1]).toBe(siret);
      expect(row.slice(8, 11)).toEqual([i.retours === null ? '' : String(i.retours), i.asp === null ? '' : String(i.asp), i.ecart === null ? '' : String(i.ecart)]);
      expect(row[12]).toBe(i.signale ? GAP_FLAGGED : i.retours === null ? GAP_NO_RETURN : GAP_OK);
    });
    expect(lines.filter((row) => row[12] === GAP_FLAGGED)).toHaveLength(4);

    // One side only.
    const oh = rows.findIndex((row) => row[0] === 'Année' && row[1] === 'Présente dans');
    const one = rows.slice(oh + 1).filter((row) => row[0]);
    expect(one.map((row) => [row[1], row[2]])).toEqual([
      ['Retours seulement', siretFor(4)],
      ['Extraction ASP seulement', siretFor(5)],
    ]);
  }, 900_000);
});
