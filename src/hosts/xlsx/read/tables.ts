/** A table part (xl/tables/tableN.xml) → GridTable: its name, range and column headers. */
import type { GridTable } from '../../../core/grid';
import { children, child, parseXml } from './xml-tree';
import { decodeOoxmlEscapes } from './xml-text';

export function parseTable(xml: string, sheet: string, maxNodes?: number): GridTable {
  const root = parseXml(xml, maxNodes, `table de la feuille ${sheet}`);
  // displayName is what formulas and the Name Manager show; `name` is usually identical.
  const name = root.attrs.displayName ?? root.attrs.name ?? '';
  const columns = children(child(root, 'tableColumns'), 'tableColumn').map((c) =>
    decodeOoxmlEscapes(c.attrs.name ?? ''),
  );
  return { name, sheet, ref: root.attrs.ref ?? '', columns };
}
