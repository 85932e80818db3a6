import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { departementFromLabel, isAspExtract, readAspExtract, shortAnnexe } from '../../../src/core/asp/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { networkXlsx, siretFor, validRow } from '../validate/xlsx-builders.js';

// The headers exactly as shared/DOMAIN.md gives them (trailing spaces, colons, the cut-off one).
const HEADERS = [
  'Année',
  'Mesure',
  "0 - Numéro de l'annexe / avenant",
  '0 - SIRET  ',
  '0 - Dénomination',
  'Libellé Département',
  'Région',
  '2 - Nombre total des salariés en insertion ayant travaillé da',
  '2 - Dont hommes ',
  '2 - Dont femmes ',
  '2 - Dont bénéficiaires du RSA ',
  "2 - Dont bénéficiaires de l'ASS ",
  "2 - Dont bénéficiaires de l'AAH ",
  '2 - Dont nombre de personnes reconnues RQTH :',
  '2 - Dont résidants en ZRR ',
  '2 - Dont résidants en QPV ',
  '2 - Dont jeunes de moins de 26 ans :',
  '2 - Dont personnes sans emploi de 50 ans et plus :',
  '2 - Dont inscrits à Pôle emploi depuis 12 à 23 mois :',
  '2 - Dont inscrits à Pôle emploi depuis 24 mois et plus:',
  '2 - Dont personnes avec un niveau CAP – BEP',
  '2 - Dont personnes avec qualifications non certifiantes',
  '2 - Dont personnes avec un niveau inférieur au CAP',
  '4 - Total des sorties examinées AI ETTI EITI',
  "5 - Total des sorties dans l'emploi durable",
  "6 - Total des sorties dans l'emploi de transition",
  '7 - Total des sorties positives',
  '0 - Salariés permanents en charge de l\'encadrement (heures)',
];

type Line = (string | number | null)[];

function line(i: number, over: Partial<Record<number, string | number | null>> = {}): Line {
  const base: Line = [2025, 'ACI', `ACI 075 25 ${String(i).padStart(4, '0')} A0 M1`, siretFor(i), `Chantier ${i}`, 'Paris', 'Ile-de-France',
    40 + i, 25, 15 + (i % 3), 12, 2, 1, 3, 0, 14, 6, 5, 8, 10, 7, 3, 9, 20, 5, 6, 4, 1200];
  for (const [k, v] of Object.entries(over)) base[Number(k)] = v ?? null;
  return base;
}

