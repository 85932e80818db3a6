import { formatNumberFr, formatPercentFr } from '../../schema/index.js';
import { figureFormat, type FigureCode, type FigureValue } from '../consolidate/index.js';

const ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** Shown for a figure without data, everywhere a figure is written as text. */
export const NO_DATA_TEXT = '—';

/**
 * A figure as text for people (pane, CLI summary): « 12,5 % », « 1 234 », « 35,0 » ETP,
 * « sans objet » for a zero denominator, « — » without data. The one French formatter.
 */
export function formatFigure(code: FigureCode, value: FigureValue | undefined): string {
  if (value === null || value === undefined) return NO_DATA_TEXT;
  if (value === 'sans objet') return 'sans objet';
  switch (figureFormat(code)) {
    case 'pourcentage':
      return formatPercentFr(value);
    case 'etp':
      return ONE_DECIMAL.format(value);
    case 'entier':
    case 'heures':
      return WHOLE.format(value);
    default:
      return formatNumberFr(value);
  }
}
