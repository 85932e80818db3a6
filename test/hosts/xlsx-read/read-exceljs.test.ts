import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellStyle, sheetByName, type GridWorkbook } from '../../../src/core/grid';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { addValidation, excelBytes } from './helpers';

/** A workbook with every kind of content the reader must give back, written by ExcelJS. */
async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Retour SIAE');
  ws.getCell('A1').value = 'Structure';
  ws.getCell('B1').value = 'Entrées & sorties <2024>';
  ws.getCell('A2').value = 'ACI Les Jardins';
  ws.getCell('B2').value = 1820;
  ws.getCell('C2').value = -0.125;
  ws.getCell('D2').value = new Date(Date.UTC(2024, 0, 15));
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  ws.getCell('E2').value = 0.6;
  ws.getCell('E2').numFmt = '0%';
  ws.getCell('F2').value = true;
  ws.getCell('G2').value = false;
  ws.getCell('H2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('I2').value = { formula: 'B2*2', result: 3640 } as ExcelJS.CellFormulaValue;
  ws.getCell('J2').value = { formula: 'A2&"!"', result: 'ACI Les Jardins!' } as ExcelJS.CellFormulaValue;
  ws.getCell('K2').value = { formula: 'B2/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell('A3').value = {
    richText: [{ text: 'Gras ', font: { bold: true } }, { text: 'et normal' }],
  };
  ws.getCell('B3').value = 'ligne 1\nligne 2\ttab';
  ws.getCell('C3').value = '=HYPERLINK("http://x")';
  ws.getCell('D3').value = '<img src=x onerror=alert(1)>';
  ws.getCell('E3').value = 'Structure'; // a second use of a shared string
  ws.getCell('F3').value = 'é à ç € 😀 "guillemets" \'apostrophe\'';
  // Input cells, unlocked, with and without a value.
  ws.getCell('B5').value = 12;
  ws.getCell('B5').protection = { locked: false };
  ws.getCell('C5').protection = { locked: false };
  ws.getCell('C5').numFmt = '0.00';
  addValidation(ws, 'B5:B20', {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showInputMessage: true,
    promptTitle: 'Effectif',
    prompt: 'Nombre de personnes (entier positif)',
    showErrorMessage: true,
    errorTitle: 'Valeur invalide',
    error: 'Saisissez un nombre entier ≥ 0.',
  });
  addValidation(ws, 'C5:C20', {
    type: 'list',
    allowBlank: false,
    formulae: ['"EI,ACI,AI,ETTI,EITI"'],
  });
  addValidation(ws, 'D5:D20', {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, 100],
  });
  await ws.protect('secret', { selectLockedCells: true, selectUnlockedCells: true });
  wb.definedNames.add("'Retour SIAE'!$B$2", 'heures');
  ws.pageSetup.printArea = 'A1:K20';

  const t = wb.addWorksheet('Tableau');
  t.addTable({
    name: 'Personnes',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Nom' }, { name: 'Âge' }, { name: 'Entrée' }],
    rows: [
      ['Dupont', 34, 'oui'],
      ['Martin', 52, 'non'],
    ],
  });

  const hidden = wb.addWorksheet('Meta', { state: 'veryHidden' });
  hidden.getCell('A1').value = 'schemaVersion';
  hidden.getCell('B1').value = '1.0.0';
  wb.addWorksheet('Cachée', { state: 'hidden' });
  return excelBytes(wb);
}

