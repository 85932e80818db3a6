import { departementsOfRegion, indicatorByCode, regionName, strategyNode, YEAR_MAX, YEAR_MIN, type IndicatorDef, type Settings, type SiaeKind } from '../../schema/index.js';
import { toA1 } from '../a1.js';
import { FIGURE_CODES, figureFormat, figureLabel, isFigureCode, type FigureCode } from '../consolidate/index.js';
import { isCellError, type CellValue, type GridSheet, type GridWorkbook } from '../grid.js';
import { makeCellParser } from '../parse/cell-parsers.js';
import { siaeKindOf } from '../parse/kinds.js';
import { parseNumberLike } from '../parse/number.js';
import { showCellValue } from '../parse/problem.js';
import { cleanText, labelKey } from '../parse/text.js';
import { isUnknownMarker } from '../parse/unknown.js';
import { matchIndicatorHeader } from '../recognize/headers.js';
import type { PlanLocation } from '../recognize/locations.js';
import type { IssueCode, ValidationIssue } from '../records.js';
import { PLAN_SCOPE_REGION, type PlanColumnKey } from '../template-layout.js';
import type { Direction, PlanTarget } from './types.js';

/** What one reading of a plan table gives both its readers (validation and consolidation). */
export interface ParsedPlan {
  /** Rows without error, example rows included (flagged `exemple`). */
  readonly targets: PlanTarget[];
  /** One issue per faulty cell, with file, sheet and cell; the row is then left out of targets. */
  readonly issues: ValidationIssue[];
  /** Rows holding a target (any input filled), faulty or not. */
  readonly rows: number;
}

/** Columns a user types a target into: a row with none of them filled is not a target. */
const TARGET_INPUTS: readonly PlanColumnKey[] = ['indicateur', 'perimetre', 'type_siae', 'valeur_reference', 'annee_reference', 'cible', 'annee_cible', 'sens'];
/** The columns recognition requires: without them no target can be read. */
const REQUIRED: readonly PlanColumnKey[] = ['indicateur', 'perimetre', 'cible'];
/** How "Exemple à remplacer" says yes (the template writes « oui »). */
const YES = new Set(['oui', 'o', 'x', 'vrai', 'true', 'yes', '1', 'exemple']);
const ALL_KINDS = /^(tous|toutes)\b/;

const LABEL_TO_CODE = new Map(FIGURE_CODES.map((c) => [labelKey(figureLabel(c)), c]));

/** A measurable indicator named by its code or label ("taux_sorties_dynamiques", "Taux de sorties dynamiques"). */
export function planIndicatorCode(text: string): FigureCode | undefined {
  const t = cleanText(text);
  if (isFigureCode(t)) return t;
  const lower = t.toLowerCase();
  if (isFigureCode(lower)) return lower;
  const m = matchIndicatorHeader(t);
  if (m && (m.kind === 'indicator' || m.kind === 'derived') && isFigureCode(m.code)) return m.code;
  return LABEL_TO_CODE.get(labelKey(t));
}

/**
 * A target value: numbers as they are, text in French or English habits ("1 234,5", "0,45",
 * "45 %"). For a rate, "45 %" and 45 both mean 0.45 (a number above 1 is read as a percentage);
 * a fraction (0.45) stays as it is. For a count, a percentage is an error; for a rate, a value
 * above 100 % is (no share exceeds the whole).
 */
export function readPlanNumber(v: CellValue, isRate: boolean | undefined): { value: number } | { problem: string; code: IssueCode } {
  let n: number;
  let percent = false;
  if (typeof v === 'number' && Number.isFinite(v)) n = v;
  else if (typeof v === 'string' && parseNumberLike(v)) {
    const p = parseNumberLike(v)!;
    n = p.value;
    percent = p.percent;
  } else if (isCellError(v)) return { problem: `La cellule contient l'erreur Excel ${v.error} : saisissez un nombre`, code: 'type-error' };
  else return { problem: `« ${showCellValue(v)} » n'est pas un nombre : saisissez un nombre (un taux en pourcentage, ex. 45 %)`, code: 'type-error' };
  if (percent && isRate === false) return { problem: `Un pourcentage (« ${showCellValue(v)} ») est donné pour un indicateur qui n'est pas un taux : saisissez un nombre`, code: 'type-error' };
  if (n < 0) return { problem: `« ${showCellValue(v)} » est négatif : saisissez un nombre positif ou nul`, code: 'constraint-error' };
  if (isRate && !percent && n > 1) n /= 100;
  if (isRate && n > 1)
    return { problem: `« ${showCellValue(v)} » dépasse 100 % : la cible ou la référence d'un taux est un pourcentage de 0 à 100 % (ex. 45 %)`, code: 'constraint-error' };
  return { value: n };
}

