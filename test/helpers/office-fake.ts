/* eslint-disable @typescript-eslint/no-explicit-any -- a fake of Office.js's dynamic proxy objects */
/**
 * A thin, counting fake of the part of Excel's JavaScript API the host uses, where
 * office-addin-mock lacks collections and batching. It behaves like Office.js where it matters
 * for correctness:
 *  - every property set and method call is QUEUED and only applied at context.sync();
 *  - reading a property that was not loaded and synced throws (PropertyNotLoaded);
 *  - a failing action stops the batch: the actions before it stay applied (batches are not
 *    transactions), the rest are dropped;
 *  - strings written to cells are parsed as Excel does ("=…" becomes a formula, "00123" a
 *    number) unless the cell's number format is text ("@");
 *  - sheet, table and name clashes are refused as Excel refuses them (table names and
 *    workbook-scoped names share one namespace);
 *  - a workbook whose structure is protected refuses to add, delete, rename, hide or show sheets.
 * And it counts: syncs, the request bytes of each batch (JSON of the arguments plus a fixed
 * cost per action), the response bytes (JSON of what was loaded), format actions and the cells
 * they touch. Faults: `failAt` injects an error at the Nth sync, after a given number of actions
 * (`andAfter`: every later sync fails too, as when the connection is lost); `onSync` runs code
 * at the start of a given sync, before its batch, as a user editing the workbook meanwhile
 * (`addSheetDuring`). Leftovers of earlier runs are seeded with `addSheet` ("IAE_tmp_…").
 */
import { columnLetters, columnNumber } from '../../src/core/a1.js';

export const ACTION_BYTES = 200;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface FakeCell {
  v?: string | number | boolean;
  /** Formula text with its '='. */
  f?: string;
  /** An error value such as '#DIV/0!'. */
  err?: string;
  nf?: string;
}

export interface FormatOp {
  readonly sheet: string;
  readonly address: string;
  readonly cells: number;
  readonly path: string;
  readonly value: unknown;
}

export interface CfState {
  readonly id: number;
  readonly type: string;
  readonly address: string;
  rule: Record<string, unknown>;
  format: Record<string, unknown>;
}

export interface ChartState {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  from?: string;
  to?: string;
}

export interface TableState {
  name: string;
  address: string;
  style?: string;
}

export interface NameState {
  name: string;
  formula: string;
}

export interface SheetState {
  readonly id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  rows: (FakeCell[] | undefined)[];
  names: NameState[];
  tables: TableState[];
  cfs: CfState[];
  charts: ChartState[];
  formatOps: FormatOp[];
  hyperlinks: Map<string, unknown>;
  validations: { address: string; rule: unknown }[];
  merges: string[];
  freeze?: string;
  protected: boolean;
  tabColor?: string;
  layout: Record<string, unknown>;
}

export interface SyncRecord {
  readonly actions: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Action {
  readonly bytes: number;
  readonly run: () => number | void; // returns response bytes
}

// ---------------------------------------------------------------- addresses

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1", "A1:C3", "A:C", "2:4" (1-based box); throws InvalidArgument like Excel. */
export function parseBox(address: string): Box {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = local.replace(/\$/g, '').split(':');
  const one = (p: string, end: boolean) => {
    let m = /^([A-Z]{1,3})(\d+)$/i.exec(p);
    if (m) return { row: Number(m[2]), col: columnNumber(m[1]!) };
    m = /^([A-Z]{1,3})$/i.exec(p);
    if (m) return { row: end ? MAX_ROWS : 1, col: columnNumber(m[1]!) };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]), col: end ? MAX_COLS : 1 };
    throw new FakeOfficeError('InvalidArgument', `Adresse invalide : ${address}`);
  };
  if (parts.length > 2 || parts.some((p) => p === '')) throw new FakeOfficeError('InvalidArgument', `Adresse invalide : ${address}`);
  const a = one(parts[0]!, false);
  const b = one(parts[1] ?? parts[0]!, true);
  const box = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  if (parts.length === 1 && /^[A-Z]+\d+$/i.test(parts[0]!)) return { top: a.row, left: a.col, bottom: a.row, right: a.col };
  return box;
}

export function boxAddress(b: Box): string {
  const a = `${columnLetters(b.left)}${b.top}`;
  const z = `${columnLetters(b.right)}${b.bottom}`;
  return a === z ? a : `${a}:${z}`;
}

const boxCells = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------- the fake

export interface SeedSheet {
  readonly name: string;
  readonly visibility?: SheetState['visibility'];
  /** Rows of values from A1; {error} objects become error cells; strings starting '=' formulas. */
  readonly rows?: readonly (readonly (string | number | boolean | null | { error: string })[])[];
  /** Number formats, same shape as rows. */
  readonly formats?: readonly (readonly (string | undefined)[])[];
}

export interface FailAt {
  /** 1-based sync number. */
  readonly sync: number;
  /** Actions of that batch applied before the failure (default 0). */
  readonly afterActions?: number;
  readonly code?: string;
  /** Every sync after it fails too, before any of its actions (a lost connection). */
  readonly andAfter?: boolean;
}

