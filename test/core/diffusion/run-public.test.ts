/**
 * The public version of a run (publicWorkbookOfRun) on the demo region over two years, its
 * returns spread over networks by a référentiel: « Par réseau » and « Évolution » protected and
 * audited with the other tables.
 */
import { describe, expect, it } from 'vitest';
import {
  LEGEND,
  SECRET_MARK,
  SHEET_AUDIT,
  SHEET_PUBLIC_EVOLUTION,
  SHEET_PUBLIC_PAR_RESEAU,
  auditTable,
  colsOf,
  networkSharedCells,
  periodScopes,
  publicWorkbookOfRun,
  rowsOf,
} from '../../../src/core/diffusion/index.js';
import type { CellModel, SheetModel } from '../../../src/core/workbook-model.js';
import { DEFAULT_DIFFUSION_SETTINGS as S, DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { SINGLE_NETWORK, WIDE_NETWORKS, demoRun } from './demo-run.js';

const { run } = demoRun();
const pv = publicWorkbookOfRun(run);
const sheetOf = (name: string): SheetModel => pv.workbook.sheets.find((s) => s.name === name)!;
const cellAt = (sheet: SheetModel, row: number, col: number): CellModel | undefined => sheet.cells.find((c) => c.row === row && c.col === col);
const table = (id: string) => pv.tables.find((t) => t.table.id === id)!;

/** The grid of a table as a sheet shows it, read back from the sheet under its title. */
function shownGrid(sheet: SheetModel, title: string, R: number, C: number): (string | number | boolean | null | undefined)[] {
  const top = sheet.cells.find((c) => c.value === title);
  expect(top, `« ${title} » sur « ${sheet.name} »`).toBeDefined();
  return Array.from({ length: R * C }, (_, i) => cellAt(sheet, top!.row + 2 + Math.floor(i / C), 2 + (i % C))?.value as never);
}

describe('version diffusable d\'un traitement : « Par réseau » et « Évolution »', () => {
  it('a les deux feuilles, chacune avec la légende, les réseaux du référentiel en lignes', () => {
    const names = pv.workbook.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([SHEET_PUBLIC_PAR_RESEAU, SHEET_PUBLIC_EVOLUTION]));
    expect(names.at(-1)).toBe(SHEET_AUDIT);
    for (const name of [SHEET_PUBLIC_PAR_RESEAU, SHEET_PUBLIC_EVOLUTION]) expect(sheetOf(name).cells.some((c) => c.value === LEGEND)).toBe(true);
    const p = table('personnes_reseaux').table;
    expect(p.rowLabels).toEqual([SINGLE_NETWORK, ...WIDE_NETWORKS, 'Réseau non renseigné', 'Ensemble de la région']);
    // The networks add up to the region, which is the département table's region row.
    const base = table('personnes').table;
    const C = colsOf(p);
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let r = 0; r < rowsOf(p) - 1; r++) sum += p.values[r * C + c]!;
      expect(sum).toBe(p.values[(rowsOf(p) - 1) * C + c]);
      expect(p.values[(rowsOf(p) - 1) * C + c]).toBe(base.values[(rowsOf(base) - 1) * C + c]);
    }
  });

  it('montre « s » exactement aux cellules masquées du tableau par réseau, et l\'audit les couvre toutes', () => {
    const sheet = sheetOf(SHEET_PUBLIC_PAR_RESEAU);
    const reseaux = pv.tables.filter((t) => t.table.id.endsWith('_reseaux'));
    expect(reseaux.length).toBeGreaterThan(1);
    let hidden = 0;
    for (const p of reseaux) {
      const t = p.table;
      const shown = shownGrid(sheet, t.title, rowsOf(t), colsOf(t));
      t.values.forEach((v, i) => expect(shown[i]).toBe(p.hidden.has(i) ? SECRET_MARK : t.present?.[i] === false ? null : v));
      expect(pv.audit.filter((e) => e.table === t.id)).toHaveLength(p.hidden.size);
      hidden += p.hidden.size;
    }
    // People under justice are few: some are hidden by the rules, some more to protect them.
    const justice = table('sous_main_justice_reseaux');
    expect([...justice.hidden.values()]).toContain('petit_effectif');
    expect([...justice.hidden.values()]).toContain('secondaire');
    expect(hidden).toBeGreaterThan(0);
    expect(pv.audit.length).toBeGreaterThan(0);
    expect(pv.audit.every((e) => e.ok)).toBe(true);
  });

  it('masque ensemble une même valeur publiée deux fois : la ligne région, et le réseau d\'un seul département', () => {
    const result = run.result;
    const scopes = periodScopes(result.byPeriod.get(result.periods.at(-1)!)!, result.kept);
    let hiddenTwice = 0;
    for (const p of pv.tables.filter((t) => t.table.id.endsWith('_reseaux'))) {
      const code = p.table.id.replace(/_reseaux$/, '');
      const base = table(code);
      const links = networkSharedCells(scopes, run.networks.figures, code as never, p.table);
      // The region row (5 columns), and Seine-et-Marne's EI and ETTI: the département's own.
      expect(links.length).toBeGreaterThanOrEqual(colsOf(p.table) + 2);
      for (const l of links) {
        expect(p.table.values[l.cell]).toBe(base.table.values[l.baseCell]);
        expect(p.hidden.has(l.cell)).toBe(base.hidden.has(l.baseCell));
        if (p.hidden.has(l.cell)) hiddenTwice++;
      }
    }
    // Some of them are hidden in the département table: so here too, not published beside it.
    expect(hiddenTwice).toBeGreaterThan(0);
  });

  it('ne publie aucun effectif entre 1 et le seuil moins un, ni par réseau ni pour l\'année précédente', () => {
    const counts = pv.tables.filter((t) => t.table.measure === 'count');
    expect(counts.some((t) => t.table.id.endsWith('_2012'))).toBe(true);
    for (const p of counts) {
      p.table.values.forEach((v, i) => {
        if (!p.hidden.has(i)) expect(v === 0 || v >= S.countThreshold, `${p.table.id} cellule ${i} : ${v}`).toBe(true);
      });
    }
    // What the sheet shows, read back: every number of « Par réseau » is a count.
    for (const c of sheetOf(SHEET_PUBLIC_PAR_RESEAU).cells) {
      if (typeof c.value === 'number') expect(c.value === 0 || c.value >= S.countThreshold).toBe(true);
    }
  });

  it('publie l\'évolution de chaque effectif : l\'année précédente protégée et auditée, l\'écart seulement où les deux années sont publiées', () => {
    const sheet = sheetOf(SHEET_PUBLIC_EVOLUTION);
    let hiddenChanges = 0;
    for (const id of ['personnes', 'sous_main_justice', 'heures_remunerees']) {
      const now = table(id);
      const before = table(`${id}_2012`);
      expect(pv.audit.filter((e) => e.table === `${id}_2012`)).toHaveLength(before.hidden.size);
      const R = rowsOf(now.table);
      const C = colsOf(now.table);
      const prev = shownGrid(sheet, before.table.title, R, C);
      before.table.values.forEach((v, i) => expect(prev[i]).toBe(before.hidden.has(i) ? SECRET_MARK : v));
      const change = shownGrid(sheet, `${now.table.title} : évolution 2012 → 2013`, R, C);
      now.table.values.forEach((v, i) => {
        if (now.hidden.has(i) || before.hidden.has(i)) {
          expect(change[i]).toBe(SECRET_MARK);
          hiddenChanges++;
        } else expect(change[i]).toBeCloseTo(v - before.table.values[i]!, 6);
      });
    }
    expect(hiddenChanges).toBeGreaterThan(0);
  });

  it('l\'audit refuse un masquage trop faible du tableau par réseau', () => {
    const p = table('sous_main_justice_reseaux');
    expect(auditTable(p.table, new Set(p.hidden.keys()), S).ok).toBe(true);
    // The rules' cells alone: each could be recomputed from its row or column.
    const primaryOnly = new Set([...p.hidden].filter(([, reason]) => reason !== 'secondaire').map(([i]) => i));
    expect(primaryOnly.size).toBeGreaterThan(0);
    const weak = auditTable(p.table, primaryOnly, S);
    expect(weak.ok).toBe(false);
    expect(weak.entries.some((e) => !e.ok && e.upper !== null && e.upper - e.lower < e.required)).toBe(true);
  });

  it('ne publie pas d\'évolution depuis un classeur de référence (sans les SIAE derrière ses chiffres)', () => {
    const reference = { ...run.evolution!, previous: { ...run.evolution!.previous, origin: { kind: 'reference' as const, file: 'consolidation-2012.xlsx' } } };
    const one = publicWorkbookOfRun({ ...run, evolution: reference }, DEFAULT_SETTINGS);
    expect(one.workbook.sheets.map((s) => s.name)).not.toContain(SHEET_PUBLIC_EVOLUTION);
    expect(one.workbook.sheets.map((s) => s.name)).toContain(SHEET_PUBLIC_PAR_RESEAU);
  });
});
