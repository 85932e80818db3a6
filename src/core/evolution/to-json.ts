import { departementByCode } from '../../schema/index.js';
import { figureLabel, type FigureValue } from '../consolidate/index.js';
import type { ChangeUnit, Evolution, YearOrigin } from './types.js';

export interface EvolutionJson {
  annee_precedente: number;
  annee: number;
  /** Where N−1 comes from: this run's returns, or a previous consolidated workbook. */
  source_precedente: { type: 'retours' } | { type: 'reference'; fichier: string };
  ruptures: { id: string; annee: number; libelle: string; indicateurs: string[] }[];
  lignes: {
    /** null for the region. */
    departement: string | null;
    nom: string;
    code: string;
    libelle: string;
    precedente: FigureValue;
    actuelle: FigureValue;
    /** In the figure's unit, or in percentage points for a rate. */
    evolution: number | null;
    unite: ChangeUnit;
    /** A fraction (0.05 is +5 %), for figures that are not rates. */
    evolution_relative: number | null;
    ruptures: string[];
  }[];
  avertissements: string[];
}

const origin = (o: YearOrigin): EvolutionJson['source_precedente'] => (o.kind === 'reference' ? { type: 'reference', fichier: o.file } : { type: 'retours' });

export function evolutionJson(e: Evolution): EvolutionJson {
  return {
    annee_precedente: e.previous.periode,
    annee: e.current.periode,
    source_precedente: origin(e.previous.origin),
    ruptures: e.breaks.map((b) => ({ id: b.id, annee: b.year, libelle: b.label, indicateurs: [...b.indicators] })),
    lignes: e.lines.map((l) => ({
      departement: l.departement,
      nom: l.departement === null ? 'Région' : (departementByCode(l.departement)?.nom ?? l.departement),
      code: l.code,
      libelle: figureLabel(l.code),
      precedente: l.previous,
      actuelle: l.current,
      evolution: l.change,
      unite: l.unit,
      evolution_relative: l.relative,
      ruptures: l.breaks.map((b) => b.id),
    })),
    avertissements: [...e.warnings],
  };
}
