/**
 * One worksheet part and the parts hanging from it (tables, notes), in the element order of
 * CT_Worksheet (ECMA-376 18.3.1.99): Excel refuses a sheet whose elements are out of order.
 */
import { parseA1, toA1 } from '../../../core/a1';
import type { ConditionalFormatModel, DataValidationModel, SheetModel, TableModel } from '../../../core/workbook-model';
import { textElement, type SharedStrings } from './shared-strings';
import { boundedRanges, renderSheetCells, where, type Hyperlink } from './sheet-cells';
import { argb, type StyleSheet } from './styles';
import { xmlEscape } from './xml-text';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  hyperlink: `${NS_R}/hyperlink`,
  comments: `${NS_R}/comments`,
  vmlDrawing: `${NS_R}/vmlDrawing`,
  drawing: `${NS_R}/drawing`,
  table: `${NS_R}/table`,
  chart: `${NS_R}/chart`,
} as const;

export interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external?: boolean;
}

/** What the workbook shares between its sheets while they are written. */
export interface WorkbookContext {
  readonly styles: StyleSheet;
  readonly strings: SharedStrings;
  /** Table names in use (lower case), workbook-wide like Excel's. */
  readonly tableNames: Set<string>;
  /** Path → content: text, or bytes already encoded (a worksheet's UTF-8, see utf8-writer.ts). */
  readonly parts: Map<string, string | Uint8Array>;
  /** Content-type overrides: part path → content type. */
  readonly overrides: Map<string, string>;
  tables: number;
  comments: number;
}

export interface RenderedSheet {
  /** The worksheet part, UTF-8. */
  readonly xml: Uint8Array;
  readonly rels: readonly Relationship[];
}

const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';

function rangeA1(r: { top: number; left: number; bottom: number; right: number }): string {
  return `${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`;
}

interface PlacedTable {
  readonly model: TableModel;
  readonly ref: string;
  readonly headers: { row: number; col: number; name: string }[];
}

function placeTable(sheet: SheetModel, t: TableModel, ctx: WorkbookContext): PlacedTable {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.name)) throw new Error(`Nom de tableau invalide « ${t.name} » (${where(sheet)}).`);
  if (ctx.tableNames.has(t.name.toLowerCase())) throw new Error(`Nom de tableau en double « ${t.name} » (${where(sheet)}).`);
  ctx.tableNames.add(t.name.toLowerCase());
  if (t.columns.length === 0) throw new Error(`Tableau « ${t.name} » sans colonne (${where(sheet)}).`);
  const seen = new Set<string>();
  for (const c of t.columns) {
    if (c.trim() === '' || seen.has(c.toLowerCase())) throw new Error(`Tableau « ${t.name} » : nom de colonne vide ou en double « ${c} » (${where(sheet)}).`);
    seen.add(c.toLowerCase());
  }
  let top;
  try {
    top = parseA1(t.topLeft);
  } catch {
    throw new Error(`Tableau « ${t.name} » : cellule de départ « ${t.topLeft} » invalide (${where(sheet)}).`);
  }
  // Excel wants at least one data row.
  const bottom = top.row + Math.max(1, t.rowCount);
  const ref = rangeA1({ top: top.row, left: top.col, bottom, right: top.col + t.columns.length - 1 });
  return { model: t, ref, headers: t.columns.map((name, i) => ({ row: top.row, col: top.col + i, name })) };
}

