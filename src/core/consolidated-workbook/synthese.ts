import { SECTORS, regionName } from '../../schema/index.js';
import { FIGURE_CODES, figureLabel, figureValue, type ConsolidationResult } from '../consolidate/index.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ObjectiveProgress } from '../objectives/index.js';
import type { CellModel, ChartModel, SheetModel, TableModel } from '../workbook-model.js';
import { NOTE_STYLE, NUM_FMT, TITLE_STYLE, styleOf } from './formats.js';
import { ALL_KINDS_LABEL, departementLabel, kindsPresent } from './scopes.js';
import { STATUS_CHART_COLORS } from './progression.js';
import { tableBlock, type BlockColumn } from './table-block.js';
import { columnLetters as colLetter } from '../a1.js';
import { widthForText, withRowHeights } from '../text-layout.js';
import type { Evolution } from '../evolution/index.js';

export const SHEET_SYNTHESE = 'Synthèse régionale';
export const TABLE_SYNTHESE = 'IAE_Synthese';
/** First column of the chart data blocks, right of the main table. */
const CHART_COL = 13;

/**
 * The regional summary: every figure (SIAE count, summed and derived indicators) for all SIAE
 * and for each kind, one block of rows per period; and the data and charts of ETP by
 * département, hours by sector and objectives by status for the latest period. With a
 * year-over-year comparison ending at that period, the ETP chart shows N−1 and N side by side.
 */
