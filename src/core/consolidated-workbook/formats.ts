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

/** Headers wrap and sit at the bottom of their row, just above their values. */
export const HEADER_STYLE: StyleModel = { bold: true, wrap: true, vertical: 'bottom' };
export const TITLE_STYLE: StyleModel = { bold: true, fontSize: 14 };
export const NOTE_STYLE: StyleModel = { italic: true, color: '595959' };

/**
 * A value as shown, in digits and separators (« 1 234 567 », « 45,2 % », « 12,5 »): enough to
 * size a column, not to render it.
 */
export function displayedText(value: string | number | boolean, numFmt?: string): string {
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value === 'string') return value;
  return '0'.repeat(displayedLength(value, numFmt));
}

/** Characters a number takes once formatted. */
function displayedLength(value: number, numFmt?: string): number {
  const percent = numFmt?.includes('%') ?? false;
  const decimals = /\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? (Number.isInteger(value) ? 0 : 2);
  const whole = Math.abs(Math.trunc(percent ? value * 100 : value)).toString().length;
  const grouped = numFmt?.includes(',') ? whole + Math.floor((whole - 1) / 3) : whole;
  return (value < 0 ? 1 : 0) + grouped + (decimals > 0 ? decimals + 1 : 0) + (percent ? 2 : 0);
}