function tableXml(id: number, p: PlacedTable): string {
  const t = p.model;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${t.name}" displayName="${t.name}" ref="${p.ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${p.ref}">${t.columns.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join('')}</autoFilter>` +
    `<tableColumns count="${t.columns.length}">${t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(c)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${xmlEscape(t.style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function validationXml(sheet: SheetModel, v: DataValidationModel, firsts: Set<string>): string {
  // One validation for all its ranges: relative formulas stay anchored on the first cell.
  const ranges = boundedRanges(sheet, v.range, 'Validation de données').map(rangeA1);
  if (firsts.has(ranges[0]!)) throw new Error(`Deux validations de données commencent par la plage ${ranges[0]} (${where(sheet)}).`);
  firsts.add(ranges[0]!);
  if (v.formulae.length === 0 || v.formulae.length > 2) throw new Error(`Validation de données ${ranges[0]} : une ou deux formules attendues (${where(sheet)}).`);
  let a = `<dataValidation type="${v.type}"`;
  if (v.type !== 'list' && v.type !== 'custom') a += ` operator="${v.operator ?? 'between'}"`;
  if (v.allowBlank) a += ' allowBlank="1"';
  if (v.prompt) a += ` showInputMessage="1" promptTitle="${xmlEscape(v.prompt.title)}" prompt="${xmlEscape(v.prompt.message)}"`;
  a += ' showErrorMessage="1"';
  if (v.error) a += ` errorStyle="stop" errorTitle="${xmlEscape(v.error.title)}" error="${xmlEscape(v.error.message)}"`;
  a += ` sqref="${ranges.join(' ')}">`;
  return a + v.formulae.map((f, i) => `<formula${i + 1}>${xmlEscape(f.replace(/^=/, ''))}</formula${i + 1}>`).join('') + '</dataValidation>';
}

function conditionalXml(sheet: SheetModel, cf: ConditionalFormatModel, styles: StyleSheet, priority: { next: number }): string {
  const ranges = boundedRanges(sheet, cf.range, 'Mise en forme conditionnelle');
  const topLeft = toA1(ranges[0]!.top, ranges[0]!.left);
  const rules = cf.rules.map((rule) => {
    const head = `<cfRule type="${rule.type}" dxfId="${styles.dxf(rule.style)}" priority="${priority.next++}"`;
    switch (rule.type) {
      case 'cellIs':
        return `${head} operator="${rule.operator}">${rule.formulae.map((f) => `<formula>${xmlEscape(f.replace(/^=/, ''))}</formula>`).join('')}</cfRule>`;
      case 'expression':
        return `${head}><formula>${xmlEscape(rule.formula.replace(/^=/, ''))}</formula></cfRule>`;
      case 'containsText': {
        // Excel writes (and its rule editor reads) the operator, the text and the formula.
        const formula = `NOT(ISERROR(SEARCH("${rule.text.replace(/"/g, '""')}",${topLeft})))`;
        return `${head} operator="containsText" text="${xmlEscape(rule.text)}"><formula>${xmlEscape(formula)}</formula></cfRule>`;
      }
    }
  });
  return `<conditionalFormatting sqref="${ranges.map(rangeA1).join(' ')}">${rules.join('')}</conditionalFormatting>`;
}

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Notes: the comments part (the text) and the legacy VML drawing Excel needs to show them. */
function notesParts(sheet: SheetModel, n: number): { comments: string; vml: string } | undefined {
  const notes = sheet.cells.filter((c) => c.note !== undefined);
  if (notes.length === 0) return undefined;
  const comments = notes.map((c) => `<comment ref="${toA1(c.row, c.col)}" authorId="0"><text><r>${textElement(c.note!)}</r></text></comment>`);
  const shapes = notes.map(
    (c, i) =>
      `<v:shape id="_x0000_s${n * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c.col}, 15, ${Math.max(0, c.row - 2)}, 10, ${c.col + 2}, 15, ${c.row + 2}, 4</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${c.row - 1}</x:Row><x:Column>${c.col - 1}</x:Column></x:ClientData></v:shape>`,
  );
  return {
    comments:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<comments xmlns="${NS_MAIN}"><authors><author>Indicateurs IAE</author></authors><commentList>${comments.join('')}</commentList></comments>`,
    vml: `${VML_HEAD}${shapes.join('')}</xml>`,
  };
}

function colsXml(sheet: SheetModel): string {
  const cols = (sheet.columns ?? []).flatMap((c, i) => {
    if (c.width === undefined && !c.hidden) return [];
    if (c.width !== undefined && (!Number.isFinite(c.width) || c.width < 0 || c.width > 255)) throw new Error(`Largeur de la colonne ${i + 1} invalide : ${c.width} (${where(sheet)}).`);
    const width = c.width ?? 8.43;
    return [`<col min="${i + 1}" max="${i + 1}" width="${width}"${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`];
  });
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function sheetViewXml(sheet: SheetModel, selected: boolean): string {
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  const f = sheet.freeze;
  if (!f || (f.rows <= 0 && f.cols <= 0)) return `<sheetViews>${open}/></sheetViews>`;
  const pane = f.rows > 0 && f.cols > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    `<sheetViews>${open}><pane${f.cols > 0 ? ` xSplit="${f.cols}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''} topLeftCell="${toA1(f.rows + 1, f.cols + 1)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${toA1(f.rows + 1, f.cols + 1)}" sqref="${toA1(f.rows + 1, f.cols + 1)}"/></sheetView></sheetViews>`
  );
}

/** Renders one sheet; `drawing` is the relative target of its chart drawing, if any. */
export function renderSheet(sheet: SheetModel, selected: boolean, ctx: WorkbookContext, drawing?: string): RenderedSheet {
  const rels: Relationship[] = [];
  const rel = (r: Relationship) => `rId${rels.push(r)}`;
  const tables = (sheet.tables ?? []).map((t) => placeTable(sheet, t, ctx));
  const fit = sheet.print?.fitToWidth === true;
  // What comes before <sheetData>, written into the same buffer once the dimension is known.
  const head = (dimension: string) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    (sheet.tabColor || fit ? `<sheetPr>${sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>` : '') +
    `<dimension ref="${dimension}"/>` +
    sheetViewXml(sheet, selected) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(sheet);
  const cells = renderSheetCells(
    sheet,
    ctx.styles,
    ctx.strings,
    tables.flatMap((t) => t.headers),
    head,
  );
  // What comes after <sheetData>.
  const xml: string[] = [];
  if (sheet.protection?.enabled) {
    // No password: protection guards against slips, not attacks. Selecting cells, resizing
    // columns and filtering stay allowed.
    xml.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0"/>');
  }
  const merges = (sheet.merges ?? []).map((m) => rangeA1(boundedRanges(sheet, m, 'Fusion de cellules')[0]!));
  if (merges.length) xml.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  const priority = { next: 1 };
  for (const cf of sheet.conditionalFormats ?? []) xml.push(conditionalXml(sheet, cf, ctx.styles, priority));
  const validations = sheet.validations ?? [];
  if (validations.length) {
    const firsts = new Set<string>();
    xml.push(`<dataValidations count="${validations.length}">${validations.map((v) => validationXml(sheet, v, firsts)).join('')}</dataValidations>`);
  }
  if (cells.hyperlinks.length) xml.push(`<hyperlinks>${cells.hyperlinks.map((h) => hyperlinkXml(h, rel)).join('')}</hyperlinks>`);
  xml.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.print) {
    const p = sheet.print;
    if (p.orientation !== 'portrait' && p.orientation !== 'landscape') throw new Error(`Orientation d'impression invalide « ${String(p.orientation)} » (${where(sheet)}).`);
    xml.push(`<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
  }
  if (drawing) xml.push(`<drawing r:id="${rel({ type: REL.drawing, target: drawing })}"/>`);
  const notes = notesParts(sheet, ctx.comments + 1);
  if (notes) {
    const n = ++ctx.comments;
    ctx.parts.set(`xl/comments${n}.xml`, notes.comments);
    ctx.overrides.set(`xl/comments${n}.xml`, CT_COMMENTS);
    ctx.parts.set(`xl/drawings/vmlDrawing${n}.vml`, notes.vml);
    rel({ type: REL.comments, target: `../comments${n}.xml` });
    xml.push(`<legacyDrawing r:id="${rel({ type: REL.vmlDrawing, target: `../drawings/vmlDrawing${n}.vml` })}"/>`);
  }
  if (tables.length) {
    const ids = tables.map((t) => {
      const n = ++ctx.tables;
      ctx.parts.set(`xl/tables/table${n}.xml`, tableXml(n, t));
      ctx.overrides.set(`xl/tables/table${n}.xml`, CT_TABLE);
      return rel({ type: REL.table, target: `../tables/table${n}.xml` });
    });
    xml.push(`<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  }
  xml.push('</worksheet>');
  cells.out.text(xml.join(''));
  return { xml: cells.out.bytes(), rels };
}

function hyperlinkXml(h: Hyperlink, rel: (r: Relationship) => string): string {
  if (h.location !== undefined) return `<hyperlink ref="${h.ref}" location="${xmlEscape(h.location)}"/>`;
  return `<hyperlink ref="${h.ref}" r:id="${rel({ type: REL.hyperlink, target: h.url!, external: true })}"/>`;
}
