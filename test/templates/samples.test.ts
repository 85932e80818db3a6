/** The filled samples handed to the validation and consolidation work: what they hold, read back from the files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellValue, sheetByName } from '../../src/core/grid.js';
import { NAME_TEMPLATE_KIND, NETWORK_SHEET, NETWORK_TABLE, PLAN_COLUMNS, PLAN_SHEET, siaeInputName, SIAE_SHEET } from '../../src/core/template-layout.js';
import { asPartialReturn, NETWORK_LAYOUT, networkColumn, PLAN_HEADER_ROW, siaeFormLayout } from '../../src/core/templates/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { DEFAULT_SETTINGS, evaluateRules, fieldSchema, indicatorByCode, makeReturnSchema, SIAE_KINDS, type IndicatorDef } from '../../src/schema/index.js';
import {
  NETWORK_INVALID_ROWS,
  NETWORK_SAMPLE_ROWS,
  networkInvalidSample,
  networkValidSample,
  PLAN_SAMPLE_ROWS,
  planSample,
  SIAE_INVALID_EXPECTED,
  SIAE_INVALID_VALUES,
  SIAE_VALID_VALUES,
  siaeInvalidSample,
  siaeValidSample,
  staleSamples,
} from '../fixtures/samples.js';
import { namedCell, namedValue } from './grid-lookup.js';

const read = (path: string) => readXlsx(new Uint8Array(readFileSync(path)), path);
const schema = makeReturnSchema(DEFAULT_SETTINGS);
/** How a typed value reads back from its cell: oui / non for booleans. */
const asCell = (v: unknown) => (typeof v === 'boolean' ? (v ? 'oui' : 'non') : v);

/** Rule errors and failing fields of a typed return, as the schema sees them. */
function problems(values: Record<string, unknown>) {
  const rules = evaluateRules(asPartialReturn(values as never), DEFAULT_SETTINGS).filter((v) => v.severity === 'erreur');
  const fields: string[] = [];
  for (const [code, v] of Object.entries(values)) {
    const def = indicatorByCode(code) as IndicatorDef;
    const value = v === null ? undefined : def.type === 'oui_non' && typeof v === 'string' ? v === 'oui' : v;
    if (!fieldSchema(def, DEFAULT_SETTINGS).safeParse(value).success) fields.push(code);
  }
  return { rules: rules.map((r) => `${r.rule}@${r.field}`).sort(), fields: fields.sort() };
}

