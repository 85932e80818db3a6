/**
 * The completeness of the collection as the Consolider tab shows it: one line per département,
 * then the region. The run's completeness (src/core/campaign) is read defensively, field by
 * field, so that the pane shows what is there and nothing when the run has none: it accepts the
 * counts under their English or French names, per département or per département × kind (summed).
 */
import { departementLabel } from '../../core/consolidated-workbook/scopes.js';
import type { CompletenessLine } from './ports.js';

const COUNTS = {
  expected: ['expected', 'attendus', 'attendues'],
  received: ['received', 'recus', 'reçus', 'recues', 'reçues'],
  retained: ['retained', 'retenus', 'retenues'],
  excluded: ['excluded', 'ecartes', 'écartés', 'ecartees', 'écartées'],
  missing: ['missing', 'manquants', 'manquantes'],
} as const;
type Count = keyof typeof COUNTS;
type Counts = Partial<Record<Count, number>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function countOf(row: Record<string, unknown>, names: readonly string[]): number | undefined {
  const holders = [row, row.counts, row.comptes].filter(isObject);
  for (const h of holders) {
    for (const n of names) {
      const v = h[n];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      // A list of SIAE counts as its length (e.g. missing: [...]).
      if (Array.isArray(v)) return v.length;
    }
  }
  return undefined;
}

function countsOf(row: Record<string, unknown>): Counts | undefined {
  const out: Counts = {};
  let any = false;
  for (const key of Object.keys(COUNTS) as Count[]) {
    const n = countOf(row, COUNTS[key]);
    if (n !== undefined) {
      out[key] = n;
      any = true;
    }
  }
  return any ? out : undefined;
}

function codeOf(row: Record<string, unknown>): string | undefined {
  for (const k of ['departement', 'code', 'departementCode']) {
    const v = row[k];
    if (typeof v === 'string') return v;
    if (v === null) return '';
  }
  return undefined;
}

function add(a: Counts, b: Counts): Counts {
  const out: Counts = { ...a };
  for (const key of Object.keys(b) as Count[]) out[key] = (out[key] ?? 0) + b[key]!;
  return out;
}

function text(c: Counts): string {
  const parts: string[] = [];
  const say = (key: Count, one: string, many: string) => {
    const n = c[key];
    if (n !== undefined) parts.push(`${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`);
  };
  say('expected', 'attendue', 'attendues');
  say('received', 'reçue', 'reçues');
  say('retained', 'retenue', 'retenues');
  say('excluded', 'écartée', 'écartées');
  say('missing', 'manquante', 'manquantes');
  return parts.join(', ');
}

/** The rows of a completeness: an array, or an object holding them (with the region apart). */
function rowsOf(completeness: unknown): { rows: Record<string, unknown>[]; region: Record<string, unknown> | undefined } {
  if (Array.isArray(completeness)) return { rows: completeness.filter(isObject), region: undefined };
  if (!isObject(completeness)) return { rows: [], region: undefined };
  const list = [completeness.departements, completeness.rows, completeness.cells, completeness.lignes].find(Array.isArray);
  const region = [completeness.region, completeness.total].find(isObject);
  return { rows: (list ?? []).filter(isObject), region };
}

/** Lines to show, or undefined when the run holds no usable completeness. */
export function completenessLines(run: unknown): CompletenessLine[] | undefined {
  if (!isObject(run) || !('completeness' in run)) return undefined;
  const { rows, region } = rowsOf(run.completeness);
  const byCode = new Map<string, Counts>();
  let regionCounts = region ? countsOf(region) : undefined;
  for (const row of rows) {
    const code = codeOf(row);
    const counts = countsOf(row);
    if (code === undefined || !counts) continue;
    const isRegion = code === '' || code.toLowerCase() === 'region' || code.toLowerCase() === 'région';
    // Per-kind rows add up; a row for all kinds (no kind, or kind null) stands for its scope.
    const partial = typeof row.kind === 'string' && row.kind !== '';
    if (isRegion) {
      if (!region) regionCounts = partial ? add(regionCounts ?? {}, counts) : counts;
      continue;
    }
    byCode.set(code, partial ? add(byCode.get(code) ?? {}, counts) : counts);
  }
  if (byCode.size === 0 && !regionCounts) return undefined;
  const lines: CompletenessLine[] = [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }))
    .map(([code, c]) => ({ code, text: `${code} ${departementLabel(code)} : ${text(c)}` }));
  const total = regionCounts ?? [...byCode.values()].reduce(add, {});
  lines.push({ code: '', text: `Région : ${text(total)}` });
  return lines;
}
