import type { SiaeKind } from '../../schema/index.js';
import type { ConsolidationResult, GroupAggregate } from '../consolidate/index.js';
import type { PlanTarget, ProgressCoverage } from './types.js';

/**
 * The SIAE a référentiel expects on a perimeter for a period, and those of them without a
 * retained return (SIRET); undefined when the référentiel is not for that period.
 */
export type ExpectedOnScope = (periode: number, departement: string | null, kind: SiaeKind | null) => { readonly attendues: number; readonly sirets: readonly string[] } | undefined;

/**
 * Whether a target's figure covers its whole perimeter. Missing:
 * - for a region-wide target, every département of the region with no retained return for the period;
 * - when the run also holds the reference year, every SIAE (SIRET) of the reference year's figure
 *   on the same scope with no retained return for the period.
 * - when a référentiel of expected SIAE is given for the period, every SIAE of the perimeter it
 *   lists without a retained return (missing, excluded for errors, or only sent as a duplicate).
 */
export function coverageOf(
  result: ConsolidationResult,
  periode: number,
  target: PlanTarget,
  group: GroupAggregate | undefined,
  referenceGroup: GroupAggregate | undefined,
  regionDepartements: readonly string[],
  expected?: ExpectedOnScope,
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
  const fromReferentiel = expected?.(periode, target.departement, target.kind);
  if (fromReferentiel && fromReferentiel.sirets.length > 0) {
    const n = fromReferentiel.sirets.length;
    parts.push(`${n} SIAE attendue${n > 1 ? 's' : ''} sur ${fromReferentiel.attendues} sans retour retenu (référentiel)`);
    const known = new Set(siaeManquantes);
    for (const s of fromReferentiel.sirets) if (!known.has(s)) siaeManquantes.push(s);
    siaeManquantes.sort();
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
