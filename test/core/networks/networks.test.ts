/**
 * Per network (« Par réseau ») and « Données », on real xlsx files (our templates, filled, written
 * and read back by the project's reader): the network of each return (référentiel by SIRET,
 * else by annexe, else the network table's sender, a CDIAE naming no network), exact figures
 * per network on a hand-built case, and every aggregate of « Par département » rebuilt from
 * the « Données » table of the written workbook.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Referentiel } from '../../../src/core/campaign/index.js';
import { SHEET_DEPARTEMENTS, SHEET_DONNEES, SHEET_PAR_RESEAU, TABLE_DONNEES } from '../../../src/core/consolidated-workbook/index.js';
import { generateDemoRegion } from '../../../src/core/demo/index.js';
import { cellValue, sheetByName, type CellValue, type GridWorkbook } from '../../../src/core/grid.js';
import { NO_NETWORK } from '../../../src/core/networks/index.js';
import { buildRunWorkbook, runConsolidation, runJson, type ConsolidationRun } from '../../../src/core/run/index.js';
import { fillNetworkTable, fillSiaeForm, type SenderValues, type TypedReturn } from '../../../src/core/templates/index.js';
import { ValidationRun } from '../../../src/core/validate/run.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, INDICATORS, SUMMED_INDICATORS, type IndicatorDef } from '../../../src/schema/index.js';
import { validReturn } from '../../fixtures/returns.js';
import { siretOf } from '../consolidate/arbitraries.js';

async function networkBook(name: string, sender: SenderValues, rows: readonly TypedReturn[]): Promise<GridWorkbook> {
  return readXlsx(await writeWorkbookModel(fillNetworkTable(DEFAULT_SETTINGS, sender, rows)), name);
}

async function formBook(name: string, values: TypedReturn): Promise<GridWorkbook> {
  return readXlsx(await writeWorkbookModel(fillSiaeForm(DEFAULT_SETTINGS, values, { cacheHelpers: true })), name);
}

function runOf(books: readonly GridWorkbook[], referentiel?: Referentiel): ConsolidationRun {
  const v = new ValidationRun();
  for (const b of books) v.addWorkbook(b);
  return runConsolidation({ report: v.finish(), ...(referentiel ? { referentiel } : {}) });
}

/** A header → column map of the one table of a sheet, and its data rows. */
function tableOf(book: GridWorkbook, tableName: string): { sheet: string; col: Map<string, number>; rows: number[] } {
  const t = book.tables.find((x) => x.name === tableName);
  expect(t, `table ${tableName}`).toBeDefined();
  const [from, to] = t!.ref.split(':') as [string, string];
  const top = Number(/\d+/.exec(from)![0]);
  const bottom = Number(/\d+/.exec(to)![0]);
  const sheet = sheetByName(book, t!.sheet)!;
  const col = new Map<string, number>();
  for (let c = 1; c <= 200; c++) {
    const h = cellValue(sheet, top, c);
    if (typeof h === 'string') col.set(h, c);
  }
  return { sheet: t!.sheet, col, rows: Array.from({ length: bottom - top }, (_, i) => top + 1 + i) };
}

// Five SIAE, values chosen by hand (validReturn satisfies every rule; a few figures changed).
const S = [1, 2, 3, 4, 5].map((n) => siretOf(n));
const siae = (n: number, over: Record<string, string | number | boolean>): TypedReturn => ({ ...validReturn(), siret: S[n - 1]!, raison_sociale: `SIAE ${n}`, ...over });
const V1 = siae(1, {});
const V2 = siae(2, { personnes: 40, sorties_positives: 4 });
const V3 = siae(3, { departement: '75', commune_insee: '75056', personnes: 50, femmes: 25, annexe_financiere: 'ACI075250003A0M1' });
const V4 = siae(4, { departement: '75', commune_insee: '75056', personnes: 20 });
const V5 = siae(5, { departement: '94', commune_insee: '94028', personnes: 60, femmes: 30, annexe_financiere: 'ACI094250005A1M2' });

const referentiel: Referentiel = {
  file: 'referentiel.xlsx',
  origin: 'modele',
  periode: 2025,
  entries: [
    { siret: S[0]!, nom: 'SIAE 1', kind: 'ACI', departement: '93', reseau: 'Chantier école', source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 5 } },
    { siret: S[2]!, nom: 'SIAE 3', kind: 'ACI', departement: '75', reseau: 'Coorace', source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 6 } },
    // Found by its annexe financière (short form), its SIRET here being another one; the same network spelled otherwise.
    { siret: siretOf(99), annexe: 'ACI094250005', nom: 'SIAE 5', kind: 'ACI', departement: '94', reseau: 'COORACE ', source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 7 } },
  ],
  issues: [],
};

