import { describe, expect, it } from 'vitest';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { sourceCell, sourceCells, withCellAddresses, type ValidationIssue } from '../../../src/core/records.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { validateXlsxBytes } from '../../../src/hosts/xlsx/validate-bytes.js';
import { CODES, colOf, networkXlsx, siretFor, validRow } from './xlsx-builders.js';

const at = (issues: readonly ValidationIssue[], cell: string) => issues.filter((i) => i.cell === cell);

describe('network table written by ExcelJS, read by our reader', () => {
  it('reads a clean export with no issue and carries every cell address', async () => {
    const bytes = await networkXlsx([validRow({ siret: siretFor(1) }), validRow({ siret: siretFor(2) })]);
    const report = validateWorkbooks([readXlsx(bytes, 'propre.xlsx')]);
    const f = report.files[0]!;
    expect(f.issues).toEqual([]);
    expect(f.template.kind).toBe('reseau');
    expect(f.records).toHaveLength(2);
    const rec = f.records[1]!;
    expect(rec.values.personnes).toBe(30);
    expect(rec.values.implantation_qpv).toBe(true);
    expect(rec.source).toMatchObject({ file: 'propre.xlsx', sheet: 'Export', row: 3 });
    expect(sourceCell(rec.source, 'personnes')).toBe(`${colOf('personnes')}3`);
    // Every indicator's address, in column order; a table row keeps no string per cell, yet
    // its JSON (the CLI's --json) spells them out as `cells`, in the same order.
    const every = Object.fromEntries(CODES.map((c) => [c, `${colOf(c)}3`]));
    expect(Object.entries(sourceCells(rec.source))).toEqual(Object.entries(every));
    expect(rec.source.columns).toBe(f.records[0]!.source.columns);
    expect(JSON.parse(JSON.stringify(rec, withCellAddresses)).source).toEqual({ file: 'propre.xlsx', sheet: 'Export', row: 3, cells: every });
    expect(Object.keys(JSON.parse(JSON.stringify(rec, withCellAddresses)).source as object)).toEqual(['file', 'sheet', 'row', 'cells']);
    expect(report.stats).toMatchObject({ files: 1, rows: 2, records: 2, errors: 0, warnings: 0 });
  });

  it('parses what people type: text numbers, decimal comma, thousands separators, oui/x, spaced SIRET, département label', async () => {
    const bytes = await networkXlsx([
      validRow({
        siret: `${siretFor(3).slice(0, 3)} ${siretFor(3).slice(3, 6)} ${siretFor(3).slice(6)}`,
        personnes: ' 30 ',
        etp_conventionnes: '10,5',
        heures_remunerees: '18\u202f200',
        heures_espaces_verts: '10 000',
        heures_btp: '8\u00a0200',
        implantation_qpv: 'X',
        implantation_zrr: 'Non',
        departement: '93 - Seine-Saint-Denis',
        type_siae: "Atelier chantier d'insertion",
        raison_sociale: '  Régie\nde quartier  ',
        annee: '2025',
      }),
    ]);
    const f = validateWorkbooks([readXlsx(bytes, 'saisie.xlsx')]).files[0]!;
    expect(f.issues).toEqual([]);
    expect(f.records[0]!.values).toMatchObject({
      siret: siretFor(3),
      personnes: 30,
      etp_conventionnes: 10.5,
      heures_remunerees: 18200,
      heures_espaces_verts: 10000,
      implantation_qpv: true,
      implantation_zrr: false,
      departement: '93',
      type_siae: 'ACI',
      raison_sociale: 'Régie de quartier',
      annee: 2025,
    });
  });

  it('reports each problem at its exact cell with its code, and keeps only values that passed', async () => {
    const bytes = await networkXlsx([
      validRow({ siret: siretFor(4), personnes: null, femmes: 'douze', rsa: '42 %', etp_conventionnes: -2, departement: '13', type_siae: 'SCOP' }),
      validRow({ siret: siretFor(5), femmes: 40 }), // more women than people: rule
    ]);
    const f = validateWorkbooks([readXlsx(bytes, 'erreurs.xlsx')]).files[0]!;
    const one = (code: string, r: number) => at(f.issues, `${colOf(code)}${r}`);
    expect(one('personnes', 2).map((i) => i.code)).toEqual(['missing-cell']);
    expect(one('femmes', 2)[0]).toMatchObject({ code: 'type-error', severity: 'erreur', value: 'douze', indicator: 'femmes', sheet: 'Export' });
    expect(one('rsa', 2)[0]).toMatchObject({ code: 'type-error', value: '42 %' });
    expect(one('rsa', 2)[0]!.message).toContain('pourcentage');
    expect(one('etp_conventionnes', 2)[0]).toMatchObject({ code: 'constraint-error', value: '-2' });
    expect(one('departement', 2)[0]).toMatchObject({ code: 'constraint-error', value: '13' });
    expect(one('type_siae', 2)[0]).toMatchObject({ code: 'constraint-error', value: 'SCOP' });
    const rule = f.issues.find((i) => i.code === 'rule-violation' && i.row === 3);
    expect(rule).toBeDefined();
    expect(rule!.cell).toMatch(/3$/);
    expect(rule!.rule).toBeTruthy();
    const rec = f.records[0]!;
    expect(rec.values.personnes).toBeUndefined();
    expect(rec.values.femmes).toBeUndefined();
    expect(rec.values.departement).toBeUndefined();
    expect(rec.values.heures_remunerees).toBe(18200);
    expect(rec.errors).toBeGreaterThanOrEqual(6);
  });

  it('a blank cell is missing, never 0: optional blanks are absent, required blanks are missing-cell', async () => {
    const bytes = await networkXlsx([validRow({ siret: siretFor(6), pmsmp: null, sorties_positives: '   ' })]);
    const f = validateWorkbooks([readXlsx(bytes, 'vides.xlsx')]).files[0]!;
    expect(f.records[0]!.values.pmsmp).toBeUndefined();
    expect(f.records[0]!.values.sorties_positives).toBeUndefined();
    expect(at(f.issues, `${colOf('sorties_positives')}2`)[0]?.code).toBe('missing-cell');
    expect(at(f.issues, `${colOf('pmsmp')}2`)).toEqual([]);
  });

  it('blank rows: trailing ones skipped, one between data reported once per run of blanks', async () => {
    const bytes = await networkXlsx([validRow({ siret: siretFor(7) }), null, null, validRow({ siret: siretFor(8) }), null, null]);
    const f = validateWorkbooks([readXlsx(bytes, 'trous.xlsx')]).files[0]!;
    expect(f.issues.map((i) => [i.code, i.cell])).toEqual([['blank-row', 'A3']]);
    expect(f.records).toHaveLength(2);
  });

  it('duplicates (same SIRET and year) in a file and across files, pointing at the first place; mixed periods', async () => {
    const a = await networkXlsx([validRow({ siret: siretFor(9) }), validRow({ siret: siretFor(9) })]);
    const b = await networkXlsx([validRow({ siret: siretFor(9) }), validRow({ siret: siretFor(10), annee: 2024 })]);
    const report = validateWorkbooks([readXlsx(a, 'a.xlsx'), readXlsx(b, 'b.xlsx')]);
    const [fa, fb] = report.files;
    const dupA = fa!.issues.find((i) => i.code === 'duplicate-row')!;
    expect(dupA).toMatchObject({ cell: 'A3', severity: 'avertissement', value: siretFor(9) });
    expect(dupA.message).toContain('« a.xlsx »');
    expect(dupA.message).toContain('ligne 2');
    expect(fb!.issues.find((i) => i.code === 'duplicate-row')).toMatchObject({ file: 'b.xlsx', cell: 'A2' });
    expect(fb!.issues.find((i) => i.code === 'mixed-periods')).toMatchObject({ cell: `${colOf('annee')}3`, value: '2024', severity: 'avertissement' });
    expect(report.periods).toEqual([2024, 2025]);
  });

  it('caps issues per file and counts the rest', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => validRow({ siret: siretFor(100 + i), personnes: 'n/a', femmes: 'n/a', rsa: 'n/a' }));
    const report = validateXlsxBytes([{ name: 'bruit.xlsx', bytes: await networkXlsx(rows) }], { maxIssuesPerFile: 10 });
    const f = report.files[0]!;
    expect(f.issues).toHaveLength(11);
    expect(f.issues[10]).toMatchObject({ code: 'too-many-issues', severity: 'erreur' });
    expect(f.counts.errors).toBe(90);
    expect(f.counts.omitted).toBe(80);
    expect(f.issues[10]!.message).toContain('80 autres');
    expect(report.stats.errors).toBe(90);
  });

  it('accepts headers given as codes, with line breaks, case and accents changed; reports unknown and missing columns', async () => {
    const codes = CODES.filter((c) => c !== 'personnes');
    const headers = codes.map((c, i) => (i % 2 ? c.toUpperCase() : c.replace(/_/g, ' ')));
    headers[codes.indexOf('raison_sociale')] = 'RAISON\nSOCIALE';
    const bytes = await networkXlsx([validRow({ siret: siretFor(11) })], { headers: [...headers, 'Commentaire'], codes: [...codes, 'commentaire'], headerRow: 3 });
    const f = validateWorkbooks([readXlsx(bytes, 'codes.xlsx')]).files[0]!;
    expect(f.template.kind).toBe('reseau');
    expect(f.records[0]!.values.raison_sociale).toBe('Régie de quartier Les Lilas');
    expect(f.issues.filter((i) => i.code === 'missing-label').map((i) => i.indicator)).toEqual(['personnes']);
    const extra = f.issues.find((i) => i.code === 'extra-label')!;
    expect(extra).toMatchObject({ severity: 'avertissement', value: 'Commentaire', row: 3 });
  });

  it('hostile text stays inert text: formula-like and HTML-like values are data, reported as typed', async () => {
    const bytes = await networkXlsx([
      validRow({ siret: siretFor(12), raison_sociale: '=HYPERLINK("http://x.invalid","clic")', personnes: '<script>alert(1)</script>' }),
    ]);
    const f = validateWorkbooks([readXlsx(bytes, 'hostile.xlsx')]).files[0]!;
    expect(f.records[0]!.values.raison_sociale).toBe('=HYPERLINK("http://x.invalid","clic")');
    expect(at(f.issues, `${colOf('personnes')}2`)[0]).toMatchObject({ code: 'type-error', value: '<script>alert(1)</script>' });
  });

  it('an unknown workbook is an unknown-template error', async () => {
    const bytes = await networkXlsx([{ a: 1, b: 2 }], { headers: ['Nom', 'Prénom'], codes: ['a', 'b'] });
    const f = validateWorkbooks([readXlsx(bytes, 'autre.xlsx')]).files[0]!;
    expect(f.template.kind).toBeNull();
    expect(f.issues.map((i) => i.code)).toEqual(['unknown-template']);
  });
});
