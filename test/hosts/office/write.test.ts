import { describe, expect, it } from 'vitest';
import { ExcelHostError } from '../../../src/hosts/office/errors.js';
import { MARKER_NAME } from '../../../src/hosts/office/ownership.js';
import { writeModel } from '../../../src/hosts/office/write-model.js';
import { FakeExcel } from '../../helpers/office-fake.js';
import { consolidatedModel, dataSheet } from './model-fixture.js';

function userWorkbook(): FakeExcel {
  const f = new FakeExcel();
  f.addSheet({ name: 'Mes notes', rows: [['à garder', 42]] });
  f.addSheet({ name: 'Synthèse régionale', rows: [['feuille de l’utilisateur']] });
  f.sheet('Mes notes')!.formatOps.push({ sheet: 'Mes notes', address: 'A1', cells: 1, path: 'format.fill.color', value: '#FFFF00' });
  return f;
}

describe('writeModel', () => {
  it('writes values, text as text, formulas, formats per range, tables, conditional formats, validations, charts, names', async () => {
    const f = new FakeExcel();
    f.addSheet({ name: 'Feuil1' });
    const r = await writeModel(f.ctx, consolidatedModel(20));
    expect(r.sheets).toEqual([
      { model: 'Synthèse régionale', name: 'Synthèse régionale' },
      { model: 'Données consolidées', name: 'Données consolidées' },
    ]);
    expect(f.sheets.map((s) => s.name)).toEqual(['Feuil1', 'Synthèse régionale', 'Données consolidées']);
    const d = 'Données consolidées';
    // Formula-like and number-like text stays text.
    expect(f.cell(d, 'B2')).toEqual({ v: '=HYPERLINK("http://pirate")', nf: '@' });
    expect(f.cell(d, 'B3')).toMatchObject({ v: '+33 1 23 45 67 89' });
    expect(f.cell(d, 'B4')).toMatchObject({ v: '-moins' });
    expect(f.cell(d, 'B5')).toMatchObject({ v: '@SOMME' });
    expect(f.cell(d, 'A2')).toMatchObject({ v: '10000000000000' });
    expect(f.cell(d, 'C2')).toMatchObject({ v: '75' });
    for (const a of ['B2', 'B3', 'B4', 'B5']) expect(f.cell(d, a)!.f).toBeUndefined();
    // Numbers with their formats (written as arrays with the values, not per cell).
    expect(f.cell(d, 'E2')).toEqual({ v: 0.5, nf: '0.00' });
    // A formula pointing at another new sheet, retargeted after the renames.
    expect(f.cell('Synthèse régionale', 'B4')!.f).toBe("=SUMIFS('Données consolidées'!E:E,'Données consolidées'!C:C,A4)");
    const s = f.sheet('Synthèse régionale')!;
    expect(s.charts.map((c) => [c.type, c.title, c.series[0]!.name, c.series[0]!.values, c.series[0]!.xValues])).toEqual([
      ['BarClustered', 'ETP par département', 'ETP', 'B4:B6', 'A4:A6'],
      ['ColumnClustered', 'Heures par secteur', 'Heures', 'B9:B10', 'A9:A10'],
      ['Pie', 'Statut des objectifs', 'Objectifs', 'B13:B14', 'A13:A14'],
    ]);
    expect(s.merges).toEqual(['A1:D1']);
    expect(s.tabColor).toBe('#1F4E79');
    expect(s.hyperlinks.get('A16')).toEqual({ documentReference: "'Données consolidées'!A1", textToDisplay: 'Voir les données' });
    expect(s.layout).toMatchObject({ orientation: 'Landscape', setPrintTitleRows: '$1:$3' });
    const ds = f.sheet(d)!;
    expect(ds.tables).toEqual([{ name: 'IAE_Consolidation', address: 'A1:G21', style: 'TableStyleMedium2' }]);
    expect(ds.cfs.map((c) => [c.type, c.address, c.rule])).toEqual([
      ['ContainsText', 'G2:G21', { operator: 'Contains', text: 'Non atteint' }],
      ['CellValue', 'E2:E21', { formula1: '=0', operator: 'LessThan' }],
    ]);
    expect(ds.validations).toEqual([{ address: 'C2:C21', rule: { list: { inCellDropDown: true, source: '75,77,78,91,92,93,94,95' } } }]);
    expect(ds.freeze).toBe('rows:1');
    // Header style applied once to the packed header run, not per cell.
    const bold = ds.formatOps.filter((o) => o.path === 'format.font.bold');
    expect(bold).toEqual([{ sheet: expect.any(String), address: 'A1:G1', cells: 7, path: 'format.font.bold', value: true }]);
    // Marks and names.
    expect(ds.names).toEqual([{ name: MARKER_NAME, formula: `="IAE|consolidation|${d}"` }]);
    expect(f.names).toEqual([{ name: 'IAE_TOTAL_ETP', formula: "='Synthèse régionale'!$B$4:$B$6" }]);
    expect(f.active!.name).toBe('Synthèse régionale');
    expect(f.sheets.every((x) => x.visibility === 'Visible')).toBe(true);
    // 4 syncs + 1 value block.
    expect(f.syncCount).toBe(5);
  });

  it('re-running replaces the add-in sheets, leaves user sheets alone and avoids name clashes', async () => {
    const f = userWorkbook();
    const userBefore = JSON.stringify([f.sheet('Mes notes'), f.sheet('Synthèse régionale')].map((s) => ({ ...s, hyperlinks: [] })));
    const first = await writeModel(f.ctx, consolidatedModel(5));
    expect(first.sheets.map((s) => s.name)).toEqual(['Synthèse régionale (2)', 'Données consolidées']);
    // Hyperlinks and names follow the suffixed name.
    expect(f.names[0]!.formula).toBe("='Synthèse régionale (2)'!$B$4:$B$6");
    const second = await writeModel(f.ctx, consolidatedModel(8));
    expect(second.replaced).toEqual(['Synthèse régionale (2)', 'Données consolidées']);
    expect(second.sheets.map((s) => s.name)).toEqual(['Synthèse régionale (2)', 'Données consolidées']);
    expect(f.sheets.map((s) => s.name)).toEqual(['Mes notes', 'Synthèse régionale', 'Synthèse régionale (2)', 'Données consolidées']);
    expect(f.sheet('Données consolidées')!.tables[0]!.address).toBe('A1:G9');
    expect(f.names).toHaveLength(1);
    const userAfter = JSON.stringify([f.sheet('Mes notes'), f.sheet('Synthèse régionale')].map((s) => ({ ...s, hyperlinks: [] })));
    expect(userAfter).toBe(userBefore);
  });

  it('gives a table another name when a user table already has it', async () => {
    const f = userWorkbook();
    f.sheet('Mes notes')!.tables.push({ name: 'IAE_Consolidation', address: 'D1:E3' });
    const r = await writeModel(f.ctx, consolidatedModel(3));
    expect(r.tables).toEqual([{ model: 'IAE_Consolidation', name: 'IAE_Consolidation_2' }]);
    expect(f.sheet('Mes notes')!.tables[0]!.name).toBe('IAE_Consolidation');
  });

  it('never deletes a sheet that lost its mark or an add-in sheet of another kind', async () => {
    const f = userWorkbook();
    await writeModel(f.ctx, { sheets: [{ name: 'IAE – Anomalies', cells: [{ row: 1, col: 1, value: 'x' }] }] }, { kind: 'anomalies' });
    await writeModel(f.ctx, consolidatedModel(2));
    await writeModel(f.ctx, consolidatedModel(2));
    expect(f.sheets.map((s) => s.name)).toEqual(['Mes notes', 'Synthèse régionale', 'IAE – Anomalies', 'Synthèse régionale (2)', 'Données consolidées']);
  });

  it('a failure at any sync, even half-way through a batch, leaves no half-written workbook', async () => {
    // Count the syncs of a successful re-run first.
    const probe = userWorkbook();
    await writeModel(probe.ctx, consolidatedModel(30));
    probe.resetCounters();
    const ok = await writeModel(probe.ctx, consolidatedModel(30), { blockBytes: 2_000 });
    const total = probe.syncCount;
    const batches = probe.syncs.map((s) => s.actions);
    expect(ok.valueBlocks).toBeGreaterThan(1);
    expect(total).toBe(4 + ok.valueBlocks);
    let rolledBack = 0;
    let completed = 0;
    for (let n = 1; n <= total; n++) {
      for (const afterActions of new Set([0, Math.floor(batches[n - 1]! / 2), batches[n - 1]! - 1])) {
        const f = userWorkbook();
        await writeModel(f.ctx, consolidatedModel(30));
        const before = f.snapshot();
        const namesBefore = f.sheets.map((s) => s.name);
        f.resetCounters();
        f.failAt = { sync: n, afterActions };
        let error: unknown;
        let result;
        try {
          result = await writeModel(f.ctx, consolidatedModel(30), { blockBytes: 2_000 });
        } catch (e) {
          error = e;
        }
        if (error) {
          // Either as before…
          expect(error).toBeInstanceOf(ExcelHostError);
          expect((error as Error).message).toMatch(/^Écriture dans le classeur impossible : .*le classeur est resté tel qu'il était\.$/s);
          expect(f.sheets.map((s) => s.name)).toEqual(namesBefore);
          expect(f.snapshot()).toEqual(before);
          rolledBack++;
        } else {
          // …or, when the commit had started, completed: all new sheets in place, nothing temporary left.
          expect(n).toBe(total);
          expect(result!.recovered).toBe(true);
          expect(f.sheets.map((s) => s.name)).toEqual(namesBefore);
          expect(f.sheet('Données consolidées')!.rows.length).toBe(31);
          completed++;
        }
        expect(f.sheets.some((s) => s.name.startsWith('IAE_tmp_'))).toBe(false);
        expect(f.allTables().some((t) => t.table.name.startsWith('IAE_tmp_'))).toBe(false);
      }
    }
    expect(rolledBack).toBeGreaterThan(total);
    expect(completed).toBeGreaterThan(0);
  });

  it('budget: 50,000 rows are written in 4 syncs + one per value block, requests under 1 MB, formats not per cell', async () => {
    const f = new FakeExcel();
    f.addSheet({ name: 'Feuil1' });
    const small = await writeModel(f.ctx, { sheets: [dataSheet(1_000)] });
    const smallFormats = f.formatLog.filter((o) => o.path !== 'numberFormat').length;
    f.resetCounters();
    const r = await writeModel(f.ctx, { sheets: [dataSheet(50_000)] });
    expect(f.syncCount).toBeLessThanOrEqual(6 + r.valueBlocks);
    expect(f.syncCount).toBe(4 + r.valueBlocks);
    expect(f.maxRequestBytes).toBeLessThan(1_000_000);
    // Format actions do not grow with the rows: the same count for 1,000 and 50,000 rows.
    const formats = f.formatLog.filter((o) => o.path !== 'numberFormat');
    expect(formats.length).toBe(smallFormats);
    expect(small.valueBlocks).toBeLessThan(r.valueBlocks);
    expect(f.sheet('Données consolidées')!.rows.length).toBe(50_001);
    console.log(`écriture 50 000 lignes : ${f.syncCount} synchronisations (${r.valueBlocks} blocs), requête max ${(f.maxRequestBytes / 1e6).toFixed(2)} Mo, ${formats.length} actions de format`);
  }, 900_000);
});
