import { toA1 } from '../a1.js';
import type { CellModel, SheetModel, StyleModel, TableModel } from '../workbook-model.js';
import { HEADER_STYLE, NOTE_STYLE, TITLE_STYLE } from './formats.js';

export type BlockValue = string | number | boolean | null;

export interface BlockColumn {
  readonly header: string;
  readonly width?: number;
  /** Style of every data cell of the column (a row may override it). */
  readonly style?: StyleModel;
}

export interface BlockRow {
  readonly values: readonly BlockValue[];
  /** Per-column style overrides (e.g. the number format of the row's indicator). */
  readonly styles?: readonly (StyleModel | undefined)[];
}

/**
 * A header row and data rows as cells, declared as an Excel table. Every value is a plain
 * value (text stays text, never a formula). Excel needs at least one data row in a table,
 * so an empty block gets none (the caller writes a note instead).
 */
export function tableBlock(
  name: string,
  top: number,
  left: number,
  columns: readonly BlockColumn[],
  rows: readonly BlockRow[],
): { cells: CellModel[]; table: TableModel | undefined; bottom: number } {
  const cells: CellModel[] = columns.map((c, i) => ({ row: top, col: left + i, value: c.header, style: HEADER_STYLE }));
  rows.forEach((r, k) => {
    r.values.forEach((v, i) => {
      const style = r.styles?.[i] ?? columns[i]?.style;
      cells.push({ row: top + 1 + k, col: left + i, value: v, ...(style ? { style } : {}) });
    });
  });
  const table: TableModel | undefined =
    rows.length > 0
      ? { name, topLeft: toA1(top, left), columns: columns.map((c) => c.header), rowCount: rows.length, style: 'TableStyleMedium2' }
      : undefined;
  return { cells, table, bottom: top + rows.length };
}

/** Colours given to the cells of a column that contain `text` (e.g. a severity, a status). */
export interface TextLight {
  readonly text: string;
  readonly style: StyleModel;
}

export interface TableSheetSpec {
  readonly name: string;
  readonly tabColor?: string;
  readonly title: string;
  /** The line under the title: what the table holds and how to read it. */
  readonly note: string;
  readonly tableName: string;
  readonly columns: readonly BlockColumn[];
  readonly rows: readonly BlockRow[];
  /** Written where the table would be when there is no row. */
  readonly empty: string;
  /** Leading columns kept in view when scrolling right. */
  readonly freezeCols: number;
  /** Traffic lights on one column of the data rows. */
  readonly lights?: { readonly col: number; readonly rules: readonly TextLight[] };
}

/** Row of the table header on a one-table sheet: title, note, a blank row, then the table. */
const TABLE_SHEET_TOP = 4;

/**
 * A sheet holding one table under a title and a note, frozen and printed with its header
 * repeated on each page.
 */
export function tableSheet(spec: TableSheetSpec): SheetModel {
  const top = TABLE_SHEET_TOP;
  const block = tableBlock(spec.tableName, top, 1, spec.columns, spec.rows);
  const cells: CellModel[] = [
    { row: 1, col: 1, value: spec.title, style: TITLE_STYLE },
    { row: 2, col: 1, value: spec.note, style: NOTE_STYLE },
    ...block.cells,
  ];
  if (!block.table) cells.push({ row: top + 1, col: 1, value: spec.empty, style: NOTE_STYLE });
  const lights = spec.lights;
  return {
    name: spec.name,
    ...(spec.tabColor !== undefined ? { tabColor: spec.tabColor } : {}),
    columns: spec.columns.map((c) => ({ width: c.width ?? 12 })),
    cells,
    tables: block.table ? [block.table] : [],
    ...(lights
      ? {
          conditionalFormats:
            spec.rows.length > 0
              ? [
                  {
                    range: `${toA1(top + 1, lights.col)}:${toA1(top + spec.rows.length, lights.col)}`,
                    rules: lights.rules.map((r) => ({ type: 'containsText' as const, text: r.text, style: r.style })),
                  },
                ]
              : [],
        }
      : {}),
    freeze: { rows: top, cols: spec.freezeCols },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${top}:${top}` },
  };
}
