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

  /** The kept cells by 1-based row for a layout (columns and their indicators), or undefined past the limit. */
  rowsOf(layout: string): Record<string, string>[] | undefined {
    let rows = this.layouts.get(layout);
    if (!rows && this.layouts.size < MAX_LAYOUTS) this.layouts.set(layout, (rows = []));
    return rows;
  }

  static readonly rows = SHARED_ROWS;
}
