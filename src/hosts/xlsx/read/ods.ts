/**
 * An OpenDocument spreadsheet (.ods, LibreOffice's own format) → the same GridWorkbook as an
 * xlsx: content.xml is streamed (never a tree), with the zip limits of the xlsx reader and the
 * same cell budget. Repeated rows and columns (table:number-rows-repeated="1048576") cost
 * nothing while empty and count for every copy when they hold values, so a repeat bomb is
 * refused by the cell limit rather than allocated. Read: values, sheet names and visibility,
 * sheet protection, named ranges and expressions, database ranges (the xlsx tables).
 * Not read (the validator does not use them): number formats, cell locks, data validations.
 * See docs/decisions/lecteur-ods.md.
 */
import { parseRange } from '../../../core/a1';
import type { CellError, CellValue, GridDefinedName, GridSheet, GridTable, GridWorkbook } from '../../../core/grid';
import { DEFAULT_STYLE } from '../../../core/grid';
import { XlsxReadError } from './errors';
import { formatCount, ReadLimitError, type ReadLimits } from './limits';
import { xsdNumber } from './sheet-cells';
import { streamXml } from './xml-stream';
import type { ZipPackage } from './zip';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** Whether the package is an OpenDocument spreadsheet (by its mimetype, else by its content.xml). */
export function isOdsPackage(zip: ZipPackage, read: (part: string) => string | undefined): boolean {
  if (zip.has('mimetype')) return (read('mimetype') ?? '').trim() === ODS_MIME;
  return zip.has('content.xml') && !zip.has('[Content_Types].xml');
}

interface MutableSheet {
  name: string;
  visibility: GridSheet['visibility'];
  rows: (CellValue[] | undefined)[];
  protection: { password: boolean } | null;
}

/** "$'Mode d''emploi'.$A$1:.$B$2" → the sheet and "$A$1:$B$2"; undefined when not a range. */
export function odsAddress(address: string): { sheet: string; range: string } | undefined {
  let sheet: string | undefined;
  const cells: string[] = [];
  for (const part of splitOutsideQuotes(address.trim(), ':')) {
    const dot = lastIndexOutsideQuotes(part, '.');
    if (dot > 0) {
      let s = part.slice(0, dot).replace(/^\$/, '');
      if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
      sheet ??= s;
    }
    cells.push(part.slice(dot + 1));
  }
  if (sheet === undefined || cells.some((c) => c === '')) return undefined;
  return { sheet, range: cells.join(':') };
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") quoted = !quoted;
    else if (!quoted && s[i] === sep) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

function lastIndexOutsideQuotes(s: string, c: string): number {
  let quoted = false;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") quoted = !quoted;
    else if (!quoted && s[i] === c) last = i;
  }
  return last;
}

function xlsxRef(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

/** A positive repeat count; 1 when absent or invalid. */
function repeat(v: string | undefined): number {
  if (v === undefined) return 1;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

const errorValues = new Map<string, CellError>();
function errorValue(code: string): CellError {
  let e = errorValues.get(code);
  if (!e) errorValues.set(code, (e = Object.freeze({ error: code })));
  return e;
}

/** office:date-value ("2025-01-31", "2025-01-31T08:00:00") → an Excel serial (1900 system). */
function dateSerial(iso: string): CellValue {
  const ms = Date.parse(/T/.test(iso) && !/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? `${iso}Z` : iso);
  if (Number.isNaN(ms)) return iso;
  let serial = ms / 86_400_000 + 25_569;
  if (serial < 61) serial -= 1; // Excel's fictitious 29 February 1900
  return serial;
}

/** office:time-value ("PT12H30M00S") → a fraction of a day (hours may exceed 24). */
function timeSerial(duration: string): CellValue {
  const m = /^(-)?PT(\d{1,9})H(\d{1,9})M(\d{1,9}(?:\.\d{1,12})?)S$/.exec(duration.trim());
  if (!m) return duration;
  const days = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4])) / 86_400;
  return m[1] ? -days : days;
}

