import { INDICATORS, SCHEMA_VERSION, type IndicatorCode, type IndicatorDef } from '../../schema/index.js';
import { parseRange, toA1 } from '../a1.js';
import type { CellValue, GridSheet, GridWorkbook } from '../grid.js';
import { sheetByName } from '../grid.js';
import type { ValidationIssue } from '../records.js';
import {
  NAME_SCHEMA_VERSION,
  NAME_TEMPLATE_KIND,
  NETWORK_TABLE,
  PLAN_COLUMNS,
  PLAN_TABLE,
  SENDER_FIELDS,
  TEMPLATE_KINDS,
  TEMPLATE_TITLES,
  siaeInputName,
  type TemplateKind,
} from '../template-layout.js';
import { cleanText, isSpaceCode as isSpaceCodeImport } from '../parse/text.js';
import { HeaderMemo, type HeaderMatch } from './headers.js';
import type { CellPos, DataLocation, FormLocation, PlanColumn, PlanLocation, Recognition, TableColumn, TableLocation } from './locations.js';
import { definedNameRef, definedNameValue } from './refs.js';
import { changesSince, compareVersions } from './versions.js';

/** How many top rows are searched for a header row, and how many matches make one. */
const HEADER_SCAN_ROWS = 60;
const MIN_MATCHES = 3;

const REQUIRED = (INDICATORS as readonly IndicatorDef[]).filter((d) => d.required);

const isSpaceCode = isSpaceCodeImport; // a plain constant on the per-cell path

/** A cell's text when it holds more than spaces, else null (the text is not cleaned). */
function text(v: CellValue | undefined): string | null {
  if (typeof v !== 'string') return null;
  // Stops at the first visible character: every scanned cell goes through here.
  for (let i = 0; i < v.length; i++) if (!isSpaceCode(v.charCodeAt(i))) return v;
  return null;
}

function lastRowOf(sheet: GridSheet): number {
  return sheet.rows.length;
}

interface RowMatch<M> {
  row: number;
  hits: { col: number; header: string; match: M | undefined }[];
  score: number;
}

/** The row, among the first ones, whose cells name the most known columns. */
function findHeaderRow<M>(sheet: GridSheet, match: (t: string) => M | undefined, count: (m: M) => boolean): RowMatch<M> | undefined {
  let bestRow = -1;
  let bestScore = 0;
  // Each text cell's match in the row being scored, and in the best row so far (swapped).
  let matches: (M | undefined)[] = [];
  let bestMatches: (M | undefined)[] = [];
  const end = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let score = 0;
    for (let c = 0; c < row.length; c++) {
      const t = text(row[c]);
      if (t === null) continue;
      const m = match(t);
      matches[c] = m;
      if (m !== undefined && count(m)) score++;
    }
    if (score >= MIN_MATCHES && (bestRow < 0 || score > bestScore)) {
      bestRow = r;
      bestScore = score;
      const kept = bestMatches;
      bestMatches = matches;
      matches = kept;
    }
    // Past a header row come data rows: no need to match every cell of the first rows.
    if (bestRow >= 0 && r > bestRow + 5) break;
  }
  if (bestRow < 0) return undefined;
  // The cells of the chosen row only (the others were only scored).
  const row = sheet.rows[bestRow]!;
  const hits: RowMatch<M>['hits'] = [];
  for (let c = 0; c < row.length; c++) {
    const t = text(row[c]);
    if (t !== null) hits.push({ col: c + 1, header: cleanText(t), match: bestMatches[c] });
  }
  return { row: bestRow + 1, hits, score: bestScore };
}

