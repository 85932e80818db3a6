/** A workbook model exercising every feature of the writer (shared by the writer's tests). */
import type { WorkbookModel } from '../../../src/core/workbook-model';

/** Text that must stay text: formula-like, HTML-like, quotes and commas. */
export const TRICKY_TEXTS = ['=1+1', '+33 1 23 45 67 89', '-5', '@SUM(A1)', '<b>gras</b><script>x</script>', 'Guillemets "x", virgule'] as const;

export const FULL_MODEL: WorkbookModel = {
  properties: { title: 'Modèle de test', subject: 'Indicateurs IAE', creator: 'Indicateurs IAE' },
  definedNames: [
    { name: 'IAE_VERSION', ref: '"1.0.0"' },
    { name: 'IAE_SAISIE', ref: "'Saisie IAE'!$B$3:$D$6" },
  ],
  sheets: [
    {
      name: 'Saisie IAE',
      tabColor: '1F4E79',
      columns: [{ width: 30 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 8, hidden: true }],
      freeze: { rows: 2, cols: 1 },
      merges: ['A1:D1'],
      cells: [
        { row: 1, col: 1, value: 'Saisie des indicateurs', style: { bold: true, fontSize: 14, color: 'FFFFFF', fill: '1F4E79', horizontal: 'center' } },
        { row: 2, col: 1, value: 'Structure', style: { bold: true, border: 'thin' } },
        { row: 2, col: 2, value: 'Salariés', style: { bold: true, border: 'thin', wrap: true } },
        { row: 2, col: 3, value: 'Heures', style: { bold: true, border: 'thin' } },
        { row: 2, col: 4, value: 'Total', style: { bold: true, border: 'thin' } },
        { row: 3, col: 1, value: 'EI Alpha', note: 'Entreprise d’insertion' },
        { row: 3, col: 2, value: 12 },
        { row: 3, col: 3, value: 1500.5, style: { numFmt: '#,##0.00' } },
        { row: 3, col: 4, formula: 'B3+C3', value: 1512.5 },
        { row: 4, col: 1, value: 'ACI Beta' },
        { row: 4, col: 2, value: 8 },
        { row: 4, col: 3, value: 900 },
        { row: 4, col: 4, formula: 'B4+C4' },
        { row: 5, col: 1, value: 'AI Gamma', style: { italic: true, vertical: 'top', indent: 1 } },
        { row: 5, col: 2, value: 0 },
        { row: 5, col: 3, value: 10 },
        { row: 5, col: 4, formula: 'SUM(B5:C5)', value: 10 },
        { row: 6, col: 1, value: 'Oui' },
        { row: 6, col: 2, value: true },
        { row: 8, col: 1, value: 'Aller au tableau', hyperlink: "#'Tableau'!A1" },
        { row: 9, col: 1, value: 'Documentation', hyperlink: 'https://example.org/iae' },
        ...TRICKY_TEXTS.map((t, i) => ({ row: 11 + i, col: 1, value: t })),
      ],
      rangeStyles: [
        { range: 'B3:C6', style: { locked: false, fill: 'FFF2CC', border: 'thin' } },
        { range: 'D3:D6', style: { numFmt: '0.0', fill: 'EEEEEE' } },
      ],
      validations: [
        { range: 'B3:B6', type: 'whole', operator: 'greaterThanOrEqual', formulae: ['0'], allowBlank: true, prompt: { title: 'Salariés', message: 'Nombre entier positif' }, error: { title: 'Valeur refusée', message: 'Saisir un entier ≥ 0' } },
        { range: 'C3:C6', type: 'decimal', operator: 'between', formulae: ['0', '100000'], allowBlank: true },
        { range: 'A3:A6', type: 'textLength', operator: 'lessThanOrEqual', formulae: ['40'], allowBlank: false },
        { range: 'E3:E6', type: 'list', formulae: ['"EI,ACI,AI,ETTI,EITI"'], allowBlank: true, error: { title: 'Type', message: 'Choisir dans la liste' } },
        { range: 'F3:F6 H3:H6', type: 'custom', formulae: ['ISNUMBER(F3)'], allowBlank: true },
      ],
      conditionalFormats: [
        { range: 'B3:B6', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], style: { fill: 'FFC7CE', color: '9C0006' } }] },
        { range: 'C3:C6', rules: [{ type: 'expression', formula: 'C3>1000', style: { bold: true, color: '006100' } }] },
        { range: 'A3:A6', rules: [{ type: 'containsText', text: 'EI', style: { fill: 'C6EFCE' } }] },
        { range: 'A11:A16', rules: [{ type: 'containsText', text: 'x", virgule', style: { italic: true } }] },
      ],
      protection: { enabled: true },
      print: { orientation: 'landscape', fitToWidth: true, titleRows: '1:2' },
      charts: [
        { type: 'column', title: 'Salariés par structure', categories: 'A3:A5', series: [{ name: 'Salariés', values: 'B3:B5' }], from: 'G2', to: 'N16' },
        { type: 'stackedColumn', title: 'Salariés et heures', categories: 'A3:A5', series: [{ name: 'Salariés', values: 'B3:B5' }, { name: 'Heures', values: 'C3:C5' }], from: 'G18', to: 'N32' },
      ],
    },
    {
      name: 'Tableau',
      tables: [{ name: 'T_Structures', topLeft: 'A1', columns: ['Structure', 'Type', 'Salariés'], rowCount: 3, style: 'TableStyleLight9' }],
      cells: [
        { row: 2, col: 1, value: 'Alpha' }, { row: 2, col: 2, value: 'EI' }, { row: 2, col: 3, value: 12 },
        { row: 3, col: 1, value: 'Beta' }, { row: 3, col: 2, value: 'ACI' }, { row: 3, col: 3, value: 8 },
        { row: 4, col: 1, value: 'Gamma' }, { row: 4, col: 2, value: 'AI' }, { row: 4, col: 3, formula: 'C2-C3', value: 4 },
      ],
      charts: [
        { type: 'pie', title: 'Répartition', categories: 'B2:B4', series: [{ name: 'Salariés', values: 'C2:C4' }], from: 'E2', to: 'K15' },
        { type: 'bar', title: 'Barres', categories: 'A2:A4', series: [{ name: 'Salariés', values: 'C2:C4' }], from: 'E17', to: 'K30' },
      ],
    },
    { name: 'Paramètres', visibility: 'veryHidden', cells: [{ row: 1, col: 1, value: 'version' }, { row: 1, col: 2, value: '1.0.0' }] },
    { name: 'Masquée', visibility: 'hidden', cells: [{ row: 1, col: 1, value: 'caché' }] },
  ],
};
