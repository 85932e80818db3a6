/**
 * The per-network figures and the provenance of every figure, as --json gives them.
 * Provenance lists each retained return once (file, sheet, row, and the cell of each value it
 * gave) and each figure's scope refers to its returns by position in that list: the JSON stays
 * linear in the number of returns however many scopes a return feeds.
 */
import { SIAE_KINDS } from '../../schema/index.js';
import { sourceCells } from '../records.js';
import { ALL_KINDS_KEY, figuresJson, groupMapKey, type ConsolidationResult, type FiguresJson, type GroupAggregate } from '../consolidate/index.js';
import type { NetworkFigures } from './figures.js';
import type { NetworkOfReturn } from './network-of.js';

export interface NetworksJson {
  /** Keyed by year; each network's figures beside the region's. */
  [periode: string]: { region: FiguresJson; reseaux: Record<string, FiguresJson> };
}

export function networksJson(figures: NetworkFigures): NetworksJson {
  const out: NetworksJson = {};
  for (const p of figures.periods) {
    const reseaux: Record<string, FiguresJson> = {};
    for (const n of p.networks) reseaux[n.reseau] = figuresJson(n.group);
    out[String(p.periode)] = { region: figuresJson(p.region), reseaux };
  }
  return out;
}

export interface ProvenanceReturnJson {
  fichier: string;
  feuille: string;
  /** Row of a network table; absent for an SIAE form (one return per sheet). */
  ligne?: number;
  siret?: string;
  reseau: string;
  /** A1 address of the cell each of its values was read from, by indicator code. */
  cellules: Record<string, string>;
}

export interface ProvenanceScopeJson {
  periode: number;
  perimetre: 'region' | 'departement' | 'reseau';
  departement?: string;
  reseau?: string;
  /** An SIAE kind, or « toutes ». */
  type: string;
  /** Positions in `retours` of the returns that fed the scope's figures. */
  retours: number[];
}

export interface ProvenanceJson {
  /** Every retained return, in the consolidation's canonical order. */
  retours: ProvenanceReturnJson[];
  /** Every scope of a figure: region, each kind, each département (and kind), each network. */
  chiffres: ProvenanceScopeJson[];
}

export function provenanceJson(result: ConsolidationResult, networks: readonly NetworkOfReturn[], figures: NetworkFigures): ProvenanceJson {
  const retours = result.kept.map((r, i): ProvenanceReturnJson => {
    const cellules: Record<string, string> = {};
    for (const [code, cell] of Object.entries(sourceCells(r.source))) {
      if (cell && r.values[code as keyof typeof r.values] !== undefined) cellules[code] = cell;
    }
    return {
      fichier: r.source.file,
      feuille: r.source.sheet,
      ...(r.source.row !== undefined ? { ligne: r.source.row } : {}),
      ...(typeof r.values.siret === 'string' ? { siret: r.values.siret } : {}),
      reseau: networks[i]?.reseau ?? '',
      cellules,
    };
  });
  const chiffres: ProvenanceScopeJson[] = [];
  const scope = (periode: number, g: GroupAggregate, where: Pick<ProvenanceScopeJson, 'perimetre' | 'departement' | 'reseau'>) =>
    chiffres.push({ periode, ...where, type: g.kind ?? ALL_KINDS_KEY, retours: g.members.slice() });
  for (const [periode, p] of result.byPeriod) {
    scope(periode, p.region, { perimetre: 'region' });
    for (const k of SIAE_KINDS) {
      const g = p.byKind.get(k);
      if (g) scope(periode, g, { perimetre: 'region' });
    }
    for (const [dep, g] of p.byDepartement) {
      scope(periode, g, { perimetre: 'departement', departement: dep });
      for (const k of SIAE_KINDS) {
        const gk = p.byDepartementKind.get(groupMapKey(dep, k));
        if (gk) scope(periode, gk, { perimetre: 'departement', departement: dep });
      }
    }
  }
  for (const p of figures.periods) for (const n of p.networks) scope(p.periode, n.group, { perimetre: 'reseau', reseau: n.reseau });
  return { retours, chiffres };
}
