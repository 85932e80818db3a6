import type { Reconciliation } from './types.js';
import { formatNumberFr } from '../../schema/index.js';

/** One line (CLI, pane) on the reconciliation with the ASP extract. */
export function aspSummaryLine(r: Reconciliation): string {
  const flaggedSiae = r.matched.filter((m) => m.gaps.some((g) => g.flagged)).length;
  const years = r.years.length > 0 ? `année(s) ${r.years.join(', ')}` : 'aucune année commune aux retours et à l\'extraction';
  return `Rapprochement ASP (« ${r.file} », ${years}) : ${formatNumberFr(r.matched.length)} SIAE rapprochée(s), ${formatNumberFr(r.flaggedCount)} écart(s) à vérifier sur ${formatNumberFr(flaggedSiae)} SIAE, ${formatNumberFr(r.returnsOnly.length)} SIAE dans les retours seulement, ${formatNumberFr(r.aspOnly.length)} dans l'extraction seulement.`;
}

/** A readable workbook that is not the ASP extract. */
export function aspNotRecognisedMessage(name: string): string {
  return `Extraction ASP illisible : « ${name} » n'est pas une extraction annuelle de l'ASP (aucune ligne d'en-têtes « Année », « 0 - SIRET », « 2 - Nombre total des salariés en insertion… » trouvée dans les 30 premières lignes d'une feuille). Aucun rapprochement n'est fait.`;
}
