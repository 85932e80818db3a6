import { SCHEMA_VERSION, regionName, DEFAULT_DIFFUSION_SETTINGS, DEFAULT_SETTINGS, type DiffusionSettings } from '../../schema/index.js';
import { figureFormat, figureLabel, figureValue, groupMapKey, type ConsolidationResult, type FigureCode, type GroupAggregate } from '../consolidate/index.js';
import { HEADER_STYLE, NOTE_STYLE, NUM_FMT, TITLE_STYLE } from '../consolidated-workbook/formats.js';
import { columnLetters, toA1 } from '../a1.js';
import type { CellModel, ChartModel, SheetModel, StyleModel, WorkbookModel } from '../workbook-model.js';
import type { AuditCache, AuditEntry } from './audit.js';
import { evolutionCells } from './evolution.js';
import { colsOf, rowsOf, type GridTable } from './grid-table.js';
import { protectLinked, type SharedCell } from './linked.js';
import {
  AMOUNT_CODES,
  EXIT_CLASS_CODES,
  GRID_RATES,
  PEOPLE_CODES,
  SECTOR_HOUR_CODES,
  departementKindTable,
  partsTable,
  periodScopes,
  type PeriodScopes,
} from './public-tables.js';
import { assertAuditPasses } from './refusal.js';
import type { HiddenReason } from './rules.js';
import { protectTable, shareHiddenCells, type ProtectedTable } from './secondary.js';

export const SECRET_MARK = 's';
export const SHEET_LISEZ_MOI = 'Lisez-moi';
export const SHEET_PUBLIC_PERSONNES = 'Personnes';
export const SHEET_PUBLIC_PARTS = 'Parts des publics';
export const SHEET_PUBLIC_HEURES = 'Heures et ETP';
export const SHEET_PUBLIC_SECTEURS = 'Heures par secteur';
export const SHEET_PUBLIC_SORTIES = 'Sorties';
export const SHEET_AUDIT = 'Audit du secret';

export const LEGEND =
  '« s » : secret statistique. Valeur masquée parce que c\'est un petit effectif, qu\'elle repose sur trop peu de SIAE, ou pour qu\'aucune valeur masquée ne puisse être recalculée à partir des totaux (masquage secondaire). Cellule vide : aucune donnée.';

export interface PublicVersion {
  readonly workbook: WorkbookModel;
  /** Every hidden cell with its range given the published figures: for JSON and the hidden sheet. */
  readonly audit: readonly AuditEntry[];
  readonly periode: number | undefined;
  /** Count cells (people and exits) and how many are hidden. */
  readonly countCells: number;
  readonly hiddenCountCells: number;
  /** The protected tables (with their true values: for the caller, never for publication). */
  readonly tables: readonly ProtectedTable[];
}

/**
 * A published table beyond the built-in ones (per network, …), plugged in with a few lines: its
 * sheet, how to build it from the period, and the figures it shares with a built-in table (the
 * region row of a per-network table is the region row of « personnes »). It is protected
 * beside those tables (linked.ts), its audit joins the others, its sheet gets the legend.
 */
export interface ExtraPublicTable {
  /** Sheet it goes on: new sheets come after the built-in ones, in order of first use. */
  readonly sheet: string;
  /** The table from the period's scopes; undefined when there is nothing to publish. */
  readonly build: (scopes: PeriodScopes) => GridTable | undefined;
  /** Figures shown in a built-in table: that table's id (« personnes », …), its cell, this table's cell. */
  readonly shared?: (table: GridTable, scopes: PeriodScopes) => readonly { readonly table: string; readonly baseCell: number; readonly cell: number }[];
}

export interface PublicOptions {
  readonly extras?: readonly ExtraPublicTable[];
  /**
   * The evolution between the last two periods, on this sheet, for these built-in tables (ids):
   * the previous year protected on its own, then the change, published only where both years are.
   */
  readonly evolution?: { readonly sheet: string; readonly tables: readonly string[] };
}

