/**
 * The public version of a consolidation run: the one call behind the CLI's --diffusion, the
 * pane's « version diffusable » and the Excel host's new workbook (same bytes everywhere). It
 * plugs the run's per-network figures (« Par réseau ») and its year over year (« Évolution »)
 * into buildPublicWorkbook, so those tables are protected and audited with the others.
 */
import { DEFAULT_SETTINGS, type Settings, type SiaeKind } from '../../schema/index.js';
import { figureLabel, groupMapKey, type FigureCode } from '../consolidate/index.js';
import type { NetworkFigures } from '../networks/index.js';
import type { ConsolidationRun } from '../run/types.js';
import { colsOf, type GridTable } from './grid-table.js';
import { ALL_KINDS_COL_LABEL, PEOPLE_CODES, REGION_ROW_LABEL, cellArrays, cellOf, groupOf, type GroupCells, type PeriodScopes } from './public-tables.js';
import { buildPublicWorkbook, type ExtraPublicTable, type PublicVersion } from './public-workbook.js';

export const SHEET_PUBLIC_PAR_RESEAU = 'Par réseau';
export const SHEET_PUBLIC_EVOLUTION = 'Évolution';
/** Counts published per network × kind: the people of « Personnes », each sharing figures with its département × kind table. */
export const NETWORK_CODES: readonly FigureCode[] = PEOPLE_CODES;
/** Tables whose change between the last two years is published. */
export const EVOLUTION_TABLES: readonly string[] = [...PEOPLE_CODES, 'heures_remunerees', 'etp_realises', 'etp_conventionnes'];

const membersKey = (g: GroupCells | undefined) => (g && g.members.length > 0 ? [...g.members].sort((a, b) => a - b).join(',') : undefined);

type NetworkRows = { label: string; groups: (GroupCells | undefined)[] }[];

/**
 * Per scopes and figures, computed once: every per-network table (one per count of people) and
 * its shared cells use the same groups, and each costs a pass over every return.
 */
const rowsCache = new WeakMap<PeriodScopes, WeakMap<NetworkFigures, NetworkRows | undefined>>();
const baseKeysCache = new WeakMap<PeriodScopes, Map<string, number>>();
const sharedCache = new WeakMap<PeriodScopes, WeakMap<NetworkFigures, { baseCell: number; cell: number }[]>>();

function networkGroups(scopes: PeriodScopes, figures: NetworkFigures): NetworkRows | undefined {
  let byFigures = rowsCache.get(scopes);
  if (!byFigures) rowsCache.set(scopes, (byFigures = new WeakMap()));
  if (!byFigures.has(figures)) byFigures.set(figures, computeNetworkGroups(scopes, figures));
  return byFigures.get(figures);
}

/** The groups of one network × kind grid: each network's returns split by kind, then its total. */
function computeNetworkGroups(scopes: PeriodScopes, figures: NetworkFigures): NetworkRows | undefined {
  const p = figures.periods.find((x) => x.periode === scopes.period.periode);
  if (!p || !figures.anyKnown) return undefined;
  const rows: NetworkRows = p.networks.map((n) => {
    const byKind = new Map<SiaeKind, number[]>();
    // Members are in the canonical order, so each sum is exact and stable (as the consolidation's).
    for (const m of n.group.members) {
      const kind = scopes.kept[m]!.values.type_siae as SiaeKind;
      const list = byKind.get(kind);
      if (list) list.push(m);
      else byKind.set(kind, [m]);
    }
    // Only the counts published per network are summed (a pass over every indicator of every
    // return would cost more than the whole protection at national scale).
    const split = (k: SiaeKind) => {
      const members = byKind.get(k);
      return members ? groupOf(members, NETWORK_CODES, scopes.kept) : undefined;
    };
    return { label: n.reseau, groups: [...scopes.kinds.map(split), n.group] };
  });
  // The region row is the département table's own: the same figures to the digit.
  rows.push({ label: REGION_ROW_LABEL, groups: [...scopes.kinds.map((k) => scopes.period.byKind.get(k)), scopes.period.region] });
  return rows;
}

