import type { DiffusionSettings } from '../../schema/index.js';
import type { AuditCache, AuditEntry } from './audit.js';
import { checkGridTable, colsOf, tableRelations, type GridTable, type Relation } from './grid-table.js';
import { primaryReason, type HiddenReason } from './rules.js';
import { protectTable, type ProtectedTable } from './secondary.js';

/**
 * Tables that show the same figure twice (the region row of a per-network table is the region
 * row of the département × kind table) are not independent: a figure hidden in both is bounded
 * by both tables' relations at once. They are protected and audited as one table: stacked one
 * under the other, each keeping its own relations, plus one relation « a = b » per shared figure.
 */

/** A shared figure: cell `cell` of the new table shows cell `baseCell` of base table `base`. */
export interface SharedCell {
  readonly base: number;
  readonly baseCell: number;
  readonly cell: number;
}

interface Stack {
  readonly table: GridTable;
  /** For each stacked table, the stacked index of its cell 0 and its width. */
  readonly at: readonly { readonly row: number; readonly cols: number }[];
}

/** Stacked index of cell `cell` of table `k`. */
function stackedIndex(stack: Stack, k: number, cell: number): number {
  const { row, cols } = stack.at[k]!;
  return (row + Math.floor(cell / cols)) * colsOf(stack.table) + (cell % cols);
}

/**
 * The tables one under the other, padded to the widest with empty fixed cells (0, in no
 * relation); rows labelled « table — row ». `fixedCells[k]` marks cells of table k that must
 * not move (figures already published).
 */
function stackTables(
  id: string,
  tables: readonly GridTable[],
  equalities: readonly [number, number, number, number][],
  fixedCells: readonly ((cell: number) => boolean)[],
): Stack {
  const measure = tables[0]!.measure;
  const C = tables.reduce((m, t) => Math.max(m, colsOf(t)), 0);
  const rowLabels: string[] = [];
  const at: { row: number; cols: number }[] = [];
  for (const t of tables) {
    if (t.measure !== measure) throw new Error(`Tableaux liés « ${tables.map((x) => x.id).join(' », « ')} » : un effectif et un montant ne se protègent pas ensemble.`);
    at.push({ row: rowLabels.length, cols: colsOf(t) });
    for (const label of t.rowLabels) rowLabels.push(`${t.title} — ${label}`);
  }
  const n = rowLabels.length * C;
  const values = new Array<number>(n).fill(0);
  const siae = new Array<number>(n).fill(0);
  // Each table's largest single contributions come along (0: not checked, as for a table without
  // them): else the stacked table applies no dominance rule, neither to hide a cell nor to size
  // a dominated cell's range.
  const largest = new Array<number>(n).fill(0);
  const present = new Array<boolean>(n).fill(false);
  const fixed = new Array<boolean>(n).fill(true);
  const index = (k: number, cell: number) => (at[k]!.row + Math.floor(cell / at[k]!.cols)) * C + (cell % at[k]!.cols);
  const relations: Relation[] = [];
  tables.forEach((t, k) => {
    for (let i = 0; i < t.values.length; i++) {
      const j = index(k, i);
      values[j] = t.values[i]!;
      siae[j] = t.siae[i]!;
      largest[j] = t.largest?.[i] ?? 0;
      present[j] = t.present?.[i] ?? true;
      fixed[j] = (t.fixed?.[i] ?? false) || fixedCells[k]!(i);
    }
    for (const rel of tableRelations(t)) relations.push({ total: index(k, rel.total), parts: rel.parts.map((p) => index(k, p)) });
  });
  for (const [ka, a, kb, b] of equalities) relations.push({ total: index(ka, a), parts: [index(kb, b)] });
  const colLabels = Array.from({ length: C }, (_, c) => tables.find((t) => colsOf(t) > c)!.colLabels[c]!);
  return { table: { id, title: id, rowLabels, colLabels, rowMargin: false, colMargin: false, values, siae, largest, present, fixed, relations, measure }, at };
}

/** The audit entry of a stacked cell, named after its own table, row and column. */
function entryOf(e: AuditEntry, t: GridTable, cell: number): AuditEntry {
  const C = colsOf(t);
  return { ...e, table: t.id, row: t.rowLabels[Math.floor(cell / C)]!, col: t.colLabels[cell % C]! };
}

export interface LinkedProtection {
  /** The new table, protected: its hidden cells and its audit (computed with the base tables). */
  readonly table: ProtectedTable;
  /**
   * The base tables' hidden cells audited again with the new table's relations: the audit
   * entries that replace theirs (a hidden figure shown twice is bounded by both tables).
   */
  readonly baseAudit: readonly AuditEntry[];
}

/**
 * Protects a new published table that shares figures with tables already protected (their
 * patterns are kept: what they publish stays published and fixed, what they hide stays
 * hidden). Its own cells are hidden by the rules, then more of its cells until the joint
 * audit — both tables' relations and the shared figures — proves every hidden cell of either.
 * A shared figure hidden in a base table is hidden here too; one published there is fixed here.
 */
export function protectLinked(
  t: GridTable,
  bases: readonly ProtectedTable[],
  shared: readonly SharedCell[],
  s: DiffusionSettings,
  cache?: AuditCache,
): LinkedProtection {
  checkGridTable(t);
  for (const l of shared) {
    const b = bases[l.base];
    if (!b || l.baseCell < 0 || l.baseCell >= b.table.values.length || l.cell < 0 || l.cell >= t.values.length) {
      throw new Error(`Tableau ${t.id} : une cellule partagée désigne une cellule absente.`);
    }
  }
  const tables = [...bases.map((b) => b.table), t];
  const k = bases.length;
  const equalities = shared.map((l): [number, number, number, number] => [l.base, l.baseCell, k, l.cell]);
  const stack = stackTables(`${t.id}+liés`, tables, equalities, [...bases.map((b) => (cell: number) => !b.hidden.has(cell)), () => false]);
  const seed = new Map<number, HiddenReason>();
  bases.forEach((b, j) => {
    for (const [cell, reason] of b.hidden) seed.set(stackedIndex(stack, j, cell), reason);
  });
  for (const l of shared) {
    if (!bases[l.base]!.hidden.has(l.baseCell)) continue;
    const j = stackedIndex(stack, k, l.cell);
    seed.set(j, primaryReason(stack.table, j, s) ?? 'secondaire');
  }
  // With the cache, the base tables' own pieces (unchanged, at the same indices) are not solved again.
  const joint = protectTable(stack.table, s, seed, cache);
  // Back to each table: hidden cells and audit entries, by stacked index (entries are in index order).
  const sortedHidden = [...joint.hidden.keys()].sort((a, b) => a - b);
  const entryAt = new Map(sortedHidden.map((cell, i) => [cell, joint.audit.entries[i]!]));
  const hidden = new Map<number, HiddenReason>();
  const entries: AuditEntry[] = [];
  for (let i = 0; i < t.values.length; i++) {
    const j = stackedIndex(stack, k, i);
    const reason = joint.hidden.get(j);
    if (reason === undefined) continue;
    hidden.set(i, reason);
    entries.push(entryOf(entryAt.get(j)!, t, i));
  }
  const baseAudit = bases.flatMap((b, j) =>
    [...b.hidden.keys()].sort((x, y) => x - y).map((cell) => entryOf(entryAt.get(stackedIndex(stack, j, cell))!, b.table, cell)),
  );
  return { table: { table: t, hidden, audit: { table: t.id, entries, ok: entries.every((e) => e.ok) } }, baseAudit };
}
