/**
 * The demo's second year: a plausible N−1 of valid returns, consolidated into a workbook the
 * demo gives as reference, so the demo's workbook shows « Évolution » while its year N figures
 * stay those of the 2013 diagnostic.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateFiles, type ConsolidationRun } from '../../src/apps/cli/consolidate.js';
import { figureValue } from '../../src/core/consolidate/index.js';
import { compareWithDiagnostic, DIAGNOSTIC_2013, generateDemoRegion, generatePreviousDemoYear, withinRounding } from '../../src/core/demo/index.js';
import { DEFAULT_SETTINGS, evaluateRules, makeReturnSchema } from '../../src/schema/index.js';
import { previousDemoYear, type PreviousDemoYear } from '../../scripts/demo-previous-year.js';
import { sharedDemoReturns, sharedPreviousDemoReturns } from '../helpers/demo-returns.js';
import { buildRunWorkbook } from '../../src/core/run/index.js';

describe('the demo year N−1', () => {
  it('is the year before, deterministic, with fewer SIAE than year N, every return valid', () => {
    const previous = generatePreviousDemoYear();
    expect(generatePreviousDemoYear()).toEqual(previous);
    expect(previous.annee).toBe(DIAGNOSTIC_2013.annee - 1);
    expect(previous.siae.length).toBeGreaterThan(350);
    expect(previous.siae.length).toBeLessThan(generateDemoRegion().siae.length);
    const schema = makeReturnSchema(DEFAULT_SETTINGS);
    for (const s of previous.siae) {
      expect(s.values.annee).toBe(2012);
      expect(schema.safeParse(s.values).success).toBe(true);
      expect(evaluateRules(s.values, DEFAULT_SETTINGS)).toEqual([]);
    }
  });
});

describe('the demo with its second year (real files, as npm run demo does)', () => {
  let dir: string;
  let previous: PreviousDemoYear;
  let run: ConsolidationRun;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iae-demo-2-'));
    // Both years' returns, written once for every file that reads them (test/helpers/demo-returns.ts):
    // year N−1's copied where the script looks for them, which then consolidates them as
    // `npm run demo` does (the script, which CI runs, writes them itself when they are absent).
    const [returns, sharedPrevious] = await Promise.all([sharedDemoReturns(), sharedPreviousDemoReturns()]);
    cpSync(sharedPrevious, join(dir, `retours-${generatePreviousDemoYear().annee}`), { recursive: true });
    previous = await previousDemoYear(dir, () => {});
    run = await consolidateFiles([returns], { reference: previous.reference, referencePath: previous.path });
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows « Évolution » from 2012 to 2013, read from the workbook of 2012', () => {
    expect(run.problems).toEqual([]);
    expect(run.evolution?.previous).toEqual({ periode: 2012, origin: { kind: 'reference', file: 'consolidation-2012.xlsx' } });
    expect(run.evolution?.current.periode).toBe(2013);
    expect(run.evolution?.warnings).toEqual([]);
    expect(buildRunWorkbook(run).sheets.map((s) => s.name)).toContain('Évolution');
    const siae = run.evolution!.lines.find((l) => l.departement === null && l.code === 'nombre_siae')!;
    expect(siae).toMatchObject({ previous: generatePreviousDemoYear().siae.length, current: 407 });
    // Every département of both years, every figure compared.
    expect(run.evolution!.lines.filter((l) => l.change === null)).toEqual([]);
  });

  it('keeps the year N figures and the comparison with the 2013 diagnostic', () => {
    expect(run.result.periods).toEqual([2013]);
    const region = run.result.byPeriod.get(2013)!.region;
    expect(figureValue(region, 'personnes')).toBe(28000);
    expect(compareWithDiagnostic(run.result, 2013).filter((r) => !withinRounding(r))).toEqual([]);
  });
});
