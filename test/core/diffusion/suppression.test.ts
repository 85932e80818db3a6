import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTable, hiddenLowerBound, primaryCells, protectTable } from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { gridArb, rowsArb, withMargins } from './arbitraries.js';
import { expectSafe } from './check.js';

const c = (v: number, n = 5) => ({ v, n: v === 0 ? 0 : n });

describe('suppression primaire et secondaire', () => {
  it('protège des tableaux département × type aléatoires (1 à 12 départements)', () => {
    fc.assert(fc.property(gridArb(12), (t) => expectSafe(protectTable(t, S), S)), { numRuns: 60 });
  });

  it('ne masque jamais moins que la borne inférieure (la borne est juste), et parfois exactement autant', () => {
    let reached = 0;
    fc.assert(
      fc.property(gridArb(12), (t) => {
        const p = protectTable(t, S);
        const bound = hiddenLowerBound(t, S);
        expect(p.hidden.size).toBeGreaterThanOrEqual(bound);
        if (p.hidden.size === bound) reached++;
      }),
      { numRuns: 60 },
    );
    expect(reached).toBeGreaterThan(0);
  });

  it('protège des tableaux de 1 à 5 types (un seul type : chaque cellule égale son total)', () => {
    fc.assert(fc.property(gridArb(6, 1), (t) => expectSafe(protectTable(t, S), S)), { numRuns: 60 });
  });

  it('protège des tableaux à une dimension (parties et total) aléatoires', () => {
    fc.assert(fc.property(rowsArb(20), (t) => expectSafe(protectTable(t, S), S)), { numRuns: 60 });
  });

  it('masque au moins une autre cellule de la ligne et de la colonne d\'un petit effectif', () => {
    const t = withMargins([
      [c(2), c(30), c(25)],
      [c(40), c(35), c(28)],
      [c(33), c(50), c(45)],
    ]);
    const p = protectTable(t, S);
    expect(primaryCells(t, S)).toEqual([0]);
    // The 2 at (0, 0) needs a rectangle: three more cells, not a margin (margins cost more).
    expect([...p.hidden.keys()].sort((a, b) => a - b)).toHaveLength(4);
    for (const i of p.hidden.keys()) expect(i % 4 === 3 || i >= 12).toBe(false);
    expectSafe(p, S);
  });

  it('publie 0 et les effectifs au seuil', () => {
    const t = withMargins([
      [c(0), c(5), c(7)],
      [c(9), c(0), c(12)],
    ]);
    expect(protectTable(t, S).hidden.size).toBe(0);
  });

  it('masque un chiffre qui repose sur moins de trois SIAE', () => {
    const t = withMargins([
      [c(120, 2), c(30), c(25)],
      [c(40), c(35), c(28)],
    ]);
    const p = protectTable(t, S);
    expect(p.hidden.get(0)).toBe('peu_de_siae');
    expectSafe(p, S);
  });
});

describe('dominance', () => {
  it("masque un chiffre dont une SIAE fournit plus de 85 %, et le protège sur 10 % de sa valeur", () => {
    const t = withMargins([
      [c(100, 5), c(30), c(25)],
      [c(40), c(35), c(28)],
      [c(33), c(50), c(45)],
    ]);
    // The largest single contribution per cell: 90 of the 100, elsewhere a fifth of the cell.
    const largest = t.values.map((v, i) => (i === 0 ? 90 : Math.ceil(v / 5)));
    const p = protectTable({ ...t, largest }, S);
    expect(p.hidden.get(0)).toBe('dominance');
    const entry = p.audit.entries.find((e) => e.row === 'dép 1' && e.col === 'EI')!;
    expect(entry.required).toBe(10);
    expect((entry.upper ?? Infinity) - entry.lower).toBeGreaterThanOrEqual(10);
    expectSafe({ ...p, table: { ...t, largest } }, S);
    // 85 % exactly is published; without the rule (share 1), 90 % too.
    expect(protectTable({ ...t, largest: largest.map((x, i) => (i === 0 ? 85 : x)) }, S).hidden.size).toBe(0);
    expect(protectTable({ ...t, largest }, { ...S, dominanceShare: 1 }).hidden.size).toBe(0);
  });
});