/** The column whose cells name the most indicators (an SIAE form laid out as label | value). */
function findLabelColumn(sheet: GridSheet, memo: HeaderMemo): { col: number; rows: Map<IndicatorCode, number>; score: number } | undefined {
  const perCol = new Map<number, Map<IndicatorCode, number>>();
  const end = Math.min(sheet.rows.length, 500);
  for (let r = 0; r < end; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, 10); c++) {
      const t = text(row[c]);
      if (t === null) continue;
      const m = memo.matchIndicator(t);
      if (m?.kind !== 'indicator') continue;
      let map = perCol.get(c + 1);
      if (!map) perCol.set(c + 1, (map = new Map()));
      if (!map.has(m.code)) map.set(m.code, r + 1);
    }
  }
  let best: { col: number; rows: Map<IndicatorCode, number>; score: number } | undefined;
  for (const [col, rows] of perCol) if (rows.size >= MIN_MATCHES && (!best || rows.size > best.score)) best = { col, rows, score: rows.size };
  return best;
}

function issue(book: GridWorkbook, fields: Omit<ValidationIssue, 'file'>): ValidationIssue {
  return { file: book.source, ...fields };
}

function metadataKind(book: GridWorkbook): { kind?: TemplateKind; version?: string } {
  const k = definedNameValue(book, NAME_TEMPLATE_KIND);
  const v = definedNameValue(book, NAME_SCHEMA_VERSION);
  const kindText = typeof k === 'string' ? k.trim().toLowerCase() : undefined;
  const kind = (TEMPLATE_KINDS as readonly string[]).includes(kindText ?? '') ? (kindText as TemplateKind) : undefined;
  const version = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  return { kind, version: version || undefined };
}

/** Each indicator with the defined name of its input cell in the SIAE template (built once, not per file). */
const INPUT_NAMES = (INDICATORS as readonly IndicatorDef[]).map((def) => ({ def, name: siaeInputName(def.code) }));

function formByNames(book: GridWorkbook): FormLocation | undefined {
  if (book.definedNames.length === 0) return undefined; // an export without names (the usual table)
  const cells = new Map<IndicatorCode, CellPos>();
  let sheet: string | undefined;
  for (const { def, name } of INPUT_NAMES) {
    const ref = definedNameRef(book, name);
    if (!ref || !sheetByName(book, ref.sheet)) continue;
    sheet ??= ref.sheet;
    cells.set(def.code as IndicatorCode, { sheet: ref.sheet, row: ref.range.top, col: ref.range.left });
  }
  if (!sheet || cells.size < MIN_MATCHES) return undefined;
  return { kind: 'siae', sheet, cells, via: 'names' };
}

function formByLabels(sheet: GridSheet, memo: HeaderMemo): FormLocation | undefined {
  const found = findLabelColumn(sheet, memo);
  if (!found) return undefined;
  // The value sits right of the label; skip a column that only repeats the codes.
  let valueCol = found.col + 1;
  let codeLike = 0;
  for (const [code, row] of found.rows) if (sheet.rows[row - 1]?.[valueCol - 1] === code) codeLike++;
  if (codeLike > found.rows.size / 2) valueCol++;
  const cells = new Map<IndicatorCode, CellPos>();
  for (const [code, row] of found.rows) cells.set(code, { sheet: sheet.name, row, col: valueCol });
  return { kind: 'siae', sheet: sheet.name, cells, via: 'labels' };
}

function senderCells(book: GridWorkbook): Map<string, CellPos> {
  const out = new Map<string, CellPos>();
  for (const f of SENDER_FIELDS) {
    const ref = definedNameRef(book, f.name);
    if (ref) out.set(f.name, { sheet: ref.sheet, row: ref.range.top, col: ref.range.left });
  }
  return out;
}

type HeaderHit = RowMatch<HeaderMatch>['hits'][number];

/** A header column that is not read: a warning on its header cell. */
function unreadColumn(book: GridWorkbook, sheet: GridSheet, headerRow: number, h: HeaderHit, message: string, indicator?: string): ValidationIssue {
  return issue(book, {
    code: 'extra-label',
    severity: 'avertissement',
    sheet: sheet.name,
    cell: toA1(headerRow, h.col),
    row: headerRow,
    ...(indicator !== undefined ? { indicator } : {}),
    value: h.header,
    message,
  });
}

