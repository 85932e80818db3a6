import { DEFAULT_DIFFUSION_SETTINGS, DIFFUSION_DEFAULTS, type DiffusionSettings } from '../schema/index.js';
import type { SpecBlock } from './blocks.js';

const LABELS: { readonly [K in keyof DiffusionSettings]-?: string } = {
  countThreshold: 'Seuil des effectifs : un effectif de 1 à (seuil − 1) est masqué, 0 est publié',
  minSiae: 'Nombre minimal de SIAE derrière un chiffre publié',
  minSiaeScope: 'Chiffres couverts par le nombre minimal de SIAE : « tous » ou « montants » (heures et ETP seulement)',
  dominanceShare: 'Dominance : chiffre masqué quand une seule SIAE en fournit plus de cette part',
  hideRatesOfHiddenOperands: 'Taux masqué quand son numérateur ou son dénominateur l\'est',
  protectionInterval: "Intervalle de protection : largeur minimale de l'intervalle où reste une valeur masquée",
  amountProtectionShare: 'Heures et ETP, et chiffres reposant sur trop peu de SIAE : intervalle minimal en part de la valeur masquée',
};

const show = (v: number | boolean | string | undefined, key: keyof DiffusionSettings): string =>
  v === undefined
    ? show(DIFFUSION_DEFAULTS[key].value, key)
    : typeof v === 'boolean'
      ? v
        ? 'oui'
        : 'non'
      : typeof v === 'number' && (key === 'amountProtectionShare' || key === 'dominanceShare')
        ? `${Math.round(v * 100)} %`
        : String(v);

/** The spec's section on the public version's rules: each setting, its value, its default and where that comes from. */
export function diffusionSettingsBlocks(settings: DiffusionSettings = DEFAULT_DIFFUSION_SETTINGS): SpecBlock[] {
  const keys = Object.keys(LABELS) as (keyof DiffusionSettings)[];
  return [
    { kind: 'heading', level: 3, text: 'Version diffusable (secret statistique)' },
    {
      kind: 'paragraph',
      text: "Règles de la version publiable des chiffres consolidés : masquage des petits effectifs et des chiffres reposant sur trop peu de structures, puis masquage secondaire et audit (voir `docs/diffusion.md`). Ce sont des paramètres : valeurs par défaut et leur origine ci-dessous.",
    },
    {
      kind: 'table',
      head: ['Paramètre', 'Valeur', 'Valeur par défaut', 'Source'],
      rows: keys.map((k) => [`${LABELS[k]} (\`${k}\`)`, show(settings[k], k), show(DIFFUSION_DEFAULTS[k].value, k), DIFFUSION_DEFAULTS[k].source]),
    },
  ];
}
