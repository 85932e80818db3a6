import type { DiffusionSettings } from '../../schema/index.js';
import type { GridTable } from './grid-table.js';

/** Why a cell is hidden. */
export type HiddenReason = 'petit_effectif' | 'peu_de_siae' | 'secondaire';

export const HIDDEN_REASON_LABELS: Record<HiddenReason, string> = {
  petit_effectif: 'effectif de 1 au seuil − 1',
  peu_de_siae: 'moins de SIAE que le minimum',
  secondaire: 'masquage secondaire',
};

/**
 * Primary suppression: the cells the rules hide by themselves. A count from 1 to
 * countThreshold − 1 (0 is published: it reveals no one), and any figure resting on 1 to
 * minSiae − 1 SIAE (it would describe one or two structures).
 */
export function primaryReason(t: GridTable, index: number, s: DiffusionSettings): HiddenReason | undefined {
  const v = t.values[index]!;
  if (t.measure === 'count' && v >= 1 && v < s.countThreshold) return 'petit_effectif';
  const n = t.siae[index]!;
  if (n >= 1 && n < s.minSiae) return 'peu_de_siae';
  return undefined;
}

export function primaryCells(t: GridTable, s: DiffusionSettings): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.values.length; i++) if (primaryReason(t, i, s) !== undefined) out.push(i);
  return out;
}

/**
 * How wide the range of a hidden cell must stay, given everything published: the protection
 * interval; for amounts (hours, ETP) also a share of the value, since a few hours protect nothing.
 */
export function requiredWidth(t: GridTable, index: number, s: DiffusionSettings): number {
  if (t.measure === 'count') return s.protectionInterval;
  return Math.max(s.protectionInterval, s.amountProtectionShare * Math.abs(t.values[index]!));
}
