/** Every template read back with the project's xlsx reader: names, validations, protection, tables, metadata. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../scripts/templates.js';
import { cellStyle, cellValue, sheetByName, type GridSheet, type GridWorkbook } from '../../src/core/grid.js';
import {
  INDICATORS_SHEET,
  INSTRUCTIONS_SHEET,
  META_SHEET,
  NAME_REGION_CODE,
  NAME_SCHEMA_VERSION,
  NAME_TEMPLATE_KIND,
  NETWORK_INPUT_ROWS,
  NETWORK_SHEET,
  NETWORK_TABLE,
  PLAN_COLUMNS,
  PLAN_SHEET,
  PLAN_TABLE,
  SENDER_FIELDS,
  SIAE_SHEET,
  siaeInputName,
  STRATEGY_SHEET,
  TEMPLATE_FILES,
  TEMPLATE_KINDS,
  type TemplateKind,
} from '../../src/core/template-layout.js';
import { measurableObjectives, NETWORK_LAYOUT, PLAN_EXAMPLES, PLAN_HEADER_ROW, SIAE_HELPERS, siaeFormLayout } from '../../src/core/templates/index.js';
import { truncate } from '../../src/core/templates/text.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import {
  DERIVED,
  DEFAULT_SETTINGS,
  departementsOfRegion,
  derivedByCode,
  indicatorByCode,
  INDICATORS,
  RULES,
  SCHEMA_VERSION,
  SECTIONS,
  STRATEGY_NODES,
  type IndicatorDef,
} from '../../src/schema/index.js';
import { isUnbounded, locked, namedCell, namedValue, sqrefRanges, validationsAt } from './grid-lookup.js';

const books = {} as Record<TemplateKind, GridWorkbook>;
beforeAll(() => {
  for (const kind of TEMPLATE_KINDS) {
    books[kind] = readXlsx(new Uint8Array(readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind]))), TEMPLATE_FILES[kind]);
  }
});

const sheet = (book: GridWorkbook, name: string): GridSheet => {
  const s = sheetByName(book, name);
  if (!s) throw new Error(`Feuille absente : ${name}`);
  return s;
};
const defs = INDICATORS as readonly IndicatorDef[];
const instructionsText = (book: GridWorkbook) =>
  sheet(book, INSTRUCTIONS_SHEET)
    .rows.flatMap((r) => r ?? [])
    .filter((v): v is string => typeof v === 'string')
    .join('\n');

describe.each(TEMPLATE_KINDS)('template %s, common parts', (kind) => {
  it('opens on the instructions sheet and carries kind, schema version and region in a very hidden sheet', () => {
    const book = books[kind];
    expect(book.sheets[0]!.name).toBe(INSTRUCTIONS_SHEET);
    expect(book.sheets[0]!.visibility).toBe('visible');
    expect(sheet(book, META_SHEET).visibility).toBe('veryHidden');
    expect(namedCell(book, NAME_TEMPLATE_KIND).sheet.name).toBe(META_SHEET);
    expect(namedValue(book, NAME_TEMPLATE_KIND)).toBe(kind);
    expect(namedValue(book, NAME_SCHEMA_VERSION)).toBe(SCHEMA_VERSION);
    expect(namedValue(book, NAME_REGION_CODE)).toBe(DEFAULT_SETTINGS.regionCode);
  });

  it('protects every sheet without a password', () => {
    for (const s of books[kind].sheets) expect(s.protection, `feuille ${s.name}`).toEqual({ password: false });
  });

  it('bounds every validation, keeps its texts within Excel limits, and only covers unlocked cells', () => {
    const book = books[kind];
    for (const s of book.sheets) {
      for (const v of s.validations) {
        expect(isUnbounded(v), `${s.name} ${v.sqref}`).toBe(false);
        expect(v.allowBlank).toBe(true);
        expect(v.promptTitle?.length ?? 0).toBeLessThanOrEqual(32);
        expect(v.prompt?.length ?? 0).toBeLessThanOrEqual(255);
        expect((v.prompt ?? '').length).toBeGreaterThan(0);
        expect(v.error?.length ?? 0).toBeLessThanOrEqual(225);
        for (const r of sqrefRanges(v)) {
          for (let row = r.top; row <= r.bottom; row++) {
            for (let col = r.left; col <= r.right; col++) expect(locked(book, s, row, col), `${s.name} ligne ${row} colonne ${col}`).toBe(false);
          }
        }
      }
    }
  });

  it('explains protection without password and where to send the file', () => {
    const text = instructionsText(books[kind]);
    expect(text).toContain('SANS mot de passe');
    expect(text).toContain('Ôter la protection');
    expect(text).toMatch(/Où envoyer/);
    expect(text).toContain(SCHEMA_VERSION);
  });
});

describe('Modèle SIAE', () => {
  const layout = siaeFormLayout();

  it('names every input cell IAE_<code>, validates it from its value type and leaves it unlocked', () => {
    const book = books.siae;
    for (const def of defs) {
      const c = namedCell(book, siaeInputName(def.code));
      expect(c.sheet.name).toBe(SIAE_SHEET);
      const dvs = validationsAt(c.sheet, c.row, c.col);
      expect(dvs, `validation de ${def.code}`).toHaveLength(1);
      const dv = dvs[0]!;
      expect(dv.promptTitle).toBe(truncate(def.label, 32));
      expect(dv.prompt!.slice(0, 20)).toBe(def.definition.slice(0, 20));
      const expected: Record<IndicatorDef['type'], [string, string | undefined, string | undefined]> = {
        siret: ['textLength', 'equal', '14'],
        texte: ['textLength', 'between', '1'],
        type_siae: ['list', undefined, '"EI,ACI,AI,ETTI,EITI"'],
        departement: ['list', undefined, `"${departementsOfRegion('11').map((d) => d.code).join(',')}"`],
        commune: ['textLength', 'equal', '5'],
        annexe_financiere: ['textLength', 'between', '15'],
        oui_non: ['list', undefined, '"oui,non"'],
        annee: ['whole', 'between', '2000'],
        entier: ['whole', 'greaterThanOrEqual', '0'],
        decimal: ['decimal', 'greaterThanOrEqual', '0'],
      };
      const [type, operator, formula1] = expected[def.type];
      expect([dv.type, dv.operator, dv.formula1], def.code).toEqual([type, operator, formula1]);
      expect(locked(book, c.sheet, c.row, c.col), def.code).toBe(false);
      expect(cellValue(c.sheet, c.row, 1), `libellé de ${def.code}`).toBe(def.label);
      expect(locked(book, c.sheet, c.row, 1)).toBe(true);
      expect(cellValue(c.sheet, c.row, 4)).toBe(def.required ? 'obligatoire' : 'facultatif');
      if (['siret', 'commune', 'departement'].includes(def.type)) expect(cellStyle(book, c.sheet, c.row, c.col).numFmt).toBe('@');
    }
    // Nothing but the inputs is validated on the form.
    expect(sheet(book, SIAE_SHEET).validations).toHaveLength(defs.length);
  });

  it('shows the five sections of the schema in order', () => {
    const s = sheet(books.siae, SIAE_SHEET);
    const labels = s.rows.map((r) => r?.[0]).filter((v): v is string => typeof v === 'string');
    const positions = SECTIONS.map((sec) => labels.indexOf(sec.label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('marks every helper "Calculé", locked and blank until filled, one per derived indicator plus the form helpers', () => {
    const book = books.siae;
    const s = sheet(book, SIAE_SHEET);
    expect(layout.helpers).toHaveLength(SIAE_HELPERS.length);
    for (const d of DERIVED) expect(layout.helpers.some((h) => h.def.key === d.code), d.code).toBe(true);
    for (const h of layout.helpers) {
      expect(cellValue(s, h.row, 1)).toBe(`Calculé : ${h.def.label}`);
      expect(cellValue(s, h.row, 4)).toBe('Calculé');
      expect(locked(book, s, h.row, 2)).toBe(true);
      expect([null, '']).toContain(cellValue(s, h.row, 2));
    }
  });

  it('shows the hours per ETP of each kind from the settings in a locked parameters block', () => {
    const book = books.siae;
    const s = sheet(book, SIAE_SHEET);
    for (const p of layout.paramRows) {
      expect(cellValue(s, p.row, 1)).toBe(p.kind);
      expect(cellValue(s, p.row, 2)).toBe(DEFAULT_SETTINGS.hoursPerEtp[p.kind]);
      expect(locked(book, s, p.row, 2)).toBe(true);
    }
  });

  it('tells what the checks look at: every rule of the schema', () => {
    const text = instructionsText(books.siae);
    for (const r of RULES) expect(text).toContain(r.description);
    expect(text).toContain('jamais 0');
  });
});

describe('Modèle réseau / département', () => {
  const L = NETWORK_LAYOUT;

  it('has the table IAE_Retours: one column per indicator, headed by its label, with the input rows', () => {
    const t = books.reseau.tables.find((x) => x.name === NETWORK_TABLE);
    expect(t?.sheet).toBe(NETWORK_SHEET);
    expect(t?.columns).toEqual(defs.map((d) => d.label));
    expect(t?.ref).toBe(`A${L.headerRow}:AR${L.headerRow + NETWORK_INPUT_ROWS}`);
    expect(defs).toHaveLength(44); // AR is the 44th column
  });

  it('puts the codes in a row above the headers and the sections above them', () => {
    const s = sheet(books.reseau, NETWORK_SHEET);
    defs.forEach((d, i) => expect(cellValue(s, L.codeRow, i + 1)).toBe(d.code));
    const sectionRow = s.rows[L.sectionRow - 1] ?? [];
    for (const sec of SECTIONS) expect(sectionRow).toContain(sec.label);
  });

  it('validates and unlocks each column exactly on the input rows', () => {
    const book = books.reseau;
    const s = sheet(book, NETWORK_SHEET);
    defs.forEach((d, i) => {
      const col = i + 1;
      for (const row of [L.firstDataRow, L.firstDataRow + 500, L.lastDataRow]) {
        expect(validationsAt(s, row, col), `${d.code} ligne ${row}`).toHaveLength(1);
        expect(locked(book, s, row, col)).toBe(false);
      }
      expect(validationsAt(s, L.lastDataRow + 1, col)).toHaveLength(0);
      expect(validationsAt(s, L.headerRow, col)).toHaveLength(0);
      expect(locked(book, s, L.lastDataRow + 1, col)).toBe(true);
      expect(locked(book, s, L.headerRow, col)).toBe(true);
      expect(validationsAt(s, L.firstDataRow, col)[0]!.promptTitle).toBe(truncate(d.label, 32));
    });
  });

  it('names each cell of the sender block, validated and unlocked', () => {
    const book = books.reseau;
    for (const f of SENDER_FIELDS) {
      const c = namedCell(book, f.name);
      expect(c.sheet.name).toBe(NETWORK_SHEET);
      expect(cellValue(c.sheet, c.row, c.col - 1)).toBe(f.label);
      expect(validationsAt(c.sheet, c.row, c.col)).toHaveLength(1);
      expect(locked(book, c.sheet, c.row, c.col)).toBe(false);
      expect(c.row).toBeLessThan(L.sectionRow);
    }
  });

  it('documents every column in the indicators sheet', () => {
    const s = sheet(books.reseau, INDICATORS_SHEET);
    defs.forEach((d, i) => {
      expect(cellValue(s, i + 2, 1)).toBe(d.code);
      expect(cellValue(s, i + 2, 2)).toBe(d.label);
    });
  });
});

describe("Modèle plan d'actions", () => {
  const tableRows = (book: GridWorkbook) => {
    const t = book.tables.find((x) => x.name === PLAN_TABLE)!;
    const s = sheet(book, PLAN_SHEET);
    const [, last] = t.ref.split(':');
    const lastRow = Number(/\d+/.exec(last!)![0]);
    const rows: { row: number; values: Record<string, unknown> }[] = [];
    for (let row = PLAN_HEADER_ROW + 1; row <= lastRow; row++) {
      rows.push({ row, values: Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c.key, cellValue(s, row, i + 1)])) });
    }
    return rows;
  };

  it('has the table IAE_Objectifs with the plan columns', () => {
    const t = books.plan.tables.find((x) => x.name === PLAN_TABLE);
    expect(t?.sheet).toBe(PLAN_SHEET);
    expect(t?.columns).toEqual(PLAN_COLUMNS.map((c) => c.header));
  });

  it('lists the whole strategy tree with its labels', () => {
    const s = sheet(books.plan, STRATEGY_SHEET);
    const rows = s.rows.map((r) => [r?.[0], r?.[1], r?.[2]]);
    for (const n of STRATEGY_NODES) expect(rows, n.code).toContainEqual([n.code, n.level, n.label]);
    expect(STRATEGY_NODES.filter((n) => n.level === 'orientation')).toHaveLength(5);
  });

  it('offers rows for every measurable objective, with its label looked up', () => {
    const rows = tableRows(books.plan);
    for (const n of measurableObjectives()) {
      const mine = rows.filter((r) => r.values.objectif === n.code);
      expect(mine.length, n.code).toBeGreaterThanOrEqual(2);
      for (const r of mine) expect(r.values.libelle_objectif).toBe(n.label);
    }
  });

  it('ships the example targets marked "oui", on schema codes that inform their objective, rates as fractions', () => {
    const book = books.plan;
    const s = sheet(book, PLAN_SHEET);
    const examples = tableRows(book).filter((r) => r.values.exemple === 'oui');
    expect(examples).toHaveLength(PLAN_EXAMPLES.length);
    for (const e of examples) {
      const code = e.values.indicateur as string;
      const def = indicatorByCode(code) ?? derivedByCode(code);
      expect(def, code).toBeDefined();
      expect(def!.objectives).toContain(e.values.objectif);
      expect(['hausse', 'baisse']).toContain(e.values.sens);
      expect(typeof e.values.libelle_indicateur).toBe('string');
      expect(e.values.libelle_indicateur).toBe(def!.label);
      if (derivedByCode(code)?.format === 'pourcentage') {
        expect(e.values.cible as number).toBeLessThanOrEqual(1);
        expect(cellStyle(book, s, e.row, PLAN_COLUMNS.findIndex((c) => c.key === 'cible') + 1).numFmt).toContain('%');
      }
    }
    const women = examples.find((e) => e.values.indicateur === 'part_femmes' && e.values.type_siae === null);
    expect(women?.values).toMatchObject({ perimetre: 'Région', valeur_reference: 0.42, annee_reference: 2013, cible: 0.45, sens: 'hausse' });
  });

  it('validates input columns on the table rows only and locks the looked-up labels', () => {
    const book = books.plan;
    const s = sheet(book, PLAN_SHEET);
    const rows = tableRows(book);
    const first = rows[0]!.row;
    const last = rows[rows.length - 1]!.row;
    PLAN_COLUMNS.forEach((c, i) => {
      const col = i + 1;
      const lookup = c.key.startsWith('libelle_');
      expect(validationsAt(s, first, col), c.key).toHaveLength(lookup ? 0 : 1);
      expect(validationsAt(s, last, col), c.key).toHaveLength(lookup ? 0 : 1);
      expect(validationsAt(s, last + 1, col)).toHaveLength(0);
      expect(locked(book, s, first, col), c.key).toBe(lookup);
    });
  });
});
