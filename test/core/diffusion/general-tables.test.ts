import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditTable,
  evolutionCells,
  marginRelations,
  protectLinked,
  protectTable,
  type GridTable,
} from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { gridAndNetworksArb, gridArb, networkTable, regionLinks, withMargins } from './arbitraries.js';
import { expectSafe } from './check.js';
import { expectLinkedSafe } from './check-linked.js';

const c = (v: number, n = 5) => ({ v, n: v === 0 ? 0 : n });

/** The région's département × kind table: 4 départements × 3 kinds, ETTI on two SIAE in two départements. */
const base = withMargins([
  [c(120, 9), c(60, 6), c(30, 2)],
  [c(80, 7), c(45, 5), c(25, 2)],
  [c(150, 10), c(70, 6), c(40, 3)],
  [c(95, 8), c(52, 5), c(33, 4)],
]);

describe('tableaux de toute forme (relations explicites)', () => {
  it('protège une grille décrite par ses seules relations comme la grille elle-même (chemin du programme linéaire)', () => {
    fc.assert(
      fc.property(gridArb(8), (t) => {
        const general: GridTable = { ...t, relations: marginRelations(t) };
        expectSafe(protectTable(general, S), S);
      }),
      { numRuns: 40 },
    );
  });

  it("ne masque jamais, en secondaire, un chiffre publié ailleurs, et l'audit échoue quand il ne reste que lui", () => {
    // Row 0: a 2 beside 30 and 25 with its total; the 30 and the total are published elsewhere.
    const t = withMargins([
      [c(2), c(30), c(25)],
      [c(40), c(35), c(28)],
      [c(33), c(50), c(45)],
    ]);
    const fixed = t.values.map((_, i) => i === 1 || i === 3);
    const p = protectTable({ ...t, fixed }, S);
    expect(p.hidden.has(1) || p.hidden.has(3)).toBe(false);
    expect(p.hidden.has(2)).toBe(true);
    expectSafe(p, S);
    // Every other cell of row 0 fixed: nothing can hide the 2, the audit refuses.
    const stuck = protectTable({ ...t, fixed: t.values.map((_, i) => i === 1 || i === 2 || i === 3) }, S);
    expect(stuck.audit.ok).toBe(false);
  });

  it("refuse un masquage affaibli d'un tableau à relations explicites", () => {
    const net = networkTable(base, [
      [c(3), c(40), c(12)],
      [c(50), c(20), c(7)],
    ]);
    const p = protectTable(net, S);
    expectSafe(p, S);
    const target = [...p.hidden].find(([, r]) => r !== 'secondaire')![0];
    const C = net.colLabels.length;
    const row = Math.floor(target / C);
    const weak = new Set([...p.hidden.keys()].filter((i) => Math.floor(i / C) !== row || i === target));
    expect(auditTable(net, weak, S).ok).toBe(false);
  });
});

