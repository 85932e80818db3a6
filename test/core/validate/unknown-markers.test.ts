/** « NC », « n.d. », « - »… typed in cells of real xlsx files: a notice in an optional cell, a clear error in a required one. */
import { describe, expect, it } from 'vitest';
import { isUnknownMarker } from '../../../src/core/parse/index.js';
import type { ValidationIssue } from '../../../src/core/records.js';
import { fillSiaeForm, siaeFormLayout } from '../../../src/core/templates/index.js';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { validReturn } from '../../fixtures/returns.js';
import { colOf, networkXlsx, siretFor, validRow } from './xlsx-builders.js';

/** Every marker of the brief, with odd case, accents, dots and spaces. */
const MARKERS = [
  'NC',
  'N.C.',
  'n.c.',
  'nd',
  'n.d.',
  '-',
  '—',
  '?',
  'inconnu',
  'non connu',
  'non renseigné',
  'non communiqué',
  ' N C ',
  'Non Renseigne',
  'NON COMMUNIQUÉ',
  'N/C',
  '–',
  '--',
] as const;

describe('unknown markers', () => {
  it('are recognised in any spelling, and ordinary values are not', () => {
    for (const m of MARKERS) expect(isUnknownMarker(m.trim()), m).toBe(true);
    for (const v of ['12', '-5', 'non', 'oui', 'Nantes', 'ACI', 'N', 'noncommunique des chiffres', 'Inconnu au bataillon', '?12', '93', '.']) expect(isUnknownMarker(v), v).toBe(false);
  });

  it('in a network table: an optional cell gets an unknown-value notice and counts as missing; a required one a missing-cell error saying what to type', async () => {
    // Per marker, one row: optional counts (ass, pmsmp), optional codes (commune, annexe), optional oui/non,
    // and one required count (femmes).
    const rows = MARKERS.map((m, i) =>
      validRow({ siret: siretFor(i + 1), ass: m, pmsmp: m, commune_insee: m, annexe_financiere: m, implantation_zrr: m, femmes: m }),
    );
    const report = validateWorkbooks([readXlsx(await networkXlsx(rows), 'nc.xlsx')]);
    const f = report.files[0]!;
    expect(f.records).toHaveLength(MARKERS.length);
    MARKERS.forEach((m, i) => {
      const row = i + 2;
      const here = f.issues.filter((x) => x.row === row);
      const byCell = (code: string): ValidationIssue | undefined => here.find((x) => x.cell === `${colOf(code)}${row}`);
      for (const code of ['ass', 'pmsmp', 'commune_insee', 'annexe_financiere', 'implantation_zrr']) {
        expect(byCell(code), `${m} in ${code}`).toMatchObject({ code: 'unknown-value', severity: 'avertissement', indicator: code, value: m });
        expect(byCell(code)!.message).toContain('donné comme inconnu');
        expect(byCell(code)!.message).toContain('non renseigné');
      }
      const femmes = byCell('femmes')!;
      expect(femmes, m).toMatchObject({ code: 'missing-cell', severity: 'erreur', indicator: 'femmes' });
      expect(femmes.message).toContain('obligatoire');
      expect(femmes.message).toContain('donnée comme inconnue');
      expect(femmes.message).toContain('saisissez le nombre (0 si la valeur est nulle)');
      // Nothing else on the row: no type-error, no rule fired by a value that is not there.
      expect(here.map((x) => x.code).sort()).toEqual(['missing-cell', ...Array(5).fill('unknown-value')].sort());
      const values = f.records[i]!.values;
      for (const code of ['ass', 'pmsmp', 'commune_insee', 'annexe_financiere', 'implantation_zrr', 'femmes']) expect(values, `${m}: ${code}`).not.toHaveProperty(code);
      expect(values.personnes).toBe(30);
    });
    expect(report.stats.errors).toBe(MARKERS.length);
    expect(report.stats.warnings).toBe(MARKERS.length * 5);
  });

  it('a return whose only oddities are markers in optional cells has no error', async () => {
    const row = validRow({ siret: siretFor(40), ass: 'NC', aah: 'n.d.', residents_zrr: '-', sous_main_justice: '?', pmsmp: 'inconnu', commune_insee: 'non renseigné', annexe_financiere: 'N.C.' });
    const f = validateWorkbooks([readXlsx(await networkXlsx([row]), 'ok.xlsx')]).files[0]!;
    expect(f.counts.errors).toBe(0);
    expect(f.issues.map((i) => i.code)).toEqual(Array(7).fill('unknown-value'));
  });

  it('in the SIAE form (template filled, real xlsx): the same, with the cell of the indicator', async () => {
    const layout = siaeFormLayout();
    const values = { ...validReturn(), ass: 'NC', personnes_formees: 'non communiqué', type_siae: 'n.d.', heures_remunerees: '—' };
    const bytes = await writeWorkbookModel(fillSiaeForm(DEFAULT_SETTINGS, values, { cacheHelpers: false }));
    const f = validateWorkbooks([readXlsx(bytes, 'formulaire.xlsx')]).files[0]!;
    expect(f.template.kind).toBe('siae');
    const of = (code: keyof typeof layout.inputs) => f.issues.find((i) => i.cell === layout.inputs[code].address);
    expect(of('ass')).toMatchObject({ code: 'unknown-value', severity: 'avertissement' });
    expect(of('personnes_formees')).toMatchObject({ code: 'unknown-value', severity: 'avertissement' });
    expect(of('type_siae')).toMatchObject({ code: 'missing-cell', severity: 'erreur' });
    expect(of('type_siae')!.message).toContain('saisissez le type : EI, ACI, AI, ETTI ou EITI');
    expect(of('heures_remunerees')).toMatchObject({ code: 'missing-cell', severity: 'erreur' });
    expect(f.issues.filter((i) => i.code === 'type-error' || i.code === 'constraint-error')).toEqual([]);
    expect(f.records[0]!.values).not.toHaveProperty('ass');
  });
});

describe('SIAE kinds as people write them', () => {
  it('read as the kind in a real table', async () => {
    const spellings: [string, string][] = [
      ['Atelier chantier', 'ACI'],
      ["chantier d'insertion", 'ACI'],
      ["atelier et chantier d'insertion", 'ACI'],
      ["Ateliers et chantiers d'insertion", 'ACI'],
      ["ETT d'insertion", 'ETTI'],
      ["entreprise de travail temporaire d'insertion", 'ETTI'],
      ["Entreprise d'insertion par le travail indépendant", 'EITI'],
      ['association intermédiaire', 'AI'],
      ['Associations intermédiaires', 'AI'],
      ["entreprise d'insertion", 'EI'],
      ['ACI - Atelier chantier', 'ACI'],
    ];
    const rows = spellings.map(([s], i) => validRow({ siret: siretFor(i + 1), type_siae: s }));
    const f = validateWorkbooks([readXlsx(await networkXlsx(rows), 'types.xlsx')]).files[0]!;
    expect(f.issues.filter((i) => i.indicator === 'type_siae')).toEqual([]);
    expect(f.records.map((r) => r.values.type_siae)).toEqual(spellings.map(([, k]) => k));
  });
});
