/**
 * The run's completeness step: the référentiel given, else the one the ASP extract gives (the
 * returns' year when the extract has it); absent both, no completeness.
 */
import { computeCompleteness, notRetainedIn, referentielFromAsp, type Completeness, type Referentiel } from '../campaign/index.js';
import type { ConsolidationResult } from '../consolidate/index.js';
import type { ExpectedOnScope } from '../objectives/index.js';
import { DEFAULT_SETTINGS } from '../../schema/index.js';
import type { RunInput } from './types.js';

/** The référentiel the run follows: the one given, else the one the ASP extract gives. */
export function referentielOf(input: RunInput, result: ConsolidationResult): Referentiel | undefined {
  return input.referentiel ?? (input.asp ? referentielFromAsp(input.asp, input.settings ?? DEFAULT_SETTINGS, aspYear(input, result)) : undefined);
}

export function completenessOf(input: RunInput, result: ConsolidationResult, referentiel: Referentiel | undefined, regionCode: string): Completeness | undefined {
  // A référentiel that gives no SIAE (unreadable, not a list, empty) says nothing of who is missing: see referentielProblems.
  if (!referentiel || referentiel.entries.length === 0) return undefined;
  return computeCompleteness({ referentiel, result, records: input.report.files.flatMap((f) => f.records), regionCode });
}

/**
 * A référentiel given but giving no expected SIAE makes the run incomplete, as an unreadable plan
 * does: « 0 attendue » and every return « absente du référentiel » would be false. Its own issues
 * (in the anomalies) say why; this sentence names it where the verdict is read.
 */
export function referentielProblems(input: RunInput): string[] {
  const r = input.referentiel;
  if (!r || r.entries.length > 0) return [];
  const why = r.issues.find((i) => i.severity === 'erreur')?.message;
  return [`Référentiel « ${r.file} » inutilisable : aucune SIAE attendue n'en est tirée, la collecte n'est pas suivie.${why ? ` ${why}` : ''}`];
}

function aspYear(input: RunInput, result: ConsolidationResult): number | undefined {
  const latest = result.periods.at(-1);
  return latest !== undefined && input.asp?.rows.some((r) => r.annee === latest) ? latest : undefined;
}

/** Coverage of the objectives from the completeness: only for the campaign's own year. */
export function expectedOn(c: Completeness): ExpectedOnScope {
  return (periode, departement, kind) => (c.periode === undefined || c.periode === periode ? notRetainedIn(c, departement, kind) : undefined);
}
