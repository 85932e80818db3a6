/**
 * The campaign through the command: a référentiel given with --referentiel and the same file
 * placed among the returns give the same « Suivi de la collecte »; the summary prints one line
 * per département and the region; an ASP extract among the files is taken as such.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEET_SUIVI } from '../../src/core/consolidated-workbook/index.js';
import type { RunJson } from '../../src/core/run/index.js';
import { fillNetworkTable, fillReferentiel } from '../../src/core/templates/index.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';
import { referentielRows, returnOf, siretOf, type TestSiae } from '../core/campaign/campaign-builder.js';
import { consolidateCli as cli } from './consolidate-in-process.js';

const S = (n: number, kind: TestSiae['kind'], departement: string): TestSiae => ({ siret: siretOf(n), nom: `SIAE ${n}`, kind, departement, reseau: 'Réseau A', contact: `siae${n}@exemple.fr` });
const LIST = [S(1, 'ACI', '75'), S(2, 'ACI', '75'), S(3, 'EI', '75'), S(4, 'ACI', '93'), S(5, 'AI', '93')];

let dir: string;
const write = async (path: string, model: WorkbookModel) => writeFileSync(path, await writeWorkbookModel(model));
const sender = { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: 'Réseau A', IAE_EMETTEUR_ANNEE: 2025 } as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-campagne-'));
  for (const d of ['retours', 'avec-referentiel', 'avec-asp']) mkdirSync(join(dir, d));
  const returns = fillNetworkTable(DEFAULT_SETTINGS, sender, [returnOf(LIST[0]!), returnOf(LIST[2]!, { broken: true }), returnOf(LIST[3]!)]);
  const referentiel = fillReferentiel(DEFAULT_SETTINGS, 2025, referentielRows(LIST));
  for (const d of ['retours', 'avec-referentiel', 'avec-asp']) await write(join(dir, d, 'reseau.xlsx'), returns);
  await write(join(dir, 'referentiel.xlsx'), referentiel);
  await write(join(dir, 'avec-referentiel', 'referentiel.xlsx'), referentiel);
  await write(join(dir, 'avec-asp', 'extraction-asp.xlsx'), aspExtract(LIST));
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An ASP extract with the headers of DOMAIN.md (the identification columns and total people). */
function aspExtract(list: readonly TestSiae[]): WorkbookModel {
  const headers = ['Année', 'Mesure', "0 - Numéro de l'annexe / avenant", '0 - SIRET  ', '0 - Dénomination', 'Libellé Département', 'Région', '2 - Nombre total des salariés en insertion ayant travaillé da'];
  const label: Record<string, string> = { '75': 'Paris', '93': 'Seine-Saint-Denis' };
  const cells = headers.map((h, i) => ({ row: 1, col: i + 1, value: h }));
  list.forEach((s, r) => {
    const values = [2025, s.kind, `${s.kind} 0${s.departement} 25 ${String(r + 1).padStart(4, '0')} A0 M1`, s.siret, s.nom, label[s.departement]!, 'Ile-de-France', 30];
    values.forEach((v, i) => cells.push({ row: r + 2, col: i + 1, value: v as string }));
  });
  return { sheets: [{ name: 'BenefSorties', cells }] };
}

function suiviRows(path: string): unknown[][] {
  const book = readXlsx(new Uint8Array(readFileSync(path)), 'x.xlsx');
  const sheet = book.sheets.find((s) => s.name === SHEET_SUIVI);
  expect(sheet, `feuille « ${SHEET_SUIVI} » absente`).toBeDefined();
  return sheet!.rows.map((r) => [...(r ?? [])]);
}