/** Rules about the structures behind a figure: a rate resting on them is hidden whatever the setting. */
const structural = (r: HiddenReason | undefined) => r === 'peu_de_siae' || r === 'dominance';

const SECRET_STYLE: StyleModel = { horizontal: 'right', color: '595959' };

/** All the protected tables of one period. */
export function protectPeriod(scopes: PeriodScopes, settings: DiffusionSettings, cache: AuditCache = new Map()) {
  const { people, amounts } = protectGrids(scopes, settings, cache);
  const exits = protectTable(partsTable(scopes, 'sorties', 'Sorties par classe', EXIT_CLASS_CODES, 'Total des sorties', 'count'), settings, undefined, cache);
  const sectors = protectTable(
    partsTable(scopes, 'heures_secteurs', "Heures rémunérées par secteur d'activité", SECTOR_HOUR_CODES, 'Total ventilé', 'amount'),
    settings,
    undefined,
    cache,
  );
  return { people, amounts, exits, sectors };
}

/**
 * The département × kind grids of one period (all of them, or those of `ids`: the evolution
 * publishes the previous year of some tables only, and protecting the others costs as much).
 */
function protectGrids(scopes: PeriodScopes, settings: DiffusionSettings, cache: AuditCache, ids?: readonly string[]) {
  const wanted = (code: string) => !ids || ids.includes(code);
  const people = PEOPLE_CODES.filter(wanted).map((c) => protectTable(departementKindTable(scopes, c, 'count'), settings, undefined, cache));
  // Hours and ETP réalisés: ETP = hours ÷ the kind's hours per ETP, so one pattern for both (both protected when one is wanted).
  const pair: readonly string[] = ['heures_remunerees', 'etp_realises'];
  const amounts = AMOUNT_CODES.filter((c) => wanted(c) || (pair.includes(c) && pair.some(wanted))).map((c) =>
    protectTable(departementKindTable(scopes, c, 'amount'), settings, undefined, cache),
  );
  const linked = pair.map((code) => amounts.findIndex((t) => t.table.id === code)).filter((k) => k >= 0);
  const shared = shareHiddenCells(
    linked.map((k) => amounts[k]!),
    settings,
    cache,
  );
  linked.forEach((k, j) => {
    amounts[k] = shared[j]!;
  });
  return { people, amounts };
}

/**
 * The public version of a consolidation (latest period): the figures of the consolidated
 * workbook without anomalies, sources, SIRET, names or file names; every table protected by
 * primary and secondary suppression; hidden cells shown « s » with a legend on each sheet;
 * charts from published values only; the audit on a hidden sheet. Throws
 * DiffusionRefusedError when the audit does not prove every hidden cell protected.
 */
