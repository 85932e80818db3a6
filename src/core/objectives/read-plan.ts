import { departementByCode, isSiaeKind, strategyNode, type SiaeKind } from '../../schema/index.js';
import { parseRange, toA1 } from '../a1.js';
import { FIGURE_CODES, figureFormat, figureLabel } from '../consolidate/index.js';
import { cellValue, isCellError, sheetByName, type CellValue, type GridSheet, type GridWorkbook } from '../grid.js';
import type { ValidationIssue } from '../records.js';
import { PLAN_COLUMNS, PLAN_SCOPE_REGION, PLAN_SHEET, PLAN_TABLE, type PlanColumnKey } from '../template-layout.js';
import type { ActionPlan, Direction, PlanTarget } from './types.js';

/** Lower case, no accents, no punctuation: how headers and keywords are compared. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Located {
  sheet: GridSheet;
  headerRow: number;
  /** Last row to read (inclusive). */
  lastRow: number;
  columns: Partial<Record<PlanColumnKey, number>>;
}

/**
 * Reads an action plan from a workbook: the template's table IAE_Objectifs when present, else
 * the first sheet (Objectifs first) whose header row names at least "Objectif", "Indicateur"
 * and "Cible". Each row becomes a target; a row with an error is left out and reported with
 * its file, sheet and cell. A rate may be written as a fraction (0,45), as 45 % or as 45.
 */
export function readPlan(book: GridWorkbook): ActionPlan {
  const issues: ValidationIssue[] = [];
  const located = locateByTable(book) ?? locateByHeaders(book);
  if (!located) {
    issues.push({
      code: 'unknown-template',
      severity: 'erreur',
      file: book.source,
      message: `Aucun tableau d'objectifs trouvé dans « ${book.source} » : utilisez le modèle de plan d'actions (feuille « ${PLAN_SHEET} », tableau ${PLAN_TABLE}) ou une feuille dont la ligne d'en-tête contient « Objectif », « Indicateur (code) » et « Cible ».`,
    });
    return { name: book.source, targets: [], issues };
  }
  for (const key of ['objectif', 'indicateur', 'cible'] as const) {
    if (located.columns[key] === undefined) {
      const header = PLAN_COLUMNS.find((c) => c.key === key)!.header;
      issues.push({
        code: 'missing-label',
        severity: 'erreur',
        file: book.source,
        sheet: located.sheet.name,
        row: located.headerRow,
        message: `Colonne « ${header} » absente de la ligne d'en-tête (ligne ${located.headerRow} de la feuille « ${located.sheet.name} ») : ajoutez-la.`,
      });
    }
  }
  if (issues.length > 0) return { name: book.source, targets: [], issues };

  const targets: PlanTarget[] = [];
  for (let row = located.headerRow + 1; row <= located.lastRow; row++) {
    const t = readRow(book.source, located, row, issues);
    if (t) targets.push(t);
  }
  return { name: book.source, targets, issues };
}

function locateByTable(book: GridWorkbook): Located | undefined {
  const table = book.tables.find((t) => t.name.toLowerCase() === PLAN_TABLE.toLowerCase());
  if (!table) return undefined;
  const sheet = sheetByName(book, table.sheet);
  if (!sheet) return undefined;
  const r = parseRange(table.ref);
  const columns: Partial<Record<PlanColumnKey, number>> = {};
  for (let col = r.left; col <= r.right; col++) {
    const key = columnKey(cellValue(sheet, r.top, col)) ?? columnKey(table.columns[col - r.left] ?? null);
    if (key && columns[key] === undefined) columns[key] = col;
  }
  return { sheet, headerRow: r.top, lastRow: r.bottom, columns };
}

function locateByHeaders(book: GridWorkbook): Located | undefined {
  const ordered = [...book.sheets].sort((a, b) => Number(b.name === PLAN_SHEET) - Number(a.name === PLAN_SHEET));
  for (const sheet of ordered) {
    const maxRow = Math.min(sheet.rows.length, 50);
    for (let row = 1; row <= maxRow; row++) {
      const cells = sheet.rows[row - 1];
      if (!cells) continue;
      const columns: Partial<Record<PlanColumnKey, number>> = {};
      cells.forEach((v, i) => {
        const key = columnKey(v ?? null);
        if (key && columns[key] === undefined) columns[key] = i + 1;
      });
      if (columns.objectif !== undefined && columns.indicateur !== undefined && columns.cible !== undefined) {
        return { sheet, headerRow: row, lastRow: sheet.rows.length, columns };
      }
    }
  }
  return undefined;
}

const HEADERS = PLAN_COLUMNS.map((c) => ({ key: c.key, header: normalizeLabel(c.header), code: normalizeLabel(c.key) }));

function columnKey(v: CellValue): PlanColumnKey | undefined {
  if (typeof v !== 'string') return undefined;
  const n = normalizeLabel(v);
  if (!n) return undefined;
  const exact = HEADERS.find((h) => h.header === n || h.code === n);
  if (exact) return exact.key;
  // "Indicateur" for "Indicateur (code)", "Périmètre" for "Périmètre (région ou département)"…
  return HEADERS.find((h) => h.header.startsWith(`${n} `))?.key;
}

