import { SIAE_KINDS } from '../../schema/index.js';
import type { ReturnSource, ValidationIssue } from '../records.js';
import type { ConsolidationResult, GroupAggregate, PeriodAggregates } from './types.js';
import { FIGURE_CODES, figureValue, type FigureValue } from './values.js';

/** The key of "every kind together" in the JSON output. */
export const ALL_KINDS_KEY = 'toutes';

export type FiguresJson = Record<string, FigureValue>;
export type ScopeJson = Record<string, FiguresJson>;

export interface PeriodJson {
  region: ScopeJson;
  departements: Record<string, ScopeJson>;
}

export interface ConsolidationJson {
  /** Periods present, ascending. */
  periodes: number[];
  /** The period `region` and `departements` describe: the latest one. */
  periode: number | null;
  melange_periodes: boolean;
  avertissement_periodes?: string;
  region: ScopeJson;
  departements: Record<string, ScopeJson>;
  /** Every period, keyed by year: figures of different years are never added together. */
  par_periode: Record<string, PeriodJson>;
  objectifs: unknown[];
  anomalies: ValidationIssue[];
  exclus: { fichier: string; feuille: string; ligne?: number; siret?: string; motifs: readonly string[] }[];
  doublons: { siret: string; periode: number; retenu: SourceJson; ecartes: SourceJson[]; regle: string }[];
  sources: { fichier: string; retours: number; retenus: number; exclus: number; doublons_ecartes: number; erreurs: number; avertissements: number }[];
}

type SourceJson = { fichier: string; feuille: string; ligne?: number };

export function figuresJson(group: GroupAggregate | undefined): FiguresJson {
  const out: FiguresJson = {};
  for (const code of FIGURE_CODES) out[code] = figureValue(group, code);
  return out;
}

function scopeJson(all: GroupAggregate | undefined, byKind: (k: string) => GroupAggregate | undefined): ScopeJson {
  const out: ScopeJson = { [ALL_KINDS_KEY]: figuresJson(all) };
  for (const k of SIAE_KINDS) {
    const g = byKind(k);
    if (g) out[k] = figuresJson(g);
  }
  return out;
}

export function periodJson(p: PeriodAggregates): PeriodJson {
  const departements: Record<string, ScopeJson> = {};
  for (const [dep, g] of p.byDepartement) {
    departements[dep] = scopeJson(g, (k) => p.byDepartementKind.get(`${dep}|${k}`));
  }
  return { region: scopeJson(p.region, (k) => p.byKind.get(k as never)), departements };
}

const sourceJson = (s: ReturnSource): SourceJson => ({ fichier: s.file, feuille: s.sheet, ...(s.row !== undefined ? { ligne: s.row } : {}) });

/** The --json output: keyed by the spec's indicator codes; rates as fractions or "sans objet". */
export function consolidationJson(result: ConsolidationResult, objectifs: unknown[] = []): ConsolidationJson {
  const par_periode: Record<string, PeriodJson> = {};
  for (const [year, p] of result.byPeriod) par_periode[String(year)] = periodJson(p);
  const latest = result.periods.at(-1);
  const current = latest !== undefined ? par_periode[String(latest)]! : { region: {}, departements: {} };
  return {
    periodes: [...result.periods],
    periode: latest ?? null,
    melange_periodes: result.mixedPeriods,
    ...(result.periodNotice ? { avertissement_periodes: result.periodNotice } : {}),
    region: current.region,
    departements: current.departements,
    par_periode,
    objectifs,
    anomalies: [...result.anomalies],
    exclus: result.excluded.map((e) => ({
      fichier: e.record.source.file,
      feuille: e.record.source.sheet,
      ...(e.record.source.row !== undefined ? { ligne: e.record.source.row } : {}),
      ...(typeof e.record.values.siret === 'string' ? { siret: e.record.values.siret } : {}),
      motifs: e.reasons,
    })),
    doublons: result.duplicates.map((d) => ({
      siret: d.siret,
      periode: d.periode,
      retenu: sourceJson(d.kept),
      ecartes: d.dropped.map(sourceJson),
      regle: d.reason,
    })),
    sources: result.sources.map((s) => ({
      fichier: s.file,
      retours: s.returns,
      retenus: s.kept,
      exclus: s.excluded,
      doublons_ecartes: s.duplicatesDropped,
      erreurs: s.errors,
      avertissements: s.warnings,
    })),
  };
}
