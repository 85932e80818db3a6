import type { StyleModel } from '../workbook-model.js';

/**
 * The templates' visual language: pale yellow framed cells are unlocked and typed into, grey
 * italic "Calculé" cells are formulas, everything else is locked text. Example rows of the plan
 * are orange, so they do not read as plain input. Kept here so every template agrees.
 */
export const COLORS = {
  title: '1F3864',
  section: 'D9E2F3',
  header: 'B4C6E7',
  computed: 'EDEDED',
  computedText: '404040',
  code: 'F2F2F2',
  codeText: '7F7F7F',
  input: 'FFF9E5',
  example: 'FCE4D6',
  required: 'C00000',
  param: 'E2EFDA',
} as const;

export const TITLE: StyleModel = { bold: true, fontSize: 14, color: COLORS.title };
export const SUBTITLE: StyleModel = { italic: true, wrap: true, vertical: 'top' };
export const SECTION: StyleModel = { bold: true, fontSize: 12, fill: COLORS.section, border: 'thin', vertical: 'middle' };
export const HEADER: StyleModel = { bold: true, fill: COLORS.header, border: 'thin', wrap: true, vertical: 'middle' };
export const LABEL: StyleModel = { wrap: true, vertical: 'top', border: 'thin' };
export const HELP: StyleModel = { wrap: true, vertical: 'top', fontSize: 9, color: '404040', border: 'thin' };
export const UNIT: StyleModel = { wrap: true, vertical: 'top', fontSize: 9, border: 'thin' };
export const REQUIRED_MARK: StyleModel = { vertical: 'top', bold: true, fontSize: 9, color: COLORS.required, border: 'thin' };
export const OPTIONAL_MARK: StyleModel = { vertical: 'top', fontSize: 9, color: '595959', border: 'thin' };
export const COMPUTED_MARK: StyleModel = { vertical: 'top', italic: true, fontSize: 9, color: COLORS.computedText, fill: COLORS.computed, border: 'thin' };
export const COMPUTED_LABEL: StyleModel = { italic: true, wrap: true, vertical: 'top', color: COLORS.computedText, fill: COLORS.computed, border: 'thin' };
export const CODE_ROW: StyleModel = { fontSize: 8, color: COLORS.codeText, fill: COLORS.code, horizontal: 'center' };
export const PARAGRAPH: StyleModel = { wrap: true, vertical: 'top' };
export const PARAM: StyleModel = { fill: COLORS.param, border: 'thin', vertical: 'top' };

/** An input cell: unlocked, framed, with the number format its value type needs. */
export function inputStyle(numFmt?: string): StyleModel {
  const base: StyleModel = { locked: false, fill: COLORS.input, border: 'thin', vertical: 'top' };
  return numFmt ? { ...base, numFmt } : base;
}

/** A formula cell: locked, grey, italic, with the format of its result. */
export function computedStyle(numFmt: string): StyleModel {
  return { locked: true, italic: true, color: COLORS.computedText, fill: COLORS.computed, border: 'thin', numFmt, vertical: 'top' };
}

/** A failing control: red for an error, orange for a warning (dark text stays readable on both). */
export function flagStyle(severity: 'erreur' | 'avertissement'): StyleModel {
  return severity === 'erreur' ? { fill: 'FFC7CE', color: '9C0006', bold: true } : { fill: 'FFEB9C', color: '9C5700', bold: true };
}

export const TEXT_FORMAT = '@';
export const PERCENT_FORMAT = '0.0%';
export const DECIMAL_FORMAT = '#,##0.00';
export const INTEGER_FORMAT = '#,##0';
export const YEAR_FORMAT = '0';
export const DATE_FORMAT = 'dd/mm/yyyy';
