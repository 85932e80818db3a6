/**
 * A small campaign, built here (not by the demo generator): a référentiel of 12 SIAE written as
 * a real xlsx through the template, returns for part of them in real xlsx files (some with
 * errors, one sent twice, one matched by its annexe financière, two from SIAE outside the
 * référentiel). The completeness counts are known in advance, per département × kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readReferentiel, type Completeness, type CompletenessCell } from '../../../src/core/campaign/index.js';
import { buildRunWorkbook, runConsolidation, type ConsolidationRun } from '../../../src/core/run/index.js';
import { validateWorkbooks } from '../../../src/core/validate/run.js';
import { SHEET_SUIVI, TABLE_SUIVI_SIAE, TABLE_SUIVI_SYNTHESE } from '../../../src/core/consolidated-workbook/index.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { formBook, networkBook, referentielBook, returnOf, siretOf, type TestSiae } from './campaign-builder.js';

const S = (n: number, nom: string, kind: TestSiae['kind'], departement: string, extra: Partial<TestSiae> = {}): TestSiae => ({ siret: siretOf(n), nom, kind, departement, ...extra });
const A = [1, 2, 3, 4].map((i) => S(i, `ACI Paris ${i}`, 'ACI', '75', { reseau: 'Chantier école', contact: `aci${i}@exemple.fr` }));
const B = [5, 6].map((i) => S(i, `EI Paris ${i}`, 'EI', '75', { reseau: 'Fédération des entreprises d’insertion' }));
const C = [7, 8, 9].map((i) => S(i, `ACI Bobigny ${i}`, 'ACI', '93'));
const D = [10, 11, 12].map((i) => S(i, `AI Montreuil ${i}`, 'AI', '93', { annexe: `AI0932500${i}A0M1` }));
const X1 = S(101, 'Hors liste 1', 'ACI', '75');
const X2 = S(102, 'Hors liste 2', 'EI', '93');

let run: ConsolidationRun;
let c: Completeness;
beforeAll(async () => {
  const books = [
    await networkBook([returnOf(A[0]!), returnOf(A[1]!), returnOf(A[2]!, { broken: true }), returnOf(B[0]!), returnOf(X1)], 'reseau-75.xlsx'),
    // D[1] sends under another SIRET, with its annexe: matched by the annexe's short form.
    await networkBook([returnOf(C[0]!), returnOf(C[1]!, { broken: true }), returnOf(D[0]!), returnOf({ ...D[1]!, siret: siretOf(555) }), returnOf(X2, { broken: true })], 'reseau-93.xlsx'),
    await formBook(returnOf(A[0]!), 'formulaire-aci-paris-1.xlsx'), // A[0] twice
    await formBook(returnOf(B[1]!, { broken: true }), 'formulaire-ei-paris-6.xlsx'),
  ];
  const report = validateWorkbooks(books, DEFAULT_SETTINGS);
  const referentiel = readReferentiel(await referentielBook([...A, ...B, ...C, ...D]), DEFAULT_SETTINGS)!;
  expect(referentiel.issues).toEqual([]);
  run = runConsolidation({ report, referentiel });
  c = run.completeness!;
}, 120_000);

const counts = (x: CompletenessCell) => ({ attendues: x.attendues, recues: x.recues, retenues: x.retenues, ecartees: x.ecartees, doublons: x.doublons, manquantes: x.manquantes, retoursEnDouble: x.retoursEnDouble });
const cell = (dep: string, kind: string) => c.byDepartementKind.find((x) => x.departement === dep && x.kind === kind)!;

describe('completeness of a campaign', () => {
  it('reads the référentiel back from its xlsx: 12 SIAE of the year 2025', () => {
    expect(c.referentiel).toEqual({ file: 'referentiel.xlsx', origin: 'modele', entries: 12 });
    expect(c.periode).toBe(2025);
  });

  it('counts per département × kind', () => {
    expect(c.byDepartementKind.map((x) => `${x.departement}|${x.kind}`)).toEqual(['75|EI', '75|ACI', '93|ACI', '93|AI']);
    expect(counts(cell('75', 'ACI'))).toEqual({ attendues: 4, recues: 3, retenues: 2, ecartees: 1, doublons: 0, manquantes: 1, retoursEnDouble: 1 });
    expect(counts(cell('75', 'EI'))).toEqual({ attendues: 2, recues: 2, retenues: 1, ecartees: 1, doublons: 0, manquantes: 0, retoursEnDouble: 0 });
    expect(counts(cell('93', 'ACI'))).toEqual({ attendues: 3, recues: 2, retenues: 1, ecartees: 1, doublons: 0, manquantes: 1, retoursEnDouble: 0 });
    expect(counts(cell('93', 'AI'))).toEqual({ attendues: 3, recues: 2, retenues: 2, ecartees: 0, doublons: 0, manquantes: 1, retoursEnDouble: 0 });
  });

  it('counts per département and for the region', () => {
    const dep = (d: string) => counts(c.byDepartement.find((x) => x.departement === d)!);
    expect(dep('75')).toEqual({ attendues: 6, recues: 5, retenues: 3, ecartees: 2, doublons: 0, manquantes: 1, retoursEnDouble: 1 });
    expect(dep('93')).toEqual({ attendues: 6, recues: 4, retenues: 3, ecartees: 1, doublons: 0, manquantes: 2, retoursEnDouble: 0 });
    expect(dep('77').attendues).toBe(0);
    expect(counts(c.region)).toEqual({ attendues: 12, recues: 9, retenues: 6, ecartees: 3, doublons: 0, manquantes: 3, retoursEnDouble: 1 });
  });

  it('gives each SIAE its state, with the reason of an exclusion', () => {
    const state = (s: TestSiae) => c.siae.find((x) => x.entry.siret === s.siret)!;
    expect([...A, ...B, ...C, ...D].map((s) => state(s).state)).toEqual(['retenu', 'retenu', 'ecarte', 'manquant', 'retenu', 'ecarte', 'retenu', 'ecarte', 'manquant', 'retenu', 'retenu', 'manquant']);
    expect(state(A[2]!).motif).toMatch(/femmes/i);
    expect(state(A[3]!).returns).toEqual([]);
    expect(state(D[1]!).returns[0]!.file).toBe('reseau-93.xlsx');
    expect(state(A[0]!).returns).toHaveLength(2);
    expect(state(A[0]!).entry.contact).toBe('aci1@exemple.fr');
  });

  it('lists apart the returns of SIAE absent from the référentiel', () => {
    expect(c.outside.map((o) => [o.siret, o.state, o.source.file])).toEqual([
      [X1.siret, 'retenu', 'reseau-75.xlsx'],
      [X2.siret, 'ecarte', 'reseau-93.xlsx'],
    ]);
  });

  it('writes the « Suivi de la collecte » sheet: summary, then every SIAE, the missing first', () => {
    const sheet = buildRunWorkbook(run).sheets.find((s) => s.name === SHEET_SUIVI)!;
    expect(sheet).toBeDefined();
    expect(sheet.tables?.map((t) => t.name)).toEqual(expect.arrayContaining([TABLE_SUIVI_SYNTHESE, TABLE_SUIVI_SIAE]));
    const siaeTable = sheet.tables!.find((t) => t.name === TABLE_SUIVI_SIAE)!;
    const top = Number(/\d+/.exec(siaeTable.topLeft)![0]);
    const stateCol = sheet.cells.filter((x) => x.col === 1 && x.row > top && x.row <= top + siaeTable.rowCount).sort((a, b) => a.row - b.row).map((x) => x.value);
    expect(stateCol).toEqual(['manquant', 'manquant', 'manquant', 'écarté', 'écarté', 'écarté', 'reçu et retenu', 'reçu et retenu', 'reçu et retenu', 'reçu et retenu', 'reçu et retenu', 'reçu et retenu']);
    // Missing ones by département: 75 first.
    const names = sheet.cells.filter((x) => x.col === 4 && x.row > top && x.row <= top + 3).sort((a, b) => a.row - b.row).map((x) => x.value);
    expect(names).toEqual(['ACI Paris 4', 'ACI Bobigny 9', 'AI Montreuil 12']);
  });

  it('marks the coverage of a target whose SIAE are not all retained', () => {
    const region = run.progress.filter((p) => p.target.departement === null && p.target.kind === null && p.statut !== 'sans_donnee');
    expect(region.length).toBeGreaterThan(0);
    for (const p of region) {
      expect(p.couverture.complete).toBe(false);
      expect(p.couverture.texte).toContain('6 SIAE attendues sur 12 sans retour retenu (référentiel)');
    }
  });
});
