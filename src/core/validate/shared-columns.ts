import type { CellsOf } from './check-return.js';

/** Distinct table layouts remembered in one run. */
const MAX_LAYOUTS = 16;

/**
 * The source.columns of table rows (see ReturnSource), one frozen object per layout shared by
 * every row of every file of a run laid out alike (the département tables of a network): a
 * record keeps a reference to it and its row number, not an address per cell. Frozen, so that
 * no record's cells can ever change under another's.
 */
export class SharedColumns {
  private readonly layouts = new Map<string, CellsOf>();
  /** The last layout asked for, compared item by item before any key is built (the usual case: the same as the file before). */
  private last: { cols: readonly number[]; codes: readonly string[]; columns: CellsOf } | undefined;

  /** The shared columns of a layout (1-based columns and their indicators), built by `make` the first time. */
  columnsOf(cols: readonly number[], codes: readonly string[], make: () => CellsOf): CellsOf {
    const last = this.last;
    if (last !== undefined && sameList(last.cols, cols) && sameList(last.codes, codes)) return last.columns;
    const key = `${cols.join(',')}|${codes.join(',')}`;
    let columns = this.layouts.get(key);
    if (!columns) {
      columns = Object.freeze(make());
      if (this.layouts.size < MAX_LAYOUTS) this.layouts.set(key, columns);
    }
    this.last = { cols, codes, columns };
    return columns;
  }
}

/** Whether two lists hold the same items in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
