/**
 * Writes a WorkbookModel into the open workbook, all or nothing as far as Office.js allows.
 *
 * Syncs: 1 inspect (sheets, tables, names, structure protection), 2 read the sheets' marks and
 * tables — every name is then decided and every clash found before the first change — then one
 * per value block (the first one also removes the leftovers of earlier runs and creates the new
 * sheets, hidden, under temporary names), then 1 for all formats, tables, conditional formats,
 * validations and charts, with a last look for names created meanwhile, then 1 commit —
 * 4 + one per value block. Office.js batches are not transactions: if a sync fails before the
 * commit, the temporary sheets are deleted (the workbook is as before) or, if even that fails,
 * the message names them and the next run removes them; if the commit fails half-way, the state
 * is read again and the commit is either undone (nothing applied yet) or completed. The commit
 * shows the new sheets before it deletes the old ones: at any point one of the two sets is there.
 */
import type { SheetModel, WorkbookModel } from '../../core/workbook-model.js';
import { renameSheetRefs } from './address.js';
import { ExcelHostError, inSequence, officeErrorCode, toFrenchError, withContext, type ExcelTarget } from './errors.js';
import { freeSheetName, MARKER_NAME, markerFormula, parseMarker } from './ownership.js';
import { queueSheetStructure } from './sheet-structure.js';
import { buildSheetGrid, planValueBlocks, type SheetGrid } from './write-plan.js';
import { concurrentClash, planNaming, quoted, type ExistingSheet, type LiveNames, type Naming } from './write-names.js';

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
  /** Temporary sheets left by an earlier, interrupted run, removed by this one. */
  readonly leftoversRemoved: readonly string[];
  readonly valueBlocks: number;
  /** True when the commit failed half-way and was completed on a second attempt. */
  readonly recovered: boolean;
}

/** 10% below 1 MB: the request's envelope (object paths, action ids) comes on top of the data. */
export const DEFAULT_BLOCK_BYTES = 900_000;
export const CONSOLIDATION_KIND = 'consolidation';
const DOING = 'Écriture dans le classeur impossible';
const AS_BEFORE = "le classeur est resté tel qu'il était";
const NEXT_RUN = 'la prochaine écriture les retirera (vous pouvez aussi les supprimer vous-même)';

interface CommitPlan {
  readonly naming: Naming;
  /** Mutable: a sheet created by the user during a failed commit pushes a new sheet to another name. */
  finals: string[];
  readonly sheets: readonly SheetModel[];
  readonly modelTables: readonly string[];
  readonly model: WorkbookModel;
  readonly activate: boolean;
  readonly leftoversRemoved: readonly string[];
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
  sheets.load('items/name,items/id,items/visibility');
  const tables = wb.tables;
  tables.load('items/name');
  const names = wb.names;
  names.load('items/name');
  return { sheets, tables, names };
}

function liveNames(l: ReturnType<typeof loadWorkbookNames>): LiveNames {
  return {
    sheets: l.sheets.items.map((s) => ({ name: s.name, id: s.id })),
    tables: l.tables.items.map((t) => t.name),
    names: l.names.items.map((n) => n.name),
  };
}

function liveState(l: ReturnType<typeof loadWorkbookNames>): LiveState {
  return {
    sheets: new Set(l.sheets.items.map((s) => s.name)),
    sheetIds: new Set(l.sheets.items.map((s) => s.id)),
    tables: new Set(l.tables.items.map((t) => t.name)),
    names: new Set(l.names.items.map((n) => n.name)),
  };
}

export function writeModel(target: ExcelTarget, model: WorkbookModel, options: WriteOptions = {}): Promise<WriteResult> {
  return withContext(target, DOING, (context) => writeWith(context, model, options));
}

/** The write stops before any change: nothing to undo. */
class Refusal extends ExcelHostError {}