describe('readXlsx on a workbook written by ExcelJS', () => {
  let book: GridWorkbook;
  beforeAll(async () => {
    book = readXlsx(await buildWorkbook(), 'retour.xlsx');
  });

  it('lists the sheets in order with their visibility', () => {
    expect(book.source).toBe('retour.xlsx');
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Retour SIAE', 'visible'],
      ['Tableau', 'visible'],
      ['Meta', 'veryHidden'],
      ['Cachée', 'hidden'],
    ]);
    expect(book.date1904).toBe(false);
  });

  it('gives every value back exactly, formulas as their cached result', () => {
    const ws = sheetByName(book, 'Retour SIAE')!;
    expect(ws.rows.slice(0, 3)).toEqual([
      ['Structure', 'Entrées & sorties <2024>'],
      [
        'ACI Les Jardins',
        1820,
        -0.125,
        45306, // 15/01/2024 as an Excel serial
        0.6,
        true,
        false,
        { error: '#DIV/0!' },
        3640,
        'ACI Les Jardins!',
        { error: '#DIV/0!' },
      ],
      [
        'Gras et normal',
        'ligne 1\nligne 2\ttab',
        '=HYPERLINK("http://x")',
        '<img src=x onerror=alert(1)>',
        'Structure',
        'é à ç € 😀 "guillemets" \'apostrophe\'',
      ],
    ]);
    expect(ws.rows[3]).toBeUndefined();
    expect(ws.rows[4]).toEqual([null, 12, null]);
    expect(ws.rows.length).toBe(5);
  });

  it('reads number formats and the locked flag of each cell', () => {
    const ws = sheetByName(book, 'Retour SIAE')!;
    expect(cellStyle(book, ws, 2, 4)).toEqual({ numFmt: 'dd/mm/yyyy', locked: true });
    expect(cellStyle(book, ws, 2, 5)).toEqual({ numFmt: '0%', locked: true });
    expect(cellStyle(book, ws, 2, 2)).toEqual({ numFmt: 'General', locked: true });
    expect(cellStyle(book, ws, 5, 2)).toEqual({ numFmt: 'General', locked: false });
    expect(cellStyle(book, ws, 5, 3)).toEqual({ numFmt: '0.00', locked: false });
    expect(cellStyle(book, ws, 30, 30)).toEqual({ numFmt: 'General', locked: true });
    // Rows without any styled cell carry no style array.
    expect(ws.styles[0]).toBeUndefined();
  });

  it('reads data validations on their ranges', () => {
    const ws = sheetByName(book, 'Retour SIAE')!;
    const bySqref = Object.fromEntries(ws.validations.map((v) => [v.sqref, v]));
    expect(bySqref['B5:B20']).toEqual({
      sqref: 'B5:B20',
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formula1: '0',
      promptTitle: 'Effectif',
      prompt: 'Nombre de personnes (entier positif)',
      errorTitle: 'Valeur invalide',
      error: 'Saisissez un nombre entier ≥ 0.',
    });
    expect(bySqref['C5:C20']).toEqual({ sqref: 'C5:C20', type: 'list', allowBlank: false, formula1: '"EI,ACI,AI,ETTI,EITI"' });
    expect(bySqref['D5:D20']).toEqual({
      sqref: 'D5:D20',
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formula1: '0',
      formula2: '100',
    });
    expect(ws.validations).toHaveLength(3);
  });

  it('reads sheet protection with its password', () => {
    expect(sheetByName(book, 'Retour SIAE')!.protection).toEqual({ password: true });
    expect(sheetByName(book, 'Tableau')!.protection).toBeNull();
  });

  it('reads tables with their columns', () => {
    expect(book.tables).toEqual([{ name: 'Personnes', sheet: 'Tableau', ref: 'A1:C3', columns: ['Nom', 'Âge', 'Entrée'] }]);
    expect(sheetByName(book, 'Tableau')!.rows).toEqual([
      ['Nom', 'Âge', 'Entrée'],
      ['Dupont', 34, 'oui'],
      ['Martin', 52, 'non'],
    ]);
  });

  it('reads workbook and sheet-local defined names', () => {
    expect(book.definedNames).toEqual(
      expect.arrayContaining([
        { name: 'heures', ref: "'Retour SIAE'!$B$2" },
        // As ExcelJS writes it (it anchors only the columns of a print area).
        { name: '_xlnm.Print_Area', ref: "'Retour SIAE'!$A1:$K20", localSheet: 'Retour SIAE' },
      ]),
    );
    expect(book.definedNames).toHaveLength(2);
  });

  it('reads a very hidden sheet like any other', () => {
    expect(sheetByName(book, 'Meta')!.rows).toEqual([['schemaVersion', '1.0.0']]);
    expect(sheetByName(book, 'Cachée')!.rows).toEqual([]);
  });
});
