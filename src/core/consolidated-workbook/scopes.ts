import { SIAE_KINDS, departementByCode, type SiaeKind } from '../../schema/index.js';
import { groupMapKey, type ConsolidationResult, type GroupAggregate } from '../consolidate/index.js';

export const ALL_KINDS_LABEL = 'Toutes SIAE';
export const REGION_LABEL = 'Région';

export interface ScopeRow {
  readonly periode: number;
  /** null for the region. */
  readonly departement: string | null;
  readonly kind: SiaeKind | null;
  readonly group: GroupAggregate;
}

export function departementLabel(code: string): string {
  return departementByCode(code)?.nom ?? code;
}

export function kindsPresent(result: ConsolidationResult): SiaeKind[] {
  const present = new Set<SiaeKind>();
  for (const p of result.byPeriod.values()) for (const k of p.byKind.keys()) present.add(k);
  return SIAE_KINDS.filter((k) => present.has(k));
}

/** Region (all kinds, then each kind) for every period. */
export function regionRows(result: ConsolidationResult): ScopeRow[] {
  const rows: ScopeRow[] = [];
  for (const [periode, p] of result.byPeriod) {
    rows.push({ periode, departement: null, kind: null, group: p.region });
    for (const k of SIAE_KINDS) {
      const g = p.byKind.get(k);
      if (g) rows.push({ periode, departement: null, kind: k, group: g });
    }
  }
  return rows;
}

/** Each département (all kinds, then each kind when withKinds) for every period. */
export function departementRows(result: ConsolidationResult, withKinds: boolean): ScopeRow[] {
  const rows: ScopeRow[] = [];
  for (const [periode, p] of result.byPeriod) {
    for (const [dep, g] of p.byDepartement) {
      rows.push({ periode, departement: dep, kind: null, group: g });
      if (!withKinds) continue;
      for (const k of SIAE_KINDS) {
        const gk = p.byDepartementKind.get(groupMapKey(dep, k));
        if (gk) rows.push({ periode, departement: dep, kind: k, group: gk });
      }
    }
  }
  return rows;
}
