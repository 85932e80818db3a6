/**
 * readXlsx: the bytes of an xlsx (or .ods) file → the neutral GridWorkbook the core checks. Runs in
 * Node and in the browser (Uint8Array, TextDecoder and fflate only). Every failure is an
 * XlsxReadError whose French message names the file and says what to do.
 */
import type { GridDefinedName, GridSheet, GridTable, GridWorkbook } from '../../../core/grid';
import { XlsxReadError } from './errors';
import { fileTooLargeDetail, formatCount, ReadLimitError, resolveLimits, type ReadLimits } from './limits';
import { isOdsPackage, readOdsPackage } from './ods';
import { parseRels, relsPathOf, type Relationship } from './opc';
import type { ReadMemo } from './part-memo';
import { readSharedStrings } from './shared-strings';
import { readSheet } from './sheet';
import { DEFAULT_STYLE, type CellStyle } from '../../../core/grid';
import { parseStyles } from './styles';
import { parseTable } from './tables';
import { sniff } from './sniff';
import { parseWorkbookPart, type WorkbookPart } from './workbook-part';
import { ZipPackage } from './zip';
import type { ZipCodec } from './zip-codec';

export interface ReadOptions {
  /**
   * How small parts are inflated and CRCs computed (zip-codec.ts); by default the one the host
   * chose (the Node command line: node:zlib; elsewhere fflate). Same grid, same errors.
   */
  readonly codec?: ZipCodec;
  /**
   * The parsed small parts (rels, workbook, styles; what follows a sheet's cells) of the files
   * read before by the same caller (part-memo.ts): a part stored exactly as one of theirs is not
   * inflated or parsed again. Same grid, same errors.
   */
  readonly memo?: ReadMemo;
}

export function readXlsx(bytes: Uint8Array, source: string, limits?: Partial<ReadLimits>, options: ReadOptions = {}): GridWorkbook {
  const lim = resolveLimits(limits);
  if (bytes.length === 0) throw new XlsxReadError(source, 'vide');
  if (bytes.length > lim.maxFileBytes)
    throw new XlsxReadError(
      source,
      'trop-volumineux',
      fileTooLargeDetail(bytes.length, lim.maxFileBytes),
    );
  sniff(bytes, source);
  let currentPart = '';
  try {
    const zip = new ZipPackage(bytes, source, lim, options.codec);
    const read = (part: string) => {
      currentPart = part;
      return zip.readText(part);
    };
    const memo = options.memo;
    const parsed: ParsedPart = memo
      ? (part, key, parse, freeze) => {
          currentPart = part;
          const stored = zip.stored(part);
          if (stored === undefined) return parse(undefined);
          const known = memo.find(key, stored);
          if (known !== undefined) {
            zip.countKnown(stored, known.size);
            return known.value as ReturnType<typeof parse>;
          }
          const before = zip.inflatedBytes;
          const value = freeze(parse(read(part)));
          memo.keep(key, stored, zip.inflatedBytes - before, value);
          return value;
        }
      : (part, _key, parse) => parse(read(part));
    // An OpenDocument spreadsheet (.ods) is read into the same grid, whatever its file name.
    if (!zip.has('xl/workbook.xml') && isOdsPackage(zip, read)) return readOdsPackage(zip, source, lim);
    const workbookPath = findWorkbook(zip, parsed, source, read);
    const workbook = parsed(workbookPath, `workbook\n${workbookPath}\n${lim.maxXmlNodes}`, (xml) => parseWorkbookPart(xml!, lim.maxXmlNodes), freezeWorkbook);
    const rels = relsOf(parsed, workbookPath, lim.maxXmlNodes);
    const relById = new Map(rels.map((r) => [r.id, r]));
    const byType = (type: string) => rels.find((r) => r.type === type && !r.external)?.target;

    const sstPath = byType('sharedStrings') ?? 'xl/sharedStrings.xml';
    currentPart = sstPath;
    const sst = zip.has(sstPath) ? readSharedStrings(zip, sstPath, lim.maxCellChars) : [];
    const stylesPath = byType('styles') ?? 'xl/styles.xml';
    const styles = parsed(stylesPath, `styles\n${stylesPath}\n${lim.maxXmlNodes}`, (xml) => parseStyles(xml, lim.maxXmlNodes), freezeStyles);

    let cells = 0;
    const countCells = (n: number, sheet: string) => {
      cells += n;
      if (cells > lim.maxCells)
        throw new XlsxReadError(
          source,
          'trop-volumineux',
          `il compte plus de ${formatCount(lim.maxCells)} cellules (limite atteinte dans la feuille « ${sheet} »). Retirez les lignes ou colonnes inutiles, ou découpez-le en plusieurs fichiers.`,
        );
    };

    const sheets: GridSheet[] = [];
    const tables: GridTable[] = [];
    for (const entry of workbook.sheets) {
      const rel = relById.get(entry.relId);
      const empty: GridSheet = { name: entry.name, visibility: entry.visibility, rows: [], styles: [], validations: [], protection: null };
      if (!rel || rel.type !== 'worksheet') {
        // Chart sheets, dialog and macro sheets: no cells, but they keep their place so that
        // localSheetId of defined names still points to the right sheet.
        if (!rel && entry.relId !== '') throw new XlsxReadError(source, 'corrompu', `la feuille « ${entry.name} » n’a pas de contenu associé`);
        sheets.push(empty);
        continue;
      }
      currentPart = rel.target;
      const result = readSheet(zip, rel.target, entry.name, entry.visibility, { sst, date1904: workbook.date1904, countCells, limits: lim, memo });
      if (!result) throw new XlsxReadError(source, 'corrompu', `la feuille « ${entry.name} » est absente de l’archive`);
      sheets.push(result.sheet);
      if (result.tablePartIds.length > 0) {
        const sheetRels = relsOf(parsed, rel.target, lim.maxXmlNodes);
        for (const id of result.tablePartIds) {
          const t = sheetRels.find((r) => r.id === id);
          const xml = t ? read(t.target) : undefined;
          if (xml !== undefined) tables.push(parseTable(xml, entry.name, lim.maxXmlNodes));
        }
      }
    }
    return {
      source,
      sheets,
      styles,
      definedNames: definedNames(workbook),
      tables,
      date1904: workbook.date1904,
    };
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    if (err instanceof ReadLimitError) throw new XlsxReadError(source, 'trop-volumineux', err.message, { cause: err });
    if (err instanceof RangeError)
      throw new XlsxReadError(source, 'trop-volumineux', 'il dépasse la mémoire disponible pour la lecture.', { cause: err });
    const where = currentPart ? `partie « ${currentPart} »` : 'structure de l’archive';
    const why = err instanceof Error && err.message ? ` : ${err.message}` : '';
    throw new XlsxReadError(source, 'corrompu', `${where}${why}`, { cause: err });
  }
}