/**
 * A count per network × kind with both margins. Every retained return belongs to exactly one
 * network (« Réseau non renseigné » included), so the networks add up to the region: the
 * table's margins are its relations. Undefined when no return has a known network.
 */
export function networkKindTable(scopes: PeriodScopes, figures: NetworkFigures, code: FigureCode): GridTable | undefined {
  const rows = networkGroups(scopes, figures);
  if (!rows) return undefined;
  const cells = rows.flatMap((r) => r.groups.map((g) => cellOf(g, code, scopes.kept)));
  return {
    id: `${code}_reseaux`,
    title: `${figureLabel(code)} par réseau`,
    rowLabels: rows.map((r) => r.label),
    colLabels: [...scopes.kinds, ALL_KINDS_COL_LABEL],
    rowMargin: true,
    colMargin: true,
    ...cellArrays(cells),
    measure: 'count',
  };
}

/**
 * Cells of the network table that show a figure of the département × kind table: any cell whose
 * returns are exactly those of a département × kind cell (a network of one département, or of
 * one kind within it), and the region row. Hiding one without the other would protect nothing.
 */
export function networkSharedCells(scopes: PeriodScopes, figures: NetworkFigures, code: FigureCode, t: GridTable) {
  // Which cells show the same returns does not depend on the count: found once for the 15 tables.
  let byFigures = sharedCache.get(scopes);
  if (!byFigures) sharedCache.set(scopes, (byFigures = new WeakMap()));
  let pairs = byFigures.get(figures);
  if (!pairs) {
    const rows = networkGroups(scopes, figures) ?? [];
    // Both grids have the kinds and their total as columns.
    const C = colsOf(t);
    const base = baseCellsByMembers(scopes, C);
    const found: { baseCell: number; cell: number }[] = [];
    rows.forEach((row, r) =>
      row.groups.forEach((g, c) => {
        const baseCell = base.get(membersKey(g) ?? '');
        if (baseCell !== undefined) found.push({ baseCell, cell: r * C + c });
      }),
    );
    byFigures.set(figures, (pairs = found));
  }
  return pairs.map((x) => ({ table: code, baseCell: x.baseCell, cell: x.cell }));
}

/** Each cell of the département × kind grid by the returns behind it (the first cell of each set). */
function baseCellsByMembers(scopes: PeriodScopes, C: number): Map<string, number> {
  const cached = baseKeysCache.get(scopes);
  if (cached) return cached;
  const p = scopes.period;
  const base = new Map<string, number>();
  [...scopes.departements, null].forEach((dep, r) => {
    const groups = [
      ...scopes.kinds.map((k) => (dep === null ? p.byKind.get(k) : p.byDepartementKind.get(groupMapKey(dep, k)))),
      dep === null ? p.region : p.byDepartement.get(dep),
    ];
    groups.forEach((g, c) => {
      const key = membersKey(g);
      if (key !== undefined && !base.has(key)) base.set(key, r * C + c);
    });
  });
  baseKeysCache.set(scopes, base);
  return base;
}

/**
 * The public version of a run: built-in tables, per network, evolution; protected and audited
 * together, with the run's own settings (its diffusion rules, its region) unless others are given.
 */
export function publicWorkbookOfRun(
  run: Pick<ConsolidationRun, 'result' | 'networks' | 'evolution'> & { readonly settings?: Settings },
  settings: Settings = run.settings ?? DEFAULT_SETTINGS,
): PublicVersion {
  const figures = run.networks.figures;
  const extras: ExtraPublicTable[] = NETWORK_CODES.map((code) => ({
    sheet: SHEET_PUBLIC_PAR_RESEAU,
    build: (scopes) => networkKindTable(scopes, figures, code),
    shared: (t, scopes) => networkSharedCells(scopes, figures, code, t),
  }));
  // Year over year only between two years of returns: a reference workbook gives figures without
  // the SIAE behind them, which the rules need (buildPublicWorkbook takes the last two periods).
  const evolution = run.evolution && run.evolution.previous.origin.kind === 'retours' ? { sheet: SHEET_PUBLIC_EVOLUTION, tables: EVOLUTION_TABLES } : undefined;
  return buildPublicWorkbook(run.result, settings.diffusion, settings.regionCode, { extras, ...(evolution ? { evolution } : {}) });
}
