/**
 * « Évolution » as LibreOffice reads it: the sheet's values after LibreOffice recalculated the
 * workbook, the synthesis' ETP chart with one series per year after a LibreOffice re-save, and
 * that re-saved workbook (tables and styles rewritten by another program) read back as reference
 * giving the same changes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRunWorkbook, runConsolidation, type ConsolidationRun } from '../../../src/core/run/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { convertManyWithLibreOffice, describeWithLibreOffice, recalculatedCsv } from '../../helpers/libreoffice.js';
import { networkBook, runInput, yearRows } from './two-years.js';

describeWithLibreOffice('« Évolution » read back by LibreOffice', () => {
  let dir: string;
  let both: ConsolidationRun;
  let xlsx: string;
  let sheets: Map<string, string[][]>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iae-evolution-lo-'));
    const early = await networkBook(yearRows(2023, false), 'reseau-2023.xlsx');
    const late = await networkBook(yearRows(2024, true), 'reseau-2024.xlsx');
    both = runConsolidation(runInput([early, late]));
    xlsx = join(dir, 'deux-annees.xlsx');
    writeFileSync(xlsx, await writeWorkbookModel(buildRunWorkbook(both)));
    sheets = await recalculatedCsv(xlsx);
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the table under its title and note, with the values, changes and breaks', () => {
    const rows = sheets.get('Évolution')!;
    expect(rows[0]![0]).toBe('Évolution 2023 – 2024 des chiffres clés');
    expect(rows[3]).toEqual(['Périmètre', 'Nom du périmètre', 'Indicateur', 'Valeur 2023', 'Valeur 2024', 'Évolution', 'Évolution (%)', 'Code indicateur', 'Rupture de série']);
    const row = (scope: string, code: string) => rows.find((r) => r[0] === scope && r[7] === code)!;
    // LibreOffice's CSV gives a cell formatted as a percentage with its « % ».
    expect(row('Région', 'personnes').slice(3, 7)).toEqual(['50', '60', '10', '20%']);
    expect(row('Région', 'part_femmes').slice(3, 7)).toEqual(['44%', '50%', '6', '']);
    expect(row('93', 'part_femmes').slice(1, 6)).toEqual(['Seine-Saint-Denis', 'Part des femmes', '40%', '50%', '10']);
    expect(row('75', 'part_residents_qpv').slice(3, 6)).toEqual(['25%', '50%', '25']);
    expect(row('75', 'part_residents_qpv')[8]).toMatch(/^Rupture de série : géographie des quartiers prioritaires \(QPV\)/);
    expect(row('75', 'part_femmes')[8]).toBe('');
  });

  it('re-saved by LibreOffice: the ETP chart keeps one series per year, and the workbook read back as reference gives the same changes', async () => {
    // The 2023 returns' workbook, re-saved by LibreOffice, as reference for 2024: both re-saved in one start.
    const previousXlsx = join(dir, 'annee-2023.xlsx');
    const previous = runConsolidation(runInput([await networkBook(yearRows(2023, false), 'reseau-2023.xlsx')]));
    writeFileSync(previousXlsx, await writeWorkbookModel(buildRunWorkbook(previous)));
    const resavedBoth = await convertManyWithLibreOffice([xlsx, previousXlsx], 'xlsx', join(dir, 'resave'));
    const [again] = resavedBoth.get(xlsx)!;
    const bytes = readFileSync(again!);
    const parts = unzipSync(bytes);
    const charts = Object.keys(parts)
      .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
      .map((p) => strFromU8(parts[p]!));
    const etp = charts.find((c) => c.includes('ETP réalisés par département (2023 et 2024)'))!;
    expect(etp.match(/<c:ser>/g)).toHaveLength(2);

    const [resaved] = resavedBoth.get(previousXlsx)!;
    const book = readXlsx(new Uint8Array(readFileSync(resaved!)), 'annee-2023.xlsx');
    const late = await networkBook(yearRows(2024, true), 'reseau-2024.xlsx');
    const fromReference = runConsolidation(runInput([late], { reference: { file: 'annee-2023.xlsx', book } }));
    expect(fromReference.problems).toEqual([]);
    expect(fromReference.evolution?.warnings).toEqual([]);
    expect(fromReference.evolution?.lines).toEqual(both.evolution?.lines);
  }, 900_000);
});