/**
 * A small part's text (undefined when absent) given to `parse`, or, with a memo, the frozen
 * result of an earlier parse under `key` (which names everything the parse depends on besides
 * the text) of a part stored with the same bytes.
 */
type ParsedPart = <T>(part: string, key: string, parse: (xml: string | undefined) => T, freeze: (value: T) => T) => T;

function freezeAll<T extends object>(xs: T[]): readonly T[] {
  for (const x of xs) Object.freeze(x);
  return Object.freeze(xs);
}

function freezeRels(rels: readonly Relationship[]): readonly Relationship[] {
  return freezeAll(rels as Relationship[]);
}

function freezeWorkbook(w: WorkbookPart): WorkbookPart {
  freezeAll(w.sheets);
  freezeAll(w.definedNames);
  return Object.freeze(w);
}

function freezeStyles(styles: CellStyle[]): CellStyle[] {
  // DEFAULT_STYLE is the module's own constant, not this parse's: left as it is.
  for (const s of styles) if (s !== DEFAULT_STYLE) Object.freeze(s);
  return Object.freeze(styles) as CellStyle[];
}

function relsOf(parsed: ParsedPart, part: string, maxNodes?: number): readonly Relationship[] {
  const relsPath = relsPathOf(part);
  return parsed(relsPath, `rels\n${part}\n${maxNodes}`, (xml) => (xml === undefined ? [] : parseRels(xml, part, maxNodes)), freezeRels);
}

/** The workbook part, through the package rels; a clear message when the zip is something else. */
function findWorkbook(zip: ZipPackage, parsed: ParsedPart, source: string, read: (part: string) => string | undefined): string {
  const main = relsOf(parsed, '').find((r) => r.type === 'officeDocument' && !r.external)?.target;
  if (main && zip.has(main) && /(^|\/)workbook\.xml$/i.test(main)) return main;
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new XlsxReadError(source, 'pas-un-classeur', describeOtherPackage(zip, read));
}

function describeOtherPackage(zip: ZipPackage, read: (part: string) => string | undefined): string {
  const resave = 'Ouvrez-le dans Excel (ou LibreOffice) puis « Enregistrer sous » au format « Classeur Excel (*.xlsx) », et recommencez.';
  if (zip.has('word/document.xml')) return "c'est un document Word (.docx).";
  if (zip.has('ppt/presentation.xml')) return "c'est une présentation PowerPoint (.pptx).";
  if (zip.has('xl/workbook.bin')) return `c'est un classeur Excel binaire (.xlsb), qui n'est pas pris en charge. ${resave}`;
  const mime = zip.has('mimetype') ? (read('mimetype') ?? '').trim() : '';
  if (mime === 'application/vnd.oasis.opendocument.spreadsheet')
    return `c'est un classeur OpenDocument (.ods, LibreOffice Calc). ${resave}`;
  if (mime.startsWith('application/vnd.oasis.opendocument.text')) return "c'est un document texte OpenDocument (.odt).";
  if (mime.startsWith('application/vnd.oasis.opendocument')) return "c'est un document OpenDocument, pas un classeur.";
  return "c'est une archive zip qui ne contient pas de classeur Excel.";
}

function definedNames(workbook: WorkbookPart): GridDefinedName[] {
  return workbook.definedNames.map((d) => {
    const local = d.localSheetId === undefined ? undefined : workbook.sheets[d.localSheetId]?.name;
    return local === undefined ? { name: d.name, ref: d.ref } : { name: d.name, ref: d.ref, localSheet: local };
  });
}