async function writeWith(context: Excel.RequestContext, model: WorkbookModel, options: WriteOptions): Promise<WriteResult> {
  const kind = options.kind ?? CONSOLIDATION_KIND;
  const wb = context.workbook;
  let commitStarted = false;
  let created = false;
  let plan: CommitPlan | undefined;
  try {
    // Sync 1: what is there, and whether the structure may change at all.
    const first = loadWorkbookNames(wb);
    const protection = wb.protection;
    protection.load('protected');
    await context.sync();
    if (protection.protected) {
      throw new Refusal(
        `${DOING} : la structure du classeur est protégée (Révision > Protéger le classeur), le complément ne peut ni ajouter ni remplacer de feuilles. Retirez la protection puis relancez ; ${AS_BEFORE}.`,
        'AccessDenied',
      );
    }

    // Sync 2: the marks of existing sheets and their tables. Nothing is changed yet.
    const marks = first.sheets.items.map((ws) => {
      const marker = ws.names.getItemOrNullObject(MARKER_NAME);
      marker.load('formula');
      const sheetTables = ws.tables;
      sheetTables.load('items/name');
      return { ws, marker, sheetTables };
    });
    await context.sync();

    const existing: ExistingSheet[] = marks.map(({ ws, marker, sheetTables }) => ({
      name: ws.name,
      id: ws.id,
      visible: ws.visibility === 'Visible',
      kind: marker.isNullObject ? undefined : parseMarker(marker.formula)?.kind,
      tables: sheetTables.items.map((t) => t.name),
    }));
    const modelTables = model.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    const modelNames = (model.definedNames ?? []).map((n) => n.name);
    const naming = planNaming({
      kind,
      stamp: Date.now().toString(36).slice(-6),
      sheets: existing,
      names: first.names.items.map((n) => n.name),
      modelSheets: model.sheets.map((s) => s.name),
      modelTables,
      modelNames,
    });
    if ('clash' in naming) throw new Refusal(`${DOING} : ${naming.clash} ; ${AS_BEFORE}.`, 'ItemAlreadyExists');
    plan = {
      naming,
      finals: [...naming.finals],
      sheets: model.sheets,
      modelTables,
      model,
      activate: options.activate ?? true,
      leftoversRemoved: naming.leftovers.map((s) => s.name),
    };
    const buildNames = new Map(model.sheets.map((s, i) => [s.name, naming.temps[i]!]));
    const finalNames = new Map(model.sheets.map((s, i) => [s.name, naming.finals[i]!]));
    const tableNames = new Map(modelTables.map((n, i) => [n, naming.tempTables[i]!]));

    // First change, sent with the first value block: leftovers out, the new sheets in, hidden.
    for (const l of naming.leftovers) wb.worksheets.getItem(l.id).delete();
    const newSheets = naming.temps.map((t) => {
      const ws = wb.worksheets.add(t);
      ws.visibility = 'Hidden';
      return ws;
    });

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
      created = true;
      options.onProgress?.(i + 1, blocks.length);
    });

    // One sync for everything else and the marks; then a last look for names taken meanwhile.
    model.sheets.forEach((s, i) => {
      const ws = newSheets[i]!;
      queueSheetStructure(ws, s, grids[i]!, { buildNames, finalNames, tableNames });
      ws.names.add(MARKER_NAME, markerFormula({ kind, base: s.name }));
    });
    const before = loadWorkbookNames(wb);
    await context.sync();
    created = true;
    const clash = concurrentClash(naming, modelNames, liveNames(before));
    if (clash) throw new ExcelHostError(`${DOING} : ${clash}.`, 'ItemAlreadyExists');

    // Commit.
    commitStarted = true;
    queueCommit(context, plan, liveState(before));
    await context.sync();
    return result(plan, blocks.length, false);
  } catch (e) {
    if (e instanceof Refusal) throw e;
    if (commitStarted && plan) return recoverCommit(context, plan, e);
    const temps = plan?.naming.temps ?? [];
    const leftovers = plan?.leftoversRemoved ?? [];
    // The rollback also finishes removing the leftovers, should the first batch have stopped half-way.
    const left = await rollBack(context, [...temps, ...leftovers]);
    throw failure(e, rollBackOutcome(left, temps, created, leftovers));
  }
}

function result(plan: CommitPlan, valueBlocks: number, recovered: boolean): WriteResult {
  return {
    sheets: plan.sheets.map((s, i) => ({ model: s.name, name: plan.finals[i]! })),
    tables: plan.modelTables.map((model, i) => ({ model, name: plan.naming.finalTables[i]! })),
    replaced: plan.naming.replaced.map((o) => o.name),
    leftoversRemoved: plan.leftoversRemoved,
    valueBlocks,
    recovered,
  };
}

function failure(e: unknown, outcome: string): ExcelHostError {
  const base = toFrenchError(e, DOING);
  const message = base.message.replace(/\.?$/, '.');
  return new ExcelHostError(`${message} Les nouvelles feuilles n'ont pas été écrites : ${outcome}.`, officeErrorCode(e) ?? base.code, e);
}

/**
 * What the user has after a failure before the commit. `left`: the temporary sheets still there
 * (read back), or undefined when the workbook could not even be read.
 */
function rollBackOutcome(left: readonly string[] | undefined, temps: readonly string[], created: boolean, leftovers: readonly string[]): string {
  const removedText = (gone: readonly string[]) => (gone.length > 0 ? ` (les feuilles temporaires ${quoted(gone)} d'une exécution précédente ont été retirées)` : '');
  if (left !== undefined) {
    const removed = removedText(leftovers.filter((l) => !left.includes(l)));
    if (left.length === 0) return `${AS_BEFORE}${removed}`;
    return `les feuilles temporaires ${quoted(left)} restent dans le classeur, rien d'autre n'a changé${removed} ; ${NEXT_RUN}`;
  }
  // The workbook could not be read back: say what is certain. The first batch, once synced,
  // created the temporary sheets and removed the leftovers.
  if (created) return `les feuilles temporaires ${quoted(temps)} restent dans le classeur, rien d'autre n'a changé${removedText(leftovers)} ; ${NEXT_RUN}`;
  return `des feuilles temporaires (${quoted([...temps, ...leftovers])}) peuvent rester dans le classeur, rien d'autre n'a changé ; ${NEXT_RUN}`;
}

