/**
 * Writes a WorkbookModel as an xlsx file: every part is written here as XML text and the package
 * is zipped once with fflate (docs/decisions/ecriture-xlsx.md). No ExcelJS on this path, so the
 * task pane loads nothing large to write.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { WorkbookModel } from '../../../core/workbook-model';
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
 * entries. Past ~43 ko the default grows to 2^20 entries (2 Mo), fresh for each part and read at
 * a random place for every byte: out of the processor's cache, that made compressing our three
 * large parts ~25 % slower for the same output within a few bytes (docs/decisions/
 * vitesse-lecture-ecriture.md, session 7). Smaller parts keep the default, hence their bytes.
 */
export function deflateMem(length: number): number {
  const bits = Math.ceil(Math.max(8, Math.min(13, Math.log(length))) * 1.5);
  return Math.min(bits, 16) - 12;
}

/**
 * Zips in sorted order with a fixed timestamp. The date is built from local components because
 * zip (DOS) times are local: the bytes then do not depend on the time zone.
 */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const mtime = new Date(2020, 0, 1, 0, 0, 0);
  const files: Zippable = {};
  for (const path of [...parts.keys()].sort()) {
    const part = parts.get(path)!;
    const bytes = typeof part === 'string' ? strToU8(part) : part;
    files[path] = [bytes, { mtime, level: 6, mem: deflateMem(bytes.length) }];
  }
  return zipSync(files, { mtime });
}

export async function writeWorkbookModel(model: WorkbookModel): Promise<Uint8Array> {
  return zipParts(workbookParts(model));
}