describe('per network: the network of each return and exact figures', () => {
  let run: ConsolidationRun;
  beforeAll(async () => {
    const books = [
      await networkBook('chantier.xlsx', { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: 'Chantier école', IAE_EMETTEUR_ANNEE: 2025 }, [V1, V2]),
      await networkBook('cdiae-75.xlsx', { IAE_EMETTEUR_TYPE: 'CDIAE', IAE_EMETTEUR_NOM: 'CDIAE de Paris', IAE_EMETTEUR_DEPARTEMENT: '75', IAE_EMETTEUR_ANNEE: 2025 }, [V3, V4]),
      await formBook('siae-5.xlsx', V5),
    ];
    run = runOf(books, referentiel);
  }, 120_000);

  it('takes the référentiel (SIRET, else annexe), else the sender of a network table; a CDIAE names no network', () => {
    expect(run.counts.kept).toBe(5);
    const bySiret = new Map(run.result.kept.map((r, i) => [r.values.siret, run.networks.ofKept[i]!]));
    expect(bySiret.get(S[0])).toEqual({ reseau: 'Chantier école', origin: 'referentiel' });
    expect(bySiret.get(S[1])).toEqual({ reseau: 'Chantier école', origin: 'emetteur' });
    expect(bySiret.get(S[2])).toEqual({ reseau: 'Coorace', origin: 'referentiel' });
    expect(bySiret.get(S[3])).toEqual({ reseau: NO_NETWORK, origin: 'aucune' });
    expect(bySiret.get(S[4])).toEqual({ reseau: 'COORACE', origin: 'referentiel' });
  });

  it('sums each network exactly, beside the region (spellings of one network are one network)', () => {
    const [p] = run.networks.figures.periods;
    expect(p!.periode).toBe(2025);
    expect(p!.region.siaeCount).toBe(5);
    const names = p!.networks.map((n) => n.reseau);
    expect(names).toEqual(['Chantier école', 'Coorace', NO_NETWORK]);
    const json = runJson(run).reseaux['2025']!;
    expect(Object.keys(json.reseaux)).toEqual(names);
    const chantier = json.reseaux['Chantier école']!;
    expect(chantier.nombre_siae).toBe(2);
    expect(chantier.personnes).toBe(70);
    expect(chantier.femmes).toBe(24);
    expect(chantier.etp_realises).toBe(20);
    expect(chantier.part_femmes).toBeCloseTo(24 / 70, 12);
    // Exits examined: 3 + 4 + 2 + 5 = 14 and 3 + 4 + 4 + 5 = 16; dynamic: 9 and 11.
    expect(chantier.taux_sorties_dynamiques).toBeCloseTo(20 / 30, 12);
    const coorace = json.reseaux.Coorace!;
    expect(coorace.nombre_siae).toBe(2);
    expect(coorace.personnes).toBe(110);
    expect(coorace.femmes).toBe(55);
    expect(coorace.part_femmes).toBeCloseTo(0.5, 12);
    const none = json.reseaux[NO_NETWORK]!;
    expect(none.nombre_siae).toBe(1);
    expect(none.personnes).toBe(20);
    expect(json.region.personnes).toBe(200);
    expect(json.region.nombre_siae).toBe(5);
  });

  it('writes « Par réseau »: the region then each network, with its share of the region', async () => {
    const book = readXlsx(await writeWorkbookModel(buildRunWorkbook(run)), 'consolidation.xlsx');
    const t = tableOf(book, 'IAE_Par_reseau');
    expect(t.sheet).toBe(SHEET_PAR_RESEAU);
    const sheet = sheetByName(book, SHEET_PAR_RESEAU)!;
    const at = (row: number, header: string): CellValue => cellValue(sheet, row, t.col.get(header)!);
    expect(t.rows.map((r) => at(r, 'Réseau'))).toEqual(['Région (toutes les SIAE)', 'Chantier école', 'Coorace', NO_NETWORK]);
    expect(t.rows.map((r) => at(r, 'Personnes en insertion'))).toEqual([200, 70, 110, 20]);
    expect(t.rows.map((r) => at(r, 'Nombre de SIAE'))).toEqual([5, 2, 2, 1]);
    expect(t.rows.map((r) => at(r, 'Part des SIAE de la région'))).toEqual([null, 0.4, 0.4, 0.2]);
    expect(t.rows.map((r) => at(r, 'Part des personnes de la région'))).toEqual([null, 0.35, 0.55, 0.1]);
  });

  it('leaves « Par réseau » out when no return has a known network, and keeps « Données »', async () => {
    const bare = runOf([await formBook('siae-4.xlsx', V4)]);
    const names = buildRunWorkbook(bare).sheets.map((s) => s.name);
    expect(names).not.toContain(SHEET_PAR_RESEAU);
    expect(names).toContain(SHEET_DONNEES);
    expect(runJson(bare).reseaux['2025']!.reseaux[NO_NETWORK]!.personnes).toBe(20);
  });

  it('« Données »: one row per retained return, with file, sheet, row, network; numbers as numbers, text as text', async () => {
    const book = readXlsx(await writeWorkbookModel(buildRunWorkbook(run)), 'consolidation.xlsx');
    const t = tableOf(book, TABLE_DONNEES);
    const sheet = sheetByName(book, SHEET_DONNEES)!;
    const at = (row: number, header: string): CellValue => cellValue(sheet, row, t.col.get(header)!);
    // The spec's columns, every indicator of the schema under its label, in its order.
    const labels = (INDICATORS as readonly IndicatorDef[]).map((d) => d.label);
    expect([...t.col.keys()]).toEqual(['Fichier', 'Feuille', 'Ligne', 'Réseau', ...labels]);
    expect(t.rows).toHaveLength(5);
    const row = t.rows.find((r) => at(r, 'SIRET') === S[1])!;
    expect(at(row, 'Fichier')).toBe('chantier.xlsx');
    expect(typeof at(row, 'Ligne')).toBe('number');
    expect(at(row, 'Réseau')).toBe('Chantier école');
    expect(at(row, 'Personnes en insertion')).toBe(40);
    expect(at(row, 'Département')).toBe('93');
    const form = t.rows.find((r) => at(r, 'SIRET') === S[4])!;
    expect(at(form, 'Fichier')).toBe('siae-5.xlsx');
    expect(at(form, 'Ligne')).toBeNull();
    expect(at(form, 'Réseau')).toBe('COORACE');
  });
});

