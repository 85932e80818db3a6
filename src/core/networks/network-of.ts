/**
 * The network each retained return belongs to, so that a network coordinator can see their
 * own members: the référentiel's network (matched by SIRET, else by annexe financière), else
 * the sender of the network table the return came from, else « Réseau non renseigné ».
 * One pass over the returns, look-ups by Map: linear in the number of returns.
 */
import { shortAnnexe } from '../asp/identifiers.js';
import type { Referentiel } from '../campaign/types.js';
import { cleanText } from '../parse/text.js';
import type { ReturnRecord } from '../records.js';
import type { SenderInfo } from '../validate/report.js';

export const NO_NETWORK = 'Réseau non renseigné';

/** How a return's network was found. */
export type NetworkOrigin = 'referentiel' | 'emetteur' | 'aucune';

export interface NetworkOfReturn {
  readonly reseau: string;
  readonly origin: NetworkOrigin;
}

/** A file as validation reported it: its display name and the sender block of a network table. */
export interface SentFile {
  readonly file: string;
  readonly sender?: SenderInfo;
}

/**
 * The sender of a network table names a network unless it says it is a CDIAE (a département's
 * committee sends for every network of its département, not for one).
 */
function senderNetwork(sender: SenderInfo | undefined): string | undefined {
  if (!sender?.nom) return undefined;
  if (sender.type !== undefined && cleanText(sender.type).toUpperCase() === 'CDIAE') return undefined;
  return cleanText(sender.nom) || undefined;
}

/** Networks of `kept` (ConsolidationResult.kept), index for index. */
export function networksOfReturns(kept: readonly ReturnRecord[], files: readonly SentFile[], referentiel?: Referentiel): NetworkOfReturn[] {
  const bySiret = new Map<string, string>();
  const byAnnexe = new Map<string, string>();
  for (const e of referentiel?.entries ?? []) {
    const reseau = e.reseau !== undefined ? cleanText(e.reseau) : '';
    if (!reseau) continue;
    bySiret.set(e.siret, reseau);
    if (e.annexe) byAnnexe.set(shortAnnexe(e.annexe), reseau);
  }
  const byFile = new Map<string, string>();
  for (const f of files) {
    const reseau = senderNetwork(f.sender);
    if (reseau) byFile.set(f.file, reseau);
  }
  // One object per network and origin, shared by its returns (a national run has few networks, many returns).
  const shared = new Map<NetworkOrigin, Map<string, NetworkOfReturn>>();
  const of = (reseau: string, origin: NetworkOrigin): NetworkOfReturn => {
    let byName = shared.get(origin);
    if (!byName) shared.set(origin, (byName = new Map()));
    let n = byName.get(reseau);
    if (!n) byName.set(reseau, (n = { reseau, origin }));
    return n;
  };
  return kept.map((r): NetworkOfReturn => {
    const siret = r.values.siret;
    const annexe = r.values.annexe_financiere;
    const fromReferentiel =
      (typeof siret === 'string' ? bySiret.get(siret) : undefined) ?? (typeof annexe === 'string' && annexe ? byAnnexe.get(shortAnnexe(annexe)) : undefined);
    if (fromReferentiel) return of(fromReferentiel, 'referentiel');
    const fromSender = byFile.get(r.source.file);
    if (fromSender) return of(fromSender, 'emetteur');
    return of(NO_NETWORK, 'aucune');
  });
}
