/** A small consolidated-workbook model with every feature the Office.js writer renders. */
import type { CellModel, SheetModel, WorkbookModel } from '../../../src/core/workbook-model.js';

export function dataSheet(rows: number, name = 'Données consolidées'): SheetModel {
  const headers = ['SIRET', 'Nom', 'Département', 'Secteur', 'ETP', 'Heures', 'Statut'];
  const cells: CellModel[] = headers.map((h, i) => ({ row: 1, col: i + 1, value: h, style: { bold: true, fill: 'DDEBF7' } }));
  for (let r = 0; r < rows; r++) {
    const row = r + 2;
    cells.push(
      { row, col: 1, value: String(10_000_000_000_000 + r).padStart(14, '0') },
      { row, col: 2, value: r === 0 ? '=HYPERLINK("http://pirate")' : r === 1 ? '+33 1 23 45 67 89' : r === 2 ? '-moins' : r === 3 ? '@SOMME' : `SIAE ${r}` },
      { row, col: 3, value: ['75', '77', '78', '91', '92', '93', '94', '95'][r % 8]! },
      { row, col: 4, value: ['BTP', 'Services', 'Recyclage'][r % 3]! },
      { row, col: 5, value: (r % 40) + 0.5, style: { numFmt: '0.00' } },
      { row, col: 6, value: r * 10, style: { numFmt: '# ##0' } },
      { row, col: 7, value: r % 2 === 0 ? 'Atteint' : 'Non atteint' },
    );
  }
  return {
    name,
    columns: [{ width: 16 }, { width: 30 }, { width: 12 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 14 }],
    cells,
    freeze: { rows: 1, cols: 0 },
    tables: [{ name: 'IAE_Consolidation', topLeft: 'A1', columns: headers, rowCount: Math.max(1, rows) }],
    rangeStyles: [{ range: `E2:E${rows + 1}`, style: { horizontal: 'right' } }],
    conditionalFormats: [
      { range: `G2:G${rows + 1}`, rules: [{ type: 'containsText', text: 'Non atteint', style: { color: '9C0006', fill: 'FFC7CE' } }] },
      { range: `E2:E${rows + 1}`, rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], style: { fill: 'FFC7CE' } }] },
    ],
    validations: [{ range: `C2:C${rows + 1}`, type: 'list', formulae: ['"75,77,78,91,92,93,94,95"'], allowBlank: true }],
  };
}

export function summarySheet(dataName = 'Données consolidées'): SheetModel {
  const deps = ['75', '77', '93'];
  const cells: CellModel[] = [
    { row: 1, col: 1, value: 'Synthèse régionale', style: { bold: true, fontSize: 14 } },
    { row: 3, col: 1, value: 'Département', style: { bold: true } },
    { row: 3, col: 2, value: 'ETP', style: { bold: true } },
    ...deps.flatMap((d, i) => [
      { row: 4 + i, col: 1, value: d },
      { row: 4 + i, col: 2, formula: `SUMIFS('${dataName}'!E:E,'${dataName}'!C:C,A${4 + i})`, value: 0, style: { numFmt: '0.0' } },
    ]),
    { row: 8, col: 1, value: 'Secteur', style: { bold: true } },
    { row: 8, col: 2, value: 'Heures', style: { bold: true } },
    { row: 9, col: 1, value: 'BTP' },
    { row: 9, col: 2, value: 1200 },
    { row: 10, col: 1, value: 'Services' },
    { row: 10, col: 2, value: 800 },
    { row: 12, col: 1, value: 'Statut', style: { bold: true } },
    { row: 12, col: 2, value: 'Objectifs', style: { bold: true } },
    { row: 13, col: 1, value: 'Atteint' },
    { row: 13, col: 2, value: 3 },
    { row: 14, col: 1, value: 'Non atteint' },
    { row: 14, col: 2, value: 2 },
    { row: 16, col: 1, value: 'Voir les données', hyperlink: `#'${dataName}'!A1` },
  ];
  return {
    name: 'Synthèse régionale',
    tabColor: '1F4E79',
    cells,
    merges: ['A1:D1'],
    charts: [
      { type: 'bar', title: 'ETP par département', categories: 'A4:A6', series: [{ name: 'ETP', values: 'B4:B6' }], from: 'D3', to: 'K18' },
      { type: 'column', title: 'Heures par secteur', categories: 'A9:A10', series: [{ name: 'Heures', values: 'B9:B10' }], from: 'D20', to: 'K35' },
      { type: 'pie', title: 'Statut des objectifs', categories: 'A13:A14', series: [{ name: 'Objectifs', values: 'B13:B14' }], from: 'D37', to: 'K52' },
    ],
    print: { orientation: 'landscape', fitToWidth: true, titleRows: '1:3' },
  };
}

export function consolidatedModel(rows = 20): WorkbookModel {
  return {
    sheets: [summarySheet(), dataSheet(rows)],
    definedNames: [{ name: 'IAE_TOTAL_ETP', ref: "'Synthèse régionale'!$B$4:$B$6" }],
  };
}