function tableColumns(book: GridWorkbook, sheet: GridSheet, headerRow: number, hits: RowMatch<HeaderMatch>['hits'], issues: ValidationIssue[]): TableColumn[] {
  const columns: TableColumn[] = [];
  const seen = new Map<string, number>();
  const unread = (h: HeaderHit, message: string, indicator?: string) => issues.push(unreadColumn(book, sheet, headerRow, h, message, indicator));
  for (const h of hits) {
    if (!h.match) {
      unread(h, `Colonne « ${h.header} » inconnue : elle n'est pas lue. Vérifiez l'intitulé (libellé ou code d'un indicateur) ou supprimez la colonne.`);
      continue;
    }
    if (h.match.kind !== 'indicator') continue; // derived columns are computed, not read
    const first = seen.get(h.match.code);
    if (first !== undefined) {
      unread(h, `Colonne « ${h.header} » en double (déjà en ${toA1(headerRow, first)}) : seule la première est lue. Supprimez l'une des deux.`, h.match.code);
      continue;
    }
    seen.set(h.match.code, h.col);
    columns.push({ col: h.col, header: h.header, code: h.match.code });
  }
  const firstCell = toA1(headerRow, hits[0]?.col ?? 1);
  for (const def of REQUIRED) {
    if (seen.has(def.code)) continue;
    issues.push(
      issue(book, {
        code: 'missing-label',
        severity: 'erreur',
        sheet: sheet.name,
        cell: firstCell,
        row: headerRow,
        indicator: def.code,
        message: `Colonne obligatoire absente : « ${def.label} » (code ${def.code}). Ajoutez-la à la ligne d'en-tête ${headerRow}, ou repartez du modèle réseau.`,
      }),
    );
  }
  return columns;
}

function networkByTable(book: GridWorkbook, issues: ValidationIssue[], memo: HeaderMemo): TableLocation | undefined {
  const table = book.tables.find((t) => t.name.toUpperCase() === NETWORK_TABLE.toUpperCase());
  const sheet = table && sheetByName(book, table.sheet);
  if (!table || !sheet) return undefined;
  const r = parseRange(table.ref);
  const hits: RowMatch<HeaderMatch>['hits'] = [];
  for (let c = r.left; c <= r.right; c++) {
    const t = text(sheet.rows[r.top - 1]?.[c - 1]) ?? table.columns[c - r.left];
    if (!t) continue;
    hits.push({ col: c, header: cleanText(t), match: memo.matchIndicator(t) });
  }
  const columns = tableColumns(book, sheet, r.top, hits, issues);
  // Rows pasted below the table are data too.
  return { kind: 'reseau', sheet: sheet.name, headerRow: r.top, lastRow: Math.max(r.bottom, lastRowOf(sheet)), columns, sender: senderCells(book), via: 'table' };
}

function networkByHeaders(book: GridWorkbook, sheet: GridSheet, found: RowMatch<HeaderMatch>, issues: ValidationIssue[]): TableLocation {
  const columns = tableColumns(book, sheet, found.row, found.hits, issues);
  return { kind: 'reseau', sheet: sheet.name, headerRow: found.row, lastRow: lastRowOf(sheet), columns, sender: senderCells(book), via: 'headers' };
}

function planColumns(book: GridWorkbook, sheet: GridSheet, headerRow: number, hits: RowMatch<HeaderMatch>['hits'], issues: ValidationIssue[]): PlanColumn[] {
  const cols: PlanColumn[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    if (h.match?.kind === 'plan' && !seen.has(h.match.key)) {
      seen.add(h.match.key);
      cols.push({ col: h.col, header: h.header, key: h.match.key });
    } else issues.push(unreadColumn(book, sheet, headerRow, h, `Colonne « ${h.header} » inconnue ou en double dans le plan d'actions : elle n'est pas lue.`));
  }
  for (const key of ['indicateur', 'perimetre', 'cible'] as const) {
    if (seen.has(key)) continue;
    const header = PLAN_COLUMNS.find((c) => c.key === key)!.header;
    issues.push(
      issue(book, {
        code: 'missing-label',
        severity: 'erreur',
        sheet: sheet.name,
        cell: toA1(headerRow, hits[0]?.col ?? 1),
        row: headerRow,
        message: `Colonne obligatoire absente du plan d'actions : « ${header} ». Ajoutez-la ou repartez du modèle de plan d'actions.`,
      }),
    );
  }
  return cols;
}

