import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateFiles, type ConsolidationRun } from '../../src/apps/cli/consolidate.js';
import { figureValue } from '../../src/core/consolidate/index.js';
import { SHEET_RAPPROCHEMENT } from '../../src/core/consolidated-workbook/index.js';
import { demoAspExtract, generateDemoRegion, type DemoAspExtract } from '../../src/core/demo/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { sharedDemoReturns } from '../helpers/demo-returns.js';
import { buildRunWorkbook } from '../../src/core/run/index.js';

describe('the demo with its ASP extract (files written, read, reconciled)', () => {
  let run: ConsolidationRun;
  let demo: DemoAspExtract;
  let dir: string;
  beforeAll(async () => {
    // The demo's returns, written once for every file that reads them (only read here).
    const returns = await sharedDemoReturns();
    dir = mkdtempSync(join(tmpdir(), 'iae-demo-asp-'));
    const region = generateDemoRegion();
    demo = demoAspExtract(region);
    const asp = join(dir, 'extraction-asp-2013.xlsx');
    writeFileSync(asp, await writeWorkbookModel(demo.model));
    run = await consolidateFiles([returns], { aspPath: asp });
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves the demo's figures as they were: the extract is a reference", () => {
    expect(run.problems).toEqual([]);
    expect(run.anomalies).toEqual([]);
    const region = run.result.byPeriod.get(2013)!.region;
    expect(figureValue(region, 'nombre_siae')).toBe(407);
    expect(figureValue(region, 'personnes')).toBe(28000);
    expect(figureValue(region, 'etp_realises')).toBeCloseTo(7055, 6);
  });

  it('shows the SIAE the extract treats apart, exactly', () => {
    const r = run.reconciliation!;
    expect(r.years).toEqual([2013]);
    expect(r.matched).toHaveLength(407 - demo.absent.length);
    expect(r.returnsOnly.map((e) => e.siret).sort()).toEqual([...demo.absent].sort());
    expect(r.aspOnly.map((e) => e.siret).sort()).toEqual([...demo.aspOnly].sort());
    expect(r.matched.filter((m) => m.matchedBy === 'annexe').map((m) => m.siret).sort()).toEqual([...demo.otherSiret].sort());
    // Every SIAE made to differ is flagged on its people and durable exits; no other SIAE is.
    const flagged = r.matched.filter((m) => m.gaps.some((g) => g.flagged));
    expect(flagged.map((m) => m.siret).sort()).toEqual([...demo.differing].sort());
    for (const m of flagged) expect(m.gaps.filter((g) => g.flagged).map((g) => g.code)).toEqual(['personnes', 'sorties_emploi_durable']);
    expect(demo.differing.length).toBeGreaterThanOrEqual(5);
    expect(buildRunWorkbook(run).sheets.some((s) => s.name === SHEET_RAPPROCHEMENT)).toBe(true);
  });
});
