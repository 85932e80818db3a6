import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../../src/core/workbook-model';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index';
import { convertWithLibreOffice, describeWithLibreOffice, parseCsv, recalculatedCsvMany, sofficePath } from '../../helpers/libreoffice';
import { FULL_MODEL, TRICKY_TEXTS } from './full-model';
import { FORMULA_LIKE_TEXTS, ILLEGAL_TEXTS, TEXT_SAFETY_MODEL } from './text-safety-model';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded commas and newlines, CRLF', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['x\ny', '', 'z'],
    ]);
    expect(parseCsv('\uFEFFseul')).toEqual([['seul']]);
    expect(parseCsv('')).toEqual([]);
  });
});

/** A workbook with formulas whose cached results are wrong or missing: what recalculation fixes. */
const CALCUL_MODEL: WorkbookModel = {
  sheets: [
    {
      name: 'Calcul',
      cells: [
        { row: 1, col: 1, value: 40 },
        { row: 1, col: 2, formula: 'A1+2', value: 999 }, // deliberately wrong cached result
        { row: 2, col: 1, formula: 'A1*2' }, // no cached result
      ],
    },
  ],
};

/**
 * The three workbooks of this file, written once and recalculated by LibreOffice in ONE soffice
 * start (each start costs seconds of CPU): the describe blocks below share it, first one asking
 * starts it. Their own conversions (pdf, xlsx re-save, plain csv) are other targets, other starts.
 */
let written: Promise<{ dir: string; complet: string; calcul: string; textes: string; recalculated: Map<string, Map<string, string[][]>> }> | undefined;
function writtenAndRecalculated(): NonNullable<typeof written> {
  written ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iae-xlsx-write-'));
    const [complet, calcul, textes] = ['complet', 'calcul', 'textes'].map((base) => join(dir, `${base}.xlsx`)) as [string, string, string];
    writeFileSync(complet, await writeWorkbookModel(FULL_MODEL));
    writeFileSync(calcul, await writeWorkbookModel(CALCUL_MODEL));
    writeFileSync(textes, await writeWorkbookModel(TEXT_SAFETY_MODEL));
    return { dir, complet, calcul, textes, recalculated: await recalculatedCsvMany([complet, calcul, textes]) };
  })();
  return written;
}
afterAll(async () => {
  if (written) rmSync((await written).dir, { recursive: true, force: true });
});

