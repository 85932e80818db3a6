/**
 * Writes a WorkbookModel into the open workbook, all or nothing as far as Office.js allows.
 *
 * Syncs: 1 inspect the sheets, 2 read their marks and create the new sheets under temporary
 * hidden names, then one per value block (numberFormat then values/formulas of a row block),
 * then 1 for all formats, tables, conditional formats, validations and charts, then 1 commit
 * (delete the add-in's previous sheets of the same kind, rename the new ones, names) —
 * 4 + one per value block. Office.js batches are not transactions: if a sync fails before the
 * commit, the temporary sheets are deleted (the workbook is as before); if the commit fails
 * half-way, the state is inspected and the commit is either undone (nothing applied yet) or
 * completed (the new sheets all in place).
 */
import type { SheetModel, WorkbookModel } from '../../core/workbook-model.js';
import { renameSheetRefs } from './address.js';
import { ExcelHostError, inSequence, officeErrorCode, toFrenchError, withContext, type ExcelTarget } from './errors.js';
import { freeSheetName, MARKER_NAME, markerFormula, parseMarker } from './ownership.js';
import { queueSheetStructure } from './sheet-structure.js';
import { buildSheetGrid, planValueBlocks, type SheetGrid } from './write-plan.js';

export interface WriteOptions {
  /** What the sheets are, for their mark: re-running replaces the add-in's sheets of this kind only. */
  readonly kind?: string;
  /** Target size of one value block's request, in bytes (default 900,000; the web caps at 5 MB). */
  readonly blockBytes?: number;
  /** Activate the first new sheet at the end (default true). */
  readonly activate?: boolean;
  readonly onProgress?: (blocksWritten: number, blocksTotal: number) => void;
}

export interface WriteResult {
  /** Each model sheet and the name it got (a suffix after a clash with a user's sheet). */
  readonly sheets: readonly { readonly model: string; readonly name: string }[];
  readonly tables: readonly { readonly model: string; readonly name: string }[];
  /** The add-in's previous sheets that were replaced. */
  readonly replaced: readonly string[];
  readonly valueBlocks: number;
  /** True when the commit failed half-way and was completed on a second attempt. */
  readonly recovered: boolean;
}

/** 10% below 1 MB: the request's envelope (object paths, action ids) comes on top of the data. */
export const DEFAULT_BLOCK_BYTES = 900_000;
export const CONSOLIDATION_KIND = 'consolidation';
const TEMP_PREFIX = 'IAE_tmp_';
const DOING = 'Écriture dans le classeur impossible';

interface CommitPlan {
  readonly kind: string;
  readonly tempPrefix: string;
  /** The add-in's previous sheets of this kind, by id: a new sheet may take one's name. */
  readonly oldOwned: readonly { readonly id: string; readonly name: string }[];
  readonly temps: readonly string[];
  readonly finals: readonly string[];
  readonly sheets: readonly SheetModel[];
  readonly tempTables: readonly string[];
  readonly finalTables: readonly string[];
  readonly finalNames: ReadonlyMap<string, string>;
  readonly model: WorkbookModel;
  readonly activate: boolean;
}

