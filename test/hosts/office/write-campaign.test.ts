/**
 * The campaign's sheets (issue 14) go through the same all-or-nothing write-back as the other
 * consolidated sheets: legal table names whatever a module asks for, a user's sheet named like
 * one of them left alone, stale campaign sheets of an earlier run removed, and a fault at any
 * sync leaving the workbook exactly as it was (or the commit completed).
 */
import { describe, expect, it } from 'vitest';
import { ExcelHostError } from '../../../src/hosts/office/errors.js';
import { MARKER_NAME } from '../../../src/hosts/office/ownership.js';
import { writeModel, type WriteResult } from '../../../src/hosts/office/write-model.js';
import { FakeExcel } from '../../helpers/office-fake.js';
import { CAMPAIGN_SHEETS, CAMPAIGN_TABLES, campaignModel, LEGAL_CAMPAIGN_TABLES } from './campaign-model.js';
import { consolidatedModel } from './model-fixture.js';

function userWorkbook(): FakeExcel {
  const f = new FakeExcel();
  f.addSheet({ name: 'Mes notes', rows: [['à garder', 42]] });
  // A French user may well have a sheet called « Données » already.
  f.addSheet({ name: 'Données', rows: [['mes données', 7]] });
  return f;
}
const userSheets = (f: FakeExcel) => JSON.stringify([f.sheet('Mes notes'), f.sheet('Données')].map((s) => ({ ...s, hyperlinks: [] })));