describe('text from the files stays text', () => {
  it('a network named like a formula, and a name like a formula, read back as the same text', async () => {
    const name = '=HYPERLINK("http://exemple.org";"clic")';
    const run = runOf([await networkBook('f.xlsx', { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: name, IAE_EMETTEUR_ANNEE: 2025 }, [siae(1, { raison_sociale: '=1+1' })])]);
    const book = readXlsx(await writeWorkbookModel(buildRunWorkbook(run)), 'consolidation.xlsx');
    const n = tableOf(book, 'IAE_Par_reseau');
    const ns = sheetByName(book, SHEET_PAR_RESEAU)!;
    expect(n.rows.map((r) => cellValue(ns, r, n.col.get('Réseau')!))).toEqual(['Région (toutes les SIAE)', name]);
    const d = tableOf(book, TABLE_DONNEES);
    const ds = sheetByName(book, SHEET_DONNEES)!;
    expect(cellValue(ds, d.rows[0]!, d.col.get('Réseau')!)).toBe(name);
    expect(cellValue(ds, d.rows[0]!, d.col.get('Raison sociale')!)).toBe('=1+1');
  }, 120_000);
});

describe('« Données » rebuilds « Par département »', () => {
  it('sums of each indicator column by département equal the written « Par département » figures', async () => {
    // 90 SIAE of the demo region (their own values, every rule satisfied) in three network tables.
    const demo = generateDemoRegion().siae.slice(0, 90);
    const books = await Promise.all(
      [0, 1, 2].map((k) =>
        networkBook(
          `reseau-${k}.xlsx`,
          { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: `Réseau ${k}`, IAE_EMETTEUR_ANNEE: demo[0]!.values.annee as number },
          demo.filter((_, i) => i % 3 === k).map((s) => s.values as TypedReturn),
        ),
      ),
    );
    const run = runOf(books);
    expect(run.counts.kept).toBe(90);
    const book = readXlsx(await writeWorkbookModel(buildRunWorkbook(run)), 'consolidation.xlsx');

    const d = tableOf(book, TABLE_DONNEES);
    const ds = sheetByName(book, SHEET_DONNEES)!;
    const summed = SUMMED_INDICATORS.filter((i) => d.col.has(i.label));
    expect(summed.length).toBe(SUMMED_INDICATORS.length);
    const rebuilt = new Map<string, { siae: number; sums: Map<string, number> }>();
    for (const r of d.rows) {
      const dep = cellValue(ds, r, d.col.get('Département')!) as string;
      let g = rebuilt.get(dep);
      if (!g) rebuilt.set(dep, (g = { siae: 0, sums: new Map() }));
      g.siae++;
      for (const i of summed) {
        const v = cellValue(ds, r, d.col.get(i.label)!);
        if (v !== null) expect(typeof v, `${i.label} ligne ${r}`).toBe('number');
        g.sums.set(i.code, (g.sums.get(i.code) ?? 0) + ((v as number | null) ?? 0));
      }
    }

    const p = tableOf(book, 'IAE_Par_departement');
    expect(p.sheet).toBe(SHEET_DEPARTEMENTS);
    const ps = sheetByName(book, SHEET_DEPARTEMENTS)!;
    const allKinds = p.rows.filter((r) => cellValue(ps, r, p.col.get('Type de SIAE')!) === 'Toutes SIAE');
    expect(allKinds.length).toBe(rebuilt.size);
    let compared = 0;
    for (const r of allKinds) {
      const dep = String(cellValue(ps, r, p.col.get('Département')!));
      const g = rebuilt.get(dep)!;
      expect(g, dep).toBeDefined();
      expect(cellValue(ps, r, p.col.get('Nombre de SIAE')!)).toBe(g.siae);
      // Every summed figure the sheet shows (its key figures that are sums).
      for (const i of summed) {
        const c = p.col.get(i.label);
        if (c === undefined) continue;
        const shown = cellValue(ps, r, c);
        expect(shown, `${dep} ${i.label}`).not.toBeNull();
        expect(Math.abs((shown as number) - g.sums.get(i.code)!), `${dep} ${i.label}`).toBeLessThan(1e-6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(allKinds.length * 3);

    // The same table rebuilds « Par réseau »: SIAE and people by the « Réseau » column.
    const byNetwork = new Map<string, { siae: number; personnes: number }>();
    for (const r of d.rows) {
      const name = cellValue(ds, r, d.col.get('Réseau')!) as string;
      const g = byNetwork.get(name) ?? { siae: 0, personnes: 0 };
      g.siae++;
      g.personnes += cellValue(ds, r, d.col.get('Personnes en insertion')!) as number;
      byNetwork.set(name, g);
    }
    const n = tableOf(book, 'IAE_Par_reseau');
    const ns = sheetByName(book, SHEET_PAR_RESEAU)!;
    const networkRows = n.rows.filter((r) => cellValue(ns, r, n.col.get('Réseau')!) !== 'Région (toutes les SIAE)');
    expect(networkRows.map((r) => cellValue(ns, r, n.col.get('Réseau')!))).toEqual(['Réseau 0', 'Réseau 1', 'Réseau 2']);
    for (const r of networkRows) {
      const g = byNetwork.get(cellValue(ns, r, n.col.get('Réseau')!) as string)!;
      expect(cellValue(ns, r, n.col.get('Nombre de SIAE')!)).toBe(g.siae);
      expect(cellValue(ns, r, n.col.get('Personnes en insertion')!)).toBe(g.personnes);
    }
  }, 120_000);

  it('networks add up to the region, indicator by indicator', async () => {
    const demo = generateDemoRegion().siae.slice(0, 40);
    const annee = demo[0]!.values.annee as number;
    const books = [
      await networkBook('a.xlsx', { IAE_EMETTEUR_TYPE: 'Réseau', IAE_EMETTEUR_NOM: 'A', IAE_EMETTEUR_ANNEE: annee }, demo.slice(0, 15).map((s) => s.values as TypedReturn)),
      await networkBook('b.xlsx', { IAE_EMETTEUR_TYPE: 'CDIAE', IAE_EMETTEUR_NOM: 'B', IAE_EMETTEUR_ANNEE: annee }, demo.slice(15).map((s) => s.values as TypedReturn)),
    ];
    const run = runOf(books);
    const p = run.networks.figures.periods[0]!;
    expect(p.networks.map((x) => x.reseau)).toEqual(['A', NO_NETWORK]);
    for (const i of SUMMED_INDICATORS) {
      const parts = p.networks.map((x) => x.group.sums[i.code]!);
      const region = p.region.sums[i.code]!;
      expect(parts.reduce((c, x) => c + x.count, 0), i.code).toBe(region.count);
      if (region.value !== undefined) expect(parts.reduce((t, x) => t + (x.value ?? 0), 0), i.code).toBeCloseTo(region.value, 6);
    }
  }, 120_000);
});
