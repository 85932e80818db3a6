import type { ConsolidationResult, GroupAggregate } from '../consolidate/index.js';
import type { PlanTarget, ProgressCoverage } from './types.js';

/**
 * Whether a target's figure covers its whole perimeter. Missing:
 * - for a region-wide target, every département of the region with no retained return for the period;
 * - when the run also holds the reference year, every SIAE (SIRET) of the reference year's figure
 *   on the same scope with no retained return for the period.
 * A target on one département is only compared with its reference year (no list of expected SIAE yet).
 */
export function coverageOf(
  result: ConsolidationResult,
  periode: number,
  target: PlanTarget,
  group: GroupAggregate | undefined,
  referenceGroup: GroupAggregate | undefined,
  regionDepartements: readonly string[],
): ProgressCoverage {
  const parts: string[] = [];
  let departementsRecus: string[] = target.departement === null ? [] : [target.departement];
  let departementsManquants: string[] = [];
  if (target.departement === null) {
    const present = result.byPeriod.get(periode)?.byDepartement;
    departementsRecus = regionDepartements.filter((d) => present?.has(d) ?? false);
    departementsManquants = regionDepartements.filter((d) => !(present?.has(d) ?? false));
    if (departementsManquants.length > 0) {
      const n = regionDepartements.length;
      const got = departementsRecus.length;
      parts.push(
        `${got} département${got > 1 ? 's' : ''} sur ${n}${got > 0 ? ` : ${departementsRecus.join(', ')}` : ''} (manque${departementsManquants.length > 1 ? 'nt' : ''} ${departementsManquants.join(', ')})`,
      );
    }
  }
  const siaeManquantes: string[] = [];
  if (referenceGroup !== undefined && target.anneeReference !== undefined) {
    const now = siretsOf(result, group);
    for (const s of siretsOf(result, referenceGroup)) if (!now.has(s)) siaeManquantes.push(s);
    siaeManquantes.sort();
    if (siaeManquantes.length > 0) {
      const n = siaeManquantes.length;
      parts.push(`${n} SIAE présente${n > 1 ? 's' : ''} en ${target.anneeReference} sans retour ${periode} sur ce périmètre`);
    }
  }
  return { complete: parts.length === 0, departementsRecus, departementsManquants, siaeManquantes, texte: parts.join(' ; ') };
}

function siretsOf(result: ConsolidationResult, group: GroupAggregate | undefined): Set<string> {
  const out = new Set<string>();
  for (const i of group?.members ?? []) {
    const s = result.kept[i]?.values.siret;
    if (typeof s === 'string') out.add(s);
  }
  return out;
}
