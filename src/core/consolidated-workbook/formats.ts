import { figureFormat, type FigureCode, type FigureFormat, type FigureValue } from '../consolidate/index.js';
import type { StyleModel } from '../workbook-model.js';

/** Number formats (Excel codes; Excel and LibreOffice show them in the user's locale). */
export const NUM_FMT: Record<FigureFormat, string> = {
  entier: '#,##0',
  heures: '#,##0',
  etp: '#,##0.0',
  decimal: '0.00',
  pourcentage: '0.0%',
};

export const PROGRESS_FMT = '0%';

export function styleOf(code: FigureCode): StyleModel {
  return { numFmt: NUM_FMT[figureFormat(code)] };
}

/** A figure as a cell value: numbers stay numbers, "sans objet" is text, no data is blank. */
export function figureCell(v: FigureValue): string | number | null {
  return v;
}

export const HEADER_STYLE: StyleModel = { bold: true, wrap: true, vertical: 'top' };
export const TITLE_STYLE: StyleModel = { bold: true, fontSize: 14 };
export const NOTE_STYLE: StyleModel = { italic: true, color: '595959' };
