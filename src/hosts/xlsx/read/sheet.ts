/**
 * One worksheet part → a GridSheet. The part streams in: the head (before <sheetData>) is
 * skipped, rows are scanned as they arrive, and what follows </sheetData> (protection,
 * validations, tables), small, is parsed as a tree at the end.
 */
import type { CellValue, GridSheet } from '../../../core/grid';
import { endsName, rootPrefix, streamText } from './scan';
import { SheetCellScanner } from './sheet-cells';
import { parseSheetExtras, type SheetExtras } from './sheet-extras';
import { parseXml } from './xml-tree';
import { formatCount, type ReadLimits } from './limits';
import type { ReadMemo } from './part-memo';
import type { ZipPackage } from './zip';

export interface SheetContext {
  readonly sst: readonly string[];
  readonly date1904: boolean;
  /** Called with the number of cell slots each row adds; throws once the workbook is too big. */
  readonly countCells: (n: number, sheet: string) => void;
  readonly limits: ReadLimits;
  /** The caller's memo: the elements after the cells, parsed once per distinct text (part-memo.ts). */
  readonly memo?: ReadMemo;
}

export interface ReadSheet {
  readonly sheet: GridSheet;
  readonly tablePartIds: readonly string[];
}

export function readSheet(
  zip: ZipPackage,
  part: string,
  name: string,
  visibility: GridSheet['visibility'],
  ctx: SheetContext,
): ReadSheet | undefined {
  const rows: (CellValue[] | undefined)[] = [];
  const styles: (Uint16Array | Uint32Array | undefined)[] = [];
  let p: string | undefined;
  let scanner: SheetCellScanner | undefined;
  let state = 'head' as 'head' | 'rows' | 'tail';
  let tail = '';
  /** Set while the text kept for the next chunk is the start of a row: wait for its end. */
  let rowPending = false;
  const { maxRowChars, maxCellChars, maxXmlNodes } = ctx.limits;

  const found = streamText(zip, part, (buf, final, from, bytes) => {
    if (p === undefined) {
      p = rootPrefix(buf);
      if (p === undefined) return 0;
      scanner = new SheetCellScanner(p, ctx.sst, ctx.date1904, { sheet: name, maxRowChars, maxCellChars }, {
        row(rowNumber, values, rowStyles) {
          ctx.countCells(values.length, name);
          rows[rowNumber - 1] = values;
          if (rowStyles) styles[rowNumber - 1] = rowStyles;
        },
      });
    }
    let used = from;
    rowPending = false;
    if (state === 'head') {
      const open = `<${p}sheetData`;
      let at = buf.indexOf(open, from);
      while (at >= 0 && !endsName(buf, at + open.length)) at = buf.indexOf(open, at + 1);
      if (at < 0) {
        // Keep enough to find a tag split across chunks; a sheet without <sheetData> has no cells.
        return final ? buf.length : Math.max(from, buf.length - 256);
      }
      const gt = buf.indexOf('>', at);
      if (gt < 0) return at;
      used = gt + 1;
      state = buf.charCodeAt(gt - 1) === 47 /* <sheetData/> */ ? 'tail' : 'rows';
    }
    if (state === 'rows') {
      // The rows before the first </sheetData>, then the tail; when it has not arrived, the
      // whole rows (up to the last </row>), the rest waiting for the next chunk. The rows up to
      // the last </row> are read first: the search for </sheetData> then only runs past them
      // (see scanRowsBefore: the usual rows are proof that they hold none).
      const close = `</${p}sheetData>`;
      const rowClose = `</${p}row>`;
      const last = buf.lastIndexOf(rowClose);
      const limit = last >= used ? last + rowClose.length : used;
      let end = limit > used ? scanner!.scanRowsBefore(buf, used, limit, close, bytes) : -1;
      if (end < 0) {
        end = buf.indexOf(close, limit);
        if (end >= 0) scanner!.scanRows(buf, limit, end);
      }
      if (end >= 0) {
        used = end + close.length;
        state = 'tail';
      } else {
        used = limit;
        if (final) throw new SyntaxError('</sheetData> manquant');
        let k = used;
        while (k < buf.length && /\s/.test(buf[k]!)) k++;
        rowPending = buf.startsWith(`<${p}row`, k);
        return used;
      }
    }
    // Tail: kept whole until the end of the part.
    if (final) tail += buf.slice(used);
    else {
      tail += buf.slice(used);
      return buf.length;
    }
    return buf.length;
  },
  () => (rowPending ? `</${p}row>` : undefined),
  {
    chars: maxRowChars,
    detail: () =>
      `une ligne de la feuille « ${name} » dépasse ${formatCount(maxRowChars)} caractères (limite de lecture). Retirez les cellules inutiles de cette ligne, ou découpez-la.`,
  },
  // Among rows, a chunk is read in place past the end of the row cut by its start (see streamText).
  () => (state === 'rows' ? `</${p}row>` : undefined));
  if (!found) return undefined;
  if (p === undefined) throw new SyntaxError('la feuille ne contient aucun élément XML');

  // The worksheet's own start tag was in the skipped head: give the tail a root back.
  let extras: SheetExtras = { protection: null, validations: [], tablePartIds: [] };
  const trimmed = tail.trim();
  if (state === 'tail' && trimmed !== '') {
    const parse = () => parseSheetExtras(parseXml(`<worksheet>${trimmed}`, maxXmlNodes, part));
    extras = ctx.memo ? ctx.memo.parsedText(`extras\n${maxXmlNodes}`, trimmed, () => freezeExtras(parse())) : parse();
  }
  return {
    sheet: { name, visibility, rows, styles, validations: extras.validations, protection: extras.protection },
    tablePartIds: extras.tablePartIds,
  };
}

/** What a memo hands to every file of a template: frozen, so that no reader can change it. */
function freezeExtras(e: SheetExtras): SheetExtras {
  if (e.protection) Object.freeze(e.protection);
  for (const v of e.validations) Object.freeze(v);
  Object.freeze(e.validations);
  Object.freeze(e.tablePartIds);
  return Object.freeze(e);
}
