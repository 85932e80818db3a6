/** Renders one SheetModel onto an ExcelJS worksheet (everything but charts and defined names). */
import type { CellValue, Workbook, Worksheet, DataValidation, ConditionalFormattingRule } from 'exceljs';
import { parseA1, parseRange, toA1, type RangeRef } from '../../../core/a1';
import type { CellModel, SheetModel, StyleModel, TableModel, DataValidationModel, ConditionalFormatModel } from '../../../core/workbook-model';
import { argb, mergeStyles, toCellStyle, toDxfStyle } from './styles';

/** ExcelJS recognises an internal link only as Sheet!A1 (no '$', no range). */
const INTERNAL_LINK_RE = /^[^!]+![A-Za-z]{1,3}[0-9]+$/;

function where(sheet: SheetModel, cell?: string): string {
  return cell ? `feuille « ${sheet.name} », cellule ${cell}` : `feuille « ${sheet.name} »`;
}

function cellsOf(r: RangeRef): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** Space-separated bounded ranges; whole columns/rows ("A:A", "1:1") are refused. */
function boundedRanges(sheet: SheetModel, spec: string, what: string): RangeRef[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((part) => {
      try {
        return parseRange(part);
      } catch {
        throw new Error(`${what} : plage « ${part} » invalide ou non bornée (${where(sheet)}).`);
      }
    });
}

function cellValue(sheet: SheetModel, c: CellModel): CellValue {
  const address = toA1(c.row, c.col);
  if (c.formula !== undefined) {
    if (c.hyperlink) throw new Error(`Une formule ne peut pas porter de lien (${where(sheet, address)}).`);
    const formula = c.formula.replace(/^=/, '');
    return c.value === undefined || c.value === null ? { formula } : ({ formula, result: c.value } as CellValue);
  }
  if (c.hyperlink) {
    const text = c.value === undefined || c.value === null ? c.hyperlink : String(c.value);
    if (c.hyperlink.startsWith('#')) {
      const target = c.hyperlink.slice(1).replace(/\$/g, '');
      if (!INTERNAL_LINK_RE.test(target)) throw new Error(`Lien interne invalide « ${c.hyperlink} » (${where(sheet, address)}) : attendu #'Feuille'!A1.`);
      return { text, hyperlink: target };
    }
    if (!/^https:\/\//i.test(c.hyperlink)) throw new Error(`Lien non autorisé « ${c.hyperlink} » (${where(sheet, address)}) : seuls les liens https et internes sont acceptés.`);
    return { text, hyperlink: c.hyperlink };
  }
  // Strings are always plain text cells: ExcelJS never parses "=…" in a string into a formula.
  return c.value === undefined ? null : c.value;
}

function addTable(ws: Worksheet, sheet: SheetModel, t: TableModel): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.name)) throw new Error(`Nom de tableau invalide « ${t.name} » (${where(sheet)}).`);
  parseA1(t.topLeft);
  // Excel wants at least one data row; cell contents are written afterwards by renderCells.
  const rows = Array.from({ length: Math.max(1, t.rowCount) }, () => t.columns.map(() => null));
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: t.topLeft,
    headerRow: true,
    totalsRow: false,
    style: { theme: (t.style ?? 'TableStyleMedium2') as 'TableStyleMedium2', showRowStripes: true },
    columns: t.columns.map((name) => ({ name, filterButton: true })),
    rows,
  } as Parameters<Worksheet['addTable']>[0]);
}

function renderCells(ws: Worksheet, sheet: SheetModel): void {
  const styles = new Map<string, StyleModel>();
  const key = (row: number, col: number) => `${row},${col}`;
  for (const rs of sheet.rangeStyles ?? []) {
    for (const r of boundedRanges(sheet, rs.range, 'Style de plage')) {
      for (const { row, col } of cellsOf(r)) styles.set(key(row, col), mergeStyles(styles.get(key(row, col)), rs.style)!);
    }
  }
  const seen = new Set<string>();
  for (const c of sheet.cells) {
    const k = key(c.row, c.col);
    if (seen.has(k)) throw new Error(`Cellule définie deux fois (${where(sheet, toA1(c.row, c.col))}).`);
    seen.add(k);
    const cell = ws.getCell(c.row, c.col);
    cell.value = cellValue(sheet, c);
    const style = mergeStyles(styles.get(k), c.style);
    if (style) cell.style = toCellStyle(style);
    if (c.note !== undefined) cell.note = c.note;
  }
  for (const [k, style] of styles) {
    if (seen.has(k)) continue;
    const [row, col] = k.split(',').map(Number) as [number, number];
    ws.getCell(row, col).style = toCellStyle(style);
  }
}

/** Excel's limit on a row height, in points. */
const MAX_ROW_HEIGHT = 409;