interface LiveState {
  readonly sheets: ReadonlySet<string>;
  readonly sheetIds: ReadonlySet<string>;
  readonly tables: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

const lower = (s: string) => s.toLowerCase();

/** Queues the loads of what a write must not clash with: sheets (names, ids), tables and names. */
function loadWorkbookNames(wb: Excel.Workbook) {
  const sheets = wb.worksheets;
  sheets.load('items/name,items/id');
  const tables = wb.tables;
  tables.load('items/name');
  const names = wb.names;
  names.load('items/name');
  return { sheets, tables, names };
}

export function writeModel(target: ExcelTarget, model: WorkbookModel, options: WriteOptions = {}): Promise<WriteResult> {
  return withContext(target, DOING, (context) => writeWith(context, model, options));
}

async function writeWith(context: Excel.RequestContext, model: WorkbookModel, options: WriteOptions): Promise<WriteResult> {
  const kind = options.kind ?? CONSOLIDATION_KIND;
  const wb = context.workbook;
  const stamp = Date.now().toString(36).slice(-6);
  const tempPrefix = `${TEMP_PREFIX}${stamp}_`;
  let commitStarted = false;
  let plan: CommitPlan | undefined;
  try {
    // Sync 1: what is there.
    const { sheets: worksheets, names } = loadWorkbookNames(wb);
    await context.sync();

    // Sync 2: the marks of existing sheets and their tables; the new sheets, hidden, under temporary names.
    const existing = worksheets.items.map((ws) => {
      const marker = ws.names.getItemOrNullObject(MARKER_NAME);
      marker.load('formula');
      const sheetTables = ws.tables;
      sheetTables.load('items/name');
      return { name: ws.name, id: ws.id, marker, sheetTables };
    });
    const temps = model.sheets.map((_, i) => `${tempPrefix}${i + 1}`);
    const newSheets = temps.map((t) => {
      const ws = wb.worksheets.add(t);
      ws.visibility = 'Hidden';
      return ws;
    });
    await context.sync();

    const oldOwned = existing.filter((e) => !e.marker.isNullObject && parseMarker(e.marker.formula)?.kind === kind);
    const oldOwnedSet = new Set(oldOwned.map((e) => lower(e.name)));
    const taken = new Set(existing.filter((e) => !oldOwnedSet.has(lower(e.name))).map((e) => lower(e.name)));
    const finals = model.sheets.map((s) => {
      const name = freeSheetName(s.name, taken);
      taken.add(lower(name));
      return name;
    });
    const keptTables = new Set(
      existing.filter((e) => !oldOwnedSet.has(lower(e.name))).flatMap((e) => e.sheetTables.items.map((t) => lower(t.name))),
    );
    const modelTables = model.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    const tempTables = modelTables.map((_, i) => `${TEMP_PREFIX}T${stamp}_${i + 1}`);
    const finalTables = modelTables.map((name) => {
      let n = name;
      for (let i = 2; keptTables.has(lower(n)); i++) n = `${name}_${i}`;
      keptTables.add(lower(n));
      return n;
    });
    const buildNames = new Map(model.sheets.map((s, i) => [s.name, temps[i]!]));
    const finalNames = new Map(model.sheets.map((s, i) => [s.name, finals[i]!]));
    const tableNames = new Map(modelTables.map((n, i) => [n, tempTables[i]!]));
    plan = {
      kind,
      tempPrefix,
      oldOwned: oldOwned.map((e) => ({ id: e.id, name: e.name })),
      temps,
      finals,
      sheets: model.sheets,
      tempTables,
      finalTables,
      finalNames,
      model,
      activate: options.activate ?? true,
    };

    // One sync per value block: number formats first (text stays text), then values or formulas.
    const grids: SheetGrid[] = model.sheets.map((s) => buildSheetGrid(s, buildNames));
    const blocks = planValueBlocks(grids, options.blockBytes ?? DEFAULT_BLOCK_BYTES);
    await inSequence(blocks, async (block, i) => {
      for (const seg of block.segments) {
        const grid = grids[seg.sheet]!;
        const range = newSheets[seg.sheet]!.getRangeByIndexes(seg.row, 0, seg.rowCount, grid.colCount);
        range.numberFormat = grid.formats.slice(seg.row, seg.row + seg.rowCount);
        const values = grid.values.slice(seg.row, seg.row + seg.rowCount);
        if (seg.useFormulas) range.formulas = values;
        else range.values = values;
      }
      await context.sync();
      options.onProgress?.(i + 1, blocks.length);
    });

    // One sync for everything else, and the marks.
    model.sheets.forEach((s, i) => {
      const ws = newSheets[i]!;
      queueSheetStructure(ws, s, grids[i]!, { buildNames, finalNames, tableNames });
      ws.names.add(MARKER_NAME, markerFormula({ kind, base: s.name }));
    });
    await context.sync();

    // Commit.
    commitStarted = true;
    queueCommit(context, plan, {
      sheets: new Set([...existing.map((e) => e.name), ...temps]),
      sheetIds: new Set(existing.map((e) => e.id)),
      tables: new Set(tempTables),
      names: new Set(names.items.map((n) => n.name)),
    });
    await context.sync();
    return result(plan, blocks.length, false);
  } catch (e) {
    if (commitStarted && plan) return recoverCommit(context, plan, e);
    await rollBack(context, tempPrefix);
    throw failure(e, "le classeur est resté tel qu'il était");
  }
}

function result(plan: CommitPlan, valueBlocks: number, recovered: boolean): WriteResult {
  return {
    sheets: plan.sheets.map((s, i) => ({ model: s.name, name: plan.finals[i]! })),
    tables: plan.tempTables.map((_, i) => ({ model: tableModelName(plan, i), name: plan.finalTables[i]! })),
    replaced: plan.oldOwned.map((o) => o.name),
    valueBlocks,
    recovered,
  };
}

function tableModelName(plan: CommitPlan, i: number): string {
  return plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name))[i]!;
}