export class FakeExcel {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  active?: SheetState;
  selection?: { sheet: string; address: string };
  readonly syncs: SyncRecord[] = [];
  failAt?: FailAt;
  /** Workbook structure protection (Review > Protect Workbook). */
  structureProtected = false;
  /** Called at the start of each sync, before its batch is applied: what a user does meanwhile. */
  onSync?: (sync: number) => void;
  private queue: Action[] = [];
  private nextId = 1;
  readonly context: any;

  constructor() {
    this.context = { workbook: new Workbook(this), sync: () => this.sync() };
  }

  /** The context typed as Office.js's, to hand to the host functions. */
  get ctx(): Excel.RequestContext {
    return this.context as Excel.RequestContext;
  }

  /** A runner like Excel.run, for the `ExcelTarget` overload. */
  readonly run = <T>(fn: (c: Excel.RequestContext) => Promise<T>): Promise<T> => fn(this.ctx);

  // ------------------------------------------------------------ seeding and inspection

  addSheet(seed: SeedSheet): SheetState {
    const s = this.newSheet(seed.name);
    s.visibility = seed.visibility ?? 'Visible';
    (seed.rows ?? []).forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = this.cellAt(s, r + 1, c + 1, true)!;
        if (typeof v === 'object') cell.err = v.error;
        else if (typeof v === 'string' && v.startsWith('=')) cell.f = v;
        else cell.v = v;
      });
    });
    (seed.formats ?? []).forEach((row, r) =>
      row.forEach((nf, c) => {
        if (nf) this.cellAt(s, r + 1, c + 1, true)!.nf = nf;
      }),
    );
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const s = this.sheet(sheet);
    if (!s) return undefined;
    const b = parseBox(address);
    return s.rows[b.top - 1]?.[b.left - 1];
  }

  /** Everything a user could see, to compare the workbook before and after. */
  snapshot(): unknown {
    return {
      names: this.names.map((n) => ({ ...n })),
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        rows: JSON.parse(JSON.stringify(s.rows)),
        names: s.names.map((n) => ({ ...n })),
        tables: s.tables.map((t) => ({ ...t })),
        cfs: JSON.parse(JSON.stringify(s.cfs)),
        charts: JSON.parse(JSON.stringify(s.charts)),
        formatOps: s.formatOps.length,
        hyperlinks: [...s.hyperlinks.keys()],
        validations: s.validations.length,
        merges: [...s.merges],
        freeze: s.freeze,
        protected: s.protected,
        tabColor: s.tabColor,
      })),
    };
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  /** All format actions, on every sheet (including deleted ones since the last reset). */
  formatLog: FormatOp[] = [];

  resetCounters(): void {
    this.syncs.length = 0;
    this.formatLog = [];
  }

  // ------------------------------------------------------------ batching

  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({ bytes: ACTION_BYTES + bytes, run });
  }

  private async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const n = this.syncs.length + 1;
    let responseBytes = 0;
    const requestBytes = batch.reduce((s, a) => s + a.bytes, 0);
    this.syncs.push({ actions: batch.length, requestBytes, responseBytes: 0 });
    this.onSync?.(n);
    const f = this.failAt;
    const failAt = f && (f.sync === n || (f.andAfter && n > f.sync)) ? f : undefined;
    const limit = failAt ? (failAt.sync === n ? Math.min(failAt.afterActions ?? 0, batch.length) : 0) : batch.length;
    for (let i = 0; i < limit; i++) {
      const r = batch[i]!.run();
      if (typeof r === 'number') responseBytes += r;
    }
    this.syncs[n - 1] = { actions: batch.length, requestBytes, responseBytes };
    if (failAt) throw new FakeOfficeError(failAt.code ?? 'GeneralException', `Panne injectée à la synchronisation ${n}`);
    await Promise.resolve();
  }

  // ------------------------------------------------------------ state helpers used by proxies

  newSheet(name: string): SheetState {
    return {
      id: this.nextId++,
      name,
      visibility: 'Visible',
      rows: [],
      names: [],
      tables: [],
      cfs: [],
      charts: [],
      formatOps: [],
      hyperlinks: new Map(),
      validations: [],
      merges: [],
      protected: false,
      layout: {},
    };
  }

  nextCfId(): number {
    return this.nextId++;
  }

  cellAt(s: SheetState, row: number, col: number, create: boolean): FakeCell | undefined {
    let r = s.rows[row - 1];
    if (!r) {
      if (!create) return undefined;
      r = s.rows[row - 1] = [];
    }
    let c = r[col - 1];
    if (!c && create) c = r[col - 1] = {};
    return c;
  }

  findSheet(name: string): SheetState {
    // getItem takes a name or an id.
    const s = this.sheet(name) ?? this.sheets.find((x) => String(x.id) === name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `Feuille introuvable : ${name}`);
    return s;
  }

  allTables(): { sheet: SheetState; table: TableState }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  /** At the start of sync `n`, the user adds a visible sheet named `name`. */
  addSheetDuring(n: number, name: string): void {
    this.onSync = (sync) => {
      if (sync === n && !this.sheet(name)) this.addSheet({ name, rows: [['ajoutée pendant l’écriture']] });
    };
  }

  /** Throws as Excel does when the structure is protected. */
  assertStructureEditable(): void {
    if (this.structureProtected) throw new FakeOfficeError('AccessDenied', 'La structure du classeur est protégée.');
  }

  /** Whether a table or workbook-scoped name already uses `name` (one namespace in Excel). */
  tableOrNameTaken(name: string, except?: TableState): boolean {
    const l = name.toLowerCase();
    return this.allTables().some((t) => t.table !== except && t.table.name.toLowerCase() === l) || this.names.some((n) => n.name.toLowerCase() === l);
  }

  recordFormat(op: FormatOp, s: SheetState): void {
    s.formatOps.push(op);
    this.formatLog.push(op);
  }
}