function applyRowHeights(ws: Worksheet, sheet: SheetModel): void {
  const seen = new Set<number>();
  for (const { row, height } of sheet.rowHeights ?? []) {
    if (!Number.isInteger(row) || row < 1 || row > 1_048_576) throw new Error(`Hauteur de ligne : numéro de ligne ${row} invalide (${where(sheet)}).`);
    if (seen.has(row)) throw new Error(`Hauteur de la ligne ${row} définie deux fois (${where(sheet)}).`);
    if (!Number.isFinite(height) || height <= 0 || height > MAX_ROW_HEIGHT) {
      throw new Error(`Hauteur de la ligne ${row} invalide : ${height} (attendu un nombre de points entre 0 et ${MAX_ROW_HEIGHT}, ${where(sheet)}).`);
    }
    seen.add(row);
    ws.getRow(row).height = height;
  }
}

/** A validation over several ranges: ExcelJS writes the first one, post-processing widens sqref. */
export interface SqrefFix {
  readonly first: string;
  readonly sqref: string;
}

function addValidation(ws: Worksheet, sheet: SheetModel, v: DataValidationModel, fixes: SqrefFix[]): void {
  const dv: DataValidation = {
    type: v.type,
    allowBlank: v.allowBlank,
    formulae: v.formulae.map((f) => f.replace(/^=/, '')),
    ...(v.type !== 'list' && v.type !== 'custom' ? { operator: v.operator ?? 'between' } : {}),
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
    ...(v.error ? { showErrorMessage: true, errorStyle: 'stop', errorTitle: v.error.title, error: v.error.message } : { showErrorMessage: true }),
  };
  // One validation for all its ranges: relative formulas stay anchored on the first cell.
  const ranges = boundedRanges(sheet, v.range, 'Validation de données').map((r) => `${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`);
  const first = ranges[0]!;
  const dvs = (ws as unknown as { dataValidations: { model: Record<string, unknown>; add(address: string, v: DataValidation): void } }).dataValidations;
  if (dvs.model[first] !== undefined) throw new Error(`Deux validations de données commencent par la plage ${first} (${where(sheet)}).`);
  dvs.add(first, dv);
  if (ranges.length > 1) fixes.push({ first, sqref: ranges.join(' ') });
}

function addConditionalFormat(ws: Worksheet, sheet: SheetModel, cf: ConditionalFormatModel, priority: { next: number }): void {
  const ranges = boundedRanges(sheet, cf.range, 'Mise en forme conditionnelle');
  const ref = ranges.map((r) => `${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`).join(' ');
  const topLeft = toA1(ranges[0]!.top, ranges[0]!.left);
  const rules: ConditionalFormattingRule[] = cf.rules.map((rule) => {
    const style = toDxfStyle(rule.style);
    const p = priority.next++;
    switch (rule.type) {
      case 'cellIs':
        return { type: 'cellIs', operator: rule.operator, formulae: rule.formulae.map((f) => f.replace(/^=/, '')), style, priority: p };
      case 'expression':
        return { type: 'expression', formulae: [rule.formula.replace(/^=/, '')], style, priority: p };
      case 'containsText':
        // Explicit formula: ExcelJS would not double the quotes inside the searched text.
        return {
          type: 'containsText',
          operator: 'containsText',
          text: rule.text,
          formulae: [`NOT(ISERROR(SEARCH("${rule.text.replace(/"/g, '""')}",${topLeft})))`],
          style,
          priority: p,
        } as ConditionalFormattingRule;
    }
  });
  ws.addConditionalFormatting({ ref, rules });
}

export async function renderSheet(wb: Workbook, sheet: SheetModel): Promise<SqrefFix[]> {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility ?? 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    ...(sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)
      ? {
          views: [
            {
              state: 'frozen',
              xSplit: sheet.freeze.cols,
              ySplit: sheet.freeze.rows,
              topLeftCell: toA1(sheet.freeze.rows + 1, sheet.freeze.cols + 1),
            },
          ],
        }
      : {}),
  });
  (sheet.columns ?? []).forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  applyRowHeights(ws, sheet);
  for (const t of sheet.tables ?? []) addTable(ws, sheet, t);
  renderCells(ws, sheet);
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  const fixes: SqrefFix[] = [];
  for (const v of sheet.validations ?? []) addValidation(ws, sheet, v, fixes);
  const priority = { next: 1 };
  for (const cf of sheet.conditionalFormats ?? []) addConditionalFormat(ws, sheet, cf, priority);
  if (sheet.print) {
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = sheet.print.orientation;
    if (sheet.print.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (sheet.print.titleRows) ws.pageSetup.printTitlesRow = sheet.print.titleRows.replace(/\$/g, '');
  }
  if (sheet.protection?.enabled) {
    // No password: protection guards against slips, not attacks. Selecting cells, resizing
    // columns and filtering stay allowed.
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
  }
  return fixes;
}
