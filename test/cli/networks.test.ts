/**
 * `iae consolidate --json --provenance` and the « Par réseau » and « Données » sheets as
 * LibreOffice reads them, on real files (our templates filled and written): every figure's
 * returns point at cells that hold the values the figure sums.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseA1 } from '../../src/core/a1.js';
import { KEY_CODES, SHEET_DONNEES, SHEET_PAR_RESEAU } from '../../src/core/consolidated-workbook/index.js';
import { cellValue, sheetByName } from '../../src/core/grid.js';
import type { RunJson } from '../../src/core/run/index.js';
import { fillNetworkTable, fillSiaeForm, type TypedReturn } from '../../src/core/templates/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, INDICATORS, type IndicatorDef } from '../../src/schema/index.js';
import { validReturn } from '../fixtures/returns.js';
import { siretOf } from '../core/consolidate/arbitraries.js';
import { describeWithLibreOffice, recalculatedCsv } from '../helpers/libreoffice.js';
import { consolidateCli as cli } from './consolidate-in-process.js';

const S = [1, 2, 3, 4].map((n) => siretOf(n));
const siae = (n: number, over: Record<string, string | number>): TypedReturn => ({ ...validReturn(), siret: S[n - 1]!, raison_sociale: `SIAE ${n}`, ...over });

let dir: string;
let inputs: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-networks-'));
  inputs = join(dir, 'retours');
  mkdirSync(inputs);
  const table = fillNetworkTable(DEFAULT_SETTINGS, { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: 'Chantier école', IAE_EMETTEUR_ANNEE: 2025 }, [
    siae(1, {}),
    siae(2, { personnes: 40, departement: '75', commune_insee: '75056' }),
    siae(3, { personnes: 25, type_siae: 'EI' }),
  ]);
  writeFileSync(join(inputs, 'chantier.xlsx'), await writeWorkbookModel(table));
  writeFileSync(join(inputs, 'siae-4.xlsx'), await writeWorkbookModel(fillSiaeForm(DEFAULT_SETTINGS, siae(4, { personnes: 50, femmes: 20 }), { cacheHelpers: true })));
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iae consolidate --provenance', () => {
  it('is refused without --json, with the reason', async () => {
    const r = await cli(inputs, '--provenance', '--out', join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--provenance complète la sortie --json');
  }, 900_000);

  it('gives, per figure, the returns that fed it; each cell named holds the value summed', async () => {
    const { code, out } = await cli(inputs, '--json', '--provenance');
    expect(code).toBe(0);
    const json = JSON.parse(out) as RunJson;
    const prov = json.provenance!;
    expect(prov.retours).toHaveLength(4);
    expect(prov.retours.map((r) => r.fichier).sort()).toEqual(['chantier.xlsx', 'chantier.xlsx', 'chantier.xlsx', 'siae-4.xlsx']);
    expect(prov.retours.filter((r) => r.fichier === 'chantier.xlsx').every((r) => typeof r.ligne === 'number' && r.reseau === 'Chantier école')).toBe(true);
    const form = prov.retours.find((r) => r.fichier === 'siae-4.xlsx')!;
    expect(form.ligne).toBeUndefined();
    expect(form.reseau).toBe('Réseau non renseigné');

    // Read each named cell in the input files themselves.
    const books = new Map(['chantier.xlsx', 'siae-4.xlsx'].map((f) => [f, readXlsx(new Uint8Array(readFileSync(join(inputs, f))), f)]));
    const valueAt = (i: number, code: string) => {
      const r = prov.retours[i]!;
      const ref = parseA1(r.cellules[code]!);
      return cellValue(sheetByName(books.get(r.fichier)!, r.feuille)!, ref.row, ref.col);
    };
    // Every scope's people are the sum of the cells its returns name.
    const figure = (s: (typeof prov.chiffres)[number]) =>
      s.perimetre === 'reseau'
        ? json.reseaux[String(s.periode)]!.reseaux[s.reseau!]!
        : s.perimetre === 'region'
          ? json.par_periode[String(s.periode)]!.region[s.type]!
          : json.par_periode[String(s.periode)]!.departements[s.departement!]![s.type]!;
    expect(prov.chiffres.map((s) => `${s.perimetre}:${s.departement ?? s.reseau ?? ''}:${s.type}`)).toEqual([
      'region::toutes',
      'region::EI',
      'region::ACI',
      'departement:75:toutes',
      'departement:75:ACI',
      'departement:93:toutes',
      'departement:93:EI',
      'departement:93:ACI',
      'reseau:Chantier école:toutes',
      'reseau:Réseau non renseigné:toutes',
    ]);
    for (const s of prov.chiffres) {
      const f = figure(s);
      expect(s.retours.length, JSON.stringify(s)).toBe(f.nombre_siae);
      const people = s.retours.reduce((n, i) => n + (valueAt(i, 'personnes') as number), 0);
      expect(people, JSON.stringify(s)).toBe(f.personnes);
      for (const i of s.retours) expect(valueAt(i, 'siret')).toBe(prov.retours[i]!.siret);
    }
    expect(json.reseaux['2025']!.reseaux['Chantier école']!.personnes).toBe(95);
  }, 900_000);

  it('leaves provenance out of --json unless asked', async () => {
    const { out } = await cli(inputs, '--json');
    const json = JSON.parse(out) as RunJson;
    expect(json.provenance).toBeUndefined();
    expect(Object.keys(json.reseaux['2025']!.reseaux)).toEqual(['Chantier école', 'Réseau non renseigné']);
  }, 900_000);
});

/** A cell of LibreOffice's CSV (raw values) against a JSON figure. */
function expectSame(csv: string | undefined, json: number | string | null | undefined, where: string): void {
  if (json === null || json === undefined) expect(csv ?? '', where).toBe('');
  else if (typeof json === 'string') expect(csv, where).toBe(json);
  else {
    const n = csv?.endsWith('%') ? Number(csv.slice(0, -1)) / 100 : Number(csv);
    expect(Number.isFinite(n), `${where}: « ${csv} »`).toBe(true);
    expect(Math.abs(n - json), `${where}: ${csv} ≠ ${json}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(json)));
  }
}

describeWithLibreOffice('« Par réseau » and « Données » in LibreOffice', () => {
  it('read back with the --json figures and every retained return', async () => {
    const out = join(dir, 'consolidation.xlsx');
    const written = await cli(inputs, '--out', out, '--json', '--force');
    expect(written.code).toBe(0);
    const json = JSON.parse(written.out) as RunJson;
    const sheets = await recalculatedCsv(out);

    const net = sheets.get(SHEET_PAR_RESEAU)!;
    expect(net, [...sheets.keys()].join(', ')).toBeDefined();
    const h = net.findIndex((r) => r[0] === 'Année');
    const rows = net.slice(h + 1).filter((r) => r[0]);
    expect(rows.map((r) => r[1])).toEqual(['Région (toutes les SIAE)', 'Chantier école', 'Réseau non renseigné']);
    const period = json.reseaux['2025']!;
    for (const row of rows) {
      const figures = row[1] === 'Région (toutes les SIAE)' ? period.region : period.reseaux[row[1]!]!;
      KEY_CODES.forEach((code, i) => expectSame(row[4 + i], figures[code], `${row[1]} ${code}`));
    }
    expectSame(rows[1]![3], 95 / 145, 'part des personnes');

    const data = sheets.get(SHEET_DONNEES)!;
    const dh = data.findIndex((r) => r[0] === 'Fichier');
    const header = data[dh]!;
    expect(header.slice(4, 4 + INDICATORS.length)).toEqual((INDICATORS as readonly IndicatorDef[]).map((d) => d.label));
    const dataRows = data.slice(dh + 1).filter((r) => r[0]);
    expect(dataRows).toHaveLength(4);
    const siret = header.indexOf('SIRET');
    const people = header.indexOf('Personnes en insertion');
    const dep = header.indexOf('Département');
    // SIRET and département stay text (leading digits kept), people are numbers summing to the region's.
    expect(dataRows.map((r) => r[siret]).sort()).toEqual([...S].sort());
    expect(new Set(dataRows.map((r) => r[dep]))).toEqual(new Set(['93', '75']));
    expect(dataRows.reduce((n, r) => n + Number(r[people]), 0)).toBe(period.region.personnes);
  }, 900_000);
});
