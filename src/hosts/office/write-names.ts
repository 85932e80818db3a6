/**
 * Pure naming of a write-back, decided before the first change to the workbook: which sheets
 * are leftovers of an earlier run, which are the add-in's previous sheets, the final and
 * temporary names of the new sheets and tables, and the clashes that must stop the write.
 * Excel compares sheet, table and defined names without case; table names and workbook-scoped
 * defined names share one namespace.
 */
import { freeSheetName, legalTableName } from './ownership.js';

export const TEMP_PREFIX = 'IAE_tmp_';
/** Temporary sheets and tables of a run: IAE_tmp_<stamp>_<n> and IAE_tmp_T<stamp>_<n>. */
const LEFTOVER = /^IAE_tmp_T?[0-9a-z]{1,12}_\d+$/;

export function isLeftoverName(name: string): boolean {
  return LEFTOVER.test(name);
}

export interface ExistingSheet {
  readonly name: string;
  readonly id: string;
  readonly visible: boolean;
  /** The kind of the add-in's mark, undefined for a user's sheet. */
  readonly kind: string | undefined;
  readonly tables: readonly string[];
}

export interface NamingInput {
  readonly kind: string;
  readonly stamp: string;
  readonly sheets: readonly ExistingSheet[];
  /** Workbook-scoped defined names. */
  readonly names: readonly string[];
  readonly modelSheets: readonly string[];
  readonly modelTables: readonly string[];
  readonly modelNames: readonly string[];
}

export interface Naming {
  /** Leftovers of earlier runs deleted at the start of this one. */
  readonly leftovers: readonly ExistingSheet[];
  /** Sheets deleted by the commit: the add-in's previous sheets of this kind, and leftovers that
   * could not go first because no other sheet is visible. */
  readonly replaced: readonly ExistingSheet[];
  readonly temps: readonly string[];
  readonly finals: readonly string[];
  readonly tempTables: readonly string[];
  readonly finalTables: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

/** A French sentence when the write must not start, else the names to use. */
export function planNaming(input: NamingInput): Naming | { readonly clash: string } {
  const leftoverAll = input.sheets.filter((s) => isLeftoverName(s.name));
  // A workbook keeps one visible sheet: leftovers that are the only visible ones wait for the commit.
  const othersVisible = input.sheets.some((s) => s.visible && !isLeftoverName(s.name));
  const leftovers = othersVisible ? leftoverAll : leftoverAll.filter((s) => !s.visible);
  const lateLeftovers = leftoverAll.filter((s) => !leftovers.includes(s));
  const previous = input.sheets.filter((s) => !isLeftoverName(s.name) && s.kind === input.kind);
  const kept = input.sheets.filter((s) => !isLeftoverName(s.name) && s.kind !== input.kind);

  const keptTables = new Map(kept.flatMap((s) => s.tables.map((t) => [lower(t), s.name] as const)));
  for (const n of input.modelNames) {
    const sheet = keptTables.get(lower(n));
    if (sheet !== undefined) {
      return { clash: `le nom « ${n} » que le complément définit est déjà celui d'un tableau de la feuille « ${sheet} » : renommez ce tableau puis relancez` };
    }
  }

  const allSheets = new Set(input.sheets.map((s) => lower(s.name)));
  const allTables = new Set(input.sheets.flatMap((s) => s.tables.map(lower)));
  const allNames = new Set(input.names.map(lower));
  // A stamp no sheet, table or name already uses.
  let stamp = input.stamp;
  for (let i = 2; [...allSheets, ...allTables, ...allNames].some((n) => n.startsWith(lower(`${TEMP_PREFIX}${stamp}_`)) || n.startsWith(lower(`${TEMP_PREFIX}T${stamp}_`))); i++) {
    stamp = `${input.stamp}${i}`;
  }
  const temps = input.modelSheets.map((_, i) => `${TEMP_PREFIX}${stamp}_${i + 1}`);
  const tempTables = input.modelTables.map((_, i) => `${TEMP_PREFIX}T${stamp}_${i + 1}`);

  const takenSheets = new Set(kept.map((s) => lower(s.name)));
  for (const s of lateLeftovers) takenSheets.add(lower(s.name));
  const finals = input.modelSheets.map((name) => {
    const n = freeSheetName(name, takenSheets);
    takenSheets.add(lower(n));
    return n;
  });
  const takenTables = new Set([...keptTables.keys(), ...allNames, ...input.modelNames.map(lower)]);
  const finalTables = input.modelTables.map((wanted) => {
    const name = legalTableName(wanted);
    let n = name;
    for (let i = 2; takenTables.has(lower(n)); i++) n = `${name}_${i}`;
    takenTables.add(lower(n));
    return n;
  });
  return { leftovers, replaced: [...previous, ...lateLeftovers], temps, finals, tempTables, finalTables };
}

export interface LiveNames {
  readonly sheets: readonly { readonly name: string; readonly id: string }[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
}

/**
 * Right before the commit: a sheet, table or name the user created meanwhile under a name the
 * commit will give. Returns the French sentence that names it, or undefined.
 */
export function concurrentClash(naming: Naming, modelNames: readonly string[], live: LiveNames): string | undefined {
  const ours = new Set([...naming.temps.map(lower), ...naming.replaced.map((s) => lower(s.name))]);
  const replacedIds = new Set(naming.replaced.map((s) => s.id));
  const others = new Set(live.sheets.filter((s) => !ours.has(lower(s.name)) && !replacedIds.has(s.id)).map((s) => lower(s.name)));
  const sheet = naming.finals.find((f) => others.has(lower(f)));
  if (sheet !== undefined) return `une feuille « ${sheet} » a été créée pendant l'écriture`;
  const oursTables = new Set([...naming.tempTables, ...naming.replaced.flatMap((s) => s.tables)].map(lower));
  const liveOthers = new Set([...live.tables.filter((t) => !oursTables.has(lower(t))), ...live.names.filter((n) => !modelNames.some((m) => lower(m) === lower(n)))].map(lower));
  const table = naming.finalTables.find((t) => liveOthers.has(lower(t)));
  if (table !== undefined) return `un tableau ou un nom « ${table} » a été créé pendant l'écriture`;
  const liveTables = new Set(live.tables.filter((t) => !oursTables.has(lower(t))).map(lower));
  const name = modelNames.find((n) => liveTables.has(lower(n)));
  if (name !== undefined) return `un tableau « ${name} » a été créé pendant l'écriture`;
  return undefined;
}

/** "« a », « b »" */
export function quoted(names: readonly string[]): string {
  return names.map((n) => `« ${n} »`).join(', ');
}
