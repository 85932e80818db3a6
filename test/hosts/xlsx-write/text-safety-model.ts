/** Texts that once broke or changed the consolidated workbook (issue 11, item 4). */
import type { WorkbookModel } from '../../../src/core/workbook-model';

/** Characters XML 1.0 cannot carry, and texts that already look like OOXML escapes. */
export const ILLEGAL_TEXTS = [
  'Raison\u0001sociale',
  '\u0000début',
  'fin\u001F',
  'EI \uFFFE Alpha',
  '\uFFFF',
  'x\u000By\u000Cz',
  '_xFFFE_',
  '_x0041_ littéral',
  'a_x00e9_b',
  '_x005F_',
  'tab\tLF\nfin',
  'CR\rseul',
  '  espaces autour  ',
  'émoji 😀 valide',
] as const;

/**
 * Texts only our reader can compare: no UTF-8 file (a CSV) can carry a lone surrogate, and
 * LibreOffice makes every CR of a text that also holds a LF a paragraph break (a LF on export).
 */
export const READER_ONLY_TEXTS = ['a\uD800b', '\uDC00', 'LF\nCR\rfin'] as const;

/** Text a spreadsheet or a CSV consumer could take for a formula. */
export const FORMULA_LIKE_TEXTS = ['=1+1', '+33 1 23 45 67 89', '-5', '@SUM(A1)', '\t=1+1', '\r=2+2', '=HYPERLINK("https://exemple.fr","x")'] as const;

export const TEXT_SAFETY_MODEL: WorkbookModel = {
  sheets: [
    {
      name: 'Textes',
      cells: [
        ...ILLEGAL_TEXTS.map((value, i) => ({ row: i + 1, col: 1, value })),
        ...FORMULA_LIKE_TEXTS.map((value, i) => ({ row: i + 1, col: 2, value })),
        // A styled formula-like text keeps its style and gains the quote prefix.
        { row: 1, col: 3, value: '=A1', style: { bold: true } },
        { row: 2, col: 3, value: 'note', note: 'Note \u0002 avec _x0041_' },
      ],
      validations: [{ range: 'D1:D5', type: 'whole', formulae: ['0'], operator: 'greaterThanOrEqual', allowBlank: true, prompt: { title: 'T\u0003', message: 'ligne 1\nligne 2' } }],
      tables: [{ name: 'T_Texte', topLeft: 'F1', columns: ['Nom\u0007', 'Valeur'], rowCount: 1 }],
    },
    { name: 'Seuls', cells: READER_ONLY_TEXTS.map((value, i) => ({ row: i + 1, col: 1, value })) },
  ],
};
