import { expect } from 'vitest';
import {
  hiddenRanges,
  requiredWidth,
  primaryReason,
  tableRelations,
  type GridTable,
  type LinkedProtection,
  type ProtectedTable,
  type Relation,
  type SharedCell,
} from '../../../src/core/diffusion/index.js';
import type { DiffusionSettings } from '../../../src/schema/index.js';

/**
 * What a table protected beside others must satisfy, checked from the outside: its own rules,
 * the base tables' patterns untouched, shared figures hidden in both or in neither, and a joint
 * audit built here (every table's relations, plus « a = b » per shared figure) proving every
 * hidden cell of every table.
 */
export function expectLinkedSafe(
  bases: readonly ProtectedTable[],
  linked: LinkedProtection,
  t: GridTable,
  shared: readonly SharedCell[],
  s: DiffusionSettings,
): void {
  const p = linked.table;
  t.values.forEach((v, i) => {
    if (p.hidden.has(i)) return;
    expect(primaryReason(t, i, s), `cellule ${i} publiée : ${v}`).toBeUndefined();
    if (t.measure === 'count') expect(v === 0 || v >= s.countThreshold).toBe(true);
  });
  for (const l of shared) expect(p.hidden.has(l.cell), `cellule partagée ${l.cell}`).toBe(bases[l.base]!.hidden.has(l.baseCell));
  // The joint system, built independently of linked.ts.
  const tables = [...bases.map((b) => b.table), t];
  const hiddenOf = [...bases.map((b) => b.hidden), p.hidden];
  const offsets: number[] = [];
  const values: number[] = [];
  for (const x of tables) {
    offsets.push(values.length);
    for (const v of x.values) values.push(v);
  }
  const relations: Relation[] = tables.flatMap((x, k) =>
    tableRelations(x).map((r) => ({ total: r.total + offsets[k]!, parts: r.parts.map((q) => q + offsets[k]!) })),
  );
  for (const l of shared) relations.push({ total: offsets[l.base]! + l.baseCell, parts: [offsets[bases.length]! + l.cell] });
  const hidden = new Set(hiddenOf.flatMap((h, k) => [...h.keys()].map((i) => i + offsets[k]!)));
  const ranges = hiddenRanges(values, relations, hidden);
  tables.forEach((x, k) => {
    for (const i of hiddenOf[k]!.keys()) {
      const r = ranges.get(i + offsets[k]!)!;
      expect(r.upper - r.lower, `${x.id} cellule ${i}`).toBeGreaterThanOrEqual(requiredWidth(x, i, s) - 1e-6);
    }
  });
  expect(p.audit.ok).toBe(true);
  expect(p.audit.entries.length).toBe(p.hidden.size);
  expect(linked.baseAudit.every((e) => e.ok)).toBe(true);
  expect(linked.baseAudit.length).toBe(bases.reduce((n, b) => n + b.hidden.size, 0));
}
