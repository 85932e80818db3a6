import { SIAE_KINDS, SIAE_KIND_LABELS, type SiaeKind } from '../../schema/index.js';
import { labelKey } from './text.js';

/** SIAE kinds typed as codes or labels, in any case, with or without accents. */
const KIND_KEYS = new Map<string, SiaeKind>();
for (const k of SIAE_KINDS) {
  KIND_KEYS.set(k.toLowerCase(), k);
  KIND_KEYS.set(labelKey(SIAE_KIND_LABELS[k]), k);
}
// Usual variants of the labels, as labelKey writes them; plurals are read as the singular (see singular()).
const VARIANTS: Record<string, SiaeKind> = {
  'atelier chantier d insertion': 'ACI',
  'atelier et chantier d insertion': 'ACI',
  'atelier chantier': 'ACI',
  'atelier et chantier': 'ACI',
  'atelier chantier insertion': 'ACI',
  'chantier d insertion': 'ACI',
  'chantier insertion': 'ACI',
  'atelier d insertion': 'ACI',
  'entreprise de travail temporaire d insertion': 'ETTI',
  'entreprise de travail temporaire insertion': 'ETTI',
  'ett d insertion': 'ETTI',
  'ett insertion': 'ETTI',
  'ett i': 'ETTI',
  'entreprise d insertion par le travail independant': 'EITI',
  'entreprise d insertion par le travail independante': 'EITI',
  'entreprise d insertion': 'EI',
  'association intermediaire': 'AI',
};
for (const [key, kind] of Object.entries(VARIANTS)) KIND_KEYS.set(key, kind);

/** "aci", "ACI - Atelier et chantier d'insertion", "Atelier chantier d'insertion" → ACI; unknown → undefined. */
export function siaeKindOf(text: string): SiaeKind | undefined {
  const key = labelKey(text);
  const direct = KIND_KEYS.get(key) ?? KIND_KEYS.get(singular(key));
  if (direct) return direct;
  // "ACI - Atelier…" or "ACI (atelier…)": a leading code followed by its label.
  const first = key.split(' ', 1)[0]!;
  const byCode = KIND_KEYS.get(first);
  if (byCode && first.length <= 4) {
    const rest = key.slice(first.length).trim();
    if (rest === '' || labelKey(SIAE_KIND_LABELS[byCode]) === rest || VARIANTS[rest] === byCode) return byCode;
  }
  return undefined;
}

/** « ateliers et chantiers d insertion » → « atelier et chantier d insertion »: each word's final s dropped. */
function singular(key: string): string {
  // Word by word, not by a regex: `([a-z]{3,})s\b` backtracks quadratically on long words.
  return key
    .split(' ')
    .map((w) => (w.length >= 4 && w.endsWith('s') ? w.slice(0, -1) : w))
    .join(' ');
}
