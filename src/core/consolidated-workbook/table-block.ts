import { toA1 } from '../a1.js';
import type { CellModel, StyleModel, TableModel } from '../workbook-model.js';
import { HEADER_STYLE } from './formats.js';

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
