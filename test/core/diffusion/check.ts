import { expect } from 'vitest';
import { auditTable, tableRelations, type GridTable, type ProtectedTable } from '../../../src/core/diffusion/index.js';
import type { DiffusionSettings } from '../../../src/schema/index.js';

/** What every protected table must satisfy, checked from the outside. */
export function expectSafe(p: ProtectedTable, s: DiffusionSettings): void {
  const t: GridTable = p.table;
  // Every relation holds on the input (the generator is right) …
  for (const rel of tableRelations(t)) expect(rel.parts.reduce((a, c) => a + t.values[c]!, 0)).toBe(t.values[rel.total]);
  // … no published count lies between 1 and threshold − 1, nor rests on too few SIAE …
  t.values.forEach((v, i) => {
    if (p.hidden.has(i)) return;
    if (t.measure === 'count') expect(v === 0 || v >= s.countThreshold, `cellule ${i} publiée : ${v}`).toBe(true);
    if ((s.minSiaeScope ?? 'tous') === 'tous' || t.measure === 'amount') {
      expect(t.siae[i] === 0 || t.siae[i]! >= s.minSiae).toBe(true);
      if (t.largest && v > 0) expect(t.largest[i]!, `cellule ${i} dominée`).toBeLessThanOrEqual((s.dominanceShare ?? 0.85) * v);
    }
  });
  // … and a fresh audit proves each hidden cell's range at least the protection interval.
  const audit = auditTable(t, new Set(p.hidden.keys()), s);
  expect(audit.entries.length).toBe(p.hidden.size);
  for (const e of audit.entries) {
    expect(e.ok, JSON.stringify(e)).toBe(true);
    expect((e.upper ?? Infinity) - e.lower).toBeGreaterThanOrEqual(s.protectionInterval - 1e-6);
  }
  expect(p.audit.ok).toBe(true);
}
