/**
 * « Évolution »: every key figure of N−1 and N, for the region then each département, with the
 * change (in points for a rate, never a percentage of a percentage) and, beside each figure
 * whose comparison crosses one, the series break.
 */
import { figureFormat, figureLabel } from '../consolidate/index.js';
import type { Evolution, EvolutionLine } from '../evolution/index.js';
import type { SheetModel, StyleModel } from '../workbook-model.js';
import { NUM_FMT, styleOf } from './formats.js';
import { REGION_LABEL, departementLabel } from './scopes.js';
import { tableSheet, type BlockColumn } from './table-block.js';

export const SHEET_EVOLUTION = 'Évolution';
export const TABLE_EVOLUTION = 'IAE_Evolution';

/** A change shows its sign; a rate's change is in percentage points. */
const POINTS_FMT = '+0.0" pt";-0.0" pt";0.0" pt"';
const RELATIVE_FMT = '+0.0%;-0.0%;0.0%';
const signed = (fmt: string) => `+${fmt};-${fmt};${fmt}`;

function changeStyle(l: EvolutionLine): StyleModel {
  return { numFmt: l.unit === 'points' ? POINTS_FMT : signed(NUM_FMT[figureFormat(l.code)]) };
}

export function breakText(l: EvolutionLine): string | null {
  return l.breaks.length === 0 ? null : l.breaks.map((b) => `Rupture de série : ${b.label} (${b.year})`).join(' ; ');
}

function sourceText(e: Evolution): string {
  return e.previous.origin.kind === 'reference' ? `classeur consolidé « ${e.previous.origin.file} »` : 'les retours de ce lot';
}

export function evolutionSheet(e: Evolution): SheetModel {
  const before = e.previous.periode;
  const after = e.current.periode;
  const columns: BlockColumn[] = [
    { header: 'Périmètre', width: 10 },
    { header: 'Nom du périmètre', width: 18 },
    { header: 'Indicateur', width: 36 },
    { header: `Valeur ${before}`, width: 12 },
    { header: `Valeur ${after}`, width: 12 },
    { header: 'Évolution', width: 12 },
    { header: 'Évolution (%)', width: 11 },
    { header: 'Code indicateur', width: 20 },
    { header: 'Rupture de série', width: 48, style: { wrap: true } },
  ];
  const breaks =
    e.breaks.length === 0
      ? 'Aucune rupture de série entre ces deux années.'
      : `Ruptures de série franchies : ${e.breaks.map((b) => `${b.label} (${b.year})`).join(' ; ')} ; les chiffres concernés le disent dans la dernière colonne.`;
  return tableSheet({
    name: SHEET_EVOLUTION,
    tabColor: '7030A0',
    title: `Évolution ${before} – ${after} des chiffres clés`,
    note:
      `Année ${before} : ${sourceText(e)} ; année ${after} : les retours de ce lot. Évolution = ${after} − ${before}, dans l'unité de l'indicateur ; pour un taux, en points (pt), jamais en pourcentage d'un pourcentage ; Évolution (%) pour les seuls chiffres qui ne sont pas des taux. ` +
      breaks,
    tableName: TABLE_EVOLUTION,
    columns,
    rows: e.lines.map((l) => {
      const style = styleOf(l.code);
      return {
        values: [
          l.departement ?? REGION_LABEL,
          l.departement === null ? REGION_LABEL : departementLabel(l.departement),
          figureLabel(l.code),
          l.previous,
          l.current,
          l.change,
          l.relative,
          l.code,
          breakText(l),
        ],
        styles: [undefined, undefined, undefined, style, style, changeStyle(l), { numFmt: RELATIVE_FMT }, undefined, undefined],
      };
    }),
    empty: 'Aucun chiffre à comparer.',
    freezeCols: 3,
  });
}
