/**
 * Files written by LibreOffice (real soffice, private profile): its xlsx and its .ods must read
 * like Excel's; its .xls must be refused with the message that says what to do. Converted by
 * test/helpers/libreoffice.ts (this process's LibreOffice server, not a soffice start per format).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cellStyle, sheetByName, type GridWorkbook } from '../../../src/core/grid';
import { readXlsx, XlsxReadError } from '../../../src/hosts/xlsx/read';
import { convertWithLibreOffice, describeWithLibreOffice } from '../../helpers/libreoffice';
import { addValidation, excelBytes } from './helpers';

async function source(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Retour');
  ws.getCell('A1').value = 'Structure';
  ws.getCell('B1').value = 'Heures';
  ws.getCell('A2').value = 'ACI & Co <b>';
  ws.getCell('B2').value = 1820.5;
  ws.getCell('C2').value = new Date(Date.UTC(2024, 0, 15));
  ws.getCell('C2').numFmt = 'dd/mm/yyyy';
  ws.getCell('D2').value = 0.6;
  ws.getCell('D2').numFmt = '0%';
  ws.getCell('E2').value = true;
  ws.getCell('F2').value = { formula: 'B2*2', result: 3641 } as ExcelJS.CellFormulaValue;
  ws.getCell('G2').value = { richText: [{ text: 'gras', font: { bold: true } }, { text: ' et non' }] };
  ws.getCell('H2').value = 'ligne 1\nligne 2';
  ws.getCell('B3').protection = { locked: false };
  addValidation(ws, 'B3:B10', { type: 'list', allowBlank: true, formulae: ['Listes!$A$1:$A$3'] });
  addValidation(ws, 'C3:C10', { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 10], showInputMessage: true, promptTitle: 'Titre', prompt: 'Entre 0 et 10' });
  await ws.protect('', {});
  const lists = wb.addWorksheet('Listes', { state: 'hidden' });
  ['EI', 'ACI', 'AI'].forEach((v, i) => (lists.getCell(i + 1, 1).value = v));
  wb.definedNames.add("'Retour'!$B$2", 'heures');
  return excelBytes(wb);
}

describeWithLibreOffice('files written by LibreOffice', () => {
  let dir: string;
  let input: string;
  let book: GridWorkbook;
  /** The source saved by LibreOffice in another format, as bytes. */
  const convert = async (target: 'xlsx' | 'xls' | 'ods') => {
    const [out] = await convertWithLibreOffice(input, target, join(dir, target));
    return new Uint8Array(readFileSync(out!));
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xlsx-read-lo-'));
    input = join(dir, 'retour.xlsx');
    writeFileSync(input, await source());
    book = readXlsx(await convert('xlsx'), 'retour-lo.xlsx');
  }, 900_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads values, styles, validations, protection and names of a LibreOffice xlsx', () => {
    const ws = sheetByName(book, 'Retour')!;
    expect(ws.rows[0]).toEqual(['Structure', 'Heures']);
    expect(ws.rows[1]).toEqual(['ACI & Co <b>', 1820.5, 45306, 0.6, true, 3641, 'gras et non', 'ligne 1\nligne 2']);
    expect(cellStyle(book, ws, 2, 3).numFmt).toBe('dd/mm/yyyy');
    expect(cellStyle(book, ws, 2, 4).numFmt).toBe('0%');
    expect(cellStyle(book, ws, 3, 2).locked).toBe(false);
    expect(cellStyle(book, ws, 2, 2).locked).toBe(true);
    expect(ws.protection).toEqual({ password: false });
    const list = ws.validations.find((v) => v.sqref === 'B3:B10');
    expect(list).toMatchObject({ type: 'list', allowBlank: true, formula1: 'Listes!$A$1:$A$3' });
    expect(ws.validations.find((v) => v.sqref === 'C3:C10')).toMatchObject({
      type: 'whole',
      operator: 'between',
      formula1: '0',
      formula2: '10',
      promptTitle: 'Titre',
      prompt: 'Entre 0 et 10',
    });
    expect(sheetByName(book, 'Listes')).toMatchObject({ visibility: 'hidden', rows: [['EI'], ['ACI'], ['AI']] });
    expect(book.definedNames).toContainEqual({ name: 'heures', ref: 'Retour!$B$2' });
  });

  it('refuses a 97-2003 .xls with what to do, and reads an .ods like the xlsx (issue 13)', async () => {
    const xls = await convert('xls');
    const ods = await convert('ods');
    const err = (bytes: Uint8Array, name: string) => {
      try {
        readXlsx(bytes, name);
      } catch (e) {
        if (e instanceof XlsxReadError) return e;
        throw e;
      }
      throw new Error('lu sans erreur');
    };
    const a = err(xls, 'ancien.xlsx');
    expect(a.reason).toBe('xls-ancien');
    expect(a.message).toMatch(/^ancien\.xlsx : ce fichier est au format Excel 97-2003 \(\.xls\)/);
    // Named .xlsx on purpose: the content decides, not the name.
    const calc = readXlsx(ods, 'calc.xlsx');
    const ws = sheetByName(calc, 'Retour')!;
    expect(ws.rows[0]).toEqual(['Structure', 'Heures']);
    expect(ws.rows[1]).toEqual(['ACI & Co <b>', 1820.5, 45306, 0.6, true, 3641, 'gras et non', 'ligne 1\nligne 2']);
    expect(ws.protection).toEqual({ password: false });
    expect(sheetByName(calc, 'Listes')).toMatchObject({ visibility: 'hidden', rows: [['EI'], ['ACI'], ['AI']] });
    expect(calc.definedNames).toContainEqual({ name: 'heures', ref: "'Retour'!$B$2" });
  }, 900_000);
});