async function extractXlsx(headers: readonly string[], lines: readonly Line[], order?: readonly number[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('BenefSorties');
  ws.addRow(['Extraction ASP – bénéficiaires et sorties']);
  ws.addRow([]);
  const idx = order ?? headers.map((_, i) => i);
  ws.addRow(idx.map((i) => headers[i]!));
  for (const l of lines) ws.addRow(idx.map((i) => l[i] ?? null));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the ASP extract, read by its headers', () => {
  it('reads every figure under the schema codes, with the short annexe and the département code', async () => {
    const book = readXlsx(await extractXlsx(HEADERS, [line(1), line(2, { 5: 'Seine-Saint-Denis', 1: 'ETTI' })]), 'asp-2025.xlsx');
    expect(isAspExtract(book)).toBe(true);
    const x = readAspExtract(book)!;
    expect(x.issues).toEqual([]);
    expect(x.sheet).toBe('BenefSorties');
    expect(x.rows).toHaveLength(2);
    const [a, b] = x.rows;
    expect(a).toMatchObject({ annee: 2025, typeSiae: 'ACI', annexe: 'ACI075250001', siret: siretFor(1), departement: '75', denomination: 'Chantier 1' });
    expect(a!.figures).toEqual({
      personnes: 41, hommes: 25, femmes: 16, rsa: 12, ass: 2, aah: 1, travailleurs_handicapes: 3, residents_zrr: 0, residents_qpv: 14,
      moins_26_ans: 6, plus_50_ans: 5, deld: 8, detld: 10, niveau_cap_bep: 7, qualifications_non_certifiantes: 3, niveau_infra_cap: 9,
      sorties_examinees: 20, sorties_emploi_durable: 5, sorties_emploi_transition: 6, sorties_positives: 4,
    });
    expect(b).toMatchObject({ typeSiae: 'ETTI', departement: '93' });
    expect(a!.source).toMatchObject({ sheet: 'BenefSorties', row: 4 });
    expect(a!.source.cells.personnes).toBe('H4');
  });

  it('reads the same figures with trailing spaces and colons removed, and with the columns reordered', async () => {
    const trimmed = HEADERS.map((h) => h.trim().replace(/\s*:$/, ''));
    const order = HEADERS.map((_, i) => i).reverse();
    const plain = readAspExtract(readXlsx(await extractXlsx(HEADERS, [line(3)]), 'a.xlsx'))!;
    const t = readAspExtract(readXlsx(await extractXlsx(trimmed, [line(3)]), 'b.xlsx'))!;
    const r = readAspExtract(readXlsx(await extractXlsx(HEADERS, [line(3)], order), 'c.xlsx'))!;
    expect(t.rows[0]!.figures).toEqual(plain.rows[0]!.figures);
    expect(r.rows[0]!.figures).toEqual(plain.rows[0]!.figures);
    expect(r.rows[0]!.siret).toBe(siretFor(3));
  });

  it('matches the total-people header whether cut off or whole', async () => {
    const whole = HEADERS.map((h) => (h.startsWith('2 - Nombre total') ? '2 - Nombre total des salariés en insertion ayant travaillé dans la structure' : h));
    const x = readAspExtract(readXlsx(await extractXlsx(whole, [line(4)]), 'w.xlsx'))!;
    expect(x.rows[0]!.figures.personnes).toBe(44);
  });

  it('names the file, sheet and cell of each bad value, and keeps the first of a duplicated annexe', async () => {
    const lines = [line(1, { 3: '12345678901234', 7: 'beaucoup', 1: 'Chantier', 5: 'Atlantide' }), line(2), line(2, { 7: 99 })];
    const x = readAspExtract(readXlsx(await extractXlsx(HEADERS, lines), 'asp.xlsx'))!;
    const byCell = Object.fromEntries(x.issues.map((i) => [i.cell, i]));
    expect(byCell.D4).toMatchObject({ code: 'constraint-error', file: 'asp.xlsx', sheet: 'BenefSorties', indicator: 'siret' });
    expect(byCell.H4).toMatchObject({ code: 'type-error', indicator: 'personnes' });
    expect(byCell.H4!.message).toContain('« beaucoup »');
    expect(byCell.B4).toMatchObject({ code: 'constraint-error' });
    expect(byCell.F4!.message).toContain('« Atlantide »');
    expect(byCell.C6).toMatchObject({ code: 'duplicate-row' });
    expect(x.rows.map((r) => r.figures.personnes)).toEqual([undefined, 42]);
    // Row 4 kept by its annexe despite its SIRET; its bad figure left out, not guessed.
    expect(x.rows[0]!.annexe).toBe('ACI075250001');
    expect(x.rows[0]!.siret).toBeUndefined();
  });

  it('is not mistaken for a network table, nor a network table for it', async () => {
    const network = readXlsx(await networkXlsx([validRow({ siret: siretFor(1) })]), 'reseau.xlsx');
    expect(isAspExtract(network)).toBe(false);
    expect(readAspExtract(network)).toBeUndefined();
  });
});

describe('identifiers of the extract', () => {
  it('shortens annexe numbers as the ASP files them', () => {
    expect(shortAnnexe('ACI 075 15 0013 A0 M1')).toBe('ACI075150013');
    expect(shortAnnexe('ACI075150013A0M1')).toBe('ACI075150013');
    expect(shortAnnexe('ai 093 24 0007 a1m0')).toBe('AI093240007');
    expect(shortAnnexe('ETTI0772401')).toBe('ETTI0772401');
  });

  it('finds a département from its label, with or without its code', () => {
    expect(departementFromLabel('Paris')).toBe('75');
    expect(departementFromLabel('SEINE SAINT DENIS')).toBe('93');
    expect(departementFromLabel("Val-d'Oise")).toBe('95');
    expect(departementFromLabel('075 - Paris')).toBe('75');
    expect(departementFromLabel('Essonne (91)')).toBe('91');
    expect(departementFromLabel('Corse-du-Sud')).toBe('2A');
    expect(departementFromLabel('La Réunion')).toBe('974');
    expect(departementFromLabel('Atlantide')).toBeUndefined();
  });
});
