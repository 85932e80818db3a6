/**
 * styles.xml → the workbook's cell style table: for each cellXfs entry (the `s` of a cell),
 * its number format code and whether it is locked. Fonts, fills and borders are not needed.
 */
import type { CellStyle } from '../../../core/grid';
import { DEFAULT_STYLE } from '../../../core/grid';
import { BUILTIN_NUM_FORMATS } from './builtin-num-formats';
import { boolAttr, child, children, parseXml } from './xml-tree';
import { decodeOoxmlEscapes } from './xml-text';

export function parseStyles(xml: string | undefined, maxNodes?: number): CellStyle[] {
  if (xml === undefined) return [DEFAULT_STYLE];
  const root = parseXml(xml, maxNodes, 'styles.xml');
  const custom = new Map<number, string>();
  for (const f of children(child(root, 'numFmts'), 'numFmt')) {
    const id = Number(f.attrs.numFmtId);
    if (Number.isInteger(id) && f.attrs.formatCode !== undefined) custom.set(id, decodeOoxmlEscapes(f.attrs.formatCode));
  }
  const styles: CellStyle[] = [];
  // Interning keeps 5 million cells' styles down to a handful of objects.
  const interned = new Map<string, CellStyle>();
  for (const xf of children(child(root, 'cellXfs'), 'xf')) {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const numFmt = custom.get(id) ?? BUILTIN_NUM_FORMATS[id] ?? 'General';
    const prot = child(xf, 'protection');
    const locked = prot ? boolAttr(prot, 'locked', true) : true;
    const key = `${locked ? 1 : 0}${numFmt}`;
    let style = interned.get(key);
    if (!style) {
      style = { numFmt, locked };
      interned.set(key, style);
    }
    styles.push(style);
  }
  if (styles.length === 0) styles.push(DEFAULT_STYLE);
  return styles;
}
