/**
 * The share of count cells hidden on the demo (docs/diffusion.md, « Part des cellules masquées
 * sur la démo »), checked from the outside: which cells are counted, why each is hidden, that no
 * empty cell is hidden, and that no smaller suppression passes the audit — by the lower bound on
 * every table, and, independently of that bound's reasoning, by trying every smaller set of
 * cells on « personnes » with the audit itself.
 */
import { describe, expect, it } from 'vitest';
import {
  auditTable,
  buildPublicWorkbook,
  hiddenLowerBound,
  primaryCells,
  type ProtectedTable,
} from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { demoConsolidation } from './demo-result.js';

const { result } = demoConsolidation();
const pv = buildPublicWorkbook(result, S);
const countTables = pv.tables.filter((t) => t.table.measure === 'count');
const table = (id: string) => pv.tables.find((t) => t.table.id === id)!;

/** Every set of `size` cells among `cells`, one at a time. */
function* subsets(cells: readonly number[], size: number, from = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= cells.length - size; i++) for (const rest of subsets(cells, size - 1, i + 1)) yield [cells[i]!, ...rest];
}

describe('part des cellules masquées sur la démo', () => {
  it('compte 729 cellules d\'effectifs : les 15 tableaux de personnes et les sorties, marges comprises', () => {
    expect(countTables.map((t) => t.table.id).filter((id) => id !== 'sorties')).toHaveLength(15);
    expect(countTables.map((t) => t.table.id)).toContain('sorties');
    expect(pv.countCells).toBe(countTables.reduce((n, t) => n + t.table.values.length, 0));
    expect(pv.countCells).toBe(15 * 9 * 5 + 9 * 6);
    expect(pv.hiddenCountCells).toBe(116);
  });

  it('masque 4 petits effectifs, 56 effectifs de moins de 3 SIAE (les ETTI de 4 départements), 56 en secondaire ; aucune cellule vide', () => {
    const why = { petit_effectif: 0, peu_de_siae: 0, dominance: 0, secondaire: 0 };
    for (const t of countTables) for (const r of t.hidden.values()) why[r]++;
    expect(why).toEqual({ petit_effectif: 4, peu_de_siae: 56, dominance: 0, secondaire: 56 });
    const personnes = table('personnes').table;
    const C = personnes.colLabels.length;
    const fewSiae = [...table('personnes').hidden].filter(([, r]) => r === 'peu_de_siae').map(([i]) => i);
    expect(fewSiae.map((i) => personnes.colLabels[i % C])).toEqual(['ETTI', 'ETTI', 'ETTI', 'ETTI']);
    expect(fewSiae.map((i) => personnes.rowLabels[Math.floor(i / C)]!.slice(0, 2))).toEqual(['77', '78', '94', '95']);
    for (const i of fewSiae) expect(personnes.siae[i]).toBe(2);
    // No structurally empty cell (no SIAE, nothing to protect) is hidden, nor counted as hidden.
    for (const t of countTables) {
      for (const i of t.hidden.keys()) {
        expect(t.table.present?.[i] ?? true, `${t.table.id} cellule ${i}`).toBe(true);
        expect(t.table.siae[i]! > 0 || t.table.values[i]! > 0, `${t.table.id} cellule ${i}`).toBe(true);
      }
    }
  });

  it('est au minimum possible sous ces règles : la borne inférieure de chaque tableau est atteinte', () => {
    for (const t of countTables) expect(t.hidden.size, t.table.id).toBe(hiddenLowerBound(t.table, S));
  });

  it('aucun masquage plus petit de « personnes » ne passe l\'audit (tous essayés)', () => {
    const p: ProtectedTable = table('personnes');
    const primary = primaryCells(p.table, S);
    expect(primary).toHaveLength(4);
    expect(p.hidden.size).toBe(8);
    const others = p.table.values.map((_, i) => i).filter((i) => !primary.includes(i));
    let tried = 0;
    for (let extra = 0; extra < p.hidden.size - primary.length; extra++) {
      for (const add of subsets(others, extra)) {
        tried++;
        expect(auditTable(p.table, new Set([...primary, ...add]), S, true).ok, `cellules ${add.join(', ')}`).toBe(false);
      }
    }
    // 1 + 41 + 820 + 10 660 sets: every suppression of 4 to 7 cells keeping the rules' cells.
    expect(tried).toBe(1 + 41 + 820 + 10660);
  });
});
