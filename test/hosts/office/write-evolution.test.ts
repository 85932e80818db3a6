/**
 * The Excel host writes « Évolution » and the two-year ETP chart of a real two-year run (the
 * hand-built case of test/core/evolution) through the Office.js writer, as it writes every sheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRunWorkbook, runConsolidation, type ConsolidationRun } from '../../../src/core/run/index.js';
import { writeModel } from '../../../src/hosts/office/write-model.js';
import { FakeExcel } from '../../helpers/office-fake.js';
import { networkBook, runInput, yearRows } from '../../core/evolution/two-years.js';

let run: ConsolidationRun;
let f: FakeExcel;
beforeAll(async () => {
  run = runConsolidation(runInput([await networkBook(yearRows(2023, false), 'a.xlsx'), await networkBook(yearRows(2024, true), 'b.xlsx')]));
  f = new FakeExcel();
  f.addSheet({ name: 'Feuil1' });
  await writeModel(f.ctx, buildRunWorkbook(run));
}, 900_000);

describe('the Excel host and « Évolution »', () => {
  it('writes the sheet with its table, values, changes and breaks', () => {
    const s = f.sheet('Évolution')!;
    expect(s.tables.map((t) => t.name)).toEqual(['IAE_Evolution']);
    expect(f.cell('Évolution', 'A1')).toMatchObject({ v: 'Évolution 2023 – 2024 des chiffres clés' });
    expect(f.cell('Évolution', 'D4')).toMatchObject({ v: 'Valeur 2023' });
    // Row 5 is the region's first key figure: the number of SIAE; then the people.
    expect(f.cell('Évolution', 'C6')).toMatchObject({ v: 'Personnes en insertion' });
    expect([f.cell('Évolution', 'D6')!.v, f.cell('Évolution', 'E6')!.v, f.cell('Évolution', 'F6')!.v, f.cell('Évolution', 'G6')!.v]).toEqual([50, 60, 10, 0.2]);
    const qpv = buildRunWorkbook(run).sheets.find((x) => x.name === 'Évolution')!.cells.find((c) => c.value === 'part_residents_qpv')!;
    expect(f.cell('Évolution', `F${qpv.row}`)).toMatchObject({ v: 4, nf: '+0.0" pt";-0.0" pt";0.0" pt"' });
    expect(String(f.cell('Évolution', `I${qpv.row}`)!.v)).toMatch(/^Rupture de série : géographie des quartiers prioritaires/);
  });

  it('draws the ETP chart with N−1 and N side by side', () => {
    const chart = f.sheet('Synthèse régionale')!.charts.find((c) => c.title?.startsWith('ETP réalisés'))!;
    expect(chart.title).toBe('ETP réalisés par département (2023 et 2024)');
    expect(chart.series.map((x) => x.name)).toEqual(['ETP réalisés 2023', 'ETP réalisés 2024']);
  });
});