describe('iae consolidate --referentiel', () => {
  it('gives the same « Suivi de la collecte » with --referentiel and with the référentiel among the files, and prints one line per département', async () => {
    const a = await cli(join(dir, 'retours'), '--referentiel', join(dir, 'referentiel.xlsx'), '--out', join(dir, 'a.xlsx'));
    const b = await cli(join(dir, 'avec-referentiel'), '--out', join(dir, 'b.xlsx'));
    expect(a.code).toBe(1); // one return left out for errors
    expect(b.code).toBe(1);
    expect(b.err).toContain('referentiel.xlsx : lu comme le référentiel des SIAE attendues.');
    expect(a.err).not.toContain('lu comme');
    const rows = suiviRows(join(dir, 'a.xlsx'));
    expect(suiviRows(join(dir, 'b.xlsx'))).toEqual(rows);
    expect(rows.flat()).toContain('manquant');
    for (const out of [a.out, b.out]) {
      expect(out).toContain('Collecte 2025 (référentiel « referentiel.xlsx ») :');
      expect(out).toContain('  75 Paris : 3 attendues, 2 reçues (1 retenue, 1 écartée), 1 manquante ; 33 % retenues');
      expect(out).toContain('  93 Seine-Saint-Denis : 2 attendues, 1 reçue (1 retenue), 1 manquante ; 50 % retenues');
      expect(out).toContain('  Région : 5 attendues, 3 reçues (2 retenues, 1 écartée), 2 manquantes ; 40 % retenues');
    }
    // The référentiel among the files is not a return: 3 returns read, none from it.
    expect(b.out).toContain('2 retour(s) retenu(s), 1 écarté(s) pour erreurs');
  }, 900_000);

  it('writes the completude section of --json', async () => {
    const r = await cli(join(dir, 'retours'), '--referentiel', join(dir, 'referentiel.xlsx'), '--json');
    const json = JSON.parse(r.out) as RunJson;
    expect(json.completude!.region).toEqual({ attendues: 5, recues: 3, retenues: 2, ecartees: 1, doublons: 0, manquantes: 2, retours_en_double: 0 });
    expect(json.completude!.siae.filter((s) => s.etat === 'manquant').map((s) => s.siret)).toEqual([LIST[1]!.siret, LIST[4]!.siret]);
    expect(json.completude!.departements_types.find((d) => d.departement === '75' && d.type_siae === 'ACI')).toMatchObject({ attendues: 2, retenues: 1, manquantes: 1 });
  }, 900_000);

  it('takes an ASP extract among the files as such, and as the référentiel when none is given', async () => {
    const r = await cli(join(dir, 'avec-asp'), '--json');
    expect(r.err).toContain("extraction-asp.xlsx : lu comme l'extraction annuelle de l'ASP");
    const json = JSON.parse(r.out) as RunJson;
    expect(json.completude!.referentiel).toEqual({ fichier: 'extraction-asp.xlsx', origine: 'asp', siae: 5 });
    expect(json.completude!.region).toMatchObject({ attendues: 5, retenues: 2, ecartees: 1, manquantes: 2 });
    // Not read as a return: no anomaly names it.
    expect(json.anomalies.some((a) => a.file === 'extraction-asp.xlsx')).toBe(false);
  }, 900_000);

  it('says in French when the --referentiel file cannot be read', async () => {
    writeFileSync(join(dir, 'pas-un-classeur.xlsx'), 'texte');
    const r = await cli(join(dir, 'retours'), '--referentiel', join(dir, 'pas-un-classeur.xlsx'), '--json');
    const json = JSON.parse(r.out) as RunJson;
    expect(json.anomalies.some((a) => a.file === 'pas-un-classeur.xlsx' && /pas-un-classeur\.xlsx/.test(a.message))).toBe(true);
    // No list of expected SIAE: no « 0 attendue », no return « absente du référentiel »; the run is incomplete (exit 2).
    expect(json.completude).toBeUndefined();
    expect(json.verdict).toBe('incomplet');
    expect(r.code).toBe(2);
    const summary = await cli(join(dir, 'retours'), '--referentiel', join(dir, 'pas-un-classeur.xlsx'), '--out', join(dir, 'sans-referentiel.xlsx'));
    expect(summary.code).toBe(2);
    expect(summary.out + summary.err).toContain('Référentiel « pas-un-classeur.xlsx » inutilisable');
    expect(summary.out + summary.err).not.toContain('Collecte 2025');
  }, 900_000);

  it('says so, and exits 2, when the référentiel holds no SIAE', async () => {
    await write(join(dir, 'referentiel-vide.xlsx'), fillReferentiel(DEFAULT_SETTINGS, 2025, []));
    const r = await cli(join(dir, 'retours'), '--referentiel', join(dir, 'referentiel-vide.xlsx'), '--json');
    const json = JSON.parse(r.out) as RunJson;
    expect(r.code).toBe(2);
    expect(json.completude).toBeUndefined();
    expect(json.anomalies.some((a) => a.file === 'referentiel-vide.xlsx' && /aucune SIAE/.test(a.message))).toBe(true);
  }, 900_000);
});
