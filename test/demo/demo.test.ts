import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateFiles, type ConsolidationRun } from '../../src/apps/cli/consolidate.js';
import { figureValue } from '../../src/core/consolidate/index.js';
import { compareWithDiagnostic, DEMO_MISSING, demoReferentielRows, DIAGNOSTIC_2013, generateDemoRegion, withinRounding } from '../../src/core/demo/index.js';
import { SHEET_SUIVI } from '../../src/core/consolidated-workbook/index.js';
import { fillReferentiel } from '../../src/core/templates/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEMO_FORMS_DIR, DEMO_NETWORKS_DIR } from '../../src/hosts/xlsx/demo-files.js';
import { DEFAULT_SETTINGS, evaluateRules, makeReturnSchema } from '../../src/schema/index.js';
import { sharedDemoReturns } from '../helpers/demo-returns.js';
import { buildRunWorkbook } from '../../src/core/run/index.js';

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
  let own: string;
  beforeAll(async () => {
    // The demo's returns, written once for every file that reads them (only read here).
    dir = await sharedDemoReturns();
    own = mkdtempSync(join(tmpdir(), 'iae-demo-'));
    run = await consolidateFiles([dir]);
  }, 900_000);
  afterAll(() => rmSync(own, { recursive: true, force: true }));

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

  it("follows the collection with the demo's référentiel: the 407 retained, the 7 silent ones missing, the figures unchanged", async () => {
    const region = generateDemoRegion();
    const path = join(own, 'referentiel-siae.xlsx');
    writeFileSync(path, await writeWorkbookModel(fillReferentiel(DEFAULT_SETTINGS, region.annee, demoReferentielRows(region))));
    const withRef = await consolidateFiles([dir], { referentielPath: path });
    const c = withRef.completeness!;
    expect(c.referentiel).toEqual({ file: 'referentiel-siae.xlsx', origin: 'modele', entries: 407 + DEMO_MISSING.length });
    expect(c.region).toMatchObject({ attendues: 414, retenues: 407, ecartees: 0, doublons: 0, manquantes: 7 });
    expect(c.siae.filter((s) => s.state === 'manquant').map((s) => s.entry.nom).sort()).toEqual(DEMO_MISSING.map((m) => m.nom).sort());
    expect(c.outside).toEqual([]);
    expect(buildRunWorkbook(withRef).sheets.map((s) => s.name)).toContain(SHEET_SUIVI);
    expect(withRef.keyFigures).toEqual(run.keyFigures);
  }, 900_000);
});
