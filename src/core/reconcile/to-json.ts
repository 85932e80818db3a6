import type { FigureGap, Reconciliation, SideEntry } from './types.js';

/** The `rapprochement_asp` section of --json: French keys, as the rest of the JSON. */
export interface ReconciliationJson {
  fichier: string;
  feuille: string;
  tolerances: { absolue: number; relative: number };
  annees: { comparees: number[]; retours_seulement: number[]; extraction_seulement: number[] };
  ecarts_signales: number;
  totaux: { annee: number; perimetre: string; siae_rapprochees: number; indicateurs: GapJson[] }[];
  siae: {
    annee: number;
    siret: string | null;
    annexe: string | null;
    nom: string | null;
    departement: string | null;
    type_siae: string | null;
    rapproche_par: 'siret' | 'annexe';
    retour: { fichier: string; feuille: string; ligne: number | null };
    extraction: { feuille: string; ligne: number };
    indicateurs: GapJson[];
  }[];
  retours_seulement: EntryJson[];
  extraction_seulement: EntryJson[];
}

interface GapJson {
  code: string;
  colonne_asp: string;
  retours: number | null;
  asp: number | null;
  ecart: number | null;
  ecart_relatif: number | null;
  signale: boolean;
}

interface EntryJson {
  annee: number | null;
  siret: string | null;
  annexe: string | null;
  nom: string | null;
  departement: string | null;
  type_siae: string | null;
  fichier: string;
  feuille: string;
  ligne: number | null;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function gapJson(g: FigureGap): GapJson {
  return {
    code: g.code,
    colonne_asp: g.figure,
    retours: orNull(g.ours),
    asp: orNull(g.asp),
    ecart: orNull(g.difference),
    ecart_relatif: orNull(g.relative),
    signale: g.flagged,
  };
}

function entryJson(e: SideEntry): EntryJson {
  return {
    annee: orNull(e.annee),
    siret: orNull(e.siret),
    annexe: orNull(e.annexe),
    nom: orNull(e.nom),
    departement: orNull(e.departement),
    type_siae: orNull(e.kind),
    fichier: e.source.file,
    feuille: e.source.sheet,
    ligne: orNull(e.source.row),
  };
}

export function reconciliationJson(r: Reconciliation): ReconciliationJson {
  return {
    fichier: r.file,
    feuille: r.sheet,
    tolerances: { absolue: r.tolerances.absoluteTolerance, relative: r.tolerances.relativeTolerance },
    annees: { comparees: [...r.years], retours_seulement: [...r.yearsReturnsOnly], extraction_seulement: [...r.yearsAspOnly] },
    ecarts_signales: r.flaggedCount,
    totaux: r.totals.map((t) => ({ annee: t.annee, perimetre: t.departement ?? 'region', siae_rapprochees: t.matched, indicateurs: t.gaps.map(gapJson) })),
    siae: r.matched.map((m) => ({
      annee: m.annee,
      siret: orNull(m.siret),
      annexe: orNull(m.annexe),
      nom: orNull(m.nom),
      departement: orNull(m.departement),
      type_siae: orNull(m.kind),
      rapproche_par: m.matchedBy,
      retour: { fichier: m.returnSource.file, feuille: m.returnSource.sheet, ligne: orNull(m.returnSource.row) },
      extraction: { feuille: m.aspSource.sheet, ligne: m.aspSource.row },
      indicateurs: m.gaps.map(gapJson),
    })),
    retours_seulement: r.returnsOnly.map(entryJson),
    extraction_seulement: r.aspOnly.map(entryJson),
  };
}