describe("l'audit", () => {
  it('refuse un masquage faible : une seule cellule masquée dans une ligne dont le total est publié', () => {
    const t = withMargins([
      [c(2), c(30), c(25)],
      [c(40), c(35), c(28)],
    ]);
    const audit = auditTable(t, new Set([0]), S);
    expect(audit.ok).toBe(false);
    expect(audit.entries).toEqual([{ table: 'dep_type', row: 'dép 1', col: 'EI', lower: 2, upper: 2, required: 5, ok: false }]);
  });

  it('refuse un rectangle trop étroit et accepte un rectangle assez large', () => {
    const t = withMargins([
      [c(2), c(1), c(25)],
      [c(3), c(2), c(28)],
    ]);
    // x(0,0) ∈ [max(0, 2 − 2), 2 + min(1, 3)] = [0, 3]: narrower than 5.
    const narrow = auditTable(t, new Set([0, 1, 4, 5]), S);
    expect(narrow.entries[0]).toMatchObject({ lower: 0, upper: 3, ok: false });
    // With the 25 and 28 instead: x(0,0) rises until x(1,0) = 3 is spent, down to 0: [0, 5].
    const wide = auditTable(t, new Set([0, 2, 4, 6]), S);
    expect(wide.entries[0]).toMatchObject({ lower: 0, upper: 5, ok: true });
  });

  it('dit « non borné » quand rien ne borne une cellule', () => {
    const t = withMargins([[c(2), c(30)]]);
    const audit = auditTable(t, new Set(t.values.map((_, i) => i)), S);
    expect(audit.ok).toBe(true);
    for (const e of audit.entries) expect(e.upper).toBeNull();
  });

  it('échoue sur un masquage affaibli aléatoire : on republie une cellule d\'une ligne protégée', () => {
    fc.assert(
      fc.property(gridArb(8), (t) => {
        const p = protectTable(t, S);
        // Publish every other hidden cell of a primary cell's row: the row total then gives it away.
        const C = t.colLabels.length;
        const target = [...p.hidden].find(([, r]) => r !== 'secondaire');
        if (!target) return;
        const row = Math.floor(target[0] / C);
        const weak = new Set([...p.hidden.keys()].filter((i) => Math.floor(i / C) !== row || i === target[0]));
        expect(auditTable(t, weak, S).ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

describe('heures et ETP', () => {
  it("protège un montant qui repose sur deux SIAE par un intervalle d'au moins 10 % de sa valeur", () => {
    const t = {
      ...withMargins([
        [c(1200, 2), c(3000, 6), c(2500, 4)],
        [c(4000, 7), c(3500, 5), c(2800, 3)],
        [c(900, 4), c(5000, 9), c(4100, 5)],
      ]),
      measure: 'amount' as const,
    };
    const p = protectTable(t, S);
    expect(p.hidden.get(0)).toBe('peu_de_siae');
    const entry = p.audit.entries.find((e) => e.row === 'dép 1' && e.col === 'EI')!;
    expect(entry.required).toBe(120);
    expect((entry.upper ?? Infinity) - entry.lower).toBeGreaterThanOrEqual(120);
    expectSafe(p, S);
  });
});

describe('chiffres incohérents', () => {
  it("refuse plutôt que d'échouer quand les totaux publiés ne sont pas la somme des cellules", () => {
    const t = withMargins([
      [c(2), c(30), c(25)],
      [c(40), c(35), c(28)],
    ]);
    const broken = { ...t, values: t.values.map((v, i) => (i === 3 ? v + 100 : v)) };
    const audit = auditTable(broken, new Set([0, 1]), S);
    expect(audit.ok).toBe(false);
    expect(audit.entries.map((e) => [e.lower, e.upper])).toEqual([
      [2, 2],
      [30, 30],
    ]);
  });
});
