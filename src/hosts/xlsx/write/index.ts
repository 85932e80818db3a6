/**
 * Writes a WorkbookModel as an xlsx file: every part is written here as XML text and the package
 * is zipped once with fflate (docs/decisions/ecriture-xlsx.md). No ExcelJS on this path, so the
 * task pane loads nothing large to write.
 */
import { deflateSync, strToU8, type DeflateOptions } from 'fflate';
import type { WorkbookModel } from '../../../core/workbook-model';
import { crc32 } from '../read/crc32';
import { chartXml, drawingXml } from './chart-xml';
import { SharedStrings } from './shared-strings';
import { REL, renderSheet, type WorkbookContext } from './sheet-xml';
import { StyleSheet } from './styles';
import { THEME_XML } from './theme';
import { appPropsXml, contentTypesXml, corePropsXml, relsXml, ROOT_RELS, workbookRels, workbookXml } from './workbook-parts';

export { DOCUMENT_DATE } from './workbook-parts';

const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

function checkSheets(model: WorkbookModel): void {
  const names = new Set<string>();
  for (const s of model.sheets) {
    if (!s.name || s.name.length > 31 || /[\\/?*[\]:]/.test(s.name) || /^'|'$/.test(s.name)) {
      throw new Error(`Nom de feuille invalide « ${s.name} » (31 caractères au plus, sans \\ / ? * [ ] : ni apostrophe au début ou à la fin).`);
    }
    if (names.has(s.name.toLowerCase())) throw new Error(`Feuille en double « ${s.name} ».`);
    names.add(s.name.toLowerCase());
  }
  if (model.sheets.length === 0) throw new Error('Le classeur doit contenir au moins une feuille.');
  if (model.sheets.every((s) => (s.visibility ?? 'visible') !== 'visible')) throw new Error('Le classeur doit contenir au moins une feuille visible.');
}

/** Builds every part of the package, path → XML (text, or UTF-8 bytes for the worksheets). */
export function workbookParts(model: WorkbookModel): Map<string, string | Uint8Array> {
  checkSheets(model);
  const ctx: WorkbookContext = {
    styles: new StyleSheet(),
    strings: new SharedStrings(),
    tableNames: new Set(),
    parts: new Map(),
    overrides: new Map(),
    tables: 0,
    comments: 0,
  };
  const activeTab = model.sheets.findIndex((s) => (s.visibility ?? 'visible') === 'visible');
  let drawings = 0;
  let charts = 0;
  model.sheets.forEach((sheet, i) => {
    let drawing: string | undefined;
    if (sheet.charts && sheet.charts.length > 0) {
      const d = ++drawings;
      const path = `xl/drawings/drawing${d}.xml`;
      ctx.parts.set(path, drawingXml(sheet.name, sheet.charts));
      ctx.overrides.set(path, CT.drawing);
      const rels = sheet.charts.map((chart) => {
        const c = ++charts;
        ctx.parts.set(`xl/charts/chart${c}.xml`, chartXml(sheet.name, chart));
        ctx.overrides.set(`xl/charts/chart${c}.xml`, CT.chart);
        return { type: REL.chart, target: `../charts/chart${c}.xml` };
      });
      ctx.parts.set(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(rels));
      drawing = `../drawings/drawing${d}.xml`;
    }
    const rendered = renderSheet(sheet, i === activeTab, ctx, drawing);
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    ctx.parts.set(path, rendered.xml);
    ctx.overrides.set(path, CT.sheet);
    if (rendered.rels.length) ctx.parts.set(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml(rendered.rels));
  });
  for (const n of model.definedNames ?? []) {
    // Excel keeps table and defined names in one namespace: a clash makes the file unreadable.
    if (ctx.tableNames.has(n.name.toLowerCase())) throw new Error(`Nom défini « ${n.name} » identique au nom d'un tableau.`);
  }
  const parts = ctx.parts;
  parts.set('xl/workbook.xml', workbookXml(model, activeTab));
  parts.set('xl/_rels/workbook.xml.rels', workbookRels(model.sheets.length));
  parts.set('xl/styles.xml', ctx.styles.xml());
  parts.set('xl/theme/theme1.xml', THEME_XML);
  parts.set('xl/sharedStrings.xml', ctx.strings.xml());
  parts.set('_rels/.rels', ROOT_RELS);
  parts.set('docProps/core.xml', corePropsXml(model));
  parts.set('docProps/app.xml', appPropsXml(model));
  const overrides = ctx.overrides;
  overrides.set('xl/workbook.xml', CT.workbook);
  overrides.set('xl/styles.xml', CT.styles);
  overrides.set('xl/theme/theme1.xml', CT.theme);
  overrides.set('xl/sharedStrings.xml', CT.strings);
  overrides.set('docProps/core.xml', CT.core);
  overrides.set('docProps/app.xml', CT.app);
  const paths = [...parts.keys()].sort();
  parts.set('[Content_Types].xml', contentTypesXml(paths, overrides));
  return parts;
}

