import type { DiffusionSettings } from '../../schema/index.js';
import { tableRelations, type GridTable, type Relation } from './grid-table.js';
import { primaryCells } from './rules.js';

/**
 * The fewest cells any suppression can hide in a table under the rules, whatever the method: a
 * relation (a row with its total) holding a hidden cell must hold a second one, else the first
 * is its total minus the others. Relations with no cell in common each need their own two; the
 * rows of a grid are such a family, so are its columns. The bound is the larger of the two
 * greedy families (relations in order, then in reverse: rows first, columns first), plus the
 * rule-hidden cells they leave out. Used to tell how far a suppression is from the best possible
 * (on the demo: nowhere, see docs/diffusion.md).
 */
export function hiddenLowerBound(t: GridTable, s: DiffusionSettings): number {
  const primary = new Set(primaryCells(t, s));
  // With no interval to keep, a cell alone in its row is « protected »: only the rule-hidden count.
  if (primary.size === 0 || s.protectionInterval <= 0) return primary.size;
  const touching = tableRelations(t).filter((rel) => cellsOf(rel).some((c) => primary.has(c)));
  const family = (order: readonly Relation[]) => {
    const used = new Set<number>();
    let pairs = 0;
    for (const rel of order) {
      const cells = cellsOf(rel);
      if (cells.some((c) => used.has(c))) continue;
      for (const c of cells) used.add(c);
      pairs++;
    }
    let alone = 0;
    for (const c of primary) if (!used.has(c)) alone++;
    return 2 * pairs + alone;
  };
  return Math.max(primary.size, family(touching), family([...touching].reverse()));
}

const cellsOf = (rel: Relation): number[] => [rel.total, ...rel.parts];