describe('tableau par réseau lié au tableau département × type', () => {
  const protectedBase = protectTable(base, S);

  it('réseaux qui se recoupent : la ligne région reprend les chiffres publiés du tableau des départements, tels quels', () => {
    const net = networkTable(base, [
      [c(200, 14), c(90, 8), c(3, 1)],
      [c(150, 12), c(100, 9), c(60, 4)],
      [c(40, 2), c(30, 4), c(20, 3)],
    ]);
    const shared = regionLinks(base, net);
    const linked = protectLinked(net, [protectedBase], shared, S);
    expectLinkedSafe([protectedBase], linked, net, shared, S);
    const C = net.colLabels.length;
    // The 3 on one SIAE and the 40 on two are hidden; the region row stays as the base shows it.
    expect(linked.table.hidden.get(2)).toBe('petit_effectif');
    expect(linked.table.hidden.get(2 * C)).toBe('peu_de_siae');
    for (const l of shared) expect(linked.table.hidden.has(l.cell)).toBe(protectedBase.hidden.has(l.baseCell));
  });

  it('réseaux qui partagent la région : une cellule masquée dans les deux tableaux est auditée avec les deux', () => {
    // Region ETTI on 2 SIAE: hidden in the base, hence in the network table too.
    const small = withMargins([
      [c(120, 9), c(60, 6), c(30, 1)],
      [c(80, 7), c(45, 5), c(25, 1)],
      [c(150, 10), c(70, 6), c(0)],
    ]);
    const pb = protectTable(small, S);
    const C = small.colLabels.length;
    const regionEtti = (small.rowLabels.length - 1) * C + 2;
    expect(pb.hidden.has(regionEtti)).toBe(true);
    const net = networkTable(small, 'partition', 2);
    const shared = regionLinks(small, net);
    const linked = protectLinked(net, [pb], shared, S);
    expectLinkedSafe([pb], linked, net, shared, S);
    expect(linked.table.hidden.has((net.rowLabels.length - 1) * C + 2)).toBe(true);
  });

  it('protège des tableaux par réseau aléatoires liés à des grilles aléatoires (1 à 12 départements)', () => {
    fc.assert(
      fc.property(gridAndNetworksArb(12, 8), ({ base: b, net }) => {
        const pb = protectTable(b, S);
        const shared = regionLinks(b, net);
        expectLinkedSafe([pb], protectLinked(net, [pb], shared, S), net, shared, S);
      }),
      { numRuns: 40 },
    );
  });

  it('applique la règle de dominance au tableau par réseau lié (une SIAE au-delà de 85 % d\'une cellule la masque)', () => {
    const net = networkTable(base, [
      [c(100, 4), c(40, 5), c(12, 3)],
      [c(50, 6), c(20, 4), c(27, 3)],
    ]);
    // One SIAE gives 90 of the 100 of network 1 × EI; no other cell is dominated.
    const dominated = { ...net, largest: net.values.map((v, i) => (i === 0 ? 90 : Math.floor(v / 3))) };
    const shared = regionLinks(base, dominated);
    const linked = protectLinked(dominated, [protectedBase], shared, S);
    expect(linked.table.hidden.get(0)).toBe('dominance');
    // A dominated cell keeps a range of 10 % of its value (here 10), not just the interval (5).
    expect(linked.table.audit.entries.find((e) => e.row === dominated.rowLabels[0] && e.col === dominated.colLabels[0])!.required).toBe(10);
    expectLinkedSafe([protectedBase], linked, dominated, shared, S);
  });

  it("l'audit conjoint échoue quand le tableau par réseau republie une cellule dont dépend une cellule masquée", () => {
    const net = networkTable(base, [
      [c(3), c(40), c(12)],
      [c(50), c(20), c(7)],
    ]);
    const shared = regionLinks(base, net);
    const linked = protectLinked(net, [protectedBase], shared, S);
    const C = net.colLabels.length;
    const weakened = { ...linked, table: { ...linked.table, hidden: new Map([...linked.table.hidden].filter(([i]) => i !== 1 && Math.floor(i / C) !== 0 ? true : i === 0)) } };
    expect(() => expectLinkedSafe([protectedBase], weakened, net, shared, S)).toThrow();
  });
});

describe('évolution : deux années côte à côte', () => {
  const year = (inner: Parameters<typeof withMargins>[0]) => protectTable(withMargins(inner), S);

  it("publie une évolution seulement quand les deux années sont publiées, chaque année protégée à part", () => {
    const before = year([
      [c(2), c(30), c(25)],
      [c(40), c(35), c(28)],
      [c(33), c(50), c(45)],
    ]);
    const after = year([
      [c(12), c(31), c(24)],
      [c(41), c(3), c(27)],
      [c(30), c(52), c(44)],
    ]);
    expectSafe(before, S);
    expectSafe(after, S);
    const cells = evolutionCells(before, after);
    expect(cells).toHaveLength(after.table.values.length);
    cells.forEach((e, i) => {
      const hiddenEither = before.hidden.has(i) || after.hidden.has(i);
      expect(e.change === 'hidden').toBe(hiddenEither);
      if (!hiddenEither) expect(e.change).toBe(after.table.values[i]! - before.table.values[i]!);
      expect(e.previous === 'hidden').toBe(before.hidden.has(i));
      expect(e.current === 'hidden').toBe(after.hidden.has(i));
    });
    // The 2 of the first year and the 3 of the second: both changes hidden.
    expect(cells[0]!.change).toBe('hidden');
    expect(cells[5]!.change).toBe('hidden');
  });

  it('apparie les cellules par libellés : un département absent une année n\'a pas d\'évolution', () => {
    const before = year([
      [c(20), c(30)],
      [c(40), c(35)],
    ]);
    const after = year([
      [c(22), c(31)],
      [c(41), c(36)],
      [c(50), c(60)],
    ]);
    const cells = evolutionCells(before, after);
    expect(cells.filter((e) => e.row === 'dép 3').every((e) => e.previous === null && e.change === null)).toBe(true);
    expect(cells.find((e) => e.row === 'dép 1' && e.col === 'EI')!.change).toBe(2);
  });

  it('sur des couples d\'années aléatoires, aucune évolution publiée ne côtoie une année masquée', () => {
    fc.assert(
      fc.property(gridArb(10), gridArb(10), (a, b) => {
        const pa = protectTable(a, S);
        const pb = protectTable(b, S);
        for (const e of evolutionCells(pa, pb)) {
          if (e.previous === 'hidden' || e.current === 'hidden') expect(e.change).toBe('hidden');
          if (typeof e.change === 'number') expect(typeof e.previous === 'number' && typeof e.current === 'number').toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
