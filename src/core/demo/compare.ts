import { SECTORS, type SectorKey, type SiaeKind } from '../../schema/index.js';
import type { ConsolidationResult, GroupAggregate } from '../consolidate/index.js';
import { figureValue } from '../consolidate/index.js';
import { DIAGNOSTIC_2013 } from './diagnostic-2013.js';

export interface ComparisonRow {
  readonly label: string;
  readonly ours: number | null;
  readonly seed: number;
  readonly format: 'entier' | 'pourcentage';
  /** Our figure minus the seed's (points of percentage for shares). */
  readonly ecart: number | null;
  /** Largest gap that still counts as "within rounding" of the seed's figure. */
  readonly tolerance: number;
  /** The seed states a floor ("plus de 60 %"): ours must be at least the figure. */
  readonly atLeast?: boolean;
}

const num = (v: ReturnType<typeof figureValue>): number | null => (typeof v === 'number' ? v : null);

/**
 * Our consolidated figures of one period beside the 2013 diagnostic's: counts, people, ETP,
 * shares by kind, publics, hours by sector. Shares stated as whole percentages match within
 * half a point; totals within the seed's own rounding.
 */
export function compareWithDiagnostic(result: ConsolidationResult, periode: number): ComparisonRow[] {
  const D = DIAGNOSTIC_2013;
  const p = result.byPeriod.get(periode);
  const region = p?.region;
  const kind = (k: SiaeKind): GroupAggregate | undefined => p?.byKind.get(k);
  const rows: ComparisonRow[] = [];
  const add = (label: string, ours: number | null, seed: number, format: ComparisonRow['format'], tolerance: number, atLeast = false) =>
    rows.push({ label, ours, seed, format, ecart: ours === null ? null : ours - seed, tolerance, ...(atLeast ? { atLeast } : {}) });
  const share = (part: number | null, whole: number | null) => (part === null || !whole ? null : part / whole);
  const HALF_POINT = 0.005;

  add('Nombre de SIAE', num(figureValue(region, 'nombre_siae')), D.siae, 'entier', 0);
  for (const k of ['EI', 'ACI', 'ETTI'] as const) add(`SIAE de type ${k}`, num(figureValue(kind(k), 'nombre_siae')), D.siaeByKind[k]!, 'entier', 0);
  for (const k of ['AI', 'ETTI'] as const) {
    add(`Part des SIAE : ${k}`, share(num(figureValue(kind(k), 'nombre_siae')), num(figureValue(region, 'nombre_siae'))), D.siaeShareByKind[k]!, 'pourcentage', HALF_POINT);
  }
  add('Personnes en insertion', num(figureValue(region, 'personnes')), D.personnes, 'entier', 500);
  add("ETP d'insertion", num(figureValue(region, 'etp_realises')), D.etp, 'entier', 0.5);
  const people = num(figureValue(region, 'personnes'));
  const etp = num(figureValue(region, 'etp_realises'));
  for (const k of ['AI', 'EI', 'ACI', 'ETTI'] as const) {
    add(`Part des personnes : ${k}`, share(num(figureValue(kind(k), 'personnes')), people), D.peopleShareByKind[k]!, 'pourcentage', HALF_POINT);
  }
  for (const k of ['AI', 'EI', 'ACI', 'ETTI'] as const) {
    add(`Part des ETP : ${k}`, share(num(figureValue(kind(k), 'etp_realises')), etp), D.etpShareByKind[k]!, 'pourcentage', HALF_POINT);
  }
  add('Part des femmes', num(figureValue(region, 'part_femmes')), D.femmes, 'pourcentage', HALF_POINT);
  for (const k of ['AI', 'ETTI'] as const) add(`Part des femmes : ${k}`, num(figureValue(kind(k), 'part_femmes')), D.femmesByKind[k]!, 'pourcentage', HALF_POINT);
  add('Part des bénéficiaires du RSA', num(figureValue(region, 'part_rsa')), D.rsa, 'pourcentage', HALF_POINT);
  add('Part des bénéficiaires du RSA : ACI', num(figureValue(kind('ACI'), 'part_rsa')), D.rsaByKind.ACI!, 'pourcentage', HALF_POINT);
  add('Part des résidents QPV', num(figureValue(region, 'part_residents_qpv')), D.qpv, 'pourcentage', HALF_POINT);
  add('Part des résidents QPV : 93 (plus de 60 %)', num(figureValue(p?.byDepartement.get('93'), 'part_residents_qpv')), D.qpvByDepartement['93']!, 'pourcentage', 0, true);
  add('Part des chômeurs de 24 mois et plus (DETLD)', num(figureValue(region, 'part_detld')), D.detld, 'pourcentage', HALF_POINT);
  const sectorLabel = (key: string) => SECTORS.find((s) => s.key === key)?.label ?? key;
  for (const [key, seed] of Object.entries(D.hoursBySector)) {
    add(`Heures : ${sectorLabel(key)}`, num(figureValue(region, `part_heures_${key as SectorKey}`)), seed, 'pourcentage', HALF_POINT);
  }
  for (const [k, sectors] of Object.entries(D.hoursBySectorByKind)) {
    for (const [key, seed] of Object.entries(sectors)) {
      add(`Heures ${k} : ${sectorLabel(key)}`, num(figureValue(kind(k as SiaeKind), `part_heures_${key as SectorKey}`)), seed, 'pourcentage', HALF_POINT);
    }
  }
  const ei = kind('EI');
  const eiNc = [num(figureValue(ei, 'part_heures_nettoyage')), num(figureValue(ei, 'part_heures_collecte_tri'))];
  add('Heures EI : nettoyage et collecte-tri', eiNc.includes(null) ? null : eiNc[0]! + eiNc[1]!, D.eiNettoyageCollecte, 'pourcentage', 0.05);
  return rows;
}

/** Whether our figure reproduces the seed's, within its tolerance. */
export function withinRounding(row: ComparisonRow): boolean {
  if (row.ours === null) return false;
  if (row.atLeast) return row.ours >= row.seed;
  return Math.abs(row.ours - row.seed) <= row.tolerance + 1e-9;
}
