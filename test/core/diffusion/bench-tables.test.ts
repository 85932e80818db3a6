/**
 * The diffusion bench's inputs (scripts/bench/diffusion-tables.ts), built and protected on a small
 * scale: the bench once died on its own per-network table (built with the national table's
 * per-cell arrays, of another size) and nothing noticed. Each table it builds must be a valid
 * table that the product protects and audits.
 */
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../src/core/consolidate/index.js';
import {
  SHEET_PUBLIC_EVOLUTION,
  SHEET_PUBLIC_PAR_RESEAU,
  checkGridTable,
  periodScopes,
  protectLinked,
  protectPeriod,
  protectTable,
  publicWorkbookOfRun,
} from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { allDepartements, demoValues, nationalRecords, overlappingNetworkTable, runOf, worstTable } from '../../../scripts/bench/diffusion-tables.js';
import { expectSafe } from './check.js';
import { expectLinkedSafe } from './check-linked.js';

const DEPS = allDepartements().slice(0, 12);
const records = nationalRecords(demoValues(), DEPS, 600);

describe('les tableaux du banc de la version diffusable', () => {
  it('répartit les retours sur les 101 départements, avec des EITI', () => {
    expect(allDepartements()).toHaveLength(101);
    const result = consolidate({ records });
    const scopes = periodScopes(result.byPeriod.get(result.periods.at(-1)!)!, result.kept);
    expect(scopes.departements).toEqual([...DEPS].sort());
    expect(scopes.kinds).toContain('EITI');
  });

  it('le tableau par réseau qui n\'est pas une partition a la taille de ses propres cellules, et se protège avec « personnes »', () => {
    const result = consolidate({ records });
    const people = protectPeriod(periodScopes(result.byPeriod.get(result.periods.at(-1)!)!, result.kept), S).people[0]!;
    const { table, shared } = overlappingNetworkTable(people, 7);
    const n = table.rowLabels.length * table.colLabels.length;
    expect(n).toBe(8 * people.table.colLabels.length);
    for (const cells of [table.values, table.siae, table.largest, table.present, table.fixed]) if (cells) expect(cells).toHaveLength(n);
    expect(() => checkGridTable(table)).not.toThrow();
    // Its region row is the national region row, figure for figure.
    for (const l of shared) expect(table.values[l.cell]).toBe(people.table.values[l.baseCell]);
    expectLinkedSafe([people], protectLinked(table, [people], shared, S), table, shared, S);
  });

  it('le pire cas (un quart de petits effectifs) se protège', () => {
    const worst = worstTable(DEPS);
    expect(worst.values).toHaveLength((DEPS.length + 1) * 6);
    expectSafe(protectTable(worst, S), S);
  });

  it('le traitement national (réseaux du référentiel, deux années) donne une version diffusable complète', () => {
    const pv = publicWorkbookOfRun(runOf(records, 5, true));
    const names = pv.workbook.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([SHEET_PUBLIC_PAR_RESEAU, SHEET_PUBLIC_EVOLUTION]));
    expect(pv.tables.filter((t) => t.table.id.endsWith('_reseaux')).length).toBeGreaterThan(1);
    expect(pv.audit.length).toBeGreaterThan(0);
    expect(pv.audit.every((e) => e.ok)).toBe(true);
  });
});
