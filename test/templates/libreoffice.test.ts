/**
 * A second real program: LibreOffice opens every template, converts it to csv and pdf, and
 * recalculates the helper formulas of filled copies to the values the schema computes.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../scripts/templates.js';
import { PLAN_COLUMNS, PLAN_SHEET, SIAE_SHEET, TEMPLATE_FILES, TEMPLATE_KINDS } from '../../src/core/template-layout.js';
import {
  fillSiaeForm,
  HELPER_ETP_FROM_HOURS,
  HELPER_SECTOR_GAP,
  HELPER_SECTOR_TOTAL,
  PLAN_HEADER_ROW,
  planWorkbook,
  siaeFormLayout,
  type TypedReturn,
} from '../../src/core/templates/index.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import {
  DEFAULT_SETTINGS,
  DERIVED,
  derivedByCode,
  derivedValue,
  effectiveNumber,
  indicatorByCode,
  indicatorsOfGroup,
  STRATEGY_NODES,
  sumOf,
  type PartialReturn,
} from '../../src/schema/index.js';
import { validReturn } from '../fixtures/returns.js';
import { PLAN_SAMPLE_ROWS } from '../fixtures/samples.js';
import { convertManyWithLibreOffice, describeWithLibreOffice, recalculatedCsvMany } from '../helpers/libreoffice.js';

const dir = mkdtempSync(join(tmpdir(), 'iae-templates-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LO_TIMEOUT = 900_000;

/** Formula cells lose their cached result: only a real recalculation can give the values. */
function withoutCache(model: WorkbookModel): WorkbookModel {
  return {
    ...model,
    sheets: model.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => {
        if (c.formula === undefined) return c;
        const { value: _dropped, ...rest } = c;
        return rest;
      }),
    })),
  };
}

async function write(name: string, model: WorkbookModel): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await writeWorkbookModel(model));
  return path;
}

/** What the schema's own functions give for a helper of the form ('' when missing). */
function expectedHelper(key: string, ret: PartialReturn): number | string {
  const sectors = indicatorsOfGroup('heures_secteurs').map((i) => i.code);
  const hours = effectiveNumber(ret, 'heures_remunerees');
  if (key === HELPER_ETP_FROM_HOURS) {
    const kind = ret.type_siae as keyof typeof DEFAULT_SETTINGS.hoursPerEtp | undefined;
    return hours !== undefined && kind ? hours / DEFAULT_SETTINGS.hoursPerEtp[kind] : '';
  }
  if (key === HELPER_SECTOR_TOTAL) return sumOf(ret, sectors) ?? '';
  if (key === HELPER_SECTOR_GAP) {
    const total = sumOf(ret, sectors);
    return total !== undefined && hours !== undefined ? total - hours : '';
  }
  const d = derivedByCode(key)!;
  const v = derivedValue(d, sumOf(ret, d.numerator), d.kind === 'ratio' ? sumOf(ret, d.denominator) : undefined);
  return v.status === 'valeur' ? v.value : v.status === 'sans_objet' ? 'sans objet' : '';
}

function toPartial(values: TypedReturn): PartialReturn {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue;
    out[k] = indicatorByCode(k)?.type === 'oui_non' && typeof v === 'string' ? v === 'oui' : v;
  }
  return out as PartialReturn;
}

