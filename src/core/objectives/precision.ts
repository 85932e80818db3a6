import { figureFormat, type FigureCode, type FigureFormat } from '../consolidate/index.js';
import type { MeasuredStatus } from './types.js';

/**
 * Decimals each kind of figure is shown with, everywhere (workbook formats of
 * consolidated-workbook/formats.ts, the pane's formatFigure): rates are fractions shown as
 * 0.0 %, so three decimals of the fraction.
 */
export const DISPLAY_DECIMALS: Record<FigureFormat, number> = {
  entier: 0,
  heures: 0,
  etp: 1,
  decimal: 2,
  pourcentage: 3,
};

/**
 * A value in integer units of its displayed precision (0.4449999 shown « 44,5 % » is 445):
 * the 12 significant digits first drop binary noise, as the consolidated figures do.
 */
export function displayUnits(code: FigureCode, value: number): number {
  const scaled = value * 10 ** DISPLAY_DECIMALS[figureFormat(code)];
  return Math.round(Number(scaled.toPrecision(12)));
}

/** Most decimals a progression percentage is ever shown with. */
const MAX_DECIMALS = 10;

function shownPercent(fraction: number, decimals: number): number {
  return Number((fraction * 100).toFixed(decimals));
}

/**
 * The fewest decimals (of the percentage) at which the progression says the same as the status:
 * strictly between 0 % and 100 % « en progrès », below 0 % « en recul », 100 % or more « atteint »
 * (when the target lies in the plan's direction from the baseline; otherwise 0).
 */
export function progressionDecimals(fraction: number, statut: MeasuredStatus): number {
  const agrees = (shown: number): boolean => {
    if (statut === 'en_progres' && fraction > 0 && fraction < 1) return shown > 0 && shown < 100;
    if (statut === 'en_recul' && fraction < 0) return shown < 0;
    return true;
  };
  for (let d = 0; d < MAX_DECIMALS; d++) if (agrees(shownPercent(fraction, d))) return d;
  return MAX_DECIMALS;
}

const percentFr = (value: number, decimals: number) =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);

/** « 8 fois », « 1,5 fois »: whole times from 3 on, one decimal below. */
function timesFr(ratio: number): string {
  const r = ratio >= 3 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(r);
}

/**
 * The progression in words a person uses: a share of the way while it is under the whole way,
 * « n fois l'écart » beyond it, never « 816 % du chemin ».
 */
export function progressionWords(statut: MeasuredStatus, progression: number | null, decimals: number, hasReference: boolean): string {
  if (statut === 'sans_donnee') return '';
  if (!hasReference) return statut === 'atteint' ? 'Cible atteinte (pas de valeur de référence).' : 'Pas de valeur de référence : progression non calculable.';
  if (progression === null) return statut === 'atteint' ? 'Cible atteinte.' : 'Cible égale à la référence : progression non calculable.';
  switch (statut) {
    case 'stable':
      return 'Aucun mouvement depuis la référence (à la précision affichée).';
    case 'en_progres':
      return progression > 0 && progression < 1 ? `${percentFr(progression * 100, decimals)} % du chemin de la référence à la cible.` : 'Cible non atteinte.';
    case 'atteint': {
      if (progression < 1) return 'Cible atteinte.';
      const beyond = progression - 1;
      if (progression >= 2) return `Cible dépassée : la valeur a parcouru ${timesFr(progression)} fois l'écart entre la référence et la cible.`;
      return shownPercent(beyond, 0) === 0 ? 'Cible atteinte.' : `Cible dépassée de ${percentFr(beyond * 100, 0)} % de l'écart entre la référence et la cible.`;
    }
    case 'en_recul': {
      if (progression >= 0) return 'Du mauvais côté de la référence.';
      const back = -progression;
      if (back >= 1) return `Recul : la valeur s'est éloignée de la cible de ${timesFr(back)} fois l'écart entre la référence et la cible.`;
      return `Recul de ${percentFr(back * 100, decimals)} % de l'écart entre la référence et la cible.`;
    }
  }
}
