/**
 * Forms that check themselves: the SIAE form's control rows and the network table's control
 * columns, recalculated by LibreOffice, flag exactly the rule findings of the validator on the
 * same file — rule by rule, cell by cell — on the committed samples and on random fills.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toA1 } from '../../src/core/a1.js';
import { NETWORK_SHEET, SIAE_SHEET } from '../../src/core/template-layout.js';
import { fillNetworkTable, fillSiaeForm, FORM_COLS, NETWORK_LAYOUT, networkColumn, siaeFormLayout, type TypedReturn } from '../../src/core/templates/index.js';
import { controlLabel, NETWORK_CONTROLS_COL } from '../../src/core/templates/network.js';
import { severityWord } from '../../src/core/templates/rule-formulas.js';
import { validateXlsxBytes } from '../../src/hosts/xlsx/validate-bytes.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, RULES } from '../../src/schema/index.js';
import { networkInvalidSample, networkValidSample, NETWORK_SAMPLE_SENDER, siaeInvalidSample, siaeValidSample, withLuhnKey } from '../fixtures/samples.js';
import { describeWithLibreOffice, recalculatedCsvMany } from '../helpers/libreoffice.js';
import { randomReturns } from './random-returns.js';

const dir = mkdtempSync(join(tmpdir(), 'iae-form-controls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LO_TIMEOUT = 900_000;

/** The validator's rule findings on a file: "rule@cell". */
function ruleFindings(path: string): string[] {
  const report = validateXlsxBytes([{ name: 'f.xlsx', bytes: new Uint8Array(readFileSync(path)) }], { maxIssuesPerFile: 100_000 });
  return report.files
    .flatMap((f) => f.issues)
    .filter((i) => i.code === 'rule-violation')
    .map((i) => `${i.rule}@${i.cell}`)
    .sort();
}

async function writeModel(name: string, model: Parameters<typeof writeWorkbookModel>[0]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await writeWorkbookModel(model));
  return path;
}

/** Every file of this test file recalculated by LibreOffice, in one start (beforeAll). */
let recalculated = new Map<string, Map<string, string[][]>>();

/** The SIAE form's own flags after LibreOffice recalculated it: "rule@cell of the rule's field". */
function formFlags(path: string): string[] {
  const csv = recalculated.get(path)!.get(SIAE_SHEET);
  expect(csv, `feuille ${SIAE_SHEET} absente du csv`).toBeDefined();
  const layout = siaeFormLayout();
  const flags: string[] = [];
  for (const { row, rule } of layout.controlRows) {
    const verdict = csv![row - 1]?.[FORM_COLS.value - 1] ?? '';
    const message = csv![row - 1]?.[FORM_COLS.help - 1] ?? '';
    expect(['', severityWord(rule)], `${rule.code} : verdict « ${verdict} »`).toContain(verdict);
    // The message is the validator's sentence (its numbers as the spreadsheet writes them).
    expect(message === '', `${rule.code} : message « ${message} »`).toBe(verdict === '');
    if (verdict) {
      expect(message.startsWith(rule.message.split('{')[0]!), `${rule.code} : « ${message} »`).toBe(true);
      flags.push(`${rule.code}@${layout.inputs[rule.field].address}`);
    }
  }
  return flags.sort();
}

/** The network table's flags: the rules its « Contrôles » cell lists on each row, at the cell of the rule's field. */
function tableFlags(path: string): string[] {
  const csv = recalculated.get(path)!.get(NETWORK_SHEET);
  expect(csv, `feuille ${NETWORK_SHEET} absente du csv`).toBeDefined();
  const L = NETWORK_LAYOUT;
  const byLabel = new Map(RULES.map((r) => [controlLabel(r), r]));
  const flags: string[] = [];
  for (let row = L.firstDataRow; row <= L.lastDataRow; row++) {
    const summary = csv![row - 1]?.[NETWORK_CONTROLS_COL - 1] ?? '';
    if (summary === '') continue;
    for (const label of summary.split(' ; ')) {
      const rule = byLabel.get(label);
      expect(rule, `ligne ${row} : « ${label} » n'est le libellé d'aucune règle`).toBeDefined();
      flags.push(`${rule!.code}@${toA1(row, networkColumn(rule!.field))}`);
    }
  }
  return flags.sort();
}

/** Rules seen failing over all the files of a test: random fills must exercise every one. */
function failingRules(findings: readonly string[]): Set<string> {
  return new Set(findings.map((f) => f.split('@')[0]!));
}

const RANDOM_SIAE = randomReturns(20261201, 4);
const randomSiaePath = (i: number) => join(dir, `siae-aleatoire-${i}.xlsx`);
const RANDOM_NETWORK_PATH = join(dir, 'reseau-aleatoire.xlsx');

describeWithLibreOffice('forms that check themselves (LibreOffice recalculation)', () => {
  beforeAll(async () => {
    for (const [i, values] of RANDOM_SIAE.entries()) await writeModel(`siae-aleatoire-${i}.xlsx`, fillSiaeForm(DEFAULT_SETTINGS, values, { cacheHelpers: false }));
    const rows = randomReturns(7, 300).map((r, i): TypedReturn => ({ ...r, siret: withLuhnKey(`5521234${String(i).padStart(6, '0')}`) }));
    await writeModel('reseau-aleatoire.xlsx', fillNetworkTable(DEFAULT_SETTINGS, NETWORK_SAMPLE_SENDER, rows));
    const files = [
      await siaeValidSample(),
      (await siaeInvalidSample()).path,
      ...RANDOM_SIAE.map((_, i) => randomSiaePath(i)),
      await networkValidSample(),
      (await networkInvalidSample()).path,
      RANDOM_NETWORK_PATH,
    ];
    recalculated = await recalculatedCsvMany(files, LO_TIMEOUT);
  }, LO_TIMEOUT * 2);

  it('the SIAE samples: the form flags exactly the validator findings', async () => {
    const valid = await siaeValidSample();
    expect(formFlags(valid)).toEqual(ruleFindings(valid));
    expect(ruleFindings(valid)).toEqual([]);
    const { path } = await siaeInvalidSample();
    const findings = ruleFindings(path);
    expect(findings.length).toBeGreaterThan(0);
    expect(formFlags(path)).toEqual(findings);
  }, LO_TIMEOUT * 2);

  it('random SIAE forms: the form flags exactly the validator findings', () => {
    const seen = new Set<string>();
    for (const [i, values] of RANDOM_SIAE.entries()) {
      const path = randomSiaePath(i);
      const findings = ruleFindings(path);
      expect(formFlags(path), `formulaire aléatoire ${i} : ${JSON.stringify(values)}`).toEqual(findings);
      for (const r of failingRules(findings)) seen.add(r);
    }
    expect(seen.size).toBeGreaterThan(3);
  }, LO_TIMEOUT * 5);

  it('the network samples: the table flags exactly the validator findings', async () => {
    for (const path of [await networkValidSample(), (await networkInvalidSample()).path]) {
      expect(tableFlags(path), path).toEqual(ruleFindings(path));
    }
  }, LO_TIMEOUT * 2);

  it('a random network table of 300 rows: flags equal the findings, and every rule fails somewhere', () => {
    const path = RANDOM_NETWORK_PATH;
    const findings = ruleFindings(path);
    expect(tableFlags(path)).toEqual(findings);
    // Both sides of every rule: each fails on some row (and, 300 rows, holds on most).
    expect([...failingRules(findings)].sort()).toEqual(RULES.map((r) => r.code).sort());
  }, LO_TIMEOUT * 2);
});
