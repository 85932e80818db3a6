/**
 * The translation of the rules into spreadsheet formulas, as text: what both programs can read,
 * where the controls sit and that they stay locked. Whether the formulas compute what the
 * validator reports is form-controls.slow.test.ts (LibreOffice recalculates them).
 */
import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../src/core/a1.js';
import { SIAE_SHEET, NETWORK_SHEET } from '../../src/core/template-layout.js';
import { buildNetworkTemplate, buildSiaeTemplate, FORM_COLS, NETWORK_LAYOUT, networkColumn, siaeFormLayout } from '../../src/core/templates/index.js';
import { NETWORK_CONTROLS_COL, ruleName } from '../../src/core/templates/network.js';
import { ruleFormula, ruleFormulas, ruleShortLabel } from '../../src/core/templates/rule-formulas.js';
import { DEFAULT_SETTINGS, INDICATORS, RULES } from '../../src/schema/index.js';

/** Functions Excel and LibreOffice both have, under these English names. */
const SHARED_FUNCTIONS = new Set(['IF', 'AND', 'OR', 'NOT', 'ABS', 'MAX', 'N', 'ISNUMBER', 'COUNT', 'SUM', 'LEN', 'LEFT', 'ROUND']);
const ctx = { settings: DEFAULT_SETTINGS, ref: (code: string) => `${columnLetters(networkColumn(code))}12` };

function functionsOf(formula: string): string[] {
  const outsideStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...outsideStrings.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!);
}

function balanced(formula: string): boolean {
  let depth = 0;
  for (const ch of formula.replace(/"(?:[^"]|"")*"/g, '""')) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('rule formulas', () => {
  it('translates every rule with functions both Excel and LibreOffice have, parentheses balanced', () => {
    const all = ruleFormulas(ctx);
    expect(all.map((f) => f.rule.code)).toEqual(RULES.map((r) => r.code));
    for (const f of all) {
      for (const formula of [f.fails, f.message]) {
        expect(balanced(formula), `${f.rule.code} : ${formula}`).toBe(true);
        for (const fn of functionsOf(formula)) expect(SHARED_FUNCTIONS, `${f.rule.code} : ${fn}`).toContain(fn);
        expect(formula, f.rule.code).not.toMatch(/;|\{|\}/); // ',' separators, no placeholder left
      }
    }
  });

  it('reads exactly the cells of the indicators a rule involves', () => {
    const rule = RULES.find((r) => r.code === 'femmes_au_plus_personnes')!;
    const refs = new Set(ruleFormula(rule, ctx).fails.match(/\b[A-Z]{1,3}12\b/g));
    expect(refs).toEqual(new Set([`${columnLetters(networkColumn('femmes'))}12`, `${columnLetters(networkColumn('personnes'))}12`]));
    const commune = RULES.find((r) => r.kind === 'commune_dans_departement')!;
    expect(ruleFormula(commune, ctx).fails).toContain('"93"'); // the région's départements, from the settings
  });

  it('the message keeps the validator sentence around the values', () => {
    const rule = RULES.find((r) => r.code === 'sorties_au_plus_personnes')!;
    const message = ruleFormula(rule, ctx).message;
    expect(message.startsWith('"Le total des sorties ("&')).toBe(true);
    expect(message).toContain('"&K12&"'.replace('K', columnLetters(networkColumn('personnes'))));
  });

  it('gives each rule its own short label', () => {
    const labels = RULES.map(ruleShortLabel);
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(120);
  });
});

describe('controls in the templates', () => {
  it('the SIAE form has one locked control row per rule, flagged by a conditional format', () => {
    const sheet = buildSiaeTemplate(DEFAULT_SETTINGS).sheets.find((s) => s.name === SIAE_SHEET)!;
    const layout = siaeFormLayout();
    expect(layout.controlRows.map((c) => c.rule.code)).toEqual(RULES.map((r) => r.code));
    for (const { row, rule } of layout.controlRows) {
      const verdict = sheet.cells.find((c) => c.row === row && c.col === FORM_COLS.value)!;
      const message = sheet.cells.find((c) => c.row === row && c.col === FORM_COLS.help)!;
      expect(verdict.formula, rule.code).toContain(ruleFormula(rule, { settings: DEFAULT_SETTINGS, ref: (code) => `$B$${layout.inputs[code as keyof typeof layout.inputs].row}` }).fails);
      expect(message.formula).toBeDefined();
      for (const c of [verdict, message]) expect(c.style?.locked, rule.code).not.toBe(false);
      expect(sheet.conditionalFormats?.some((cf) => cf.range.includes(`B${row}`))).toBe(true);
    }
    // The value a rule points at is flagged too.
    expect(sheet.conditionalFormats?.some((cf) => cf.range === layout.inputs.femmes.address)).toBe(true);
    // Inputs stay unlocked.
    const input = sheet.cells.find((c) => c.row === layout.inputs.personnes.row && c.col === FORM_COLS.value)!;
    expect(input.style?.locked).toBe(false);
  });

  it('the network table has a « Contrôles » column on every input row, outside the table, reading a name per rule', () => {
    const L = NETWORK_LAYOUT;
    const model = buildNetworkTemplate(DEFAULT_SETTINGS);
    const sheet = model.sheets.find((s) => s.name === NETWORK_SHEET)!;
    const col = NETWORK_CONTROLS_COL;
    expect(col).toBe(INDICATORS.length + 1);
    expect(sheet.tables![0]!.columns).toHaveLength(INDICATORS.length);
    expect(sheet.cells.find((c) => c.row === L.headerRow && c.col === col)?.value).toBe('Contrôles (calculés)');
    const summary = sheet.cells.filter((c) => c.col === col && c.formula !== undefined);
    expect(summary.map((c) => c.row)).toEqual(Array.from({ length: L.lastDataRow - L.firstDataRow + 1 }, (_, i) => L.firstDataRow + i));
    for (const c of summary) expect(c.style?.locked).not.toBe(false);
    // One name per rule: its test, column absolute and row relative (the row using it).
    for (const rule of RULES) {
      const name = model.definedNames!.find((n) => n.name === ruleName(rule))!;
      expect(name.ref, rule.code).toBe(ruleFormula(rule, { settings: DEFAULT_SETTINGS, ref: (code) => `'${NETWORK_SHEET}'!$${columnLetters(networkColumn(code))}1` }).fails);
      expect(summary[0]!.formula).toContain(`IF(${ruleName(rule)},`);
    }
    expect(sheet.conditionalFormats?.some((cf) => cf.range.startsWith(`${columnLetters(networkColumn('femmes'))}${L.firstDataRow}:`))).toBe(true);
  });
});
