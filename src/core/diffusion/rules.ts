import type { DiffusionSettings } from '../../schema/index.js';
import type { GridTable } from './grid-table.js';

/** Dominance share when the settings do not say (older settings objects). */
const DOMINANCE_DEFAULT = 0.85;

/** Why a cell is hidden. */
export type HiddenReason = 'petit_effectif' | 'peu_de_siae' | 'dominance' | 'secondaire';

export const HIDDEN_REASON_LABELS: Record<HiddenReason, string> = {
  petit_effectif: 'effectif de 1 au seuil − 1',
  peu_de_siae: 'moins de SIAE que le minimum',
  dominance: 'une SIAE en fournit presque tout',
  secondaire: 'masquage secondaire',
};

/**
 * Primary suppression: the cells the rules hide by themselves. A count from 1 to
 * countThreshold − 1 (0 is published: it reveals no one), and any figure resting on 1 to
 * minSiae − 1 SIAE (it would describe one or two structures; with minSiaeScope « montants »,
 * only hours and ETP), and any figure one SIAE gives more than dominanceShare of (the others'
 * small part would give it away: the dominance rule of the secret des entreprises).
 */
export function primaryReason(t: GridTable, index: number, s: DiffusionSettings): HiddenReason | undefined {
  const v = t.values[index]!;
  if (t.measure === 'count' && v >= 1 && v < s.countThreshold) return 'petit_effectif';
  const n = t.siae[index]!;
  const covered = (s.minSiaeScope ?? 'tous') === 'tous' || t.measure === 'amount';
  if (covered && n >= 1 && n < s.minSiae) return 'peu_de_siae';
  const top = t.largest?.[index];
  const share = s.dominanceShare ?? DOMINANCE_DEFAULT;
  if (covered && top !== undefined && share < 1 && v > 0 && top > share * v) return 'dominance';
  return undefined;
}

export function primaryCells(t: GridTable, s: DiffusionSettings): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.values.length; i++) if (primaryReason(t, i, s) !== undefined) out.push(i);
  return out;
}

/**
 * How wide the range of a hidden cell must stay, given everything published: the protection
 * interval; for amounts (hours, ETP) also a share of the value, since a few hours protect
 * nothing; and so for any figure resting on too few SIAE or dominated by one (a count of 395 people shared by two
 * ETTI, known to ± 5, would give each its neighbour's headcount to about 1 %: the p % rule of
 * τ-ARGUS asks for a share of the value). Computed from the table alone: the audit calls it too.
 */
export function requiredWidth(t: GridTable, index: number, s: DiffusionSettings): number {
  const reason = primaryReason(t, index, s);
  if (t.measure === 'count' && reason !== 'peu_de_siae' && reason !== 'dominance') return s.protectionInterval;
  return Math.max(s.protectionInterval, s.amountProtectionShare * Math.abs(t.values[index]!));
}
