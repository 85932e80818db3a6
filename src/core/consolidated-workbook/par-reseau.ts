/**
 * « Par réseau »: each network's members against the region, period by period. The rows are a
 * plain structure (parReseauRows) that the public version can reuse and protect; the sheet
 * only lays them out.
 */
import { figureLabel, figureValue, type GroupAggregate } from '../consolidate/index.js';
import { KEY_CODES } from '../consolidate/key-figures.js';
import type { NetworkFigures } from '../networks/index.js';
import type { SheetModel } from '../workbook-model.js';
import { NUM_FMT, styleOf } from './formats.js';
import { tableSheet, type BlockRow } from './table-block.js';

export const SHEET_PAR_RESEAU = 'Par réseau';
export const TABLE_PAR_RESEAU = 'IAE_Par_reseau';
export const REGION_NETWORK_LABEL = 'Région (toutes les SIAE)';

export interface ParReseauRow {
  readonly periode: number;
  /** null: the region, every retained return of the period. */
  readonly reseau: string | null;
  readonly group: GroupAggregate;
  /** The network's share of the region's SIAE and people; null on the region's row or without people. */
  readonly partSiae: number | null;
  readonly partPersonnes: number | null;
}

const share = (part: number | undefined, whole: number | undefined): number | null =>
  part === undefined || whole === undefined || whole === 0 ? null : part / whole;

/** Per period: the region's row, then each network's. */
export function parReseauRows(figures: NetworkFigures): ParReseauRow[] {
  const rows: ParReseauRow[] = [];
  for (const p of figures.periods) {
    rows.push({ periode: p.periode, reseau: null, group: p.region, partSiae: null, partPersonnes: null });
    for (const n of p.networks) {
      rows.push({
        periode: p.periode,
        reseau: n.reseau,
        group: n.group,
        partSiae: share(n.group.siaeCount, p.region.siaeCount),
        partPersonnes: share(n.group.sums.personnes?.value, p.region.sums.personnes?.value),
      });
    }
  }
  return rows;
}

const BOLD = { bold: true } as const;

export function parReseauSheet(figures: NetworkFigures): SheetModel {
  const rows = parReseauRows(figures);
  const percent = { numFmt: NUM_FMT.pourcentage };
  return tableSheet({
    name: SHEET_PAR_RESEAU,
    title: 'Indicateurs par réseau, comparés à la région',
    note:
      "Réseau de chaque SIAE : celui du référentiel (par SIRET, sinon par annexe financière), sinon l'émetteur du tableau réseau qui l'a transmise ; « Réseau non renseigné » sinon. La ligne « Région » de chaque année additionne tous les retours retenus. Taux = somme des numérateurs ÷ somme des dénominateurs, sur les retours qui renseignent tous les termes.",
    tableName: TABLE_PAR_RESEAU,
    columns: [
      { header: 'Année', width: 8 },
      { header: 'Réseau', width: 28 },
      { header: 'Part des SIAE de la région', width: 12, style: percent },
      { header: 'Part des personnes de la région', width: 12, style: percent },
      ...KEY_CODES.map((c) => ({ header: figureLabel(c), width: 14, style: styleOf(c) })),
    ],
    rows: rows.map(
      (r): BlockRow => ({
        values: [r.periode, r.reseau ?? REGION_NETWORK_LABEL, r.partSiae, r.partPersonnes, ...KEY_CODES.map((c) => figureValue(r.group, c))],
        // The region's row stands out: each network reads against it.
        ...(r.reseau === null ? { styles: [BOLD, BOLD] } : {}),
      }),
    ),
    empty: 'Aucun retour retenu.',
    freezeCols: 2,
  });
}
