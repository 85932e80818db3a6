/** StyleModel (neutral) to ExcelJS cell styles and conditional-format (dxf) styles. */
import type { Style } from 'exceljs';
import type { StyleModel } from '../../../core/workbook-model';

const DEFAULT_FONT = { name: 'Calibri', size: 11, family: 2 } as const;

export const argb = (rgb: string): string => {
  const hex = rgb.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`Couleur invalide : « ${rgb} » (attendu : 6 chiffres hexadécimaux, ex. 1F1F1F).`);
  return `FF${hex}`;
};

/** Later styles override earlier ones field by field (range styles first, then the cell's own). */
export function mergeStyles(...styles: readonly (StyleModel | undefined)[]): StyleModel | undefined {
  let out: StyleModel | undefined;
  for (const s of styles) if (s) out = { ...(out ?? {}), ...s };
  return out;
}

export function toCellStyle(s: StyleModel): Partial<Style> {
  const style: Partial<Style> = {};
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.color !== undefined) {
    style.font = {
      ...DEFAULT_FONT,
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color !== undefined ? { color: { argb: argb(s.color) } } : {}),
    };
  }
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.horizontal !== undefined || s.vertical !== undefined || s.indent !== undefined) {
    style.alignment = {
      ...(s.wrap ? { wrapText: true } : {}),
      ...(s.horizontal !== undefined ? { horizontal: s.horizontal } : {}),
      ...(s.vertical !== undefined ? { vertical: s.vertical } : {}),
      ...(s.indent !== undefined ? { indent: s.indent } : {}),
    };
  }
  if (s.border === 'thin') {
    const thin = { style: 'thin' as const };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.locked === false) style.protection = { locked: false };
  return style;
}

/** Conditional formats use differential styles: a solid fill goes in bgColor, not fgColor. */
export function toDxfStyle(s: StyleModel): Partial<Style> {
  const style: Partial<Style> = {};
  if (s.bold || s.italic || s.color !== undefined) {
    style.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color !== undefined ? { color: { argb: argb(s.color) } } : {}),
    };
  }
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(s.fill) } };
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  return style;
}