export function readOdsPackage(zip: ZipPackage, source: string, lim: ReadLimits): GridWorkbook {
  if (!zip.has('content.xml')) throw new XlsxReadError(source, 'corrompu', 'la partie « content.xml » du classeur OpenDocument manque');
  const sheets: MutableSheet[] = [];
  const definedNames: GridDefinedName[] = [];
  const dbRanges: { name: string; address: string }[] = [];
  const hiddenTableStyles = new Set<string>();
  let cells = 0;

  // Parser state: names are the standard ODF prefixes, as every producer writes them.
  let styleName: string | undefined;
  let tableDepth = 0;
  let sheet: MutableSheet | undefined;
  let row = 0;
  let rowRepeat = 1;
  let values: CellValue[] | undefined;
  let col = 0;
  let cell: Record<string, string> | undefined;
  let colRepeat = 1;
  let paragraphs: string[] = [];
  let inP = 0;
  let skipDepth = 0;
  let textChars = 0;
  let nodes = 0;

  const addText = (t: string) => {
    textChars += t.length;
    if (textChars > lim.maxCellChars)
      throw new ReadLimitError(
        `la cellule de la ligne ${formatCount(row + 1)} de la feuille « ${sheet?.name ?? ''} » dépasse ${formatCount(lim.maxCellChars)} caractères (limite de lecture ; Excel n’en accepte que 32 767 dans une cellule). Raccourcissez son texte.`,
      );
    paragraphs[paragraphs.length - 1] += t;
  };

  const endCell = () => {
    const a = cell!;
    cell = undefined;
    const type = a['office:value-type'];
    const text = paragraphs.join('\n');
    let value: CellValue = null;
    if (a['calcext:value-type'] === 'error') value = errorValue(text.trim());
    // LibreOffice saves an xlsx TRUE as the formula =TRUE() with the number 1 as its result.
    else if (type === 'float' && (a['calcext:value-type'] === 'boolean' || /^of:=(?:TRUE|FALSE)\(\)$/i.test(a['table:formula'] ?? '')))
      value = xsdNumber(a['office:value'] ?? '') !== 0;
    else if (type === 'float' || type === 'percentage' || type === 'currency') {
      const n = xsdNumber(a['office:value'] ?? '');
      value = Number.isNaN(n) ? text : n;
    } else if (type === 'date') value = dateSerial(a['office:date-value'] ?? text);
    else if (type === 'time') value = timeSerial(a['office:time-value'] ?? text);
    else if (type === 'boolean') value = a['office:boolean-value'] === 'true';
    else if (type === 'string') value = a['office:string-value'] ?? text;
    else if (text !== '') value = text;
    if (value === null) {
      col += colRepeat;
      return;
    }
    if (col + colRepeat > MAX_COL)
      throw new XlsxReadError(source, 'corrompu', `la feuille « ${sheet!.name} » a une valeur au-delà de la colonne ${formatCount(MAX_COL)}`);
    while (values!.length < col) values!.push(null);
    for (let k = 0; k < colRepeat; k++) values!.push(value);
    col += colRepeat;
  };

  const endRow = () => {
    const v = values!;
    values = undefined;
    if (v.length > 0) {
      if (row + rowRepeat > MAX_ROW)
        throw new XlsxReadError(source, 'corrompu', `la feuille « ${sheet!.name} » a une valeur au-delà de la ligne ${formatCount(MAX_ROW)}`);
      // Counted before any copy is made: a repeated row of values is a repeat bomb otherwise.
      cells += v.length * rowRepeat;
      if (cells > lim.maxCells)
        throw new XlsxReadError(
          source,
          'trop-volumineux',
          `il compte plus de ${formatCount(lim.maxCells)} cellules (limite atteinte dans la feuille « ${sheet!.name} »). Retirez les lignes ou colonnes inutiles, ou découpez-le en plusieurs fichiers.`,
        );
      for (let k = 0; k < rowRepeat; k++) sheet!.rows[row + k] = v;
    }
    row += rowRepeat;
  };

  const found = streamXml(
    zip,
    'content.xml',
    {
      start(name, attrs, selfClosing) {
        if (++nodes > lim.maxXmlNodes * 20) throw new ReadLimitError(`la partie « content.xml » compte plus de ${formatCount(lim.maxXmlNodes * 20)} éléments XML (limite de lecture).`);
        if (skipDepth > 0) {
          if (!selfClosing) skipDepth++;
          return;
        }
        if (cell) {
          // Inside a cell: its paragraphs; comments (office:annotation) and sub-tables are skipped.
          if (name === 'text:p' || name === 'text:h') {
            paragraphs.push('');
            if (!selfClosing) inP++;
          } else if (name === 'office:annotation' || name === 'table:table') {
            if (!selfClosing) skipDepth = 1;
          } else if (inP > 0) {
            if (name === 'text:s') addText(' '.repeat(Math.min(repeat(attrs['text:c']), lim.maxCellChars + 1)));
            else if (name === 'text:tab') addText('\t');
            else if (name === 'text:line-break') addText('\n');
          }
          return;
        }
        switch (name) {
          case 'style:style':
            styleName = attrs['style:family'] === 'table' ? attrs['style:name'] : undefined;
            break;
          case 'style:table-properties':
            if (styleName !== undefined && attrs['table:display'] === 'false') hiddenTableStyles.add(styleName);
            break;
          case 'table:table':
            if (selfClosing) break;
            tableDepth++;
            if (tableDepth === 1) {
              const prot = attrs['table:protected'] === 'true';
              sheet = {
                name: attrs['table:name'] ?? `Feuille${sheets.length + 1}`,
                visibility: hiddenTableStyles.has(attrs['table:style-name'] ?? '') ? 'hidden' : 'visible',
                rows: [],
                protection: prot ? { password: Boolean(attrs['table:protection-key']) } : null,
              };
              sheets.push(sheet);
              row = 0;
            }
            break;
          case 'table:table-row':
            if (tableDepth !== 1) break;
            rowRepeat = repeat(attrs['table:number-rows-repeated']);
            values = [];
            col = 0;
            if (selfClosing) endRow();
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            if (tableDepth !== 1 || !values) break;
            cell = attrs;
            colRepeat = repeat(attrs['table:number-columns-repeated']);
            paragraphs = [];
            inP = 0;
            textChars = 0;
            if (selfClosing) endCell();
            break;
          case 'table:named-range': {
            const at = odsAddress(attrs['table:cell-range-address'] ?? '');
            const ref = at ? xlsxRef(at.sheet, at.range) : '#REF!';
            const local = tableDepth >= 1 && sheet ? { localSheet: sheet.name } : {};
            definedNames.push({ name: attrs['table:name'] ?? '', ref, ...local });
            break;
          }
          case 'table:named-expression': {
            const expr = (attrs['table:expression'] ?? '').replace(/^of:/, '');
            const local = tableDepth >= 1 && sheet ? { localSheet: sheet.name } : {};
            definedNames.push({ name: attrs['table:name'] ?? '', ref: expr, ...local });
            break;
          }
          case 'table:database-range':
            dbRanges.push({ name: attrs['table:name'] ?? '', address: attrs['table:target-range-address'] ?? '' });
            break;
        }
      },
      end(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (cell) {
          if (name === 'text:p' || name === 'text:h') inP = Math.max(0, inP - 1);
          else if (name === 'table:table-cell' || name === 'table:covered-table-cell') endCell();
          return;
        }
        if (name === 'style:style') styleName = undefined;
        else if (name === 'table:table-row' && tableDepth === 1 && values) endRow();
        else if (name === 'table:table' && tableDepth > 0) tableDepth--;
      },
      text(t) {
        if (cell && inP > 0 && skipDepth === 0) addText(t);
      },
    },
    lim.maxCellChars,
  );
  if (!found) throw new XlsxReadError(source, 'corrompu', 'la partie « content.xml » manque');
  if (sheets.length === 0) throw new XlsxReadError(source, 'pas-un-classeur', "c'est un document OpenDocument sans feuille de calcul.");

  const tables: GridTable[] = [];
  for (const db of dbRanges) {
    const at = odsAddress(db.address);
    const target = at && sheets.find((s) => s.name === at.sheet);
    if (!at || !target || db.name.startsWith('__Anonymous_Sheet_DB__')) continue;
    let r;
    try {
      r = parseRange(at.range.replace(/\$/g, ''));
    } catch {
      continue;
    }
    const header = target.rows[r.top - 1] ?? [];
    const columns: string[] = [];
    for (let c = r.left; c <= r.right; c++) {
      const v = header[c - 1];
      columns.push(v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v));
    }
    tables.push({ name: db.name, sheet: target.name, ref: at.range.replace(/\$/g, ''), columns });
  }
  return {
    source,
    sheets: sheets.map((s) => ({ ...s, styles: [], validations: [] })),
    styles: [DEFAULT_STYLE],
    definedNames,
    tables,
    date1904: false,
  };
}
