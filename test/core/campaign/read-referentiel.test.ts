/** Reading a référentiel: the template, a list of one's own, and every bad cell said in French with file, sheet and cell. */
import { describe, expect, it } from 'vitest';
import { readReferentiel, referentielFromReturns } from '../../../src/core/campaign/index.js';
import { classifyInput, referentielFromInput } from '../../../src/core/run/index.js';
import { buildPlanTemplate, buildNetworkTemplate, fillReferentiel } from '../../../src/core/templates/index.js';
import { REFERENTIEL_SHEET } from '../../../src/core/template-layout.js';
import type { WorkbookModel } from '../../../src/core/workbook-model.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { networkBook, returnOf, siretOf, xlsxBook } from './campaign-builder.js';

const ok = siretOf(1);

describe('reading the « Référentiel des SIAE » template', () => {
  it('keeps the valid rows and reports every bad cell with file, sheet and cell', async () => {
    const book = await xlsxBook(
      fillReferentiel(DEFAULT_SETTINGS, 2025, [
        { siret: ok, annexe: 'ACI 075 25 0001 A0 M1', nom: 'Chantier 1', kind: 'ACI', departement: '75', reseau: 'Chantier école', contact: 'a@b.fr' },
        { siret: '44212345000012', nom: 'Clé fausse', kind: 'EI', departement: '93' },
        { siret: siretOf(2), nom: 'Type inconnu', kind: 'SCOP', departement: '93' },
        { siret: siretOf(3), nom: 'Hors région', kind: 'AI', departement: '13' },
        { siret: ok, nom: 'Doublon', kind: 'ACI', departement: '75' },
        { siret: siretOf(4), nom: 'Chantier 4', kind: 'atelier chantier', departement: 'Seine-Saint-Denis' },
      ]),
      'ref-2025.xlsx',
    );
    const ref = readReferentiel(book, DEFAULT_SETTINGS)!;
    expect(ref.periode).toBe(2025);
    expect(ref.origin).toBe('modele');
    expect(ref.entries.map((e) => [e.siret, e.kind, e.departement, e.annexe ?? null, e.reseau ?? null])).toEqual([
      [ok, 'ACI', '75', 'ACI075250001', 'Chantier école'],
      [siretOf(4), 'ACI', '93', null, null],
    ]);
    expect(ref.entries[0]!.source).toEqual({ file: 'ref-2025.xlsx', sheet: REFERENTIEL_SHEET, row: 7 });
    const byCell = Object.fromEntries(ref.issues.map((i) => [i.cell, i]));
    expect(Object.keys(byCell).sort()).toEqual(['A11', 'A8', 'D9', 'E10']);
    expect(byCell.A8!.message).toBe(`Référentiel « ref-2025.xlsx », feuille « ${REFERENTIEL_SHEET} », cellule A8 : le SIRET « 44212345000012 » n'est pas valide (14 chiffres et clé de contrôle) : la ligne est écartée du référentiel.`);
    expect(byCell.D9!.message).toContain("« SCOP » n'est pas un type de SIAE");
    expect(byCell.E10!.message).toContain("« 13 » n'est pas un département de la région Île-de-France");
    expect(byCell.A11!).toMatchObject({ code: 'duplicate-row', file: 'ref-2025.xlsx', sheet: REFERENTIEL_SHEET, row: 11 });
    expect(byCell.A11!.message).toContain('figure déjà en ligne 7');
    for (const i of ref.issues) expect(i.severity).toBe('erreur');
  });

  it('reads a list of one’s own by its headers, anywhere in the first rows', async () => {
    const model: WorkbookModel = {
      sheets: [
        {
          name: 'Liste 2026',
          cells: [
            { row: 1, col: 1, value: 'SIAE conventionnées' },
            ...['N° SIRET', 'Nom de la structure', 'Type', 'Dépt', 'Réseau', 'Courriel'].map((h, i) => ({ row: 3, col: i + 1, value: h })),
            ...[siretOf(9), 'Atelier 9', 'ACI', '94', 'COORACE', 'x@y.fr'].map((v, i) => ({ row: 4, col: i + 1, value: v })),
            ...[siretOf(10), 'Intermédiaire 10', 'AI', '95', '', ''].map((v, i) => ({ row: 5, col: i + 1, value: v })),
          ],
        },
      ],
    };
    const book = await xlsxBook(model, 'ma-liste.xlsx');
    expect(classifyInput(book)).toBe('referentiel');
    const ref = readReferentiel(book, DEFAULT_SETTINGS)!;
    expect(ref.issues).toEqual([]);
    expect(ref.periode).toBeUndefined();
    expect(ref.entries.map((e) => [e.nom, e.kind, e.departement, e.reseau ?? null, e.contact ?? null])).toEqual([
      ['Atelier 9', 'ACI', '94', 'COORACE', 'x@y.fr'],
      ['Intermédiaire 10', 'AI', '95', null, null],
    ]);
  });
});

describe('recognising campaign inputs', () => {
  it('tells a référentiel, a return, a plan apart', async () => {
    expect(classifyInput(await xlsxBook(fillReferentiel(DEFAULT_SETTINGS, 2025, []), 'r.xlsx'))).toBe('referentiel');
    expect(classifyInput(await xlsxBook(buildNetworkTemplate(DEFAULT_SETTINGS), 'n.xlsx'))).toBe('retour');
    expect(classifyInput(await xlsxBook(buildPlanTemplate(DEFAULT_SETTINGS), 'p.xlsx'))).toBe('plan');
  });

  it('takes last year’s retained returns as the référentiel of the year after', async () => {
    const a = { siret: siretOf(21), nom: 'A', kind: 'ACI' as const, departement: '75' };
    const b = { siret: siretOf(22), nom: 'B', kind: 'EI' as const, departement: '93', annexe: 'EI093240022A0M1' };
    const book = await networkBook([returnOf(a, { annee: 2024 }), returnOf(b, { annee: 2024 }), returnOf({ ...a, siret: siretOf(23) }, { annee: 2024, broken: true })], 'reseau-2024.xlsx');
    const ref = referentielFromInput(book, DEFAULT_SETTINGS);
    expect(ref.origin).toBe('retours');
    expect(ref.periode).toBe(2025);
    expect(ref.entries.map((e) => [e.siret, e.kind, e.departement, e.annexe ?? null])).toEqual([
      [a.siret, 'ACI', '75', null],
      [b.siret, 'EI', '93', 'EI093240022'],
    ]);
    expect(referentielFromReturns([], 'vide.xlsx', DEFAULT_SETTINGS).entries).toEqual([]);
  });
});

describe('a référentiel given to validation', () => {
  it('is not checked as a return: one clear French message naming the file', async () => {
    const { validateWorkbooks } = await import('../../../src/core/validate/run.js');
    const report = validateWorkbooks([await xlsxBook(fillReferentiel(DEFAULT_SETTINGS, 2025, [{ siret: ok, nom: 'A', kind: 'ACI', departement: '75' }]), 'ref.xlsx')], DEFAULT_SETTINGS);
    const issues = report.files.flatMap((f) => f.issues);
    expect(report.files.flatMap((f) => f.records)).toEqual([]);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('ref.xlsx est un « Référentiel des SIAE »')]);
  });
});