function plan(book: GridWorkbook, issues: ValidationIssue[], memo: HeaderMemo): PlanLocation | undefined {
  const table = book.tables.find((t) => t.name.toUpperCase() === PLAN_TABLE.toUpperCase());
  const tSheet = table && sheetByName(book, table.sheet);
  if (table && tSheet) {
    const r = parseRange(table.ref);
    const hits: RowMatch<HeaderMatch>['hits'] = [];
    for (let c = r.left; c <= r.right; c++) {
      const t = text(tSheet.rows[r.top - 1]?.[c - 1]) ?? table.columns[c - r.left];
      if (t) hits.push({ col: c, header: cleanText(t), match: memo.matchPlan(t) });
    }
    const columns = planColumns(book, tSheet, r.top, hits, issues);
    return { kind: 'plan', sheet: tSheet.name, headerRow: r.top, lastRow: Math.max(r.bottom, lastRowOf(tSheet)), columns, via: 'table' };
  }
  for (const sheet of book.sheets) {
    const found = findHeaderRow(sheet, memo.matchPlan, () => true);
    if (found && found.score >= 4) {
      const columns = planColumns(book, sheet, found.row, found.hits, issues);
      return { kind: 'plan', sheet: sheet.name, headerRow: found.row, lastRow: lastRowOf(sheet), columns, via: 'headers' };
    }
  }
  return undefined;
}

/** The best candidate from the headers and labels of the visible sheets (then the hidden ones). */
function byStructure(book: GridWorkbook, issues: ValidationIssue[], memo: HeaderMemo): DataLocation | undefined {
  const sheets = [...book.sheets].sort((a, b) => Number(a.visibility !== 'visible') - Number(b.visibility !== 'visible'));
  let best: { score: number; make: () => DataLocation } | undefined;
  for (const sheet of sheets) {
    const header = findHeaderRow(sheet, memo.matchIndicator, (m) => m.kind === 'indicator');
    if (header && (!best || header.score > best.score)) best = { score: header.score, make: () => networkByHeaders(book, sheet, header, issues) };
    // A table with many known headers is not a form: skip the label-column search.
    const labels = header && header.score >= 10 ? undefined : findLabelColumn(sheet, memo);
    if (labels && (!best || labels.score > best.score)) best = { score: labels.score, make: () => formByLabels(sheet, memo)! };
  }
  return best?.make();
}

function missingFormLabels(book: GridWorkbook, form: FormLocation, issues: ValidationIssue[]): void {
  for (const def of REQUIRED) {
    if (form.cells.has(def.code as IndicatorCode)) continue;
    issues.push(
      issue(book, {
        code: 'missing-label',
        severity: 'erreur',
        sheet: form.sheet,
        indicator: def.code,
        message:
          form.via === 'names'
            ? `La cellule de saisie de « ${def.label} » (nom ${siaeInputName(def.code)}) est absente du formulaire. Repartez du modèle SIAE.`
            : `La ligne « ${def.label} » est absente du formulaire. Ajoutez-la, ou repartez du modèle SIAE.`,
      }),
    );
  }
}

