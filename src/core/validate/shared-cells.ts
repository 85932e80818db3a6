/** Rows whose cells are kept for reuse: a département's table has a few hundred rows at most. */
const SHARED_ROWS = 1024;
/** Distinct table layouts remembered in one run. */
const MAX_LAYOUTS = 16;

/**
 * The source.cells of table rows, shared by the files of a run laid out alike (the département
 * tables of a network): a record keeps the address of every cell it read, and each file would
 * otherwise build the same strings again. The kept objects are never handed out: each record
 * gets its own (cheap) copy, so a record's cells can never change under another.
 */
export class SharedCells {
  private readonly layouts = new Map<string, Record<string, string>[]>();
  /** The last layout asked for, compared item by item before any key is built (the usual case: the same as the file before). */
  private last: { cols: readonly number[]; codes: readonly string[]; rows: Record<string, string>[] } | undefined;

  /** The kept cells by 1-based row for a layout (columns and their indicators), or undefined past the limit. */
  rowsOf(cols: readonly number[], codes: readonly string[]): Record<string, string>[] | undefined {
    const last = this.last;
    if (last !== undefined && sameList(last.cols, cols) && sameList(last.codes, codes)) return last.rows;
    const key = `${cols.join(',')}|${codes.join(',')}`;
    let rows = this.layouts.get(key);
    if (!rows && this.layouts.size < MAX_LAYOUTS) this.layouts.set(key, (rows = []));
    if (rows) this.last = { cols, codes, rows };
    return rows;
  }

  static readonly rows = SHARED_ROWS;
}

/** Whether two lists hold the same items in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
