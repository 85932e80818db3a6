import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateFiles, type ConsolidationRun } from '../../src/apps/cli/consolidate.js';
import { figureValue } from '../../src/core/consolidate/index.js';
import { compareWithDiagnostic, DIAGNOSTIC_2013, generateDemoRegion, withinRounding } from '../../src/core/demo/index.js';
import { DEMO_FORMS_DIR, DEMO_NETWORKS_DIR, writeDemoFiles } from '../../src/hosts/xlsx/demo-files.js';
import { DEFAULT_SETTINGS, evaluateRules, makeReturnSchema } from '../../src/schema/index.js';

describe('the demo generator', () => {
  it('is deterministic: the same seed gives the same region, another seed another one', () => {
    const a = generateDemoRegion();
    expect(generateDemoRegion()).toEqual(a);
    expect(generateDemoRegion({ seed: 7 }).siae.map((s) => s.values.siret)).not.toEqual(a.siae.map((s) => s.values.siret));
  });

  it('gives 407 valid returns without a single warning, as forms and network rows', () => {
    const region = generateDemoRegion();
    expect(region.siae).toHaveLength(407);
    const schema = makeReturnSchema(DEFAULT_SETTINGS);
    for (const s of region.siae) {
      const parsed = schema.safeParse(s.values);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(evaluateRules(s.values, DEFAULT_SETTINGS)).toEqual([]);
    }
    expect(new Set(region.siae.map((s) => s.values.siret)).size).toBe(407);
    expect(new Set(region.siae.map((s) => s.values.departement))).toEqual(new Set(['75', '77', '78', '91', '92', '93', '94', '95']));
    const forms = region.siae.filter((s) => s.channel.type === 'formulaire').length;
    expect(forms).toBeGreaterThan(0);
    expect(forms).toBeLessThan(407);
  });
});

describe('the demo through the real pipeline (xlsx files written, read, validated, consolidated)', () => {
  let run: ConsolidationRun;
  let dir: string;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'iae-demo-')), 'retours');
    await writeDemoFiles(generateDemoRegion(), dir);
    run = await consolidateFiles([dir]);
  }, 600_000);
  afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

  it('writes SIAE forms and network tables that validation recognises, with no error and no warning', () => {
    expect(readdirSync(join(dir, DEMO_FORMS_DIR)).length).toBe(24);
    expect(readdirSync(join(dir, DEMO_NETWORKS_DIR)).length).toBe(16);
    const kinds = new Set(run.report.files.map((f) => f.template.kind));
    expect(kinds).toEqual(new Set(['siae', 'reseau']));
    expect(run.report.stats.errors).toBe(0);
    expect(run.report.stats.warnings).toBe(0);
    expect(run.result.excluded).toEqual([]);
    expect(run.result.duplicates).toEqual([]);
  });

  it("reproduces the seed's 2013 figures within rounding", () => {
    const rows = compareWithDiagnostic(run.result, DIAGNOSTIC_2013.annee);
    expect(rows.filter((r) => !withinRounding(r)).map((r) => `${r.label}: ${r.ours} / ${r.seed}`)).toEqual([]);
    const region = run.result.byPeriod.get(2013)!.region;
    expect(figureValue(region, 'nombre_siae')).toBe(407);
    expect(figureValue(region, 'personnes')).toBe(28000);
    expect(figureValue(region, 'etp_realises')).toBeCloseTo(7055, 6);
    for (const [kind, n] of Object.entries(DIAGNOSTIC_2013.siaeByKind)) {
      expect(figureValue(run.result.byPeriod.get(2013)!.byKind.get(kind as 'EI'), 'nombre_siae')).toBe(n);
    }
  });

  it('measures every objective of the default plan', () => {
    expect(run.progress.length).toBeGreaterThan(0);
    expect(run.progress.every((p) => p.statut !== 'sans_donnee')).toBe(true);
  });
});
