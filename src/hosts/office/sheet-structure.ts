/**
 * Everything but values, queued on a sheet being built: column widths, styles per group of
 * ranges, merges, frozen panes, tables, conditional formats, validations, charts, links,
 * print layout, protection. Only queues — the caller syncs once for all sheets.
 */
import { columnLetters, parseRange } from '../../core/a1.js';
import type { ChartModel, ConditionalFormatModel, DataValidationModel, SheetModel, StyleModel } from '../../core/workbook-model.js';
import { chunkAddresses, packCells, renameSheetRefs } from './address.js';
import type { SheetGrid } from './write-plan.js';

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Applies a style (number format excepted: it goes with the values) to a range's format. */
export function applyStyle(format: Excel.RangeFormat, s: StyleModel): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.color !== undefined) format.font.color = `#${s.color}`;
  if (s.fill !== undefined) format.fill.color = `#${s.fill}`;
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.vertical !== undefined) format.verticalAlignment = VERTICAL[s.vertical];
  if (s.indent !== undefined) format.indentLevel = s.indent;
  if (s.locked !== undefined) format.protection.locked = s.locked;
  if (s.border === 'thin') {
    for (const edge of EDGES) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  }
}

function applyConditionalStyle(format: Excel.ConditionalRangeFormat, s: StyleModel): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.color !== undefined) format.font.color = `#${s.color}`;
  if (s.fill !== undefined) format.fill.color = `#${s.fill}`;
  if (s.numFmt !== undefined) format.numberFormat = s.numFmt;
}

/** Excel's column width unit is points; the model's is characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** One or several ranges ("A1:B2 D4" or "A1:B2,D4") as a Range or RangeAreas of the sheet. */
function target(ws: Excel.Worksheet, ranges: string): Excel.Range | Excel.RangeAreas {
  const parts = ranges.split(/[\s,]+/).filter(Boolean);
  return parts.length === 1 ? ws.getRange(parts[0]) : ws.getRanges(parts.join(','));
}

const CF_OPERATOR = { equal: 'EqualTo', greaterThan: 'GreaterThan', lessThan: 'LessThan', between: 'Between' } as const;

function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatModel, renames: ReadonlyMap<string, string>): void {
  const f = (formula: string) => `=${renameSheetRefs(formula.replace(/^=/, ''), renames)}`;
  for (const rule of cf.rules) {
    const formats = target(ws, cf.range).conditionalFormats;
    if (rule.type === 'cellIs') {
      const c = formats.add('CellValue');
      applyConditionalStyle(c.cellValue.format, rule.style);
      const [f1 = '0', f2] = rule.formulae;
      c.cellValue.rule = f2 !== undefined ? { formula1: f(f1), formula2: f(f2), operator: CF_OPERATOR[rule.operator] } : { formula1: f(f1), operator: CF_OPERATOR[rule.operator] };
    } else if (rule.type === 'expression') {
      const c = formats.add('Custom');
      applyConditionalStyle(c.custom.format, rule.style);
      c.custom.rule.formula = f(rule.formula);
    } else {
      const c = formats.add('ContainsText');
      applyConditionalStyle(c.textComparison.format, rule.style);
      c.textComparison.rule = { operator: 'Contains', text: rule.text };
    }
  }
}

const DV_OPERATOR = { between: 'Between', greaterThanOrEqual: 'GreaterThanOrEqualTo', lessThanOrEqual: 'LessThanOrEqualTo', equal: 'EqualTo' } as const;

function addValidation(ws: Excel.Worksheet, v: DataValidationModel, renames: ReadonlyMap<string, string>): void {
  const f = (formula: string) => `=${renameSheetRefs(formula.replace(/^=/, ''), renames)}`;
  let rule: Excel.DataValidationRule;
  const [f1 = '', f2] = v.formulae;
  if (v.type === 'list') {
    const quoted = /^"(.*)"$/s.exec(f1);
    rule = { list: { inCellDropDown: true, source: quoted ? quoted[1]!.replace(/""/g, '"') : f(f1) } };
  } else if (v.type === 'custom') {
    rule = { custom: { formula: f(f1) } };
  } else {
    const basic: Excel.BasicDataValidation = { formula1: f(f1), operator: DV_OPERATOR[v.operator ?? 'between'] };
    if (f2 !== undefined) basic.formula2 = f(f2);
    rule = v.type === 'whole' ? { wholeNumber: basic } : v.type === 'decimal' ? { decimal: basic } : { textLength: basic };
  }
  for (const part of v.range.split(/\s+/).filter(Boolean)) {
    const dv = ws.getRange(part).dataValidation;
    dv.rule = rule;
    dv.ignoreBlanks = v.allowBlank;
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    if (v.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.message };
  }
}