/**
 * Queues what remains of the commit given the live state: make the new sheets visible (a
 * workbook needs one visible sheet, and the new sheets are there before the old ones go),
 * delete the previous sheets, rename the new ones and their tables, replace the model's
 * defined names, activate. Idempotent, so a retry can run it again.
 */
function queueCommit(context: Excel.RequestContext, plan: CommitPlan, live: LiveState): void {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  const { temps, tempTables, finalTables, replaced } = plan.naming;
  temps.forEach((t, i) => {
    const v = plan.sheets[i]!.visibility;
    if (live.sheets.has(t)) sheets.getItem(t).visibility = v === 'veryHidden' ? 'VeryHidden' : v === 'hidden' ? 'Hidden' : 'Visible';
  });
  for (const old of replaced) if (live.sheetIds.has(old.id)) sheets.getItem(old.id).delete();
  temps.forEach((t, i) => {
    if (live.sheets.has(t)) sheets.getItem(t).name = plan.finals[i]!;
  });
  tempTables.forEach((t, i) => {
    if (live.tables.has(t)) wb.tables.getItem(t).name = finalTables[i]!;
  });
  const finalNames = new Map(plan.sheets.map((s, i) => [s.name, plan.finals[i]!]));
  for (const n of plan.model.definedNames ?? []) {
    if ([...live.names].some((l) => lower(l) === lower(n.name))) wb.names.getItem(n.name).delete();
    wb.names.add(n.name, `=${renameSheetRefs(n.ref.replace(/^=/, ''), finalNames)}`);
  }
  if (plan.activate) {
    const first = plan.sheets.findIndex((s) => (s.visibility ?? 'visible') === 'visible');
    if (first >= 0) sheets.getItem(plan.finals[first]!).activate();
  }
}

/** Best effort: delete the named temporary sheets. Returns those still there, undefined if unknown. */
async function rollBack(context: Excel.RequestContext, names: readonly string[]): Promise<string[] | undefined> {
  if (names.length === 0) return [];
  const mine = new Set(names.map(lower));
  let present: string[];
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    present = sheets.items.filter((ws) => mine.has(lower(ws.name))).map((ws) => ws.name);
    if (present.length === 0) return [];
    present.forEach((name) => sheets.getItem(name).delete());
  } catch {
    return undefined;
  }
  try {
    await context.sync();
    return [];
  } catch {
    return present;
  }
}

async function recoverCommit(context: Excel.RequestContext, plan: CommitPlan, cause: unknown): Promise<WriteResult> {
  const wb = context.workbook;
  const { temps, replaced } = plan.naming;
  let live: LiveState;
  try {
    const loaded = loadWorkbookNames(wb);
    await context.sync();
    live = liveState(loaded);
  } catch {
    throw failure(
      cause,
      `l'état du classeur n'a pas pu être relu : selon le moment de la panne, les anciennes feuilles ${quoted(replaced.map((r) => r.name))} ou les nouvelles, sous les noms temporaires ${quoted(temps)} ou définitifs ${quoted(plan.finals)}, sont en place ; relancez l'écriture, elle retirera les feuilles temporaires`,
    );
  }
  const untouched = replaced.every((o) => live.sheetIds.has(o.id)) && temps.every((t) => live.sheets.has(t));
  if (untouched) {
    const left = await rollBack(context, temps);
    throw failure(cause, rollBackOutcome(left, temps, true, plan.leftoversRemoved));
  }
  // A sheet the user made meanwhile under a final name: the new sheet takes the next free name.
  const ours = new Set([...temps, ...replaced.map((r) => r.name)].map(lower));
  const taken = new Set([...live.sheets].filter((s) => !ours.has(lower(s))).map(lower));
  plan.finals = plan.finals.map((f, i) => {
    if (!live.sheets.has(temps[i]!) || !taken.has(lower(f))) return f;
    const n = freeSheetName(f, taken);
    taken.add(lower(n));
    return n;
  });
  try {
    queueCommit(context, plan, live);
    await context.sync();
  } catch (e) {
    const tempsLeft = temps.filter((t) => live.sheets.has(t));
    const oldLeft = replaced.filter((o) => live.sheetIds.has(o.id)).map((o) => o.name);
    const olds = oldLeft.length > 0 ? `les anciennes feuilles ${quoted(oldLeft)} sont encore là` : 'les anciennes feuilles ont été supprimées';
    throw failure(
      e,
      `le remplacement est resté incomplet : les nouvelles feuilles sont dans le classeur sous les noms temporaires ${quoted(tempsLeft)}, ${olds} ; relancez l'écriture, elle retirera les feuilles temporaires`,
    );
  }
  return result(plan, 0, true);
}
