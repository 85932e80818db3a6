import type { Reconciliation } from './types.js';
import { ourLabel } from './mapping.js';
import { formatNumberFr } from '../../schema/index.js';

/** One line (CLI, pane) on the reconciliation with the ASP extract. */
export function aspSummaryLine(r: Reconciliation): string {
  const flaggedSiae = r.matched.reduce((n, m) => n + (m.flagged > 0 ? 1 : 0), 0);
  const years = r.years.length > 0 ? `année(s) ${r.years.join(', ')}` : 'aucune année commune aux retours et à l\'extraction';
  return `Rapprochement ASP (« ${r.file} », ${years}) : ${formatNumberFr(r.matched.length)} SIAE rapprochée(s), ${formatNumberFr(r.flaggedCount)} écart(s) à vérifier sur ${formatNumberFr(flaggedSiae)} SIAE, ${formatNumberFr(r.returnsOnly.length)} SIAE dans les retours seulement, ${formatNumberFr(r.aspOnly.length)} dans l'extraction seulement.`;
}

/** A readable workbook that is not the ASP extract. */
export function aspNotRecognisedMessage(name: string): string {
  return `Extraction ASP illisible : « ${name} » n'est pas une extraction annuelle de l'ASP (aucune ligne d'en-têtes « Année », « 0 - SIRET », « 2 - Nombre total des salariés en insertion… » trouvée dans les 30 premières lignes d'une feuille). Aucun rapprochement n'est fait.`;
}

/** How many flagged gaps a short view lists before saying how many more (the sheet has them all). */
export const FLAGGED_VIEW_LIMIT = 20;

const signed = (n: number) => `${n > 0 ? '+' : ''}${formatNumberFr(n)}`;

/**
 * The flagged gaps as lines for a short view (the pane), the biggest first: « 2013 · SIAE X
 * (93, ACI) : Femmes 12 dans le retour, 9 dans l'extraction (écart +3 ; +33 %) ».
 */
export function flaggedGapLines(r: Reconciliation, limit = FLAGGED_VIEW_LIMIT): { readonly lines: readonly string[]; readonly more: number } {
  const all: { text: string; size: number }[] = [];
  for (const m of r.matched) {
    if (m.flagged === 0) continue;
    for (const g of m.gaps) {
      if (!g.flagged || g.ours === undefined || g.asp === undefined || g.difference === undefined) continue;
      const who = `${m.nom ?? m.siret ?? m.annexe ?? 'SIAE'} (${[m.departement, m.kind].filter(Boolean).join(', ')})`;
      const relative = g.relative !== undefined ? ` ; ${signed(Math.round(g.relative * 100))} %` : '';
      all.push({
        text: `${m.annee} · ${who} : ${ourLabel(g.code)} ${formatNumberFr(g.ours)} dans le retour, ${formatNumberFr(g.asp)} dans l'extraction (écart ${signed(g.difference)}${relative})`,
        size: Math.abs(g.difference),
      });
    }
  }
  all.sort((a, b) => b.size - a.size || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { lines: all.slice(0, limit).map((x) => x.text), more: Math.max(0, all.length - limit) };
}
