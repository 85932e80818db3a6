/**
 * What follows the cells in a worksheet: sheet protection, data validations (including the
 * x14 extension Excel and LibreOffice use for lists that point to another sheet) and the
 * relationship ids of the sheet's tables.
 */
import type { GridDataValidation } from '../../../core/grid';
import { boolAttr, child, children, type XmlNode } from './xml-tree';
import { decodeOoxmlEscapes } from './xml-text';

export interface SheetExtras {
  readonly protection: { readonly password: boolean } | null;
  readonly validations: GridDataValidation[];
  readonly tablePartIds: string[];
}

/** Types whose operator defaults to "between" when the file leaves it out (ECMA-376 §18.3.1.32). */
const OPERATOR_TYPES = new Set(['whole', 'decimal', 'date', 'time', 'textLength']);

function validation(node: XmlNode, sqref: string): GridDataValidation {
  const a = node.attrs;
  const type = a.type ?? 'none';
  const formula = (name: string): string | undefined => {
    const f = child(node, name);
    if (!f) return undefined;
    // x14: <x14:formula1><xm:f>Listes!$A$1:$A$9</xm:f></x14:formula1>
    const inner = child(f, 'f');
    return (inner ?? f).text;
  };
  const text = (v: string | undefined) => (v === undefined ? undefined : decodeOoxmlEscapes(v));
  const out: { -readonly [K in keyof GridDataValidation]: GridDataValidation[K] } = {
    sqref,
    type,
    allowBlank: boolAttr(node, 'allowBlank', false),
  };
  const operator = a.operator ?? (OPERATOR_TYPES.has(type) ? 'between' : undefined);
  if (operator !== undefined) out.operator = operator;
  const f1 = formula('formula1');
  const f2 = formula('formula2');
  if (f1 !== undefined) out.formula1 = f1;
  if (f2 !== undefined) out.formula2 = f2;
  const promptTitle = text(a.promptTitle);
  const prompt = text(a.prompt);
  const errorTitle = text(a.errorTitle);
  const error = text(a.error);
  if (promptTitle !== undefined) out.promptTitle = promptTitle;
  if (prompt !== undefined) out.prompt = prompt;
  if (errorTitle !== undefined) out.errorTitle = errorTitle;
  if (error !== undefined) out.error = error;
  return out;
}

/** `root` is the worksheet element holding the elements that follow <sheetData>. */
export function parseSheetExtras(root: XmlNode): SheetExtras {
  const prot = child(root, 'sheetProtection');
  // The element alone does not protect: its `sheet` attribute does (default false).
  const protection =
    prot && boolAttr(prot, 'sheet', false)
      ? { password: Boolean(prot.attrs.password || prot.attrs.hashValue) }
      : null;

  const validations: GridDataValidation[] = [];
  for (const dv of children(child(root, 'dataValidations'), 'dataValidation')) {
    validations.push(validation(dv, (dv.attrs.sqref ?? '').trim()));
  }
  for (const ext of children(child(root, 'extLst'), 'ext')) {
    for (const dv of children(child(ext, 'dataValidations'), 'dataValidation')) {
      const sqref = child(dv, 'sqref')?.text ?? dv.attrs.sqref ?? '';
      validations.push(validation(dv, sqref.trim()));
    }
  }

  const tablePartIds = children(child(root, 'tableParts'), 'tablePart')
    .map((t) => t.attrs.id ?? '')
    .filter((id) => id !== '');
  return { protection, validations, tablePartIds };
}
