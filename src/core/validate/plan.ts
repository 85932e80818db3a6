import { derivedByCode, departementsOfRegion } from '../../schema/index.js';
import { toA1 } from '../a1.js';
import { isCellError, type CellValue, type GridSheet } from '../grid.js';
import { parseNumberLike } from '../parse/number.js';
import { showCellValue } from '../parse/problem.js';
import { cleanText, labelKey } from '../parse/text.js';
import { matchIndicatorHeader } from '../recognize/headers.js';
import type { PlanLocation } from '../recognize/locations.js';
import { PLAN_SCOPE_REGION, type PlanColumnKey } from '../template-layout.js';
import { isBlankCell, isBlankRow } from './blank.js';
import type { FileContext } from './file-context.js';

const NUMBER_KEYS: readonly PlanColumnKey[] = ['valeur_reference', 'cible'];
const YEAR_KEYS: readonly PlanColumnKey[] = ['annee_reference', 'annee_cible'];
const TRUE_WORDS = new Set(['oui', 'x', 'vrai', 'true', '1', 'exemple']);

/**
 * An action plan's targets: the content is read by consolidation; here each row's columns are
 * checked (known indicator, scope in the region, numbers where numbers are due).
 */
export function validatePlan(ctx: FileContext, sheet: GridSheet, loc: PlanLocation): number {
  const col = new Map<PlanColumnKey, number>(loc.columns.map((c) => [c.key, c.col]));
  // A row is a target only when one of its input columns is filled: the template pre-fills
  // other columns (objective, labels by formula) on rows still empty.
  const INPUTS: readonly PlanColumnKey[] = ['indicateur', 'perimetre', 'valeur_reference', 'cible', 'annee_cible'];
  const cols = loc.columns.filter((c) => INPUTS.includes(c.key)).map((c) => c.col);
  const deps = new Set(departementsOfRegion(ctx.settings.regionCode).map((d) => d.code));
  let rows = 0;
  const last = Math.min(loc.lastRow, sheet.rows.length);
  for (let r = loc.headerRow + 1; r <= last; r++) {
    const row = sheet.rows[r - 1];
    if (isBlankRow(row, cols)) continue;
    const get = (k: PlanColumnKey): CellValue => {
      const c = col.get(k);
      return c === undefined ? null : (row?.[c - 1] ?? null);
    };
    const ex = get('exemple');
    if (ex === true || (typeof ex === 'string' && TRUE_WORDS.has(labelKey(ex)))) continue;
    rows++;
    const err = (k: PlanColumnKey, message: string, severity: 'erreur' | 'avertissement' = 'erreur', code: 'type-error' | 'constraint-error' | 'missing-cell' = 'constraint-error') =>
      ctx.sink.add({ code, severity, file: ctx.file, sheet: sheet.name, cell: toA1(r, col.get(k) ?? loc.columns[0]!.col), row: r, value: showCellValue(get(k)) || undefined, message });

    const ind = get('indicateur');
    let share = false;
    if (isBlankCell(ind)) err('indicateur', "Indicateur manquant : indiquez le code d'un indicateur (ex. sorties_dynamiques).", 'erreur', 'missing-cell');
    else {
      const m = typeof ind === 'string' ? matchIndicatorHeader(ind) : undefined;
      if (!m || (m.kind !== 'indicator' && m.kind !== 'derived'))
        err('indicateur', `Indicateur « ${showCellValue(ind)} » inconnu : utilisez un code de la spécification (ex. personnes, sorties_dynamiques).`);
      else if (m.kind === 'derived') share = derivedByCode(m.code)?.format === 'pourcentage';
    }
    const scope = get('perimetre');
    if (isBlankCell(scope)) err('perimetre', `Périmètre manquant : indiquez « ${PLAN_SCOPE_REGION} » ou un code de département.`, 'erreur', 'missing-cell');
    else {
      const t = typeof scope === 'number' ? String(scope) : typeof scope === 'string' ? cleanText(scope) : '';
      const code = /^\d{1,3}|^2[AB]/i.exec(t)?.[0]?.toUpperCase().replace(/^0(\d\d)$/, '$1');
      if (labelKey(t) !== labelKey(PLAN_SCOPE_REGION) && !(code && deps.has(code)))
        err('perimetre', `Périmètre « ${showCellValue(scope)} » non admis : indiquez « ${PLAN_SCOPE_REGION} » ou un département de la région (${[...deps].join(', ')}).`);
    }
    for (const k of NUMBER_KEYS) {
      const v = get(k);
      if (isBlankCell(v)) {
        if (k === 'cible') err(k, 'Cible manquante : indiquez la valeur visée.', 'erreur', 'missing-cell');
        continue;
      }
      if (typeof v === 'number') continue;
      const n = typeof v === 'string' ? parseNumberLike(v) : null;
      if (isCellError(v)) err(k, `La cellule contient l'erreur Excel ${v.error} : saisissez un nombre.`, 'erreur', 'type-error');
      else if (!n) err(k, `« ${showCellValue(v)} » n'est pas un nombre : saisissez un nombre (ex. 60 % ou 120).`, 'erreur', 'type-error');
      else if (n.percent && !share) err(k, `Un pourcentage (« ${showCellValue(v)} ») est donné pour un indicateur qui n'est pas un taux : saisissez un nombre.`, 'erreur', 'type-error');
    }
    for (const k of YEAR_KEYS) {
      const v = get(k);
      if (isBlankCell(v)) continue;
      const n = typeof v === 'number' ? v : typeof v === 'string' ? (parseNumberLike(v)?.value ?? NaN) : NaN;
      if (!Number.isInteger(n) || n < 2000 || n > 2100) err(k, `« ${showCellValue(v)} » n'est pas une année : saisissez une année sur 4 chiffres (ex. 2027).`, 'erreur', 'type-error');
    }
  }
  return rows;
}
