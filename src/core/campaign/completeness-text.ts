/** Completeness in words (one line per département and the region) and as JSON, the same for every front end. */
import { departementByCode } from '../../schema/index.js';
import type { Completeness, CompletenessCell, CompletenessCounts } from './completeness.js';
import { FOLLOW_UP_LABELS } from './completeness.js';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** « 93 Seine-Saint-Denis : 52 attendues, 48 reçues (45 retenues, 3 écartées), 4 manquantes ». */
export function completenessLine(c: CompletenessCell): string {
  const where = c.departement === null ? 'Région' : `${c.departement} ${departementByCode(c.departement)?.nom ?? ''}`.trim();
  const detail = [plural(c.retenues, 'retenue', 'retenues'), ...(c.ecartees ? [plural(c.ecartees, 'écartée', 'écartées')] : []), ...(c.doublons ? [plural(c.doublons, 'en doublon seulement', 'en doublon seulement')] : [])];
  const rate = c.attendues > 0 ? ` ; ${Math.round((100 * c.retenues) / c.attendues)} % retenues` : '';
  return `${where} : ${plural(c.attendues, 'attendue', 'attendues')}, ${plural(c.recues, 'reçue', 'reçues')} (${detail.join(', ')}), ${plural(c.manquantes, 'manquante', 'manquantes')}${rate}`;
}

/** One line per département with SIAE expected, then the region. */
export function completenessLines(c: Completeness): string[] {
  return [...c.byDepartement.filter((d) => d.attendues > 0).map(completenessLine), completenessLine(c.region)];
}

const counts = (c: CompletenessCounts) => ({
  attendues: c.attendues,
  recues: c.recues,
  retenues: c.retenues,
  ecartees: c.ecartees,
  doublons: c.doublons,
  manquantes: c.manquantes,
  retours_en_double: c.retoursEnDouble,
});

/** The `completude` section of `--json`. */
export function completenessJson(c: Completeness) {
  return {
    referentiel: { fichier: c.referentiel.file, origine: c.referentiel.origin, siae: c.referentiel.entries },
    periode: c.periode ?? null,
    region: counts(c.region),
    departements: c.byDepartement.map((d) => ({ departement: d.departement, ...counts(d) })),
    departements_types: c.byDepartementKind.map((d) => ({ departement: d.departement, type_siae: d.kind, ...counts(d) })),
    siae: c.siae.map((s) => ({
      siret: s.entry.siret,
      nom: s.entry.nom,
      type_siae: s.entry.kind,
      departement: s.entry.departement,
      reseau: s.entry.reseau ?? null,
      contact: s.entry.contact ?? null,
      etat: s.state,
      etat_libelle: FOLLOW_UP_LABELS[s.state],
      motif: s.motif ?? null,
    })),
    hors_referentiel: c.outside.map((o) => ({
      fichier: o.source.file,
      feuille: o.source.sheet,
      ligne: o.source.row ?? null,
      siret: o.siret ?? null,
      nom: o.nom ?? null,
      etat: o.state,
      motif: o.motif ?? null,
    })),
  };
}
export type CompletenessJson = ReturnType<typeof completenessJson>;
