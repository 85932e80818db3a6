/** workbook.xml: the sheets in tab order, the defined names and the date system. */
import type { GridSheet } from '../../../core/grid';
import { boolAttr, child, children, parseXml } from './xml-tree';

export interface WorkbookSheetEntry {
  readonly name: string;
  readonly visibility: GridSheet['visibility'];
  /** Relationship id of the sheet part in the workbook's rels. */
  readonly relId: string;
}

export interface RawDefinedName {
  readonly name: string;
  readonly ref: string;
  /** Index into the sheets list when the name is local to a sheet. */
  readonly localSheetId?: number;
}

export interface WorkbookPart {
  readonly sheets: WorkbookSheetEntry[];
  readonly definedNames: RawDefinedName[];
  readonly date1904: boolean;
}

function visibilityOf(state: string | undefined): GridSheet['visibility'] {
  return state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
}

export function parseWorkbookPart(xml: string, maxNodes?: number): WorkbookPart {
  const root = parseXml(xml, maxNodes, 'workbook.xml');
  if (root.name !== 'workbook') throw new SyntaxError(`élément racine <${root.name}> au lieu de <workbook>`);
  const pr = child(root, 'workbookPr');
  const sheets = children(child(root, 'sheets'), 'sheet').map((s) => ({
    name: s.attrs.name ?? '',
    visibility: visibilityOf(s.attrs.state),
    relId: s.attrs.id ?? '',
  }));
  const definedNames = children(child(root, 'definedNames'), 'definedName').map((d) => {
    const local = d.attrs.localSheetId === undefined ? undefined : Number(d.attrs.localSheetId);
    return {
      name: d.attrs.name ?? '',
      ref: d.text.trim(),
      ...(local !== undefined && Number.isInteger(local) ? { localSheetId: local } : {}),
    };
  });
  return { sheets, definedNames, date1904: pr ? boolAttr(pr, 'date1904', false) : false };
}