const CHART_TYPE = { bar: 'BarClustered', column: 'ColumnClustered', pie: 'Pie', stackedColumn: 'ColumnStacked' } as const;

function addChart(ws: Excel.Worksheet, chart: ChartModel): void {
  const [first, ...others] = chart.series;
  if (!first) return;
  const r = parseRange(first.values);
  const seriesBy = r.top === r.bottom && r.right > r.left ? 'Rows' : 'Columns';
  const c = ws.charts.add(CHART_TYPE[chart.type], ws.getRange(first.values), seriesBy);
  c.title.text = chart.title;
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(chart.categories));
  for (const s of others) {
    const added = c.series.add(s.name);
    added.setValues(ws.getRange(s.values));
    added.setXAxisValues(ws.getRange(chart.categories));
  }
  c.setPosition(chart.from, chart.to);
}

export interface StructureContext {
  /** Model sheet name → name while being built (for formulas). */
  readonly buildNames: ReadonlyMap<string, string>;
  /** Model sheet name → final name (for hyperlinks, stored as text and not followed by renames). */
  readonly finalNames: ReadonlyMap<string, string>;
  /** Model table name → temporary table name (table names are workbook-wide). */
  readonly tableNames: ReadonlyMap<string, string>;
}

/** Queues the non-value parts of a sheet. */
export function queueSheetStructure(ws: Excel.Worksheet, sheet: SheetModel, grid: SheetGrid, ctx: StructureContext): void {
  // Column widths, grouping neighbours of the same width into one range.
  const cols = sheet.columns ?? [];
  for (let i = 0; i < cols.length; ) {
    const c = cols[i]!;
    let j = i;
    while (j + 1 < cols.length && cols[j + 1]!.width === c.width && cols[j + 1]!.hidden === c.hidden) j++;
    if (c.width !== undefined || c.hidden) {
      const range = ws.getRange(`${columnLetters(i + 1)}:${columnLetters(j + 1)}`);
      if (c.width !== undefined) range.format.columnWidth = charsToPoints(c.width);
      if (c.hidden) range.columnHidden = true;
    }
    i = j + 1;
  }
  for (const rs of sheet.rangeStyles ?? []) {
    const { numFmt: _n, ...rest } = rs.style;
    if (Object.keys(rest).length > 0) applyStyle(target(ws, rs.range).format, rest);
  }
  for (const { style, cells } of grid.styleGroups.values()) {
    for (const chunk of chunkAddresses(packCells(cells))) applyStyle(target(ws, chunk).format, style);
  }
  for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
  for (const c of sheet.cells) {
    if (c.hyperlink === undefined) continue;
    const cell = ws.getRange(`${columnLetters(c.col)}${c.row}`);
    const text = c.value === undefined || c.value === null ? undefined : String(c.value);
    cell.hyperlink = c.hyperlink.startsWith('#')
      ? { documentReference: renameSheetRefs(c.hyperlink.slice(1), ctx.finalNames), ...(text ? { textToDisplay: text } : {}) }
      : { address: c.hyperlink, ...(text ? { textToDisplay: text } : {}) };
  }
  for (const t of sheet.tables ?? []) {
    const tl = parseRange(t.topLeft);
    const address = `${t.topLeft}:${columnLetters(tl.left + t.columns.length - 1)}${tl.top + Math.max(1, t.rowCount)}`;
    const table = ws.tables.add(ws.getRange(address), true);
    table.name = ctx.tableNames.get(t.name) ?? t.name;
    table.style = t.style ?? 'TableStyleMedium2';
  }
  for (const cf of sheet.conditionalFormats ?? []) addConditionalFormat(ws, cf, ctx.buildNames);
  for (const v of sheet.validations ?? []) addValidation(ws, v, ctx.buildNames);
  for (const chart of sheet.charts ?? []) addChart(ws, chart);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols: fc } = sheet.freeze;
    if (fc === 0) ws.freezePanes.freezeRows(rows);
    else if (rows === 0) ws.freezePanes.freezeColumns(fc);
    else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, fc));
  }
  if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
  if (sheet.print) {
    ws.pageLayout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    if (sheet.print.titleRows) ws.pageLayout.setPrintTitleRows(`$${sheet.print.titleRows.replace(':', ':$')}`);
  }
  if (sheet.protection?.enabled) ws.protection.protect();
}
