import { figureFormat, figureLabel, type KeyCode } from '../consolidate/index.js';
import { formatFigure } from '../run/format-figure.js';
import type { Evolution, EvolutionLine } from './types.js';

/** The region's figures a one-line summary gives (CLI, pane). */
const SUMMARY_CODES: readonly KeyCode[] = ['nombre_siae', 'personnes', 'etp_realises', 'taux_sorties_dynamiques'];

const ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const WHOLE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

/** A change as text: « +10 », « +12,5 » (ETP), « +2,5 pt » for a rate, « +20,0 % » for a relative change. */
function changeText(l: EvolutionLine): string {
  if (l.change === null) return 'non comparable';
  if (l.unit === 'points') return `${ONE_DECIMAL.format(l.change)} pt`;
  const f = figureFormat(l.code);
  const value = f === 'entier' || f === 'heures' ? WHOLE.format(l.change) : ONE_DECIMAL.format(l.change);
  return l.relative === null ? value : `${value} ; ${ONE_DECIMAL.format(l.relative * 100)} %`;
}

/** One French line: the region's headline figures from N−1 to N, and the series breaks crossed. */
export function evolutionSummary(e: Evolution): string {
  const source = e.previous.origin.kind === 'reference' ? ` (${e.previous.periode} lu dans « ${e.previous.origin.file} »)` : '';
  const parts = SUMMARY_CODES.map((code) => {
    const l = e.lines.find((x) => x.departement === null && x.code === code)!;
    return `${figureLabel(code)} ${formatFigure(code, l.previous)} → ${formatFigure(code, l.current)} (${changeText(l)})`;
  });
  const breaks = e.breaks.length > 0 ? ` ; rupture(s) de série : ${e.breaks.map((b) => `${b.label} (${b.year})`).join(' ; ')}` : '';
  return `Évolution ${e.previous.periode} → ${e.current.periode}${source}, région : ${parts.join(', ')}${breaks}.`;
}