export function buildPublicWorkbook(
  result: ConsolidationResult,
  settings: DiffusionSettings = DEFAULT_DIFFUSION_SETTINGS,
  regionCode: string = DEFAULT_SETTINGS.regionCode,
  options: PublicOptions = {},
): PublicVersion {
  const periode = result.periods.at(-1);
  const properties = { title: 'Indicateurs IAE – version diffusable', subject: `Schéma des indicateurs ${SCHEMA_VERSION}`, creator: 'Indicateurs IAE' };
  if (periode === undefined) {
    return {
      workbook: { sheets: [readmeSheet(regionCode, undefined, settings, 0, 0), auditSheet([])], properties },
      audit: [],
      periode,
      countCells: 0,
      hiddenCountCells: 0,
      tables: [],
    };
  }
  const scopes = periodScopes(result.byPeriod.get(periode)!, result.kept);
  // Programs already solved, shared by every table of this version (linked tables audit their bases' pieces again).
  const cache: AuditCache = new Map();
  const { people, amounts, exits, sectors } = protectPeriod(scopes, settings, cache);
  const builtIn = [...people, ...amounts, exits, sectors];
  const extra = protectExtras(scopes, builtIn, options.extras ?? [], settings, cache);
  const evolution = evolutionBlocks(result, builtIn, options.evolution?.tables ?? [], settings, cache);
  // A built-in table linked to an extra one keeps its pattern but is audited again with it.
  const tables = [...builtIn.map((t) => extra.all.get(t.table.id)!), ...extra.tables.map((x) => x.table), ...evolution.tables];
  const audit = tables.flatMap((t) => t.audit.entries);
  assertAuditPasses(audit);
  const countTables = [...people, exits, ...extra.tables.map((x) => x.table).filter((t) => t.table.measure === 'count')];
  const countCells = countTables.reduce((s, t) => s + t.table.values.length, 0);
  const hiddenCountCells = countTables.reduce((s, t) => s + t.hidden.size, 0);
  const byId = new Map(tables.map((t) => [t.table.id, t]));

  const personnes = gridSheet(SHEET_PUBLIC_PERSONNES, `Personnes en insertion et publics (${periode})`, people.map((t) => valueBlock(t)));
  const personnesTable = byId.get('personnes');
  if (personnesTable) addChart(personnes, personnesTable, 'column', `Personnes en insertion par département (${periode})`, 'col');

  // Rates whose operands are hours or ETP go with them; the shares of people on their own sheet.
  const rates = GRID_RATES.flatMap((r) => {
    const block = rateBlock(scopes, r.code, byId.get(r.numerator), byId.get(r.denominator), settings);
    return block ? [{ block, amount: (AMOUNT_CODES as readonly string[]).includes(r.numerator) }] : [];
  });
  const parts = gridSheet(SHEET_PUBLIC_PARTS, `Parts et taux (${periode})`, rates.filter((r) => !r.amount).map((r) => r.block));
  const heures = gridSheet(SHEET_PUBLIC_HEURES, `Heures et ETP (${periode})`, [
    ...amounts.map((t) => valueBlock(t)),
    ...rates.filter((r) => r.amount).map((r) => r.block),
  ]);
  const secteurs = gridSheet(SHEET_PUBLIC_SECTEURS, `Heures d'insertion par secteur d'activité (${periode})`, [valueBlock(sectors)]);
  addChart(secteurs, sectors, 'bar', `Heures rémunérées par secteur, région (${periode})`, 'row');
  const sorties = gridSheet(SHEET_PUBLIC_SORTIES, `Sorties (${periode})`, [valueBlock(exits), exitRatesBlock(scopes, exits, settings)]);
  const extraSheets = new Map<string, Block[]>();
  const addBlocks = (sheet: string, blocks: readonly Block[]) => {
    const list = extraSheets.get(sheet) ?? [];
    for (const b of blocks) list.push(b);
    extraSheets.set(sheet, list);
  };
  for (const x of extra.tables) addBlocks(x.sheet, [valueBlock(x.table)]);
  if (options.evolution && evolution.blocks.length > 0) addBlocks(options.evolution.sheet, evolution.blocks);

  return {
    workbook: {
      sheets: [
        readmeSheet(regionCode, periode, settings, countCells, hiddenCountCells),
        personnes,
        parts,
        heures,
        secteurs,
        sorties,
        ...[...extraSheets].map(([name, blocks]) => gridSheet(name, `${name} (${periode})`, blocks)),
        auditSheet(audit, new Map(tables.map((t) => [t.table.id, t.table.title]))),
      ],
      properties,
    },
    audit,
    periode,
    countCells,
    hiddenCountCells,
    tables,
  };
}

/**
 * The extra tables, each protected beside the tables it shares figures with — and beside the
 * extra tables already linked to those, so that the last joint audit of a group of linked
 * tables covers all of them: its entries replace theirs (patterns never change, only the proof).
 */
