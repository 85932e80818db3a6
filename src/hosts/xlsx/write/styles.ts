/**
 * StyleModel (neutral) to styles.xml: fonts, fills, borders, number formats and cell formats are
 * deduplicated, so a sheet of 100,000 cells with five looks holds five formats. Conditional
 * formats use differential formats (dxfs).
 */
import type { StyleModel } from '../../../core/workbook-model';
import { xmlEscape } from './xml-text';

export const argb = (rgb: string): string => {
  const hex = rgb.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`Couleur invalide : « ${rgb} » (attendu : 6 chiffres hexadécimaux, ex. 1F1F1F).`);
  return `FF${hex}`;
};

/** Later styles override earlier ones field by field (range styles first, then the cell's own). */
export function mergeStyles(...styles: readonly (StyleModel | undefined)[]): StyleModel | undefined {
  let out: StyleModel | undefined;
  for (const s of styles) if (s) out = out ? { ...out, ...s } : s;
  return out;
}

/** Excel's built-in number formats (ECMA-376 18.8.30) that our builders use. */
const BUILTIN_NUM_FMTS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const DEFAULT_FONT = '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const NO_STYLE: StyleModel = {};
const HORIZONTAL = new Set(['left', 'center', 'right']);
const VERTICAL: Record<string, string> = { top: 'top', middle: 'center', bottom: 'bottom' };

class Pool {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: readonly string[]) {
    for (const x of initial) this.id(x);
  }
  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

function fontXml(s: StyleModel): string {
  return (
    '<font>' +
    (s.bold ? '<b/>' : '') +
    (s.italic ? '<i/>' : '') +
    `<sz val="${s.fontSize ?? 11}"/>` +
    (s.color !== undefined ? `<color rgb="${argb(s.color)}"/>` : '<color theme="1"/>') +
    '<name val="Calibri"/><family val="2"/>' +
    (s.fontSize === undefined || s.fontSize === 11 ? '<scheme val="minor"/>' : '') +
    '</font>'
  );
}

function alignmentXml(s: StyleModel): string {
  if (!s.wrap && s.horizontal === undefined && s.vertical === undefined && s.indent === undefined) return '';
  let a = '<alignment';
  if (s.horizontal !== undefined) {
    if (!HORIZONTAL.has(s.horizontal)) throw new Error(`Alignement horizontal invalide : « ${String(s.horizontal)} ».`);
    a += ` horizontal="${s.horizontal}"`;
  }
  if (s.vertical !== undefined) {
    const v = VERTICAL[s.vertical];
    if (!v) throw new Error(`Alignement vertical invalide : « ${String(s.vertical)} ».`);
    a += ` vertical="${v}"`;
  }
  if (s.wrap) a += ' wrapText="1"';
  if (s.indent !== undefined) {
    if (!Number.isInteger(s.indent) || s.indent < 0 || s.indent > 250) throw new Error(`Retrait invalide : ${s.indent}.`);
    a += ` indent="${s.indent}"`;
  }
  return a + '/>';
}

/** How many recently built styles cellXf compares a new style object with. */
const RECENT = 8;

/** Whether two styles have the same value in every field build() reads (hence the same cell format). */
function sameStyle(a: StyleModel, b: StyleModel): boolean {
  return (
    a.numFmt === b.numFmt &&
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.fontSize === b.fontSize &&
    a.color === b.color &&
    a.fill === b.fill &&
    a.wrap === b.wrap &&
    a.horizontal === b.horizontal &&
    a.vertical === b.vertical &&
    a.border === b.border &&
    a.locked === b.locked &&
    a.indent === b.indent
  );
}

/** The styles of one workbook; cell format 0 is Excel's default. */
export class StyleSheet {
  private readonly fonts = new Pool([DEFAULT_FONT]);
  private readonly fills = new Pool(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Pool([
    '<border><left/><right/><top/><bottom/><diagonal/></border>',
    '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>',
  ]);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Pool([]);
  /** Builders reuse style objects: most cells cost one lookup. */
  private readonly byObject = new WeakMap<StyleModel, number>();
  private readonly byObjectQuoted = new WeakMap<StyleModel, number>();

  private numFmtId(code: string): number {
    const builtin = BUILTIN_NUM_FMTS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** Index of the cell format for a style; `quotePrefix` marks text that must stay text. */
  cellXf(style: StyleModel | undefined, quotePrefix = false): number {
    if (!style) {
      if (!quotePrefix) return 0;
      style = NO_STYLE;
    }
    const cache = quotePrefix ? this.byObjectQuoted : this.byObject;
    let id = cache.get(style);
    if (id === undefined) {
      // Some builders make a new, equal style object per cell: compared field by field with the
      // last few styles built, it costs no XML string and no map entry per cell.
      id = this.recentXf(style, quotePrefix);
      if (id !== undefined) return id;
      id = this.build(style, quotePrefix);
      cache.set(style, id);
      const r = this.recent[this.recentNext]!;
      r.style = style;
      r.quote = quotePrefix;
      r.id = id;
      this.recentNext = (this.recentNext + 1) % RECENT;
    }
    return id;
  }

  /** The last styles built, by content: equal fields give the same cell format. */
  private readonly recent: { style: StyleModel | undefined; quote: boolean; id: number }[] = Array.from({ length: RECENT }, () => ({ style: undefined, quote: false, id: 0 }));
  private recentNext = 0;

  /** The entry of `recent` that matched last: a builder making a style object per cell repeats it. */
  private lastHit = 0;

  private recentXf(s: StyleModel, quotePrefix: boolean): number | undefined {
    const last = this.recent[this.lastHit]!;
    if (last.style !== undefined && last.quote === quotePrefix && sameStyle(last.style, s)) return last.id;
    for (let i = 0; i < RECENT; i++) {
      const r = this.recent[i]!;
      if (r.style !== undefined && r.quote === quotePrefix && sameStyle(r.style, s)) {
        this.lastHit = i;
        return r.id;
      }
    }
    return undefined;
  }

  private build(s: StyleModel, quotePrefix: boolean): number {
    const numFmtId = s.numFmt !== undefined ? this.numFmtId(s.numFmt) : 0;
    const hasFont = s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.color !== undefined;
    const fontId = hasFont ? this.fonts.id(fontXml(s)) : 0;
    const fillId = s.fill !== undefined ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const borderId = s.border === 'thin' ? 1 : 0;
    const alignment = alignmentXml(s);
    const unlocked = s.locked === false;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (quotePrefix) xf += ' quotePrefix="1"';
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    if (borderId) xf += ' applyBorder="1"';
    if (alignment) xf += ' applyAlignment="1"';
    if (unlocked) xf += ' applyProtection="1"';
    xf += alignment || unlocked ? `>${alignment}${unlocked ? '<protection locked="0"/>' : ''}</xf>` : '/>';
    return this.xfs.id(xf);
  }

  /** Index of the differential format of a conditional-format rule: a solid fill goes in bgColor. */
  dxf(s: StyleModel): number {
    let xml = '<dxf>';
    if (s.bold || s.italic || s.color !== undefined) {
      xml += `<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}${s.color !== undefined ? `<color rgb="${argb(s.color)}"/>` : ''}</font>`;
    }
    if (s.numFmt !== undefined) xml += `<numFmt numFmtId="${this.numFmtId(s.numFmt)}" formatCode="${xmlEscape(s.numFmt)}"/>`;
    if (s.fill !== undefined) xml += `<fill><patternFill patternType="solid"><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>`;
    return this.dxfs.id(xml + '</dxf>');
  }

  /** xl/styles.xml */
  xml(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length ? list('numFmts', numFmts) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs.items) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