// ---------------------------------------------------------------- proxies

const json = (v: unknown) => JSON.stringify(v ?? null).length;

function parseLoad(spec: unknown): string[] {
  if (Array.isArray(spec)) return spec.flatMap(parseLoad);
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (spec && typeof spec === 'object') return Object.keys(spec);
  return [];
}

/** Base of the proxies: lazily resolved target, loaded-property store. */
abstract class Proxy0<T> {
  protected loaded = new Map<string, unknown>();
  private bound?: T;
  constructor(
    protected fake: FakeExcel,
    private resolver: () => T,
  ) {}
  resolve(): T {
    this.bound ??= this.resolver();
    return this.bound;
  }
  protected get$(prop: string): any {
    if (!this.loaded.has(prop)) throw new FakeOfficeError('PropertyNotLoaded', `La propriété « ${prop} » n'a pas été chargée (load puis sync).`);
    return this.loaded.get(prop);
  }
  /** Reads a property from the resolved target (at sync time). */
  protected abstract read(prop: string): unknown;
  load(spec?: unknown): this {
    const props = parseLoad(spec);
    this.fake.enqueue(json(spec), () => {
      let bytes = 0;
      for (const p of props) {
        const v = this.read(p);
        this.loaded.set(p, v);
        bytes += p.length + json(v);
      }
      return bytes;
    });
    return this;
  }
  protected set$(prop: string, value: unknown, apply: (t: T) => void): void {
    this.fake.enqueue(prop.length + json(value), () => apply(this.resolve()));
  }
}

/**
 * A collection loaded whole ("items/name,…"): at sync its items are built with those properties
 * loaded, and the response is what Office.js would send back for them.
 */
abstract class ItemCollection<T, Item> extends Proxy0<T> {
  protected read(): unknown {
    throw new Error('Fake: use load(items/…)');
  }
  protected abstract loadItems(props: string[]): { items: Item[]; response: unknown };
  override load(spec?: unknown): this {
    const props = parseLoad(spec).map((p) => p.replace(/^items\//, ''));
    this.fake.enqueue(json(spec), () => {
      const { items, response } = this.loadItems(props);
      this.loaded.set('items', items);
      return json(response);
    });
    return this;
  }
  get items(): Item[] {
    return this.get$('items');
  }
}

/** Records format property sets on a range or areas (a recorder for nested format objects). */
function formatRecorder(fake: FakeExcel, target: () => { sheet: SheetState; address: string; cells: number }, path: string): any {
  return new Proxy(
    {},
    {
      get(_t, prop: string) {
        if (prop === 'getItem') return (key: string) => formatRecorder(fake, target, `${path}.${key}`);
        if (prop === 'clear' || prop === 'autofitColumns' || prop === 'autofitRows') {
          return () =>
            fake.enqueue(0, () => {
              const t = target();
              fake.recordFormat({ sheet: t.sheet.name, address: t.address, cells: t.cells, path: `${path}.${prop}()`, value: null }, t.sheet);
            });
        }
        return formatRecorder(fake, target, `${path}.${prop}`);
      },
      set(_t, prop: string, value) {
        fake.enqueue(json(value), () => {
          const t = target();
          fake.recordFormat({ sheet: t.sheet.name, address: t.address, cells: t.cells, path: `${path}.${prop}`, value }, t.sheet);
        });
        return true;
      },
    },
  );
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly names: NameCollection;
  readonly tables: TableCollection;
  get protection(): any {
    const fake = this.fake;
    let loaded: boolean | undefined;
    return {
      load() {
        fake.enqueue(10, () => {
          loaded = fake.structureProtected;
          return 20;
        });
        return this;
      },
      get protected(): boolean {
        if (loaded === undefined) throw new FakeOfficeError('PropertyNotLoaded', 'protected');
        return loaded;
      },
    };
  }
  constructor(private fake: FakeExcel) {
    this.worksheets = new WorksheetCollection(fake);
    this.names = new NameCollection(fake, () => fake.names, undefined);
    this.tables = new TableCollection(fake, () => fake.allTables(), undefined);
  }
}

class WorksheetCollection extends ItemCollection<FakeExcel, Worksheet> {
  constructor(fake: FakeExcel) {
    super(fake, () => fake);
  }
  protected loadItems(props: string[]) {
    const items = this.fake.sheets.map((s) => {
      const w = new Worksheet(this.fake, () => s);
      for (const p of props) w.preload(p);
      return w;
    });
    return { items, response: this.fake.sheets.map((s) => props.map((p) => (s as any)[p])) };
  }
  add(name: string): Worksheet {
    let created: SheetState | undefined;
    this.fake.enqueue(json(name), () => {
      this.fake.assertStructureEditable();
      if (this.fake.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `Une feuille « ${name} » existe déjà.`);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeOfficeError('InvalidArgument', `Nom de feuille invalide : ${name}`);
      created = this.fake.newSheet(name);
      this.fake.sheets.push(created);
    });
    return new Worksheet(this.fake, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'Feuille non créée');
      return created;
    });
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.fake, () => this.fake.findSheet(name));
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.fake, () => this.fake.sheet(name) ?? (null as unknown as SheetState), true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.fake, () => this.fake.active!);
  }
}