/** LibreOffice's csv keeps the % of percentage cells (full precision otherwise): "64.2857142857143%". */
function csvNumber(text: string): number {
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

function checkRecalculatedForm(name: string, values: TypedReturn): { key: string; got: string }[] {
  const csv = recalculated.get(formPath(name))!.get(SIAE_SHEET);
  expect(csv, `feuille ${SIAE_SHEET} absente du csv`).toBeDefined();
  const ret = toPartial(values);
  const seen: { key: string; got: string }[] = [];
  for (const h of siaeFormLayout().helpers) {
    const got = csv![h.row - 1]?.[1] ?? '';
    const want = expectedHelper(h.def.key, ret);
    if (typeof want === 'number') expect(csvNumber(got), `${h.def.key} : LibreOffice donne « ${got} »`).toBeCloseTo(want, 9);
    else expect(got, h.def.key).toBe(want);
    seen.push({ key: h.def.key, got });
  }
  return seen;
}

const ACI_VALUES = { ...validReturn() } as TypedReturn;
const GAPS_VALUES: TypedReturn = {
  type_siae: 'EI',
  personnes: 10,
  femmes: null,
  heures_remunerees: 3010,
  heures_nettoyage: 2000, // the split is given: blank sectors count 0
  sorties_emploi_durable: 0,
  sorties_emploi_transition: 0,
  sorties_positives: 0,
  autres_sorties: 0,
  sorties_retirees: 0,
  pmsmp: 'douze',
};
const formPath = (name: string) => join(dir, name);

/** Every conversion of the file, made in beforeAll in three LibreOffice starts (csv, pdf, recalculated csv). */
const templateCsvs = new Map<string, string[]>();
const templatePdfs = new Map<string, string[]>();
let recalculated = new Map<string, Map<string, string[][]>>();

describeWithLibreOffice('templates in LibreOffice', () => {
  beforeAll(async () => {
    const sources = TEMPLATE_KINDS.map((kind) => {
      const src = join(dir, TEMPLATE_FILES[kind]);
      copyFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind]), src);
      return src;
    });
    const forms = [
      await write('siae-aci.xlsx', fillSiaeForm(DEFAULT_SETTINGS, ACI_VALUES, { cacheHelpers: false })),
      await write('siae-lacunes.xlsx', fillSiaeForm(DEFAULT_SETTINGS, GAPS_VALUES, { cacheHelpers: false })),
      await write('plan.xlsx', withoutCache(planWorkbook(DEFAULT_SETTINGS, PLAN_SAMPLE_ROWS))),
    ];
    for (const [src, files] of await convertManyWithLibreOffice(sources, 'csv', join(dir, 'csv'), { timeoutMs: LO_TIMEOUT })) templateCsvs.set(src, files);
    for (const [src, files] of await convertManyWithLibreOffice(sources, 'pdf', join(dir, 'pdf'), { timeoutMs: LO_TIMEOUT })) templatePdfs.set(src, files);
    recalculated = await recalculatedCsvMany(forms, LO_TIMEOUT);
  }, LO_TIMEOUT * 3);

  it.each(TEMPLATE_KINDS)('opens the %s template and converts it to csv and pdf', (kind) => {
    const src = join(dir, TEMPLATE_FILES[kind]);
    const csvs = templateCsvs.get(src)!;
    expect(csvs.length).toBeGreaterThanOrEqual(3);
    expect(csvs.map((f) => readFileSync(f, 'utf8')).join('\n')).toContain("Mode d'emploi");
    const [pdf] = templatePdfs.get(src)!;
    expect(readFileSync(pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf!).size).toBeGreaterThan(5000);
  }, LO_TIMEOUT);

  it('recalculates the helpers of a filled ACI form to the schema values (ETP = hours / 1 820)', () => {
    const values = ACI_VALUES;
    const seen = checkRecalculatedForm('siae-aci.xlsx', values);
    const got = (key: string) => csvNumber(seen.find((s) => s.key === key)!.got);
    expect(got(HELPER_ETP_FROM_HOURS)).toBeCloseTo(18200 / 1820, 9);
    expect(got('part_femmes')).toBeCloseTo(12 / 30, 9);
    expect(got('taux_sorties_dynamiques')).toBeCloseTo(9 / 14, 9);
    expect(got('taux_realisation_etp')).toBeCloseTo(10 / 10.5, 9);
    expect(got(HELPER_SECTOR_GAP)).toBe(0);
    // Every derived indicator has a value on a complete return.
    for (const d of DERIVED) expect(seen.find((s) => s.key === d.code)!.got, d.code).not.toBe('');
  }, LO_TIMEOUT);

  it('leaves helpers blank when an operand is missing and says "sans objet" for a rate over 0', () => {
    const values = GAPS_VALUES;
    const seen = checkRecalculatedForm('siae-lacunes.xlsx', values);
    const got = (key: string) => seen.find((s) => s.key === key)!.got;
    expect(csvNumber(got(HELPER_ETP_FROM_HOURS))).toBeCloseTo(2, 9); // 3 010 h / 1 505 h
    expect(got('part_femmes')).toBe('');
    expect(got('taux_realisation_etp')).toBe('');
    expect(got('pmsmp_par_personne')).toBe('');
    expect(got('taux_sorties_dynamiques')).toBe('sans objet');
    expect(csvNumber(got('part_heures_btp'))).toBe(0);
    expect(csvNumber(got(HELPER_SECTOR_GAP))).toBe(-1010);
  }, LO_TIMEOUT);

  it('looks up the labels of objectives and indicators in a filled plan', () => {
    const csv = recalculated.get(formPath('plan.xlsx'))!.get(PLAN_SHEET)!;
    const col = (key: string) => PLAN_COLUMNS.findIndex((c) => c.key === key);
    PLAN_SAMPLE_ROWS.forEach((r, i) => {
      const line = csv[PLAN_HEADER_ROW + i]!;
      expect(line[col('libelle_objectif')]).toBe(STRATEGY_NODES.find((n) => n.code === r.objectif)!.label);
      expect(line[col('libelle_indicateur')]).toBe((indicatorByCode(r.indicateur!) ?? derivedByCode(r.indicateur!))!.label);
    });
  }, LO_TIMEOUT);
});