function protectExtras(scopes: PeriodScopes, builtIn: readonly ProtectedTable[], extras: readonly ExtraPublicTable[], settings: DiffusionSettings, cache: AuditCache) {
  const all = new Map(builtIn.map((t) => [t.table.id, t]));
  const group = new Map<string, Set<string>>(builtIn.map((t) => [t.table.id, new Set([t.table.id])]));
  const tables: { sheet: string; id: string }[] = [];
  for (const x of extras) {
    const t = x.build(scopes);
    if (!t) continue;
    if (all.has(t.id)) throw new Error(`Tableau ${t.id} : un autre tableau de la version diffusable porte déjà cet identifiant.`);
    const links = x.shared?.(t, scopes) ?? [];
    const members = new Set<string>();
    for (const l of links) {
      const g = group.get(l.table);
      if (!g) throw new Error(`Tableau ${t.id} : le tableau « ${l.table} » qu'il reprend n'existe pas dans la version diffusable.`);
      for (const id of g) members.add(id);
    }
    const bases = [...members].map((id) => all.get(id)!);
    const shared: SharedCell[] = links.map((l) => ({ base: bases.findIndex((b) => b.table.id === l.table), baseCell: l.baseCell, cell: l.cell }));
    const linked = protectLinked(t, bases, shared, settings, cache);
    for (const b of bases) {
      const entries = linked.baseAudit.filter((e) => e.table === b.table.id);
      all.set(b.table.id, { ...b, audit: { table: b.table.id, entries, ok: entries.every((e) => e.ok) } });
    }
    all.set(t.id, linked.table);
    members.add(t.id);
    for (const id of members) group.set(id, members);
    tables.push({ sheet: x.sheet, id: t.id });
  }
  return { all, tables: tables.map((x) => ({ sheet: x.sheet, table: all.get(x.id)! })) };
}

/**
 * The evolution between the last two periods for the listed tables: the previous year as its
 * own protection publishes it, then the change (evolution.ts) beside the current year's pattern.
 */
function evolutionBlocks(result: ConsolidationResult, current: readonly ProtectedTable[], ids: readonly string[], settings: DiffusionSettings, cache: AuditCache) {
  const tables: ProtectedTable[] = [];
  const blocks: Block[] = [];
  const [before, now] = result.periods.slice(-2);
  if (ids.length === 0 || before === undefined || now === undefined) return { tables, blocks };
  const builtIn = ids.filter((id) => id !== 'sorties' && id !== 'heures_secteurs');
  const scopes = periodScopes(result.byPeriod.get(before)!, result.kept);
  const p = protectGrids(scopes, settings, cache, builtIn);
  const others = ids.length === builtIn.length ? undefined : protectPeriod(scopes, settings, cache);
  const previous = new Map([...p.people, ...p.amounts, ...(others ? [others.exits, others.sectors] : [])].map((t) => [t.table.id, t]));
  for (const id of ids) {
    const last = previous.get(id);
    const b = current.find((t) => t.table.id === id);
    if (!last || !b) continue;
    // The previous year under its own name, in the audit as on the sheet.
    const prevId = `${id}_${before}`;
    const a: ProtectedTable = {
      ...last,
      table: { ...last.table, id: prevId, title: `${last.table.title} (${before})` },
      audit: { ...last.audit, table: prevId, entries: last.audit.entries.map((e) => ({ ...e, table: prevId })) },
    };
    tables.push(a);
    blocks.push(valueBlock(a));
    const cells = evolutionCells(a, b);
    const C = colsOf(b.table);
    const fmt: StyleModel = { numFmt: b.table.measure === 'count' ? NUM_FMT.entier : NUM_FMT.heures };
    blocks.push({
      title: `${b.table.title} : évolution ${before} → ${now}`,
      colLabels: b.table.colLabels,
      rowLabels: b.table.rowLabels,
      cells: Array.from({ length: rowsOf(b.table) }, (_, r) =>
        cells.slice(r * C, r * C + C).map((e) =>
          e.change === 'hidden' ? { value: SECRET_MARK, style: SECRET_STYLE } : e.change === null ? { value: null } : { value: e.change, style: fmt },
        ),
      ),
    });
  }
  return { tables, blocks };
}

/** A titled grid: header row, then rows of values (numbers, « s », text or blank). */
interface Block {
  readonly title: string;
  readonly colLabels: readonly string[];
  readonly rowLabels: readonly string[];
  readonly cells: readonly (readonly { value: string | number | null; style?: StyleModel }[])[];
}

