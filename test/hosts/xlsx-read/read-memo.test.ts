/**
 * ReadMemo (part-memo.ts): the files that one caller reads in a row share the parse of the small
 * parts (rels, workbook, styles) stored with exactly the same bytes. Whatever the files, honest
 * or damaged, and whatever their limits, a read with the memo gives the grid or the error of a
 * fresh read, and a file is never given another file's different part.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellStyle } from '../../../src/core/grid';
import { readXlsx, ReadMemo, XlsxReadError, type ReadLimits } from '../../../src/hosts/xlsx/read';
import { validateXlsxBytes } from '../../../src/hosts/xlsx/validate-bytes';
import { addValidation, damaged, excelBytes, handXlsx, worksheetXml } from './helpers';

type Outcome = { grid: unknown } | { reason: string; message: string };

function outcome(bytes: Uint8Array, memo?: ReadMemo, limits?: Partial<ReadLimits>): Outcome {
  try {
    return { grid: readXlsx(bytes, 'retour.xlsx', limits, { memo }) };
  } catch (err) {
    if (err instanceof XlsxReadError) return { reason: err.reason, message: err.message };
    throw err;
  }
}

/** A return of the same template as the others (`seed` changes the data only), or another sheet and formats. */
async function template(seed: number, other = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(other ? 'Autre feuille' : 'Export');
  ws.addRow(['SIRET', 'Raison sociale', 'Personnes en insertion', 'ETP conventionnés']);
  for (let i = 0; i < 30; i++) ws.addRow([`4400000000${String(seed * 100 + i).padStart(4, '0')}`, `Structure ${seed}-${i}`, 30 + ((seed + i) % 7), 10.5]);
  if (other) {
    ws.getColumn(4).numFmt = '0.00';
    ws.getCell('A1').protection = { locked: false };
    wb.definedNames.add("'Autre feuille'!$A$1", 'IAE_siret');
    // What follows the cells differs too (kept by the memo by its text).
    addValidation(ws, 'C2:C31', { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] });
    await ws.protect('', {});
  }
  return excelBytes(wb);
}

const SMALL_PARTS = ['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'];

describe('a read memo shared by the files of a run', () => {
  it('gives each file the grid of a fresh read, and parses the small parts of one template once', async () => {
    const [a, b, c, other] = await Promise.all([template(1), template(2), template(3), template(4, true)]);
    const hand = handXlsx({ sheets: [{ name: 'Données', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml('<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>') }] });
    const memo = new ReadMemo();
    const order = [a!, b!, c!, other!, a!, hand, other!, b!];
    for (const bytes of order) expect(outcome(bytes, memo)).toEqual(outcome(bytes));
    // b and c after a: their four small parts came from the memo; so did the second a and b.
    expect(memo.hits).toBeGreaterThanOrEqual(4 * 4);
    // A different workbook and styles are never taken for the previous file's.
    const book = readXlsx(other!, 'autre.xlsx', undefined, { memo });
    expect(book.sheets.map((s) => s.name)).toEqual(['Autre feuille']);
    expect(book.definedNames).toEqual([{ name: 'IAE_siret', ref: "'Autre feuille'!$A$1" }]);
    expect(book.styles.some((s) => s.numFmt === '0.00')).toBe(true);
    expect(book.sheets[0]!.validations.map((v) => v.sqref)).toEqual(['C2:C31']);
    expect(book.sheets[0]!.protection).toEqual({ password: false });
    const plain = readXlsx(a!, 'a.xlsx', undefined, { memo });
    expect(plain.sheets.map((s) => s.name)).toEqual(['Export']);
    expect(plain.definedNames).toEqual([]);
    expect(plain.styles.some((s) => s.numFmt === '0.00')).toBe(false);
    expect(plain.sheets[0]!.validations).toEqual([]);
    expect(plain.sheets[0]!.protection).toBeNull();
  });

  it('reads every damaged copy of a file as a fresh read does, after the intact file and before it again', async () => {
    const bytes = await template(5);
    const cases = damaged(bytes, SMALL_PARTS);
    let errors = 0;
    for (const c of cases) {
      const memo = new ReadMemo();
      outcome(bytes, memo);
      const fresh = outcome(c.bytes);
      if ('reason' in fresh) errors++;
      expect(outcome(c.bytes, memo), c.name).toEqual(fresh);
      expect(outcome(bytes, memo), `${c.name}, puis le fichier intact`).toEqual(outcome(bytes));
    }
    // The damage does show: most copies are refused (a lying declared size alone is not).
    expect(errors).toBeGreaterThan(cases.length / 2);
  });

  it('applies each file its own limits, on parts taken from the memo too', async () => {
    const bytes = await template(6);
    const limits: Partial<ReadLimits>[] = [
      { maxXmlNodes: 3 },
      { maxXmlNodes: 12 },
      { ratioGraceBytes: 1, maxCompressionRatio: 2 },
      { ratioGraceBytes: 1, maxCompressionRatio: 3 },
      ...[200, 600, 1200, 1800, 2500, 3500, 5000, 8000].map((maxUncompressedBytes) => ({ maxUncompressedBytes })),
    ];
    let refused = 0;
    for (const l of limits) {
      const memo = new ReadMemo();
      outcome(bytes, memo);
      const fresh = outcome(bytes, undefined, l);
      if ('reason' in fresh) refused++;
      expect(outcome(bytes, memo, l), JSON.stringify(l)).toEqual(fresh);
    }
    expect(refused).toBeGreaterThan(limits.length / 2);
  });

  it('hands out frozen parses: one file cannot change what the next is given', async () => {
    const [a, b] = await Promise.all([template(7), template(8)]);
    const memo = new ReadMemo();
    const first = readXlsx(a!, 'a.xlsx', undefined, { memo });
    expect(() => (first.styles as CellStyle[]).push({ numFmt: '@', locked: false })).toThrow(TypeError);
    expect(() => Object.assign(first.styles[0]!, { locked: false })).toThrow(TypeError);
    const other = readXlsx(await template(9, true), 'autre.xlsx', undefined, { memo });
    expect(() => (other.sheets[0]!.validations as unknown[]).pop()).toThrow(TypeError);
    expect(() => Object.assign(other.sheets[0]!.protection!, { password: true })).toThrow(TypeError);
    expect(readXlsx(b!, 'b.xlsx', undefined, { memo }).styles).toEqual(readXlsx(b!, 'b.xlsx').styles);
  });

  it('leaves the validation report of a run unchanged', async () => {
    const files = await Promise.all([1, 2, 3].map(async (k) => ({ name: `dep-${k}.xlsx`, bytes: await template(k, k === 2) })));
    const report = validateXlsxBytes(files);
    const alone = files.map((f) => validateXlsxBytes([f]).files[0]);
    expect(report.files).toEqual(alone);
  });
});
