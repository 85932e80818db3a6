/**
 * The consolidation run (src/core/run) on real xlsx files read by the project's reader: the
 * plan rule, anomalies gathered once, the verdict, and our consolidated workbooks recognised.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPlan } from '../../../src/core/objectives/index.js';
import {
  buildRunWorkbook,
  DEFAULT_PLAN_LABEL,
  formatFigure,
  isConsolidatedWorkbook,
  runConsolidation,
  runJson,
  runVerdict,
  SameInputs,
  type RunInput,
} from '../../../src/core/run/index.js';
import { ValidationRun } from '../../../src/core/validate/run.js';
import type { GridWorkbook } from '../../../src/core/grid.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { networkValidSample, planSample, siaeValidSample } from '../../fixtures/samples.js';
import { networkXlsx, siretFor, validRow } from '../validate/xlsx-builders.js';

let books: Record<string, GridWorkbook>;
const read = (path: string, name: string) => readXlsx(new Uint8Array(readFileSync(path)), name);

beforeAll(async () => {
  books = {
    reseau: read(await networkValidSample(), 'reseau.xlsx'),
    siae: read(await siaeValidSample(), 'siae.xlsx'),
    plan: read(await planSample(), 'plan.xlsx'),
    plan2: read(await planSample(), 'plan-bis.xlsx'),
  };
}, 900_000);

function input(names: readonly string[], extra: Partial<RunInput> = {}): RunInput {
  const run = new ValidationRun();
  for (const n of names) run.addWorkbook(books[n]!);
  const byName = new Map(names.map((n) => [books[n]!.source, books[n]!]));
  return { report: run.finish(), readInput: (f) => byName.get(f)!, ...extra };
}

describe('plan choice: explicit > the only plan among the inputs > the default plan', () => {
  it('uses the default plan, under one name, when no plan is given or found', () => {
    const run = runConsolidation(input(['reseau']));
    expect(run.planOrigin).toBe('defaut');
    expect(run.planLabel).toBe(DEFAULT_PLAN_LABEL);
    expect(run.plan.name).toBe(defaultPlan().name);
    expect(runJson(run).plan).toEqual({ nom: DEFAULT_PLAN_LABEL, libelle: DEFAULT_PLAN_LABEL, origine: 'defaut' });
  });

  it('uses the only plan found among the inputs', () => {
    const run = runConsolidation(input(['reseau', 'plan']));
    expect(run.planOrigin).toBe('parmi-les-fichiers');
    expect(run.planLabel).toContain('« plan.xlsx »');
    expect(run.plan.targets.length).toBeGreaterThan(0);
  });

  it('prefers the explicit plan to a plan among the inputs', () => {
    const run = runConsolidation(input(['reseau', 'plan2'], { plan: { kind: 'book', book: books.plan!, label: 'fichier « plan.xlsx »' } }));
    expect(run.planOrigin).toBe('explicite');
    expect(run.planLabel).toBe('fichier « plan.xlsx »');
  });

  it('does not guess between two plans among the inputs, and says so', () => {
    const run = runConsolidation(input(['reseau', 'plan', 'plan2']));
    expect(run.planOrigin).toBe('defaut');
    expect(run.planLabel).toContain(DEFAULT_PLAN_LABEL);
    expect(run.planLabel).toContain('plusieurs plans');
  });

  it('falls back to the default plan when the explicit workbook has no plan sheet and that is allowed', () => {
    const run = runConsolidation(input(['siae'], { plan: { kind: 'book', book: books.siae!, label: 'feuille plan de ce classeur', fallbackToDefault: true } }));
    expect(run.planOrigin).toBe('defaut');
    expect(run.planLabel.startsWith(DEFAULT_PLAN_LABEL)).toBe(true);
  });

  it('an unreadable explicit plan makes the run incomplete, with the reason', () => {
    const run = runConsolidation(input(['reseau'], { plan: { kind: 'unreadable', file: 'plan.xlsx', message: '« plan.xlsx » est introuvable : vérifiez le chemin.' } }));
    expect(runVerdict(run)).toBe('incomplet');
    expect(run.problems[0]).toContain('introuvable');
    expect(run.anomalies.some((a) => a.code === 'unreadable-file' && a.file === 'plan.xlsx')).toBe(true);
  });
});

describe('verdict and anomalies', () => {
  it('a resolved duplicate alone is « ok », graded a warning, listed once', async () => {
    const a = readXlsx(await networkXlsx([validRow({ siret: siretFor(1) }), validRow({ siret: siretFor(2) })]), 'a.xlsx');
    const b = readXlsx(await networkXlsx([validRow({ siret: siretFor(2), personnes: 13 })]), 'b.xlsx');
    const v = new ValidationRun();
    v.addWorkbook(a);
    v.addWorkbook(b);
    const run = runConsolidation({ report: v.finish() });
    expect(run.counts.duplicates).toBe(1);
    expect(run.counts.excluded).toBe(0);
    expect(runVerdict(run)).toBe('ok');
    const dups = run.anomalies.filter((i) => i.code === 'duplicate-row');
    expect(dups).toHaveLength(1);
    expect(dups[0]!.severity).toBe('avertissement');
    // Validation grades it the same way.
    expect(v.finish().files[1]!.issues.find((i) => i.code === 'duplicate-row')?.severity).toBe('avertissement');
  });

  it('returns excluded for errors give « ecartes »', async () => {
    const bad = readXlsx(await networkXlsx([validRow({ siret: siretFor(3), personnes: 'beaucoup' })]), 'bad.xlsx');
    const v = new ValidationRun();
    v.addWorkbook(bad);
    expect(runVerdict(runConsolidation({ report: v.finish() }))).toBe('ecartes');
  });

  it('lists ignored inputs among the anomalies, once each, and in the workbook model', () => {
    const ignored = [{ file: 'vieux.xlsx', reason: 'consolide' as const, message: 'vieux.xlsx : classeur consolidé ignoré.' }];
    const run = runConsolidation(input(['reseau'], { ignored: [...ignored, ...ignored] }));
    expect(run.anomalies.filter((a) => a.code === 'ignored-file')).toHaveLength(1);
    const sheet = buildRunWorkbook(run).sheets.find((s) => s.name === 'Anomalies')!;
    expect(sheet.cells.some((c) => c.value === 'vieux.xlsx : classeur consolidé ignoré.')).toBe(true);
  });
});

describe('our consolidated workbooks', () => {
  it('are recognised once written, and returns and plans are not', async () => {
    const run = runConsolidation(input(['reseau']));
    const written = readXlsx(await writeWorkbookModel(buildRunWorkbook(run)), 'consolidation.xlsx');
    expect(isConsolidatedWorkbook(written)).toBe(true);
    for (const b of Object.values(books)) expect(isConsolidatedWorkbook(b), b.source).toBe(false);
  }, 900_000);
});

describe('helpers', () => {
  it('formats figures the French way, by their format', () => {
    expect(formatFigure('taux_sorties_dynamiques', 0.125)).toBe('12,5\u00a0%');
    expect(formatFigure('etp_realises', 35)).toBe('35,0');
    expect(formatFigure('personnes', 1234)).toMatch(/^1\s234$/);
    expect(formatFigure('personnes', null)).toBe('—');
    expect(formatFigure('taux_realisation_etp', 'sans objet')).toBe('sans objet');
  });

  it('finds the same bytes given twice, not two different files', () => {
    const same = new SameInputs();
    expect(same.firstWithBytes('a.xlsx', new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(same.firstWithBytes('b.xlsx', new Uint8Array([1, 2, 4]))).toBeUndefined();
    expect(same.firstWithBytes('c.xlsx', new Uint8Array([1, 2, 3]))).toBe('a.xlsx');
  });
});