function failure(e: unknown, outcome: string): ExcelHostError {
  const base = toFrenchError(e, DOING);
  return new ExcelHostError(`${base.message} Les nouvelles feuilles n'ont pas été écrites : ${outcome}.`, officeErrorCode(e) ?? base.code, e);
}

/**
 * Queues what remains of the commit given the live state: make the new sheets visible (a
 * workbook needs one visible sheet), delete the previous sheets, rename the new ones and their
 * tables, replace the model's defined names, activate. Idempotent, so a retry can run it again.
 */
function queueCommit(context: Excel.RequestContext, plan: CommitPlan, live: LiveState): void {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  plan.temps.forEach((t, i) => {
    if (live.sheets.has(t)) sheets.getItem(t).visibility = plan.sheets[i]!.visibility === 'veryHidden' ? 'VeryHidden' : plan.sheets[i]!.visibility === 'hidden' ? 'Hidden' : 'Visible';
  });
  for (const old of plan.oldOwned) if (live.sheetIds.has(old.id)) sheets.getItem(old.id).delete();
  plan.temps.forEach((t, i) => {
    if (live.sheets.has(t)) sheets.getItem(t).name = plan.finals[i]!;
  });
  plan.tempTables.forEach((t, i) => {
    if (live.tables.has(t)) wb.tables.getItem(t).name = plan.finalTables[i]!;
  });
  for (const n of plan.model.definedNames ?? []) {
    if (live.names.has(n.name)) wb.names.getItem(n.name).delete();
    wb.names.add(n.name, `=${renameSheetRefs(n.ref.replace(/^=/, ''), plan.finalNames)}`);
  }
  if (plan.activate) {
    const first = plan.sheets.findIndex((s) => (s.visibility ?? 'visible') === 'visible');
    if (first >= 0) sheets.getItem(plan.finals[first]!).activate();
  }
}

/** Best effort: delete every sheet this run created (found by its temporary name). */
async function rollBack(context: Excel.RequestContext, tempPrefix: string): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const mine = sheets.items.filter((ws) => ws.name.startsWith(tempPrefix));
    if (mine.length === 0) return;
    mine.forEach((ws) => ws.delete());
    await context.sync();
  } catch {
    // Nothing more can be done from here; the caller reports the original error.
  }
}

async function recoverCommit(context: Excel.RequestContext, plan: CommitPlan, cause: unknown): Promise<WriteResult> {
  const wb = context.workbook;
  let live: LiveState;
  try {
    const { sheets, tables, names } = loadWorkbookNames(wb);
    await context.sync();
    live = {
      sheets: new Set(sheets.items.map((s) => s.name)),
      sheetIds: new Set(sheets.items.map((s) => s.id)),
      tables: new Set(tables.items.map((t) => t.name)),
      names: new Set(names.items.map((n) => n.name)),
    };
  } catch {
    throw failure(cause, "l'état du classeur n'a pas pu être vérifié, contrôlez ses feuilles");
  }
  const untouched = plan.oldOwned.every((o) => live.sheetIds.has(o.id)) && plan.temps.every((t) => live.sheets.has(t));
  if (untouched) {
    await rollBack(context, plan.tempPrefix);
    throw failure(cause, "le classeur est resté tel qu'il était");
  }
  try {
    queueCommit(context, plan, live);
    await context.sync();
  } catch (e) {
    throw failure(e, 'le remplacement des anciennes feuilles est resté incomplet, relancez la consolidation');
  }
  return result(plan, 0, true);
}