class Worksheet extends Proxy0<SheetState> {
  constructor(
    fake: FakeExcel,
    resolver: () => SheetState,
    private nullable = false,
  ) {
    super(fake, resolver);
  }
  preload(prop: string): void {
    this.loaded.set(prop, this.read(prop));
  }
  protected read(prop: string): unknown {
    const s = this.resolve();
    if (prop === 'isNullObject') return s === null;
    if (s === null) return undefined;
    if (prop === 'name' || prop === 'visibility' || prop === 'tabColor') return (s as any)[prop];
    if (prop === 'position') return this.fake.sheets.indexOf(s);
    if (prop === 'id') return String(s.id);
    throw new Error(`Fake: Worksheet.${prop} non géré`);
  }
  override load(spec?: unknown): this {
    super.load(this.nullable ? [...parseLoad(spec), 'isNullObject'] : spec);
    return this;
  }
  get isNullObject(): boolean {
    return this.get$('isNullObject');
  }
  get id(): string {
    return this.get$('id');
  }
  get name(): string {
    return this.get$('name');
  }
  set name(v: string) {
    this.set$('name', v, (s) => {
      if (s.name !== v) this.fake.assertStructureEditable();
      const other = this.fake.sheet(v);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `Une feuille « ${v} » existe déjà.`);
      // Excel follows a rename in every formula and name that points at the sheet.
      const forms = [`'${s.name.replace(/'/g, "''")}'!`, `${s.name}!`];
      const retarget = (f: string) => forms.reduce((acc, from) => acc.split(from).join(`${quote(v)}!`), f);
      for (const sh of this.fake.sheets) for (const row of sh.rows) for (const c of row ?? []) if (c?.f) c.f = retarget(c.f);
      for (const n of this.fake.names) n.formula = retarget(n.formula);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get$('visibility');
  }
  set visibility(v: SheetState['visibility']) {
    this.set$('visibility', v, (s) => {
      if (s.visibility !== v) this.fake.assertStructureEditable();
      if (v !== 'Visible' && this.fake.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'Un classeur doit garder une feuille visible.');
      }
      s.visibility = v;
    });
  }
  set tabColor(v: string) {
    this.set$('tabColor', v, (s) => (s.tabColor = v));
  }
  delete(): void {
    this.fake.enqueue(0, () => {
      const s = this.resolve();
      if (!this.fake.sheets.includes(s)) throw new FakeOfficeError('ItemNotFound', 'Feuille déjà supprimée');
      this.fake.assertStructureEditable();
      if (s.visibility === 'Visible' && this.fake.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'Impossible de supprimer la seule feuille visible.');
      }
      this.fake.sheets.splice(this.fake.sheets.indexOf(s), 1);
      // Names referring to the sheet become #REF!, as in Excel.
      for (const n of this.fake.names) if (n.formula.includes(`${quote(s.name)}!`)) n.formula = '=#REF!';
      if (this.fake.active === s) this.fake.active = this.fake.sheets.find((x) => x.visibility === 'Visible');
    });
  }
  activate(): void {
    this.fake.enqueue(0, () => {
      const s = this.resolve();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Feuille masquée');
      this.fake.active = s;
    });
  }
  getRange(address?: string): Range {
    return new Range(this.fake, () => ({ sheet: this.resolve(), box: address ? parseBox(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return new Range(this.fake, () => ({ sheet: this.resolve(), box: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols } }));
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.fake, () => ({ sheet: this.resolve(), boxes: address.split(',').map((a) => parseBox(a.trim())) }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return new Range(
      this.fake,
      () => {
        const s = this.resolve();
        let top = 0;
        let bottom = 0;
        let left = MAX_COLS + 1;
        let right = 0;
        s.rows.forEach((row, r) => {
          if (!row) return;
          row.forEach((c, ci) => {
            if (!c || (c.v === undefined && c.f === undefined && c.err === undefined)) return;
            if (!top) top = r + 1;
            bottom = r + 1;
            left = Math.min(left, ci + 1);
            right = Math.max(right, ci + 1);
          });
        });
        return top ? { sheet: s, box: { top, left, bottom, right } } : (null as any);
      },
      true,
    );
  }
  get names(): NameCollection {
    return new NameCollection(this.fake, () => this.resolve().names, () => this.resolve());
  }
  get tables(): TableCollection {
    return new TableCollection(this.fake, () => this.resolve().tables.map((table) => ({ sheet: this.resolve(), table })), () => this.resolve());
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.fake, () => this.resolve());
  }
  get protection(): any {
    const fake = this.fake;
    const sheet = () => this.resolve();
    let loaded: boolean | undefined;
    return {
      load() {
        fake.enqueue(0, () => {
          loaded = sheet().protected;
          return 20;
        });
        return this;
      },
      get protected(): boolean {
        if (loaded === undefined) throw new FakeOfficeError('PropertyNotLoaded', 'protected');
        return loaded;
      },
      protect() {
        fake.enqueue(0, () => {
          sheet().protected = true;
        });
      },
    };
  }
  get freezePanes(): any {
    const fake = this.fake;
    const resolve = () => this.resolve();
    return {
      freezeRows: (n: number) => fake.enqueue(8, () => void (resolve().freeze = `rows:${n}`)),
      freezeColumns: (n: number) => fake.enqueue(8, () => void (resolve().freeze = `cols:${n}`)),
      freezeAt: (r: Range) => fake.enqueue(20, () => void (resolve().freeze = `at:${boxAddress(r.resolve().box)}`)),
    };
  }
  get pageLayout(): any {
    const fake = this.fake;
    const resolve = () => this.resolve();
    return new Proxy(
      {},
      {
        get(_t, prop: string) {
          return (arg: unknown) => fake.enqueue(json(arg), () => void (resolve().layout[prop] = arg));
        },
        set(_t, prop: string, value) {
          fake.enqueue(json(value), () => void (resolve().layout[prop] = value));
          return true;
        },
      },
    );
  }
}

interface RangeTarget {
  sheet: SheetState;
  box: Box;
}

function excelParse(text: string, nf: string | undefined): FakeCell {
  if (nf === '@') return { v: text, nf };
  if (/^[=+@]/.test(text) || (/^-/.test(text) && !/^-\d+(\.\d+)?$/.test(text))) return { f: text.startsWith('=') ? text : `=${text}`, nf };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { v: Number(text), nf };
  if (/^(TRUE|FALSE|VRAI|FAUX)$/i.test(text)) return { v: /^(TRUE|VRAI)$/i.test(text), nf };
  return { v: text, nf };
}

class Range extends Proxy0<RangeTarget> {
  constructor(
    fake: FakeExcel,
    resolver: () => RangeTarget,
    private nullable = false,
  ) {
    super(fake, resolver);
  }
  override load(spec?: unknown): this {
    super.load(this.nullable ? [...parseLoad(spec), 'isNullObject'] : spec);
    return this;
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const { sheet, box } = this.resolve();
    const out: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row = sheet.rows[r - 1];
      const line: T[] = [];
      for (let c = box.left; c <= box.right; c++) line.push(f(row?.[c - 1]));
      out.push(line);
    }
    return out;
  }
  protected read(prop: string): unknown {
    const t = this.resolve();
    if (prop === 'isNullObject') return t === null;
    if (t === null) return undefined;
    const { sheet, box } = t;
    switch (prop) {
      case 'values':
        return this.grid((c) => (c?.err ?? c?.v ?? (c?.f !== undefined ? 0 : '')));
      case 'formulas':
        return this.grid((c) => c?.f ?? c?.v ?? '');
      case 'valueTypes':
        return this.grid((c) =>
          c?.err !== undefined ? 'Error' : c?.f !== undefined ? 'Double' : c?.v === undefined ? 'Empty' : typeof c.v === 'number' ? 'Double' : typeof c.v === 'boolean' ? 'Boolean' : 'String',
        );
      case 'numberFormat':
        return this.grid((c) => c?.nf ?? 'General');
      case 'text':
        return this.grid((c) => String(c?.err ?? c?.v ?? ''));
      case 'address':
        return `${quote(sheet.name)}!${boxAddress(box)}`;
      case 'rowIndex':
        return box.top - 1;
      case 'columnIndex':
        return box.left - 1;
      case 'rowCount':
        return box.bottom - box.top + 1;
      case 'columnCount':
        return box.right - box.left + 1;
      default:
        throw new Error(`Fake: Range.${prop} non géré`);
    }
  }
  get isNullObject(): boolean {
    return this.get$('isNullObject');
  }
  get values(): any[][] {
    return this.get$('values');
  }
  get valueTypes(): any[][] {
    return this.get$('valueTypes');
  }
  get numberFormat(): any[][] {
    return this.get$('numberFormat');
  }
  get formulas(): any[][] {
    return this.get$('formulas');
  }
  get address(): string {
    return this.get$('address');
  }
  get rowIndex(): number {
    return this.get$('rowIndex');
  }
  get columnIndex(): number {
    return this.get$('columnIndex');
  }
  get rowCount(): number {
    return this.get$('rowCount');
  }
  get columnCount(): number {
    return this.get$('columnCount');
  }
  private write(prop: string, v: unknown[][], apply: (cell: FakeCell, value: unknown, sheet: SheetState, r: number, c: number) => void): void {
    this.set$(prop, v, ({ sheet, box }) => {
      if (v.length !== box.bottom - box.top + 1 || v.some((row) => row.length !== box.right - box.left + 1)) {
        throw new FakeOfficeError('InvalidArgument', `Dimensions de ${prop} différentes de la plage ${boxAddress(box)}`);
      }
      v.forEach((row, i) =>
        row.forEach((value, j) => {
          const r = box.top + i;
          const c = box.left + j;
          apply(this.fake.cellAt(sheet, r, c, true)!, value, sheet, r, c);
        }),
      );
    });
  }
  private static assign(cell: FakeCell, value: unknown): void {
    delete cell.v;
    delete cell.f;
    delete cell.err;
    if (value === '' || value === null || value === undefined) return;
    if (typeof value === 'string') Object.assign(cell, excelParse(value, cell.nf), { nf: cell.nf });
    else cell.v = value as number | boolean;
    if (cell.nf === undefined) delete cell.nf;
  }
  set values(v: unknown[][]) {
    this.write('values', v, (cell, value) => Range.assign(cell, value));
  }
  set formulas(v: unknown[][]) {
    this.write('formulas', v, (cell, value) => Range.assign(cell, value));
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v, (cell, value) => {
      cell.nf = String(value);
    });
    // A numberFormat array is a format action on the whole block.
    this.fake.enqueue(0, () => {
      const { sheet, box } = this.resolve();
      this.fake.recordFormat({ sheet: sheet.name, address: boxAddress(box), cells: boxCells(box), path: 'numberFormat', value: '[array]' }, sheet);
    });
  }
  set columnHidden(v: boolean) {
    this.set$('columnHidden', v, ({ sheet, box }) =>
      this.fake.recordFormat({ sheet: sheet.name, address: boxAddress(box), cells: boxCells(box), path: 'columnHidden', value: v }, sheet),
    );
  }
  set hyperlink(v: unknown) {
    this.set$('hyperlink', v, ({ sheet, box }) => void sheet.hyperlinks.set(boxAddress(box), v));
  }
  get format(): any {
    return formatRecorder(
      this.fake,
      () => {
        const { sheet, box } = this.resolve();
        return { sheet, address: boxAddress(box), cells: boxCells(box) };
      },
      'format',
    );
  }
  get dataValidation(): any {
    const fake = this.fake;
    const resolve = () => this.resolve();
    return new Proxy(
      {},
      {
        set(_t, prop: string, value) {
          fake.enqueue(json(value), () => {
            const { sheet, box } = resolve();
            if (prop === 'rule') sheet.validations.push({ address: boxAddress(box), rule: value });
          });
          return true;
        },
      },
    );
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.fake, () => {
      const { sheet, box } = this.resolve();
      return { sheet, address: boxAddress(box) };
    });
  }
  merge(_across?: boolean): void {
    this.fake.enqueue(0, () => {
      const { sheet, box } = this.resolve();
      sheet.merges.push(boxAddress(box));
    });
  }
  select(): void {
    this.fake.enqueue(0, () => {
      const { sheet, box } = this.resolve();
      if (this.fake.active !== sheet) throw new FakeOfficeError('InvalidOperation', 'La feuille de la sélection doit être active.');
      this.fake.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }
}

class RangeAreas extends Proxy0<{ sheet: SheetState; boxes: Box[] }> {
  protected read(): unknown {
    throw new Error('Fake: RangeAreas.load non géré');
  }
  private describe() {
    const { sheet, boxes } = this.resolve();
    return { sheet, address: boxes.map(boxAddress).join(','), cells: boxes.reduce((s, b) => s + boxCells(b), 0) };
  }
  get format(): any {
    return formatRecorder(this.fake, () => this.describe(), 'format');
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.fake, () => this.describe());
  }
}