/**
 * fflate's `mem` for a part of `length` bytes: its default hash table (2^(12 + mem) entries of
 * 2 bytes, chosen from the length: ceil(1.5 × clamp(ln length, 8, 13)) bits), capped at 2^16
 * entries. Past ~43 ko the default grows to 2^20 entries (2 Mo), a new array buffer for each
 * part: with the writer's other buffers, enough to make V8 start a major collection of the whole
 * heap ("external memory pressure") during nearly every write of the consolidated workbook, for
 * an output that differs by a few bytes (docs/decisions/vitesse-lecture-ecriture.md, session 7).
 * Smaller parts keep the default, hence their bytes.
 */
export function deflateMem(length: number): NonNullable<DeflateOptions['mem']> {
  const bits = Math.ceil(Math.max(8, Math.min(13, Math.log(length))) * 1.5);
  return (Math.min(bits, 16) - 12) as NonNullable<DeflateOptions['mem']>;
}

/** The zip (DOS) time of every entry, 2020-01-01 00:00: year since 1980, month, day; no time. */
const DOS_TIME = ((2020 - 1980) << 25) | (1 << 21) | (1 << 16);

/**
 * Zips in sorted order with a fixed time: the same bytes as fflate's zipSync with the same
 * options (test/hosts/xlsx-write/zip-parts.test.ts), but the CRC of each part computed eight
 * bytes at a time (the reader's crc32.ts) rather than fflate's one byte at a time, which took
 * about a tenth of the whole write (docs/decisions/vitesse-lecture-ecriture.md, session 7).
 * Entries: no extra field, no comment, no data descriptor; names in UTF-8 (flag bit 11 when
 * not ASCII, as fflate).
 */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const entries = [...parts.keys()].sort().map((path) => {
    const part = parts.get(path)!;
    const bytes = typeof part === 'string' ? strToU8(part) : part;
    const name = strToU8(path);
    if (name.length > 0xffff) throw new Error(`Nom de partie trop long : ${path}`);
    return { name, utf8: name.length !== path.length, size: bytes.length, crc: crc32(bytes), data: deflateSync(bytes, { level: 6, mem: deflateMem(bytes.length) }), offset: 0 };
  });
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * e.name.length + e.data.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  // The fields a local header and its central directory entry share, from `at` (version needed on).
  const common = (at: number, e: (typeof entries)[number]) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, e.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, 8, true); // deflate
    view.setUint32(at + 6, DOS_TIME, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  for (const e of entries) {
    e.offset = at;
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const directory = at;
  for (const e of entries) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0, MS-DOS
    common(at + 6, e);
    view.setUint32(at + 42, e.offset, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

export async function writeWorkbookModel(model: WorkbookModel): Promise<Uint8Array> {
  return zipParts(workbookParts(model));
}
