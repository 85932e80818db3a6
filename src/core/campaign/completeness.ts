/**
 * Completeness of a campaign: for every SIAE of the référentiel, whether its return came and was
 * retained, and the counts per département × kind and for the region. Rules (also in the spec):
 *
 * - A return is matched to an SIAE by SIRET, else by annexe financière (short form). Only the
 *   returns of the campaign year count (a return without a readable year counts too).
 * - Each expected SIAE has exactly one state, the first that applies: « retenu » (one of its returns
 *   entered the figures), « écarté » (its return was left out for errors), « doublon » (all it got
 *   were returns set aside as duplicates of a return credited to another SIAE), « manquant ».
 *   Hence, per département × kind: attendues = retenues + écartées + doublons + manquantes.
 * - A duplicate of a retained (or excluded) SIAE does not count again: the SIAE counts once, in its
 *   own state; its extra returns are counted apart (retoursEnDouble), outside the identity.
 * - Returns matching no SIAE of the référentiel are listed apart, with their own state.
 */
import { departementsOfRegion, isSiaeKind, type SiaeKind } from '../../schema/index.js';
import { shortAnnexe } from '../asp/identifiers.js';
import type { ConsolidationResult } from '../consolidate/index.js';
import type { ReturnRecord, ReturnSource } from '../records.js';
import type { Referentiel, ReferentielEntry } from './types.js';

export type FollowUpState = 'retenu' | 'ecarte' | 'doublon' | 'manquant';

export const FOLLOW_UP_LABELS: Record<FollowUpState, string> = {
  retenu: 'reçu et retenu',
  ecarte: 'écarté',
  doublon: 'doublon écarté',
  manquant: 'manquant',
};

/** One SIAE of the référentiel and what became of its return. */
export interface SiaeFollowUp {
  readonly entry: ReferentielEntry;
  readonly state: FollowUpState;
  /** Why it was left out (écarté, doublon), in French. */
  readonly motif?: string;
  /** Its returns, the one that decided the state first. */
  readonly returns: readonly ReturnSource[];
  /** Returns of it set aside as duplicates. */
  readonly duplicates: number;
}

/** A return from an SIAE absent from the référentiel. */
export interface OutsideReturn {
  readonly source: ReturnSource;
  readonly siret?: string;
  readonly nom?: string;
  readonly kind?: SiaeKind;
  readonly departement?: string;
  readonly state: Exclude<FollowUpState, 'manquant'>;
  readonly motif?: string;
}

export interface CompletenessCounts {
  readonly attendues: number;
  /** retenues + écartées + doublons. */
  readonly recues: number;
  readonly retenues: number;
  readonly ecartees: number;
  /** SIAE whose only returns were set aside as duplicates. */
  readonly doublons: number;
  readonly manquantes: number;
  /** Returns of these SIAE set aside as duplicates (outside the identity). */
  readonly retoursEnDouble: number;
}

export interface CompletenessCell extends CompletenessCounts {
  /** null: the region. */
  readonly departement: string | null;
  /** null: every kind. */
  readonly kind: SiaeKind | null;
}

export interface Completeness {
  readonly referentiel: { readonly file: string; readonly origin: Referentiel['origin']; readonly entries: number };
  /** Campaign year: the référentiel's, else the latest period of the run. */
  readonly periode: number | undefined;
  /** Every SIAE of the référentiel, in référentiel order. */
  readonly siae: readonly SiaeFollowUp[];
  /** Per département × kind present in the référentiel, département then kind order. */
  readonly byDepartementKind: readonly CompletenessCell[];
  /** Every département of the region, in order. */
  readonly byDepartement: readonly CompletenessCell[];
  readonly region: CompletenessCell;
  readonly outside: readonly OutsideReturn[];
}

export interface CompletenessInput {
  readonly referentiel: Referentiel;
  readonly result: ConsolidationResult;
  /** Every return handed to consolidation (kept, excluded and duplicates set aside). */
  readonly records: readonly ReturnRecord[];
  readonly regionCode: string;
}

const RANK: Record<FollowUpState, number> = { manquant: 0, doublon: 1, ecarte: 2, retenu: 3 };
const KIND_ORDER: readonly SiaeKind[] = ['EI', 'ACI', 'AI', 'ETTI', 'EITI'];

const placeKey = (s: ReturnSource) => `${s.file}\u0000${s.sheet}\u0000${s.row ?? ''}`;

interface Status {
  readonly state: Exclude<FollowUpState, 'manquant'>;
  readonly motif?: string;
}

const RETAINED: Status = { state: 'retenu' };

/** The state of a return handed to consolidation (one shared object for every retained return). */
function returnStatuses(result: ConsolidationResult): (r: ReturnRecord) => Status {
  const kept = new Set(result.kept);
  const excluded = new Map(result.excluded.map((e) => [e.record, e.reasons] as const));
  const dropped = new Map<string, string>();
  for (const d of result.duplicates) for (const s of d.dropped) dropped.set(placeKey(s), `doublon du retour de ${describe(d.kept)} (${d.reason})`);
  return (r) => {
    if (kept.has(r)) return RETAINED;
    const reasons = excluded.get(r);
    if (reasons) return { state: 'ecarte', motif: reasons.join(' ; ') };
    return { state: 'doublon', motif: dropped.get(placeKey(r.source)) ?? 'retour en double' };
  };
}