class ConditionalFormatCollection extends ItemCollection<{ sheet: SheetState; address: string }, ConditionalFormat> {
  protected loadItems(props: string[]) {
    const { sheet } = this.resolve();
    // The fake returns every format of the sheet (the host asks on the whole sheet's range).
    const items = sheet.cfs.map((cf) => new ConditionalFormat(this.fake, sheet, cf, props));
    return { items, response: sheet.cfs.map((cf) => props.map((p) => (cf as any)[p])) };
  }
  add(type: string): any {
    const fake = this.fake;
    let created: CfState | undefined;
    fake.enqueue(json(type), () => {
      const { sheet, address } = this.resolve();
      created = { id: fake.nextCfId(), type, address, rule: {}, format: {} };
      sheet.cfs.push(created);
    });
    const cf = () => created!;
    const sub = (): any => ({
      format: new Proxy(
        {},
        {
          get: (_t, part: string) =>
            new Proxy(
              {},
              {
                set(_t2, prop: string, value) {
                  fake.enqueue(json(value), () => void (cf().format[`${part}.${prop}`] = value));
                  return true;
                },
              },
            ),
          set(_t, prop: string, value) {
            fake.enqueue(json(value), () => void (cf().format[prop] = value));
            return true;
          },
        },
      ),
      get rule(): any {
        return new Proxy(
          {},
          {
            set(_t, prop: string, value) {
              fake.enqueue(json(value), () => void (cf().rule[prop] = value));
              return true;
            },
          },
        );
      },
      set rule(value: Record<string, unknown>) {
        fake.enqueue(json(value), () => void Object.assign(cf().rule, value));
      },
    });
    return {
      custom: sub(),
      cellValue: sub(),
      textComparison: sub(),
      set priority(v: number) {
        fake.enqueue(2, () => void (cf().rule['priority'] = v));
      },
    };
  }
}