describe('écriture des feuilles de la campagne dans Excel', () => {
  it('écrit chaque feuille de la campagne, marquée, avec des noms de tableau valides, sans toucher la feuille « Données » de l’utilisateur', async () => {
    const f = userWorkbook();
    const before = userSheets(f);
    const r = await writeModel(f.ctx, campaignModel(6));
    const names = r.sheets.map((s) => s.name);
    expect(names).toEqual(['Synthèse régionale', 'Données consolidées', 'Suivi de la collecte', 'Rapprochement ASP', 'Évolution', 'Par réseau', 'Données (2)']);
    expect(r.tables.map((t) => t.name)).toEqual(['IAE_Consolidation', ...LEGAL_CAMPAIGN_TABLES]);
    expect(userSheets(f)).toBe(before);
    for (const [i, model] of CAMPAIGN_SHEETS.entries()) {
      const sheet = f.sheet(names[i + 2]!)!;
      expect(sheet.names).toEqual([{ name: MARKER_NAME, formula: `="IAE|consolidation|${model}"` }]);
      expect(sheet.tables.map((t) => t.name)).toEqual([LEGAL_CAMPAIGN_TABLES[i]]);
      expect(sheet.visibility).toBe('Visible');
    }
    // SIRETs, contacts and text that looks like a formula stay text.
    expect(f.cell('Suivi de la collecte', 'A2')).toEqual({ v: '44229377500000', nf: '@' });
    expect(f.cell('Suivi de la collecte', 'B2')).toEqual({ v: '=1+1', nf: '@' });
    expect(f.cell('Suivi de la collecte', 'E3')).toMatchObject({ v: '+33 1 23 45 67 89', nf: '@' });
    expect(f.cell('Suivi de la collecte', 'B2')!.f).toBeUndefined();
    expect(f.cell('Données (2)', 'D2')).toEqual({ v: '44229377500000', nf: '@' });
    // A formula from one new sheet to another keeps its accented target after the renames.
    expect(f.cell('Évolution', 'B4')!.f).toBe("=SUM('Par réseau'!C2:C3)");
    expect(f.sheets.some((s) => s.name.startsWith('IAE_tmp_'))).toBe(false);
  });

  it('d’une exécution à l’autre : les feuilles de la campagne sont remplacées, retirées quand la campagne n’en a plus, jamais celles de l’utilisateur', async () => {
    const f = userWorkbook();
    const before = userSheets(f);
    await writeModel(f.ctx, campaignModel(6));
    const again: WriteResult = await writeModel(f.ctx, campaignModel(9));
    expect(again.replaced).toEqual(['Synthèse régionale', 'Données consolidées', 'Suivi de la collecte', 'Rapprochement ASP', 'Évolution', 'Par réseau', 'Données (2)']);
    // Same names again: the previous tables went with their sheets.
    expect(again.tables.map((t) => t.name)).toEqual(['IAE_Consolidation', ...LEGAL_CAMPAIGN_TABLES]);
    expect(f.sheet('Suivi de la collecte')!.rows.length).toBe(10);
    // A run without a référentiel nor an ASP extract: the stale campaign sheets go.
    const plain = await writeModel(f.ctx, consolidatedModel(4));
    expect(plain.replaced).toContain('Suivi de la collecte');
    expect(f.sheets.map((s) => s.name)).toEqual(['Mes notes', 'Données', 'Synthèse régionale', 'Données consolidées']);
    expect(f.allTables().map((t) => t.table.name)).toEqual(['IAE_Consolidation']);
    expect(userSheets(f)).toBe(before);
  });

  it('un tableau de l’utilisateur qui porte déjà le nom d’un tableau de la campagne : le nôtre prend le suivant', async () => {
    const f = userWorkbook();
    f.sheet('Mes notes')!.tables.push({ name: 'IAE_Evolution', address: 'D1:E3' });
    const r = await writeModel(f.ctx, campaignModel(3));
    expect(r.tables.find((t) => t.model === CAMPAIGN_TABLES[2])!.name).toBe('IAE_Evolution_2');
    expect(f.sheet('Mes notes')!.tables).toEqual([{ name: 'IAE_Evolution', address: 'D1:E3' }]);
  });

  it('une panne à n’importe quelle synchronisation, au milieu du lot : le classeur est tel qu’avant, ou la validation est terminée', async () => {
    const probe = userWorkbook();
    await writeModel(probe.ctx, campaignModel(20));
    probe.resetCounters();
    const ok = await writeModel(probe.ctx, campaignModel(20), { blockBytes: 2_000 });
    const total = probe.syncCount;
    const batches = probe.syncs.map((s) => s.actions);
    expect(ok.valueBlocks).toBeGreaterThan(1);
    let rolledBack = 0;
    let completed = 0;
    for (let n = 1; n <= total; n++) {
      for (const afterActions of new Set([0, Math.floor(batches[n - 1]! / 2), batches[n - 1]! - 1])) {
        const f = userWorkbook();
        await writeModel(f.ctx, campaignModel(20));
        const before = f.snapshot();
        const namesBefore = f.sheets.map((s) => s.name);
        f.resetCounters();
        f.failAt = { sync: n, afterActions };
        let error: unknown;
        let result: WriteResult | undefined;
        try {
          result = await writeModel(f.ctx, campaignModel(20), { blockBytes: 2_000 });
        } catch (e) {
          error = e;
        }
        if (error) {
          expect(error).toBeInstanceOf(ExcelHostError);
          expect((error as Error).message).toMatch(/le classeur est resté tel qu'il était\.$/);
          expect(f.snapshot()).toEqual(before);
          rolledBack++;
        } else {
          expect(n).toBe(total);
          expect(result!.recovered).toBe(true);
          expect(f.sheets.map((s) => s.name)).toEqual(namesBefore);
          for (const t of LEGAL_CAMPAIGN_TABLES) expect(f.allTables().map((x) => x.table.name)).toContain(t);
          completed++;
        }
        expect(f.sheets.some((s) => s.name.startsWith('IAE_tmp_'))).toBe(false);
        expect(f.allTables().some((t) => t.table.name.startsWith('IAE_tmp_'))).toBe(false);
      }
    }
    expect(rolledBack).toBeGreaterThan(total);
    expect(completed).toBeGreaterThan(0);
  });
});