function numStyle(code: FigureCode): StyleModel {
  return { numFmt: NUM_FMT[figureFormat(code)] };
}

function valueBlock(p: ProtectedTable): Block {
  const t = p.table;
  const C = colsOf(t);
  const fmt: StyleModel = { numFmt: t.measure === 'count' ? NUM_FMT.entier : t.id.startsWith('etp') ? NUM_FMT.etp : NUM_FMT.heures };
  return {
    title: t.title,
    colLabels: t.colLabels,
    rowLabels: t.rowLabels,
    cells: Array.from({ length: rowsOf(t) }, (_, r) =>
      Array.from({ length: C }, (_, c) => {
        const i = r * C + c;
        if (p.hidden.has(i)) return { value: SECRET_MARK, style: SECRET_STYLE };
        if (t.present && !t.present[i]) return { value: null };
        return { value: t.values[i]!, style: fmt };
      }),
    ),
  };
}

/** The group behind cell (r, c) of a département × kind grid. */
function groupAt(s: PeriodScopes, r: number, c: number): GroupAggregate | undefined {
  const dep = r < s.departements.length ? s.departements[r]! : null;
  const kind = c < s.kinds.length ? s.kinds[c]! : null;
  const p = s.period;
  if (dep === null) return kind === null ? p.region : p.byKind.get(kind);
  return kind === null ? p.byDepartement.get(dep) : p.byDepartementKind.get(groupMapKey(dep, kind));
}

/** A rate grid: hidden where its numerator or denominator is (when the setting says so). */
function rateBlock(
  s: PeriodScopes,
  code: FigureCode,
  num: ProtectedTable | undefined,
  den: ProtectedTable | undefined,
  settings: DiffusionSettings,
): Block | undefined {
  if (!num || !den) return undefined;
  const C = colsOf(num.table);
  return {
    title: figureLabel(code),
    colLabels: num.table.colLabels,
    rowLabels: num.table.rowLabels,
    cells: Array.from({ length: rowsOf(num.table) }, (_, r) =>
      Array.from({ length: C }, (_, c) => {
        const i = r * C + c;
        // Without the setting a rate still follows its figures' primary rules: it rests on the same SIAE.
        const hide = settings.hideRatesOfHiddenOperands ? num.hidden.has(i) || den.hidden.has(i) : structural(num.hidden.get(i));
        if (hide) return { value: SECRET_MARK, style: SECRET_STYLE };
        return { value: figureValue(groupAt(s, r, c), code), style: numStyle(code) };
      }),
    ),
  };
}

const EXIT_RATE_CODES: readonly FigureCode[] = ['taux_sorties_dynamiques', 'taux_emploi_durable', 'taux_emploi_transition', 'taux_sorties_positives'];

/** Exit rates per département: hidden when any examined exit class of the row is. */
function exitRatesBlock(s: PeriodScopes, exits: ProtectedTable, settings: DiffusionSettings): Block {
  const C = colsOf(exits.table);
  const examined = EXIT_CLASS_CODES.map((code, c) => (code === 'sorties_retirees' ? -1 : c)).filter((c) => c >= 0);
  const groups = [...s.departements.map((d) => s.period.byDepartement.get(d)), s.period.region];
  return {
    title: 'Taux de sortie (sur les sorties examinées)',
    colLabels: EXIT_RATE_CODES.map(figureLabel),
    rowLabels: exits.table.rowLabels,
    cells: groups.map((g, r) => {
      const hide =
        (settings.hideRatesOfHiddenOperands && examined.some((c) => exits.hidden.has(r * C + c))) ||
        examined.some((c) => structural(exits.hidden.get(r * C + c)));
      return EXIT_RATE_CODES.map((code) => (hide ? { value: SECRET_MARK, style: SECRET_STYLE } : { value: figureValue(g, code), style: numStyle(code) }));
    }),
  };
}