class ConditionalFormat {
  constructor(
    private fake: FakeExcel,
    private sheet: SheetState,
    private cf: CfState,
    props: string[],
  ) {
    this.loadedProps = new Set(props);
  }
  private loadedProps: Set<string>;
  get type(): string {
    if (!this.loadedProps.has('type')) throw new FakeOfficeError('PropertyNotLoaded', 'type');
    return this.cf.type;
  }
  get custom(): any {
    const fake = this.fake;
    const cf = this.cf;
    const rule = {
      loaded: undefined as string | undefined,
      load() {
        fake.enqueue(10, () => {
          if (cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', "Ce format conditionnel n'est pas personnalisé.");
          rule.loaded = String(cf.rule['formula']);
          return json(rule.loaded);
        });
        return rule;
      },
      get formula(): string {
        if (rule.loaded === undefined) throw new FakeOfficeError('PropertyNotLoaded', 'formula');
        return rule.loaded;
      },
    };
    return { rule };
  }
  delete(): void {
    this.fake.enqueue(0, () => {
      const i = this.sheet.cfs.indexOf(this.cf);
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Format conditionnel introuvable');
      this.sheet.cfs.splice(i, 1);
    });
  }
}

class NameCollection extends ItemCollection<NameState[], NamedItem> {
  constructor(
    fake: FakeExcel,
    resolver: () => NameState[],
    private sheet: (() => SheetState) | undefined,
  ) {
    super(fake, resolver);
  }
  protected loadItems(props: string[]) {
    const list = this.resolve();
    return { items: list.map((n) => new NamedItem(this.fake, () => n, props)), response: list };
  }
  add(name: string, reference: unknown): void {
    this.fake.enqueue(name.length + json(reference), () => {
      const list = this.resolve();
      if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `Nom « ${name} » déjà défini`);
      // A workbook-scoped name may not take a table's name.
      if (!this.sheet && this.fake.tableOrNameTaken(name)) throw new FakeOfficeError('ItemAlreadyExists', `« ${name} » est déjà le nom d'un tableau`);
      list.push({ name, formula: String(reference) });
    });
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.fake, () => {
      const n = this.resolve().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new FakeOfficeError('ItemNotFound', `Nom « ${name} » introuvable`);
      return n;
    }, [], this.resolve.bind(this));
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.fake, () => this.resolve().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? (null as any), [], this.resolve.bind(this));
  }
}