function versionIssues(book: GridWorkbook, kind: TemplateKind, version: string | undefined, issues: ValidationIssue[]): void {
  if (!version) return;
  const cmp = compareVersions(version, SCHEMA_VERSION);
  if (cmp === 0) return;
  const changes = cmp < 0 ? changesSince(version) : [];
  issues.push(
    issue(book, {
      code: 'outdated-template',
      severity: 'avertissement',
      value: version,
      message:
        cmp < 0
          ? `Ce fichier a été produit avec le ${TEMPLATE_TITLES[kind].toLowerCase()} de la version ${version} du schéma ; la version actuelle est ${SCHEMA_VERSION}.${changes.length ? ` Changements depuis : ${changes.join(' ; ')}.` : ''} Reportez vos données dans le nouveau modèle.`
          : `Ce fichier vient d'un modèle de la version ${version} du schéma, plus récente que celle de cet outil (${SCHEMA_VERSION}) : mettez l'outil à jour pour vérifier toutes ses colonnes.`,
    }),
  );
}

/** What the caller already knows of a workbook. */
export interface RecognizeOptions {
  /**
   * The kind the workbook is given as (a file chosen as the action plan): looked for first, as
   * if the template's metadata named it, whatever the metadata says.
   */
  readonly expect?: TemplateKind;
  /**
   * Header look-ups already made, for a caller recognising many workbooks (a validation run
   * keeps one for all its files); without it, one memo for this workbook only.
   */
  readonly memo?: HeaderMemo;
}

/**
 * Which template a workbook is and where its data lies: from the template's metadata, defined
 * names and tables first, then a header row naming the plan columns, else indicator headers or
 * labels. Issues about the structure (unknown template, missing or unknown columns, old
 * version) are returned for the report.
 */
export function recognizeWorkbook(book: GridWorkbook, options: RecognizeOptions = {}): { recognition: Recognition; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const memo = options.memo ?? new HeaderMemo();
  const meta = metadataKind(book);
  const wanted = options.expect ?? meta.kind;
  const done = (kind: TemplateKind | null, locations: DataLocation[]) => {
    if (kind) versionIssues(book, kind, meta.version, issues);
    const via = meta.kind && meta.kind === kind ? 'metadata' : kind ? 'structure' : 'none';
    return { recognition: { kind, version: meta.version, via, locations } as Recognition, issues };
  };

  // A référentiel of expected SIAE is a campaign input, not a return (src/core/run/classify-input.ts).
  if (wanted === 'referentiel') {
    issues.push(
      issue(book, {
        code: 'unknown-template',
        severity: 'erreur',
        message: `${book.source} est un « Référentiel des SIAE » (la liste des SIAE attendues), pas un retour : donnez-le à la consolidation (iae consolidate … --referentiel ${book.source}, ou parmi les fichiers à consolider).`,
      }),
    );
    return done(null, []);
  }
  if (wanted === 'plan' || (!wanted && book.tables.some((t) => t.name.toUpperCase() === PLAN_TABLE.toUpperCase()))) {
    const p = plan(book, issues, memo);
    if (p) return done('plan', [p]);
  }
  if (wanted === 'siae' || !wanted) {
    const form = formByNames(book);
    if (form) {
      missingFormLabels(book, form, issues);
      return done('siae', [form]);
    }
  }
  if (wanted === 'reseau' || !wanted) {
    const table = networkByTable(book, issues, memo);
    if (table) return done('reseau', [table]);
  }
  // A row naming several plan columns is a plan, even when its "Indicateur" column lists
  // collected indicators (personnes, femmes…) that the label-column search would take for a form.
  if (wanted !== 'plan') {
    const p = plan(book, issues, memo);
    if (p) return done('plan', [p]);
  }
  const found = byStructure(book, issues, memo);
  if (found) {
    if (found.kind === 'siae') missingFormLabels(book, found, issues);
    return done(found.kind, [found]);
  }
  issues.push(
    issue(book, {
      code: 'unknown-template',
      severity: 'erreur',
      message:
        "Modèle non reconnu : ce classeur ne contient ni les repères des modèles IAE ni une ligne d'en-tête avec les libellés ou codes des indicateurs. Utilisez le modèle SIAE ou le modèle réseau, ou ajoutez une ligne d'en-tête (ex. « SIRET », « Raison sociale », « Personnes en insertion »).",
    }),
  );
  return done(null, []);
}