function describe(s: ReturnSource): string {
  return s.row === undefined ? `« ${s.file} »` : `« ${s.file} », ligne ${s.row}`;
}

export function computeCompleteness(input: CompletenessInput): Completeness {
  const { referentiel, result } = input;
  const periode = referentiel.periode ?? result.periods.at(-1);
  const entries = referentiel.entries;
  const bySiret = new Map<string, number>();
  const byAnnexe = new Map<string, number>();
  entries.forEach((e, i) => {
    if (!bySiret.has(e.siret)) bySiret.set(e.siret, i);
    if (e.annexe !== undefined && !byAnnexe.has(e.annexe)) byAnnexe.set(e.annexe, i);
  });

  const statusOf = returnStatuses(result);
  // Per SIAE of the référentiel, index for index: its best status so far (undefined: nothing
  // received), its returns (the deciding one first) and its returns set aside as duplicates.
  const best: (Status | undefined)[] = new Array<Status | undefined>(entries.length).fill(undefined);
  const received: ReturnSource[][] = entries.map(() => []);
  const duplicates = new Uint32Array(entries.length);
  const outside: OutsideReturn[] = [];
  for (const r of input.records) {
    const v = r.values;
    if (periode !== undefined && typeof v.annee === 'number' && v.annee !== periode) continue;
    const status = statusOf(r);
    // The annexe's short form only when the SIRET does not find the SIAE.
    let i = typeof v.siret === 'string' ? bySiret.get(v.siret) : undefined;
    if (i === undefined && typeof v.annexe_financiere === 'string') i = byAnnexe.get(shortAnnexe(v.annexe_financiere));
    if (i === undefined) {
      outside.push({
        source: r.source,
        ...(typeof v.siret === 'string' ? { siret: v.siret } : {}),
        ...(typeof v.raison_sociale === 'string' ? { nom: v.raison_sociale } : {}),
        ...(isSiaeKind(v.type_siae) ? { kind: v.type_siae } : {}),
        ...(typeof v.departement === 'string' ? { departement: v.departement } : {}),
        state: status.state,
        ...(status.motif !== undefined ? { motif: status.motif } : {}),
      });
      continue;
    }
    if (status.state === 'doublon') duplicates[i]!++;
    const b = best[i];
    if (b === undefined || RANK[status.state] > RANK[b.state]) {
      best[i] = status;
      received[i]!.unshift(r.source);
    } else received[i]!.push(r.source);
  }

  const siae: SiaeFollowUp[] = entries.map((entry, i) => {
    const b = best[i];
    if (b === undefined) return { entry, state: 'manquant', returns: [], duplicates: 0 };
    // A duplicate of a retained or excluded SIAE is the same SIAE: only the winner's state counts.
    return { entry, state: b.state, ...(b.motif !== undefined && b.state !== 'retenu' ? { motif: b.motif } : {}), returns: received[i]!, duplicates: duplicates[i]! };
  });

  const deps = departementsOfRegion(input.regionCode).map((d) => d.code);
  // One pass: each SIAE into its département × kind and its département (linear in the référentiel).
  const groups = new Map<string, SiaeFollowUp[]>();
  const add = (key: string, s: SiaeFollowUp) => {
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  };
  for (const s of siae) {
    add(`${s.entry.departement}|${s.entry.kind}`, s);
    add(s.entry.departement, s);
  }
  const byDepartementKind: CompletenessCell[] = [];
  for (const d of deps) for (const k of KIND_ORDER) if (groups.has(`${d}|${k}`)) byDepartementKind.push(countsOf(groups.get(`${d}|${k}`)!, d, k));
  return {
    referentiel: { file: referentiel.file, origin: referentiel.origin, entries: entries.length },
    periode,
    siae,
    byDepartementKind,
    byDepartement: deps.map((d) => countsOf(groups.get(d) ?? [], d, null)),
    region: countsOf(siae, null, null),
    outside,
  };
}

function countsOf(list: readonly SiaeFollowUp[], departement: string | null, kind: SiaeKind | null): CompletenessCell {
  const n: Record<FollowUpState, number> = { retenu: 0, ecarte: 0, doublon: 0, manquant: 0 };
  let retoursEnDouble = 0;
  for (const s of list) {
    n[s.state]++;
    retoursEnDouble += s.duplicates;
  }
  return {
    departement,
    kind,
    attendues: list.length,
    recues: n.retenu + n.ecarte + n.doublon,
    retenues: n.retenu,
    ecartees: n.ecarte,
    doublons: n.doublon,
    manquantes: n.manquant,
    retoursEnDouble,
  };
}

/** SIAE of a perimeter (département or region, kind or every kind) without a retained return: the coverage of a target. */
export function notRetainedIn(c: Completeness, departement: string | null, kind: SiaeKind | null): { attendues: number; sirets: string[] } {
  const inScope = c.siae.filter((s) => (departement === null || s.entry.departement === departement) && (kind === null || s.entry.kind === kind));
  return { attendues: inScope.length, sirets: inScope.filter((s) => s.state !== 'retenu').map((s) => s.entry.siret).sort() };
}