class NamedItem {
  private loadedNow: Map<string, unknown> = new Map();
  private bound?: NameState | null;
  constructor(
    private fake: FakeExcel,
    private resolver: () => NameState,
    props: string[],
    private list?: () => NameState[],
  ) {
    if (props.length) {
      const n = resolver();
      for (const p of props) this.loadedNow.set(p, (n as any)[p]);
    }
  }
  private resolve(): NameState | null {
    if (this.bound === undefined) this.bound = this.resolver();
    return this.bound;
  }
  load(spec?: unknown): this {
    const props = [...parseLoad(spec), 'isNullObject'];
    this.fake.enqueue(json(spec), () => {
      const n = this.resolve();
      for (const p of props) this.loadedNow.set(p, p === 'isNullObject' ? n === null : n ? (n as any)[p] : undefined);
      return json(n);
    });
    return this;
  }
  private get$(p: string): any {
    if (!this.loadedNow.has(p)) throw new FakeOfficeError('PropertyNotLoaded', p);
    return this.loadedNow.get(p);
  }
  get isNullObject(): boolean {
    return this.get$('isNullObject');
  }
  get name(): string {
    return this.get$('name');
  }
  get formula(): string {
    return this.get$('formula');
  }
  delete(): void {
    this.fake.enqueue(0, () => {
      const n = this.resolve();
      const list = this.list?.() ?? this.fake.names;
      const i = n ? list.indexOf(n) : -1;
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Nom introuvable');
      list.splice(i, 1);
    });
  }
}

