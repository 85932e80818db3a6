/**
 * « Évolution » on a hand-built two-year case, from both sources: the same returns given for two
 * years in one run, and a consolidated workbook of N−1 written by our writer, read back by our
 * reader and given as reference. Both give the same figures; every change is worked out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareYears, readReference, yearFiguresOfPeriod, type Evolution, type EvolutionLine } from '../../../src/core/evolution/index.js';
import { buildRunWorkbook, runConsolidation, runJson, runVerdict, type ConsolidationRun } from '../../../src/core/run/index.js';
import type { GridWorkbook } from '../../../src/core/grid.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SERIES_BREAKS } from '../../../src/schema/index.js';
import { networkBook, runInput, yearRows } from './two-years.js';

let both: ConsolidationRun;
let fromReference: ConsolidationRun;
let previousBook: GridWorkbook;
let returnsOnly: ConsolidationRun;
let singleN: ConsolidationRun;

beforeAll(async () => {
  const early = await networkBook(yearRows(2023, false), 'reseau-2023.xlsx');
  const late = await networkBook(yearRows(2024, true), 'reseau-2024.xlsx');
  both = runConsolidation(runInput([early, late]));
  const previous = runConsolidation(runInput([early]));
  previousBook = readXlsx(await writeWorkbookModel(buildRunWorkbook(previous)), 'consolidation-2023.xlsx');
  fromReference = runConsolidation(runInput([late], { reference: { file: 'consolidation-2023.xlsx', book: previousBook } }));
  singleN = runConsolidation(runInput([late]));
  returnsOnly = previous;
}, 900_000);

const lineOf = (e: Evolution | undefined, departement: string | null, code: string): EvolutionLine => {
  const l = e?.lines.find((x) => x.departement === departement && x.code === code);
  if (!l) throw new Error(`pas de ligne ${departement ?? 'région'} ${code}`);
  return l;
};

describe('year over year from the run\'s own two years', () => {
  it('compares the latest year with the one before', () => {
    expect(both.evolution?.previous).toEqual({ periode: 2023, origin: { kind: 'retours' } });
    expect(both.evolution?.current.periode).toBe(2024);
  });

  it('gives exact values and changes, in points for rates', () => {
    const e = both.evolution;
    // Region: 50 → 60 people (+10, +20 %); women 22/50 = 44 % → 30/60 = 50 %: +6 points.
    expect(lineOf(e, null, 'personnes')).toMatchObject({ previous: 50, current: 60, change: 10, unit: 'valeur', relative: 0.2 });
    expect(lineOf(e, null, 'part_femmes')).toMatchObject({ previous: 0.44, current: 0.5, change: 6, unit: 'points', relative: null });
    // QPV residents 23/50 = 46 % → 30/60 = 50 %: +4 points.
    expect(lineOf(e, null, 'part_residents_qpv')).toMatchObject({ previous: 0.46, current: 0.5, change: 4, unit: 'points' });
    expect(lineOf(e, null, 'nombre_siae')).toMatchObject({ previous: 2, current: 2, change: 0, relative: 0 });
    // 93: 30 → 40 people (+1/3); women 12/30 = 40 % → 20/40 = 50 %: +10 points.
    expect(lineOf(e, '93', 'personnes')).toMatchObject({ previous: 30, current: 40, change: 10 });
    expect(lineOf(e, '93', 'personnes').relative).toBeCloseTo(1 / 3, 10);
    expect(lineOf(e, '93', 'part_femmes')).toMatchObject({ previous: 0.4, current: 0.5, change: 10, unit: 'points' });
    // 75: unchanged people and women's share; QPV 5/20 = 25 % → 10/20 = 50 %: +25 points.
    expect(lineOf(e, '75', 'personnes')).toMatchObject({ previous: 20, current: 20, change: 0, relative: 0 });
    expect(lineOf(e, '75', 'part_femmes')).toMatchObject({ change: 0, unit: 'points' });
    expect(lineOf(e, '75', 'part_residents_qpv')).toMatchObject({ previous: 0.25, current: 0.5, change: 25 });
  });

  it('lists the region, then each département by code, every key figure once', () => {
    const e = both.evolution!;
    const scopes = [...new Set(e.lines.map((l) => l.departement))];
    expect(scopes).toEqual([null, '75', '93']);
    expect(e.lines).toHaveLength(3 * 15);
  });

  it('a single year without reference gives no « Évolution »', () => {
    expect(singleN.evolution).toBeUndefined();
    expect(buildRunWorkbook(singleN).sheets.map((s) => s.name)).not.toContain('Évolution');
    expect(runJson(singleN).evolution).toBeUndefined();
  });
});

describe('year over year from a previous consolidated workbook given as reference', () => {
  it('gives the same figures as the run holding both years', () => {
    expect(fromReference.evolution?.previous).toEqual({ periode: 2023, origin: { kind: 'reference', file: 'consolidation-2023.xlsx' } });
    expect(fromReference.evolution?.lines).toEqual(both.evolution?.lines);
    expect(fromReference.evolution?.breaks).toEqual(both.evolution?.breaks);
    expect(fromReference.evolution?.warnings).toEqual([]);
    expect(runVerdict(fromReference)).toBe('ok');
  });

  it('writes the same « Évolution » sheet but for the note naming the source', () => {
    const sheetOf = (r: ConsolidationRun) => buildRunWorkbook(r).sheets.find((s) => s.name === 'Évolution')!;
    const a = sheetOf(both);
    const b = sheetOf(fromReference);
    expect(b.cells.filter((c) => c.row !== 2)).toEqual(a.cells.filter((c) => c.row !== 2));
    expect(String(b.cells.find((c) => c.row === 2)!.value)).toContain('« consolidation-2023.xlsx »');
  });

  it('reads the tables by their sheet and headers when the tables themselves were lost', () => {
    const lost: GridWorkbook = { ...previousBook, tables: [] };
    const read = readReference({ file: 'copie.xlsx', book: lost });
    expect(read.ok).toBe(true);
    const fromTables = readReference({ file: 'copie.xlsx', book: previousBook });
    expect(read.ok && fromTables.ok && read.value.years).toEqual(fromTables.ok && fromTables.value.years);
  });

  it('refuses a workbook that is not one of ours, naming the file', async () => {
    const returns = await networkBook(yearRows(2023, false), 'retours.xlsx');
    const run = runConsolidation(runInput([await networkBook(yearRows(2024, true), 'n.xlsx')], { reference: { file: 'retours.xlsx', book: returns } }));
    expect(run.evolution).toBeUndefined();
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatch(/^retours\.xlsx : ce n'est pas un classeur consolidé par Indicateurs IAE/);
    expect(runVerdict(run)).toBe('incomplet');
  });

  it('refuses a consolidation of the same year, naming the file', () => {
    const run = runConsolidation(runInput([], { reference: { file: 'consolidation-2023.xlsx', book: previousBook } }));
    expect(run.problems[0]).toMatch(/^consolidation-2023\.xlsx : /);
    const same = runConsolidation({ ...runInput([]), report: returnsOnly.report, reference: { file: 'consolidation-2023.xlsx', book: previousBook } });
    expect(same.evolution).toBeUndefined();
    expect(same.problems).toEqual([
      "consolidation-2023.xlsx : classeur consolidé de 2023, la même année que les retours (2023) ; la référence doit être la consolidation d'une année antérieure.",
    ]);
  });

  it('leaves a cell that is not a figure blank, naming file, sheet and cell', () => {
    const sheets = previousBook.sheets.map((s) => {
      if (s.name !== 'Par type de SIAE') return s;
      const rows = s.rows.map((r) => (r ? [...r] : r));
      // Row 5 is the region's first row (all kinds, 2023); column E holds the number of people.
      rows[4]![4] = 'beaucoup';
      return { ...s, rows };
    });
    const read = readReference({ file: 'modifie.xlsx', book: { ...previousBook, sheets } });
    expect(read.ok && read.value.warnings).toEqual(["modifie.xlsx, feuille « Par type de SIAE », cellule E5 : « beaucoup » n'est pas un chiffre, laissé vide dans l'évolution."]);
    expect(read.ok && read.value.years[0]!.region.personnes).toBeNull();
  });
});

describe('series breaks', () => {
  it('flags the QPV break (2024) on QPV figures only, when 2023 is compared with 2024', () => {
    const e = both.evolution!;
    expect(e.breaks.map((b) => b.id)).toEqual(['qpv_2024']);
    expect(lineOf(e, null, 'part_residents_qpv').breaks.map((b) => b.id)).toEqual(['qpv_2024']);
    expect(lineOf(e, '93', 'part_residents_qpv').breaks.map((b) => b.id)).toEqual(['qpv_2024']);
    expect(lineOf(e, null, 'part_femmes').breaks).toEqual([]);
    expect(lineOf(e, null, 'etp_realises').breaks).toEqual([]);
    const sheet = buildRunWorkbook(both).sheets.find((s) => s.name === 'Évolution')!;
    const flagged = sheet.cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('Rupture de série : géographie des quartiers prioritaires'));
    expect(flagged).toHaveLength(3);
  });

  it('flags the DSN break (2025) on hours, ETP and people, not QPV, when 2024 is compared with 2025', async () => {
    const run = runConsolidation(runInput([await networkBook(yearRows(2024, false), 'a.xlsx'), await networkBook(yearRows(2025, true), 'b.xlsx')]));
    const e = run.evolution!;
    expect(e.breaks.map((b) => b.id)).toEqual(['dsn_2025']);
    for (const code of ['personnes', 'heures_remunerees', 'etp_realises', 'taux_realisation_etp']) expect(lineOf(e, null, code).breaks.map((b) => b.id)).toEqual(['dsn_2025']);
    expect(lineOf(e, null, 'part_residents_qpv').breaks).toEqual([]);
  });

  it('flags both breaks when 2023 is compared with 2025, and none within the same series', () => {
    const y = (periode: number) => ({ ...yearFiguresOfPeriod(both.result.byPeriod.get(2024)!), periode });
    expect(compareYears(y(2023), y(2025), DEFAULT_SERIES_BREAKS).breaks.map((b) => b.id)).toEqual(['qpv_2024', 'dsn_2025']);
    expect(compareYears(y(2021), y(2023), DEFAULT_SERIES_BREAKS).breaks).toEqual([]);
    expect(compareYears(y(2025), y(2026), DEFAULT_SERIES_BREAKS).breaks).toEqual([]);
  });

  it('takes its breaks from the settings', () => {
    const y = (periode: number) => ({ ...yearFiguresOfPeriod(both.result.byPeriod.get(2024)!), periode });
    const custom = [{ id: 'test', year: 2022, label: 'essai', indicators: ['part_femmes' as const] }];
    const e = compareYears(y(2021), y(2022), custom);
    expect(lineOf(e, null, 'part_femmes').breaks.map((b) => b.id)).toEqual(['test']);
    expect(lineOf(e, null, 'part_residents_qpv').breaks).toEqual([]);
  });
});

describe('the synthesis chart and the JSON', () => {
  it('shows N−1 and N side by side in the ETP chart when two years are compared', () => {
    const chart = buildRunWorkbook(both).sheets[0]!.charts!.find((c) => c.title.startsWith('ETP réalisés par département'))!;
    expect(chart.title).toBe('ETP réalisés par département (2023 et 2024)');
    expect(chart.series.map((s) => s.name)).toEqual(['ETP réalisés 2023', 'ETP réalisés 2024']);
    const single = buildRunWorkbook(singleN).sheets[0]!.charts!.find((c) => c.title.startsWith('ETP réalisés par département'))!;
    expect(single.series.map((s) => s.name)).toEqual(['ETP réalisés']);
  });

  it('gives an « evolution » section', () => {
    const json = runJson(fromReference).evolution!;
    expect(json.annee_precedente).toBe(2023);
    expect(json.annee).toBe(2024);
    expect(json.source_precedente).toEqual({ type: 'reference', fichier: 'consolidation-2023.xlsx' });
    expect(json.ruptures.map((r) => r.id)).toEqual(['qpv_2024']);
    expect(json.lignes.find((l) => l.departement === '93' && l.code === 'part_femmes')).toMatchObject({ nom: 'Seine-Saint-Denis', precedente: 0.4, actuelle: 0.5, evolution: 10, unite: 'points', ruptures: [] });
  });
});

describe('a reference whose region rows were removed', () => {
  it('is refused, naming the file and the sheet', () => {
    const sheets = previousBook.sheets.map((s) => (s.name === 'Par type de SIAE' ? { ...s, rows: s.rows.slice(0, 4) } : s));
    const read = readReference({ file: 'vide.xlsx', book: { ...previousBook, sheets } });
    expect(read).toEqual({
      ok: false,
      message:
        "vide.xlsx, feuille « Par type de SIAE » : aucune ligne « Toutes SIAE » avec une année et des chiffres clés reconnus (colonnes Année, Type de SIAE, Personnes en insertion…) ; il ne peut pas servir de référence pour l'évolution.",
    });
  });
});