describeWithLibreOffice('LibreOffice opens what writeWorkbookModel writes', () => {
  let dir: string;
  let xlsx: string;
  let sheets: Map<string, string[][]>;

  beforeAll(async () => {
    const books = await writtenAndRecalculated();
    dir = books.dir;
    xlsx = books.complet;
    sheets = books.recalculated.get(xlsx)!;
  }, 900_000);

  it('finds soffice', () => {
    expect(sofficePath()).toMatch(/(soffice|libreoffice)$/);
  });

  it('exports every sheet to csv, hidden ones included, with the model values', () => {
    expect([...sheets.keys()].sort()).toEqual(['Masquée', 'Paramètres', 'Saisie IAE', 'Tableau']);
    const saisie = sheets.get('Saisie IAE')!;
    expect(saisie[0]![0]).toBe('Saisie des indicateurs');
    expect(saisie[2]!.slice(0, 4)).toEqual(['EI Alpha', '12', '1500.5', '1512.5']);
    // D4 had no cached result: LibreOffice computed it.
    expect(saisie[3]!.slice(0, 4)).toEqual(['ACI Beta', '8', '900', '908']);
    expect(saisie[4]!.slice(0, 4)).toEqual(['AI Gamma', '0', '10', '10']);
    expect(saisie[5]!.slice(0, 2)).toEqual(['Oui', 'TRUE']);
    expect(saisie[7]![0]).toBe('Aller au tableau');
    expect(sheets.get('Tableau')!.map((r) => r.slice(0, 3))).toEqual([
      ['Structure', 'Type', 'Salariés'],
      ['Alpha', 'EI', '12'],
      ['Beta', 'ACI', '8'],
      ['Gamma', 'AI', '4'],
    ]);
    expect(sheets.get('Paramètres')).toEqual([['version', '1.0.0']]);
  });

  it('keeps formula-like and HTML-like text as text', () => {
    const saisie = sheets.get('Saisie IAE')!;
    TRICKY_TEXTS.forEach((t, i) => expect(saisie[10 + i]![0]).toBe(t));
  });

  it('converts to pdf', async () => {
    const [pdf] = await convertWithLibreOffice(xlsx, 'pdf', join(dir, 'pdf'));
    expect(basename(pdf!)).toBe('complet.pdf');
    const bytes = readFileSync(pdf!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
  }, 900_000);

  it('reads the charts, tables, names and validations (they survive a LibreOffice re-save)', async () => {
    const [again] = await convertWithLibreOffice(xlsx, 'xlsx', join(dir, 'resave'));
    const parts = unzipSync(readFileSync(again!));
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(4);
    const chartXml = charts.map((p) => strFromU8(parts[p]!)).join('\n');
    expect(chartXml.match(/<c:barChart>/g)).toHaveLength(3);
    expect(chartXml.match(/<c:pieChart>/g)).toHaveLength(1);
    expect(chartXml).toContain('<c:grouping val="stacked"/>');
    expect(chartXml).toMatch(/<c:barDir val="bar"\/>/);
    expect(chartXml).toContain('Salariés par structure');
    // LibreOffice resolved the references: its re-save caches the cells' values.
    expect(chartXml).toMatch(/<c:f>(&apos;|')Saisie IAE(&apos;|')!\$B\$3:\$B\$5<\/c:f><c:numCache>.*?<c:v>12<\/c:v>.*?<c:v>8<\/c:v>.*?<c:v>0<\/c:v>/);
    expect(chartXml).toMatch(/<c:f>'?Tableau'?!\$B\$2:\$B\$4<\/c:f><c:strCache>.*?<c:v>EI<\/c:v>.*?<c:v>ACI<\/c:v>/);
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    expect(workbook).toMatch(/<definedName [^>]*\bname="IAE_VERSION"[^>]*>&quot;1.0.0&quot;<\/definedName>/);
    expect(workbook).toMatch(/<definedName [^>]*\bname="IAE_SAISIE"[^>]*>(&apos;|')Saisie IAE(&apos;|')!\$B\$3:\$D\$6<\/definedName>/);
    // LibreOffice has no "very hidden": it keeps the sheet hidden.
    expect(workbook).toMatch(/<sheet name="Paramètres"[^>]*state="hidden"/);
    const tables = Object.keys(parts).filter((p) => p.startsWith('xl/tables/')).map((p) => strFromU8(parts[p]!));
    expect(tables.join('')).toMatch(/name="T_Structures"/);
    const s1 = Object.entries(parts).find(([p, b]) => p.startsWith('xl/worksheets/sheet') && strFromU8(b).includes('ISNUMBER(F3)'));
    expect(s1).toBeDefined();
    expect(strFromU8(s1![1])).toMatch(/sqref="F3:F6 H3:H6"/);
    expect(strFromU8(s1![1])).toMatch(/<dataValidation [^>]*error="Saisir un entier ≥ 0" errorStyle="stop" errorTitle="Valeur refusée"[^>]*prompt="Nombre entier positif" promptTitle="Salariés"[^>]*sqref="B3:B6" type="whole"/);
    expect(strFromU8(s1![1])).toMatch(/<sheetProtection [^>]*sheet="(1|true)"[^>]*formatColumns="(0|false)"[^>]*autoFilter="(0|false)"/);
  }, 900_000);
});

describeWithLibreOffice('recalculatedCsv recalculates formulas on load', () => {
  let dir: string;
  let xlsx: string;
  let recalculated: Map<string, string[][]>;
  beforeAll(async () => {
    const books = await writtenAndRecalculated();
    dir = books.dir;
    xlsx = books.calcul;
    recalculated = books.recalculated.get(xlsx)!;
  }, 900_000);

  it('replaces a wrong cached result by the computed one', () => {
    const sheets = recalculated;
    expect(sheets.get('Calcul')).toEqual([
      ['40', '42'],
      ['80', ''],
    ]);
  }, 900_000);

  it('plain conversion keeps the cached result (so the recalculation setting is what matters)', async () => {
    const [csv] = await convertWithLibreOffice(xlsx, 'csv', join(dir, 'plain'));
    expect(basename(csv!)).toBe('calcul-Calcul.csv');
    expect(parseCsv(readFileSync(csv!, 'utf8'))[0]).toEqual(['40', '999']);
  }, 900_000);
});

describeWithLibreOffice('LibreOffice reads unchanged the texts XML cannot carry and the formula-like ones (issue 11.4)', () => {
  let sheets: Map<string, string[][]>;
  beforeAll(async () => {
    const books = await writtenAndRecalculated();
    sheets = books.recalculated.get(books.textes)!;
  }, 900_000);

  it('opens the file and exports every text as written, formula-like ones as text', () => {
    const textes = sheets.get('Textes')!;
    ILLEGAL_TEXTS.forEach((t, i) => expect(textes[i]![0], JSON.stringify(t)).toBe(t));
    // Recalculated on load: a text that became a formula would show its result, not itself.
    FORMULA_LIKE_TEXTS.forEach((t, i) => expect(textes[i]![1], JSON.stringify(t)).toBe(t));
    expect(textes[0]![2]).toBe('=A1');
  });
});