class TableCollection extends ItemCollection<{ sheet: SheetState; table: TableState }[], Table> {
  constructor(
    fake: FakeExcel,
    resolver: () => { sheet: SheetState; table: TableState }[],
    private sheet: (() => SheetState) | undefined,
  ) {
    super(fake, resolver);
  }
  protected loadItems(props: string[]) {
    const list = this.resolve();
    return { items: list.map((t) => new Table(this.fake, () => t, props)), response: list.map((t) => t.table.name) };
  }
  override resolve(): { sheet: SheetState; table: TableState }[] {
    // Collections are live: never cache.
    return this.sheet ? this.sheet().tables.map((table) => ({ sheet: this.sheet!(), table })) : this.fake.allTables();
  }
  add(range: Range | string, _hasHeaders: boolean): Table {
    let created: { sheet: SheetState; table: TableState } | undefined;
    this.fake.enqueue(json(typeof range === 'string' ? range : 'range'), () => {
      if (typeof range === 'string') throw new Error('Fake: tables.add attend un objet Range');
      const { sheet, box } = range.resolve();
      const overlap = sheet.tables.some((t) => {
        const b = parseBox(t.address);
        return !(b.bottom < box.top || b.top > box.bottom || b.right < box.left || b.left > box.right);
      });
      if (overlap) throw new FakeOfficeError('InvalidArgument', 'Un tableau ne peut pas en chevaucher un autre.');
      let i = 1;
      while (this.fake.tableOrNameTaken(`Tableau${i}`)) i++;
      created = { sheet, table: { name: `Tableau${i}`, address: boxAddress(box) } };
      sheet.tables.push(created.table);
    });
    return new Table(this.fake, () => created!, []);
  }
  getItem(name: string): Table {
    return new Table(
      this.fake,
      () => {
        const t = this.resolve().find((x) => x.table.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new FakeOfficeError('ItemNotFound', `Tableau « ${name} » introuvable`);
        return t;
      },
      [],
    );
  }
}

class Table {
  private loadedNow = new Map<string, unknown>();
  private bound?: { sheet: SheetState; table: TableState };
  constructor(
    private fake: FakeExcel,
    private resolver: () => { sheet: SheetState; table: TableState },
    props: string[],
  ) {
    if (props.length) {
      const t = resolver();
      for (const p of props) this.loadedNow.set(p, (t.table as any)[p]);
    }
  }
  private resolve() {
    this.bound ??= this.resolver();
    return this.bound;
  }
  get name(): string {
    if (!this.loadedNow.has('name')) throw new FakeOfficeError('PropertyNotLoaded', 'name');
    return this.loadedNow.get('name') as string;
  }
  set name(v: string) {
    this.fake.enqueue(json(v), () => {
      const t = this.resolve();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new FakeOfficeError('InvalidArgument', `Nom de tableau invalide : ${v}`);
      if (this.fake.tableOrNameTaken(v, t.table)) throw new FakeOfficeError('InvalidArgument', `Un tableau ou un nom « ${v} » existe déjà.`);
      t.table.name = v;
    });
  }
  set style(v: string) {
    this.fake.enqueue(json(v), () => void (this.resolve().table.style = v));
  }
  getRange(): Range {
    return new Range(this.fake, () => {
      const { sheet, table } = this.resolve();
      return { sheet, box: parseBox(table.address) };
    });
  }
  getHeaderRowRange(): Range {
    return new Range(this.fake, () => {
      const { sheet, table } = this.resolve();
      const b = parseBox(table.address);
      return { sheet, box: { ...b, bottom: b.top } };
    });
  }
}

class ChartCollection {
  constructor(
    private fake: FakeExcel,
    private sheet: () => SheetState,
  ) {}
  add(type: string, source: Range, seriesBy: string): any {
    const fake = this.fake;
    let chart: ChartState | undefined;
    fake.enqueue(json(type) + json(seriesBy), () => {
      const { box } = source.resolve();
      chart = { type, source: boxAddress(box), seriesBy, series: [{ values: boxAddress(box) }] };
      this.sheet().charts.push(chart);
    });
    const c = () => chart!;
    const seriesProxy = (get: () => ChartState['series'][number]) => ({
      set name(v: string) {
        fake.enqueue(json(v), () => void (get().name = v));
      },
      setValues(r: Range) {
        fake.enqueue(50, () => void (get().values = boxAddress(r.resolve().box)));
      },
      setXAxisValues(r: Range) {
        fake.enqueue(50, () => void (get().xValues = boxAddress(r.resolve().box)));
      },
    });
    return {
      title: {
        set text(v: string) {
          fake.enqueue(json(v), () => void (c().title = v));
        },
      },
      series: {
        getItemAt: (i: number) =>
          seriesProxy(() => {
            const s = c().series[i];
            if (!s) throw new FakeOfficeError('ItemNotFound', 'Série introuvable');
            return s;
          }),
        add: (name: string) => {
          let s: ChartState['series'][number] | undefined;
          fake.enqueue(json(name), () => {
            s = { name };
            c().series.push(s);
          });
          return seriesProxy(() => s!);
        },
      },
      setPosition(from: string, to: string) {
        fake.enqueue(json(from) + json(to), () => {
          c().from = from;
          c().to = to;
        });
      },
    };
  }
}