describe('SIAE samples', () => {
  it('the valid form is a valid return, without any warning', () => {
    const ret = asPartialReturn(SIAE_VALID_VALUES);
    expect(schema.safeParse(ret).success).toBe(true);
    expect(evaluateRules(ret, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('the valid form reads back through its names, with the helpers cached', async () => {
    const book = read(await siaeValidSample());
    expect(namedValue(book, NAME_TEMPLATE_KIND)).toBe('siae');
    for (const [code, v] of Object.entries(SIAE_VALID_VALUES)) expect(namedValue(book, siaeInputName(code)), code).toBe(asCell(v));
    const s = sheetByName(book, SIAE_SHEET)!;
    const ret = asPartialReturn(SIAE_VALID_VALUES);
    for (const h of siaeFormLayout().helpers) expect(cellValue(s, h.row, 2), h.def.key).toBe(h.def.evaluate(ret, DEFAULT_SETTINGS));
  });

  it('the form with errors holds exactly the announced errors', async () => {
    const { path, expected } = await siaeInvalidSample();
    const { rules, fields } = problems(SIAE_INVALID_VALUES as Record<string, unknown>);
    expect(rules).toEqual(expected.filter((e) => e.rule).map((e) => `${e.rule}@${e.indicator}`).sort());
    expect(fields).toEqual(expected.filter((e) => !e.rule).map((e) => e.indicator).sort());
    const book = read(path);
    for (const e of SIAE_INVALID_EXPECTED) expect(namedCell(book, siaeInputName(e.indicator!)).address).toBe(e.cell);
    expect(namedValue(book, siaeInputName('siret'))).toBe('44212345000012');
    expect(namedValue(book, siaeInputName('pmsmp'))).toBe('douze');
    expect(namedValue(book, siaeInputName('raison_sociale'))).toBeNull();
  });
});

describe('network samples', () => {
  it('20 valid rows over every kind and several départements, without any warning', () => {
    expect(NETWORK_SAMPLE_ROWS).toHaveLength(20);
    expect(new Set(NETWORK_SAMPLE_ROWS.map((r) => r.type_siae))).toEqual(new Set(SIAE_KINDS));
    expect(new Set(NETWORK_SAMPLE_ROWS.map((r) => r.departement)).size).toBe(8);
    expect(new Set(NETWORK_SAMPLE_ROWS.map((r) => r.siret)).size).toBe(20);
    for (const r of NETWORK_SAMPLE_ROWS) {
      expect(schema.safeParse(r).success, r.raison_sociale).toBe(true);
      expect(evaluateRules(r, DEFAULT_SETTINGS), r.raison_sociale).toEqual([]);
    }
  });

  it('the valid table reads back row by row in the table', async () => {
    const book = read(await networkValidSample());
    const s = sheetByName(book, NETWORK_SHEET)!;
    expect(book.tables.find((t) => t.name === NETWORK_TABLE)).toBeDefined();
    NETWORK_SAMPLE_ROWS.forEach((r, i) => {
      for (const [code, v] of Object.entries(r)) expect(cellValue(s, NETWORK_LAYOUT.firstDataRow + i, networkColumn(code)), `${i} ${code}`).toBe(asCell(v));
    });
    expect(cellValue(s, NETWORK_LAYOUT.firstDataRow + 20, 1)).toBeNull();
    expect(namedValue(book, 'IAE_EMETTEUR_TYPE')).toBe('Réseau');
  });

  it('the table with errors holds exactly the announced errors', async () => {
    const { path, expected } = await networkInvalidSample();
    const book = read(path);
    const s = sheetByName(book, NETWORK_SHEET)!;
    NETWORK_INVALID_ROWS.forEach((r, i) => {
      const row = NETWORK_LAYOUT.firstDataRow + i;
      const mine = expected.filter((e) => e.row === row);
      if (r === null) {
        expect(mine.map((e) => e.code)).toEqual(['blank-row']);
        expect((s.rows[row - 1] ?? []).every((v) => v === null || v === undefined)).toBe(true);
        return;
      }
      const { rules, fields } = problems(r as Record<string, unknown>);
      expect(rules, `ligne ${row}`).toEqual(mine.filter((e) => e.rule).map((e) => `${e.rule}@${e.indicator}`).sort());
      expect(fields, `ligne ${row}`).toEqual(mine.filter((e) => !e.rule && e.code !== 'duplicate-row').map((e) => e.indicator).sort());
    });
    const dup = expected.find((e) => e.code === 'duplicate-row')!;
    expect(cellValue(s, dup.row!, networkColumn('siret'))).toBe(NETWORK_SAMPLE_ROWS[0]!.siret);
  });
});

describe('plan sample', () => {
  it('reads back its rows with the examples replaced', async () => {
    const book = read(await planSample());
    const s = sheetByName(book, PLAN_SHEET)!;
    PLAN_SAMPLE_ROWS.forEach((r, i) => {
      PLAN_COLUMNS.forEach((c, j) => {
        const v = r[c.key as keyof typeof r];
        if (v !== undefined) expect(cellValue(s, PLAN_HEADER_ROW + 1 + i, j + 1), `${i} ${c.key}`).toBe(v);
      });
    });
    const exampleCol = PLAN_COLUMNS.findIndex((c) => c.key === 'exemple') + 1;
    expect(s.rows.some((row) => row?.[exampleCol - 1] === 'oui')).toBe(false);
  });
});

describe('the committed samples', () => {
  it('are kept in test/fixtures/samples and up to date with the code (npm run fixtures)', async () => {
    await Promise.all([siaeValidSample(), siaeInvalidSample(), networkValidSample(), networkInvalidSample(), planSample()]);
    expect(staleSamples(), 'échantillons périmés : lancez npm run fixtures').toEqual([]);
  });
});