function readYear(v: CellValue): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? (parseNumberLike(v)?.value ?? NaN) : NaN;
  return Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX ? n : undefined;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && cleanText(v) === '');
}

/** "oui" (or x, vrai, 1, VRAI…) in the "Exemple à remplacer" column. */
export function isExampleMark(v: CellValue): boolean {
  if (v === true || v === 1) return true;
  return typeof v === 'string' && YES.has(labelKey(v));
}

/**
 * Reads the rows of a plan table into targets. The one reader of plan rows: validation reports
 * its issues, consolidation measures its targets. Each faulty cell gives an issue naming the
 * file, sheet and cell, and its row is left out. Example rows ("Exemple à remplacer" = oui) are
 * read and checked like the others and come out flagged `exemple`: the template's own examples
 * are valid targets, so an untouched template gives no error.
 */
export function parsePlanRows(book: GridWorkbook, sheet: GridSheet, location: PlanLocation, settings: Settings): ParsedPlan {
  const file = book.source;
  const col = new Map<PlanColumnKey, number>();
  for (const c of location.columns) if (!col.has(c.key)) col.set(c.key, c.col);
  const out = { targets: [] as PlanTarget[], issues: [] as ValidationIssue[], rows: 0 };
  // Recognition reports a missing required column (missing-label); no target can be read then.
  if (REQUIRED.some((k) => !col.has(k))) return out;

  const deps = departementsOfRegion(settings.regionCode).map((d) => d.code);
  const depSet = new Set(deps);
  const regionKeys = new Set([labelKey(PLAN_SCOPE_REGION), labelKey(regionName(settings.regionCode))]);
  // The same reading of a département as in returns: "93", "093", 93, "93 - Seine-Saint-Denis", "Seine-Saint-Denis".
  const departement = makeCellParser(indicatorByCode('departement') as IndicatorDef, settings);
  const inputs = TARGET_INPUTS.map((k) => col.get(k)).filter((c): c is number => c !== undefined);
  const last = Math.min(location.lastRow, sheet.rows.length);

  for (let r = location.headerRow + 1; r <= last; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells || inputs.every((c) => isBlank(cells[c - 1]))) continue;
    out.rows++;
    const get = (k: PlanColumnKey): CellValue => cells[col.get(k)! - 1] ?? null;
    let faulty = false;
    const problem = (k: PlanColumnKey, code: IssueCode, message: string) => {
      faulty = true;
      const cell = toA1(r, col.get(k)!);
      const shown = showCellValue(get(k));
      out.issues.push({ code, severity: 'erreur', file, sheet: sheet.name, cell, row: r, ...(shown ? { value: shown } : {}), message: `${message} (feuille « ${sheet.name} », cellule ${cell}).` });
    };

    const notice = (k: PlanColumnKey, message: string) => {
      const cell = toA1(r, col.get(k)!);
      out.issues.push({ code: 'unknown-value', severity: 'avertissement', file, sheet: sheet.name, cell, row: r, value: showCellValue(get(k)), message: `${message} (feuille « ${sheet.name} », cellule ${cell}).` });
    };

    // The objective is optional: a target without one is measured all the same, unlabelled.
    const objRaw = col.has('objectif') ? get('objectif') : null;
    const objectif = typeof objRaw === 'number' ? String(objRaw) : typeof objRaw === 'string' ? cleanText(objRaw).split(/[\s.–—-]/)[0]! : '';
    if (!isBlank(objRaw) && !strategyNode(objectif)) problem('objectif', 'constraint-error', `Objectif « ${showCellValue(objRaw)} » inconnu : indiquez le code d'un objectif de la stratégie (ex. 22 ou 212)`);

    const indRaw = get('indicateur');
    const indicateur = typeof indRaw === 'string' ? planIndicatorCode(indRaw) : undefined;
    if (isBlank(indRaw)) problem('indicateur', 'missing-cell', "Indicateur manquant : indiquez le code d'un indicateur (ex. taux_sorties_dynamiques)");
    else if (!indicateur)
      problem('indicateur', 'constraint-error', `Indicateur « ${showCellValue(indRaw)} » inconnu : indiquez le code d'un indicateur de la spécification (ex. taux_sorties_dynamiques) ou nombre_siae`);

    // A blank scope is the whole region.
    let dep: string | null = null;
    const scope = get('perimetre');
    if (!isBlank(scope) && !(typeof scope === 'string' && regionKeys.has(labelKey(scope)))) {
      const parsed = departement(scope);
      if (typeof parsed === 'string' && depSet.has(parsed)) dep = parsed;
      else
        problem('perimetre', 'constraint-error', `Périmètre « ${showCellValue(scope)} » non admis : indiquez « ${PLAN_SCOPE_REGION} » ou un département de la région (${deps.join(', ')})`);
    }

    let kind: SiaeKind | null = null;
    const kindRaw = get('type_siae');
    if (col.has('type_siae') && !isBlank(kindRaw)) {
      const text = typeof kindRaw === 'string' ? kindRaw : String(kindRaw);
      if (!ALL_KINDS.test(labelKey(text))) {
        const k = siaeKindOf(text);
        if (k) kind = k;
        else problem('type_siae', 'constraint-error', `Type de SIAE « ${showCellValue(kindRaw)} » inconnu : indiquez EI, ACI, AI, ETTI ou EITI, ou laissez vide pour tous les types`);
      }
    }

    // Unknown indicator: whether a percentage is admitted is not known, so it is not judged.
    const isRate = indicateur === undefined ? undefined : figureFormat(indicateur) === 'pourcentage';
    const number = (k: 'cible' | 'valeur_reference'): number | undefined => {
      const v = get(k);
      if (isBlank(v)) return undefined;
      if (typeof v === 'string' && isUnknownMarker(cleanText(v))) {
        // « NC », « - »…: no figure. The target is due; a reference may stay unknown.
        if (k === 'cible') problem(k, 'missing-cell', `Cible donnée comme inconnue (« ${cleanText(v)} ») : indiquez la valeur visée (un taux en pourcentage, ex. 45 %)`);
        else notice(k, `Valeur de référence donnée comme inconnue (« ${cleanText(v)} ») : la cible est suivie sans référence ; indiquez la valeur de l'année de référence si vous la connaissez`);
        return undefined;
      }
      const n = readPlanNumber(v, isRate);
      if ('value' in n) return n.value;
      problem(k, n.code, n.problem);
      return undefined;
    };
    const year = (k: 'annee_reference' | 'annee_cible'): number | undefined => {
      if (!col.has(k) || isBlank(get(k))) return undefined;
      const y = readYear(get(k));
      if (y === undefined) problem(k, 'type-error', `« ${showCellValue(get(k))} » n'est pas une année : saisissez une année sur 4 chiffres (ex. 2028)`);
      return y;
    };
    // In the template's column order, so that issues come in reading order.
    const valeurReference = col.has('valeur_reference') ? number('valeur_reference') : undefined;
    const anneeReference = year('annee_reference');
    const cible = number('cible');
    if (isBlank(get('cible'))) problem('cible', 'missing-cell', 'Cible manquante : indiquez la valeur visée (un taux en pourcentage, ex. 45 %)');
    const anneeCible = year('annee_cible');

    let sens: Direction = valeurReference !== undefined && cible !== undefined && cible < valeurReference ? 'baisse' : 'hausse';
    const sensRaw = get('sens');
    if (col.has('sens') && !isBlank(sensRaw)) {
      const s = labelKey(String(sensRaw));
      if (s.startsWith('baiss') || s === 'diminution') sens = 'baisse';
      else if (s.startsWith('hauss') || s === 'augmentation') sens = 'hausse';
      else problem('sens', 'constraint-error', `Sens « ${showCellValue(sensRaw)} » inconnu : indiquez « hausse » ou « baisse »`);
    }

    if (faulty || indicateur === undefined || cible === undefined) continue;
    out.targets.push({
      objectif,
      indicateur,
      departement: dep,
      kind,
      ...(valeurReference !== undefined ? { valeurReference } : {}),
      ...(anneeReference !== undefined ? { anneeReference } : {}),
      cible,
      ...(anneeCible !== undefined ? { anneeCible } : {}),
      sens,
      exemple: col.has('exemple') && isExampleMark(get('exemple')),
      source: { file, sheet: sheet.name, row: r },
    });
  }
  return out;
}