function readRow(file: string, at: Located, row: number, issues: ValidationIssue[]): PlanTarget | undefined {
  const get = (key: PlanColumnKey): CellValue => (at.columns[key] === undefined ? null : cellValue(at.sheet, row, at.columns[key]));
  const cell = (key: PlanColumnKey) => toA1(row, at.columns[key] ?? 1);
  const rowIssues: ValidationIssue[] = [];
  const problem = (key: PlanColumnKey, value: CellValue, message: string, severity: 'erreur' | 'avertissement' = 'erreur') =>
    rowIssues.push({
      code: severity === 'erreur' ? 'constraint-error' : 'missing-cell',
      severity,
      file,
      sheet: at.sheet.name,
      cell: cell(key),
      row,
      indicator: key,
      ...(value !== null ? { value: isCellError(value) ? value.error : String(value) } : {}),
      message: `${message} (feuille « ${at.sheet.name} », cellule ${cell(key)}).`,
    });

  const keys = Object.keys(at.columns) as PlanColumnKey[];
  if (keys.every((k) => isBlank(get(k)))) return undefined;
  // A row holding only the label columns (e.g. the strategy tree) is not a target.
  if (isBlank(get('indicateur')) && isBlank(get('cible'))) return undefined;

  const objectifRaw = get('objectif');
  const objectif = isBlank(objectifRaw) ? '' : String(objectifRaw).trim().split(/[\s.–-]/)[0]!;
  if (!strategyNode(objectif)) problem('objectif', objectifRaw, `Objectif « ${objectif} » inconnu : indiquez le code d'un objectif de la stratégie (ex. 22 ou 212)`);

  const indicateur = indicatorCode(get('indicateur'));
  if (!indicateur) problem('indicateur', get('indicateur'), "Indicateur inconnu : indiquez le code d'un indicateur de la spécification (ex. taux_sorties_dynamiques) ou nombre_siae");

  let departement: string | null = null;
  const scope = get('perimetre');
  if (!isBlank(scope) && normalizeLabel(String(scope)) !== normalizeLabel(PLAN_SCOPE_REGION)) {
    const code = /^\s*(2A|2B|97\d|\d{2})\b/i.exec(String(scope))?.[1]?.toUpperCase();
    if (code && departementByCode(code)) departement = code;
    else problem('perimetre', scope, `Périmètre « ${String(scope)} » non reconnu : indiquez « ${PLAN_SCOPE_REGION} » ou le code d'un département (ex. 93)`);
  }

  let kind: SiaeKind | null = null;
  const kindRaw = get('type_siae');
  if (!isBlank(kindRaw) && !/^tous/.test(normalizeLabel(String(kindRaw)))) {
    const k = String(kindRaw).trim().toUpperCase();
    if (isSiaeKind(k)) kind = k;
    else problem('type_siae', kindRaw, `Type de SIAE « ${String(kindRaw)} » inconnu : indiquez EI, ACI, AI, ETTI, EITI ou laissez vide pour tous les types`);
  }

  const isRate = indicateur !== undefined && figureFormat(indicateur) === 'pourcentage';
  const cible = readNumber(get('cible'), isRate);
  if (cible === undefined) problem('cible', get('cible'), 'Cible manquante ou non numérique : indiquez un nombre (un taux en %)');
  const refRaw = get('valeur_reference');
  const valeurReference = readNumber(refRaw, isRate);
  if (!isBlank(refRaw) && valeurReference === undefined) problem('valeur_reference', refRaw, 'Valeur de référence non numérique');
  const anneeReference = readYear(get('annee_reference'));
  const anneeCible = readYear(get('annee_cible'));
  if (!isBlank(get('annee_cible')) && anneeCible === undefined) problem('annee_cible', get('annee_cible'), 'Année cible invalide : indiquez une année sur 4 chiffres');

  let sens: Direction = 'hausse';
  const sensRaw = get('sens');
  if (!isBlank(sensRaw)) {
    const n = normalizeLabel(String(sensRaw));
    if (n.startsWith('baiss') || n === 'diminution') sens = 'baisse';
    else if (!(n.startsWith('hauss') || n === 'augmentation')) problem('sens', sensRaw, `Sens « ${String(sensRaw)} » inconnu : indiquez « hausse » ou « baisse »`);
  } else if (valeurReference !== undefined && cible !== undefined && cible < valeurReference) {
    sens = 'baisse';
  }
  const exempleRaw = get('exemple');
  const exemple = exempleRaw === true || (typeof exempleRaw === 'string' && normalizeLabel(exempleRaw) === 'oui');

  issues.push(...rowIssues);
  if (rowIssues.some((i) => i.severity === 'erreur') || !indicateur || cible === undefined) return undefined;
  return {
    objectif,
    indicateur,
    departement,
    kind,
    ...(valeurReference !== undefined ? { valeurReference } : {}),
    ...(anneeReference !== undefined ? { anneeReference } : {}),
    cible,
    ...(anneeCible !== undefined ? { anneeCible } : {}),
    sens,
    exemple,
    source: { file, sheet: at.sheet.name, row },
  };
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

const LABEL_TO_CODE = new Map(FIGURE_CODES.map((c) => [normalizeLabel(figureLabel(c)), c]));

function indicatorCode(v: CellValue): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (FIGURE_CODES.includes(s)) return s;
  const lower = s.toLowerCase();
  if (FIGURE_CODES.includes(lower)) return lower;
  return LABEL_TO_CODE.get(normalizeLabel(s));
}

/** A number from a cell: numbers as they are; text with a decimal comma or a % sign parsed. */
export function readNumber(v: CellValue, isRate: boolean): number | undefined {
  let n: number | undefined;
  let percentSign = false;
  if (typeof v === 'number' && Number.isFinite(v)) n = v;
  else if (typeof v === 'string') {
    const s = v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    percentSign = s.endsWith('%');
    const body = percentSign ? s.slice(0, -1) : s;
    if (/^-?\d+(\.\d+)?$/.test(body)) n = Number(body);
  }
  if (n === undefined) return undefined;
  // A rate written "45 %" as text, or 45 in a plain cell, means 0.45.
  if (isRate && (percentSign || n > 1)) return n / 100;
  return n;
}

function readYear(v: CellValue): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}