export function syntheseSheet(result: ConsolidationResult, progress: readonly ObjectiveProgress[], regionCode: string, evolution?: Evolution): SheetModel {
  const kinds = kindsPresent(result);
  // French first; the year and the indicator's code (for machines) last.
  const columns: BlockColumn[] = [
    { header: 'Indicateur', width: 44 },
    { header: ALL_KINDS_LABEL, width: 12 },
    ...kinds.map((k) => ({ header: k, width: 10 })),
    { header: 'Année', width: 7 },
    { header: 'Code indicateur', width: 20 },
  ];
  const rows = [...result.byPeriod.values()].flatMap((p) =>
    FIGURE_CODES.map((code) => {
      const style = styleOf(code);
      return {
        values: [figureLabel(code), figureValue(p.region, code), ...kinds.map((k) => figureValue(p.byKind.get(k), code)), p.periode, code],
        styles: [undefined, style, ...kinds.map(() => style), undefined, undefined],
      };
    }),
  );
  const top = 6;
  const block = tableBlock(TABLE_SYNTHESE, top, 1, columns, rows);
  const kept = result.kept.length;
  const periodLine =
    result.periods.length === 0
      ? 'Aucun retour retenu : aucune période.'
      : result.mixedPeriods
        ? result.periodNotice!
        : `Année des données : ${result.periods[0]}.`;
  const cells: CellModel[] = [
    { row: 1, col: 1, value: `Consolidation des indicateurs IAE – ${regionName(regionCode)}`, style: TITLE_STYLE },
    { row: 2, col: 1, value: periodLine, style: result.mixedPeriods ? { bold: true, color: 'C00000' } : NOTE_STYLE },
    {
      row: 3,
      col: 1,
      value: `${result.sources.length} fichier(s) lu(s) ; ${kept} retour(s) retenu(s), ${result.excluded.length} écarté(s) pour erreurs, ${result.duplicates.reduce((s, d) => s + d.dropped.length, 0)} doublon(s) compté(s) une seule fois (détail : feuilles « Sources » et « Anomalies »).`,
      style: NOTE_STYLE,
    },
    {
      row: 4,
      col: 1,
      value: 'Taux = somme des numérateurs ÷ somme des dénominateurs sur les retours qui renseignent tous les termes ; « sans objet » : dénominateur nul ; cellule vide : aucune donnée.',
      style: NOTE_STYLE,
    },
    ...block.cells,
  ];
  const tables: TableModel[] = block.table ? [block.table] : [];
  const charts: ChartModel[] = [];
  const chartWidths: number[] = [34, 16];

  const latest = result.periods.at(-1);
  if (latest !== undefined) {
    const p = result.byPeriod.get(latest)!;
    let r = top;
    // One series per column after the labels (one per year when two years are compared).
    const addBlock = (
      name: string,
      title: string,
      headers: readonly [string, ...string[]],
      data: readonly (readonly [string, ...(number | null)[]])[],
      numFmt: string,
      chart: Omit<ChartModel, 'categories' | 'series' | 'title' | 'from' | 'to' | 'valueFormat'>,
      years = String(latest),
    ) => {
      // Not wrapped: these rows are also rows of the main table, which must not grow.
      cells.push({ row: r - 1, col: CHART_COL, value: `${title} (${years})`, style: { bold: true } });
      const b = tableBlock(
        name,
        r,
        CHART_COL,
        headers.map((header, i) => (i === 0 ? { header } : { header, style: { numFmt } })),
        data.map((values) => ({ values })),
      );
      for (const c of b.cells) cells.push(c);
      b.widths.forEach((w, i) => (chartWidths[i] = Math.ceil(Math.max(chartWidths[i] ?? 0, w, widthForText(headers[i]!, undefined, true)))));
      if (b.table) {
        tables.push(b.table);
        const cat = `${colLetter(CHART_COL)}${r + 1}:${colLetter(CHART_COL)}${b.bottom}`;
        const val = (i: number) => `${colLetter(CHART_COL + i)}${r + 1}:${colLetter(CHART_COL + i)}${b.bottom}`;
        charts.push({
          ...chart,
          // Thousands separators on the axis and labels (never « 3500000 »).
          valueFormat: NUM_FMT.entier,
          title: `${title} (${years})`,
          categories: cat,
          series: headers.slice(1).map((name, i) => ({ name, values: val(i + 1) })),
          from: `${colLetter(CHART_COL + 3)}${r - 1}`,
          to: `${colLetter(CHART_COL + 11)}${r + 16}`,
        });
      }
      r = Math.max(b.bottom, r + 17) + 3;
    };
    const twoYears = evolution?.current.periode === latest ? evolution : undefined;
    if (twoYears) {
      const before = twoYears.previous.periode;
      addBlock(
        'IAE_Graphique_ETP',
        'ETP réalisés par département',
        ['Département', `ETP réalisés ${before}`, `ETP réalisés ${latest}`],
        twoYears.lines
          .filter((l) => l.departement !== null && l.code === 'etp_realises')
          .map((l) => [`${l.departement} ${departementLabel(l.departement!)}`, numberOrNull(l.previous), numberOrNull(l.current)] as const),
        NUM_FMT.etp,
        // N−1 lighter than N, beside it.
        { type: 'column', colors: ['9DC3E6', '1F4E79'] },
        `${before} et ${latest}`,
      );
    } else {
      addBlock(
        'IAE_Graphique_ETP',
        'ETP réalisés par département',
        ['Département', 'ETP réalisés'],
        [...p.byDepartement].map(([dep, g]) => [`${dep} ${departementLabel(dep)}`, numberOrNull(figureValue(g, 'etp_realises'))] as const),
        NUM_FMT.etp,
        { type: 'column', colors: ['1F4E79'] },
      );
    }
    addBlock(
      'IAE_Graphique_Secteurs',
      'Heures d\'insertion par secteur',
      ['Secteur', 'Heures rémunérées'],
      SECTORS.map((s) => [s.label, numberOrNull(figureValue(p.region, `heures_${s.key}`))] as const),
      NUM_FMT.heures,
      { type: 'bar', colors: ['548235'] },
    );
    if (progress.length > 0) {
      addBlock(
        'IAE_Graphique_Objectifs',
        'Objectifs par statut',
        ['Statut', "Nombre d'objectifs"],
        PROGRESS_STATUSES.map((s) => [PROGRESS_STATUS_LABELS[s], progress.filter((p) => p.statut === s).length] as const),
        NUM_FMT.entier,
        // One colour per status, the same as the status cells: never left to each program's palette.
        { type: 'pie', colors: PROGRESS_STATUSES.map((s) => STATUS_CHART_COLORS[s]) },
      );
    }
  }

  const widths = block.widths.map((width) => ({ width }));
  while (widths.length < CHART_COL - 1) widths.push({ width: 4 });
  for (const width of chartWidths) widths.push({ width });
  return withRowHeights({
    name: SHEET_SYNTHESE,
    tabColor: '1F4E79',
    columns: widths,
    cells,
    tables,
    charts,
    freeze: { rows: top, cols: 0 },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${top}:${top}` },
  });
}

function numberOrNull(v: number | string | null): number | null {
  return typeof v === 'number' ? v : null;
}
