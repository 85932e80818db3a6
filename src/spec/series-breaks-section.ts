import { DEFAULT_SERIES_BREAKS, SERIES_BREAK_DEFAULTS, type SeriesBreak } from '../schema/index.js';
import type { SpecBlock } from './blocks.js';

/** The spec's section on series breaks: each break, its year, the figures it affects, its default and its source. */
export function seriesBreaksBlocks(breaks: readonly SeriesBreak[] = DEFAULT_SERIES_BREAKS): SpecBlock[] {
  const defaults = new Map(SERIES_BREAK_DEFAULTS.map((d) => [d.id, d]));
  return [
    { kind: 'heading', level: 3, text: 'Ruptures de série' },
    {
      kind: 'paragraph',
      text: "Une comparaison d'une année à l'autre (feuille « Évolution » du classeur consolidé) signale, à côté de chaque chiffre concerné, toute rupture de série franchie : l'année N−1 est antérieure à l'année de la rupture et l'année N lui est égale ou postérieure. L'écart mesure alors aussi le changement de source ou de définition. Ce sont des paramètres : ruptures, années et indicateurs concernés ci-dessous.",
    },
    {
      kind: 'table',
      head: ['Rupture (paramètre)', 'Première année de la nouvelle série', 'Valeur par défaut', 'Indicateurs concernés', 'Source'],
      rows: breaks.map((b) => [
        `${b.label} (\`${b.id}\`)`,
        String(b.year),
        defaults.has(b.id) ? String(defaults.get(b.id)!.year) : '(ajoutée par les paramètres)',
        b.indicators.map((c) => `\`${c}\``).join(', '),
        defaults.get(b.id)?.source ?? '',
      ]),
    },
  ];
}