const FIRST_BLOCK_ROW = 5;
const LABEL_WIDTH = 30;

function gridSheet(name: string, title: string, blocks: readonly Block[]): SheetModel & { cells: CellModel[]; charts: ChartModel[] } {
  const cells: CellModel[] = [
    { row: 1, col: 1, value: title, style: TITLE_STYLE },
    { row: 2, col: 1, value: LEGEND, style: NOTE_STYLE },
  ];
  let top = FIRST_BLOCK_ROW;
  let width = 1;
  for (const b of blocks) {
    cells.push({ row: top, col: 1, value: b.title, style: { bold: true, fontSize: 12 } });
    cells.push({ row: top + 1, col: 1, value: 'Périmètre', style: HEADER_STYLE });
    b.colLabels.forEach((label, c) => cells.push({ row: top + 1, col: 2 + c, value: label, style: HEADER_STYLE }));
    b.rowLabels.forEach((label, r) => {
      const last = r === b.rowLabels.length - 1;
      cells.push({ row: top + 2 + r, col: 1, value: label, style: last ? { bold: true } : undefined });
      b.cells[r]!.forEach((cell, c) =>
        cells.push({ row: top + 2 + r, col: 2 + c, value: cell.value, ...(cell.style ? { style: cell.style } : {}) }),
      );
    });
    width = Math.max(width, b.colLabels.length + 1);
    top += b.rowLabels.length + 4;
  }
  return {
    name,
    columns: [{ width: LABEL_WIDTH }, ...Array.from({ length: width - 1 }, () => ({ width: 16 }))],
    cells,
    charts: [],
    freeze: { rows: 0, cols: 1 },
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

/**
 * A chart from published values only: a small data block right of the tables listing the
 * published cells of the margin column (per row) or margin row (per column); hidden ones are
 * left out of the chart, not drawn as zero.
 */
function addChart(
  sheet: { cells: CellModel[]; charts: ChartModel[]; columns?: readonly { width?: number }[] },
  p: ProtectedTable,
  type: ChartModel['type'],
  title: string,
  along: 'col' | 'row',
): void {
  const t = p.table;
  const R = rowsOf(t);
  const C = colsOf(t);
  const points: [string, number][] = [];
  if (along === 'col') {
    for (let r = 0; r < R - 1; r++) if (!p.hidden.has(r * C + C - 1)) points.push([t.rowLabels[r]!, t.values[r * C + C - 1]!]);
  } else {
    for (let c = 0; c < C - 1; c++) if (!p.hidden.has((R - 1) * C + c)) points.push([t.colLabels[c]!, t.values[(R - 1) * C + c]!]);
  }
  if (points.length === 0) return;
  const col = (sheet.columns?.length ?? 1) + 2;
  const top = FIRST_BLOCK_ROW;
  sheet.cells.push({ row: top - 1, col, value: `${title} – chiffres publiés`, style: HEADER_STYLE });
  sheet.cells.push({ row: top, col, value: along === 'col' ? 'Périmètre' : 'Colonne', style: HEADER_STYLE });
  sheet.cells.push({ row: top, col: col + 1, value: t.title, style: HEADER_STYLE });
  const fmt = t.measure === 'count' ? NUM_FMT.entier : NUM_FMT.heures;
  points.forEach(([label, v], k) => {
    sheet.cells.push({ row: top + 1 + k, col, value: label });
    sheet.cells.push({ row: top + 1 + k, col: col + 1, value: v, style: { numFmt: fmt } });
  });
  const L = columnLetters(col);
  const V = columnLetters(col + 1);
  const last = top + points.length;
  sheet.charts.push({
    type,
    title,
    categories: `${L}${top + 1}:${L}${last}`,
    series: [{ name: t.title, values: `${V}${top + 1}:${V}${last}` }],
    from: toA1(top, col + 3),
    to: toA1(top + 18, col + 11),
    valueFormat: fmt,
  });
}

function readmeSheet(regionCode: string, periode: number | undefined, s: DiffusionSettings, countCells: number, hidden: number): SheetModel {
  const lines: string[] = [
    periode === undefined ? 'Aucun retour retenu : aucun chiffre à publier.' : `Année des données : ${periode}.`,
    LEGEND,
    `Règles (paramètres) : effectifs de 1 à ${s.countThreshold - 1} masqués (0 est publié) ; ${(s.minSiaeScope ?? 'tous') === 'tous' ? 'chiffre' : "heures ou ETP"} masqué${(s.minSiaeScope ?? 'tous') === 'tous' ? '' : 's'} s'il repose sur 1 à ${s.minSiae - 1} SIAE${(s.dominanceShare ?? 0.85) < 1 ? ` ou si une SIAE en fournit plus de ${Math.round((s.dominanceShare ?? 0.85) * 100)} %` : ''} ; taux masqués quand leur numérateur ou leur dénominateur l'est : ${s.hideRatesOfHiddenOperands ? 'oui' : 'non'}.`,
    `Masquage secondaire : d'autres cellules sont masquées pour que, d'après les chiffres publiés et les totaux, chaque valeur masquée reste indéterminée sur un intervalle d'au moins ${s.protectionInterval} (et ${Math.round(s.amountProtectionShare * 100)} % de la valeur pour les heures, les ETP et les chiffres qui reposent sur trop peu de SIAE).`,
    "Audit : pour chaque cellule masquée, la plus petite et la plus grande valeur compatibles avec tout ce qui est publié ont été calculées (programmation linéaire) ; la version n'est produite que si chaque intervalle est assez large (feuille masquée « Audit du secret »).",
    `Cellules d'effectifs masquées : ${hidden} sur ${countCells}${countCells > 0 ? ` (${((100 * hidden) / countCells).toFixed(1).replace('.', ',')} %)` : ''}.`,
    'Cette version ne contient ni anomalies, ni sources, ni SIRET, ni nom de structure, ni nom de fichier.',
  ];
  // Neither Excel nor LibreOffice grows a row to fit wrapped text on opening: heights are set here.
  const perLine = 85;
  return {
    name: SHEET_LISEZ_MOI,
    columns: [{ width: 95 }],
    cells: [
      { row: 1, col: 1, value: `Indicateurs IAE – ${regionName(regionCode)} – version diffusable`, style: TITLE_STYLE },
      ...lines.map((value, k) => ({ row: 3 + k, col: 1, value, style: { wrap: true, vertical: 'top' as const } })),
    ],
    rowHeights: lines.map((value, k) => ({ row: 3 + k, height: 15 * Math.max(1, Math.ceil(value.length / perLine)) })),
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

function auditSheet(entries: readonly AuditEntry[], titles: ReadonlyMap<string, string> = new Map()): SheetModel {
  const headers = ['Tableau', 'Code du tableau', 'Ligne', 'Colonne', 'Valeur minimale possible', 'Valeur maximale possible', 'Écart requis', 'Conforme'];
  const cells: CellModel[] = [
    { row: 1, col: 1, value: 'Audit du secret statistique', style: TITLE_STYLE },
    {
      row: 2,
      col: 1,
      value: `${entries.length} cellule(s) masquée(s), ${entries.filter((e) => !e.ok).length} non conforme(s). Borne maximale vide : aucune borne (non calculable à partir des chiffres publiés).`,
      style: NOTE_STYLE,
    },
    ...headers.map((value, c) => ({ row: 4, col: 1 + c, value, style: HEADER_STYLE })),
  ];
  entries.forEach((e, k) => {
    const row = 5 + k;
    [titles.get(e.table) ?? e.table, e.table, e.row, e.col, e.lower, e.upper, e.required, e.ok ? 'oui' : 'non'].forEach((value, c) => cells.push({ row, col: 1 + c, value }));
  });
  return {
    name: SHEET_AUDIT,
    visibility: 'hidden',
    columns: [{ width: 40 }, { width: 24 }, { width: 28 }, { width: 28 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 10 }],
    cells,
  };
}
