import {
  DERIVED,
  departementsOfRegion,
  derivedByCode,
  INDICATORS,
  regionName,
  SCHEMA_VERSION,
  SIAE_KINDS,
  STRATEGY_NODES,
  YEAR_MAX,
  YEAR_MIN,
  type IndicatorDef,
  type Settings,
  type StrategyNode,
} from '../../schema/index.js';
import { columnLetters, toA1 } from '../a1.js';
import {
  INDICATORS_SHEET,
  PLAN_COLUMNS,
  PLAN_DIRECTIONS,
  PLAN_SCOPE_REGION,
  PLAN_SHEET,
  PLAN_TABLE,
  STRATEGY_SHEET,
  YES_NO,
  type PlanColumnKey,
} from '../template-layout.js';
import type { CellModel, DataValidationModel, SheetModel, StyleModel, WorkbookModel } from '../workbook-model.js';
import { INDICATOR_LIST_FIRST_ROW, indicatorListSheet, measurableEntries, type IndicatorEntry } from './indicator-list.js';
import { instructionsSheet } from './instructions.js';
import type { SendBackSettings } from './send-back.js';
import { metaDefinedNames, metaSheet } from './metadata.js';
import { PLAN_EXAMPLES, SEED_REGION, type PlanExample } from './plan-examples.js';
import { withRowHeights } from '../text-layout.js';
import * as S from './styles.js';
import { inlineList, validationTexts } from './validations.js';

/** Blank rows offered under each measurable objective, and free rows at the end of the table. */
export const PLAN_ROWS_PER_OBJECTIVE = 2;
export const PLAN_FREE_ROWS = 40;

const STRATEGY_FIRST_ROW = 4;
export const PLAN_HEADER_ROW = 4;

/** Codes of the indicators (collected or derived) that inform each strategy node. */
export function indicatorsByObjective(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (objectives: readonly string[], code: string) => {
    for (const o of objectives) out.set(o, [...(out.get(o) ?? []), code]);
  };
  for (const d of INDICATORS as readonly IndicatorDef[]) add(d.objectives, d.code);
  for (const d of DERIVED) add(d.objectives, d.code);
  return out;
}

/** Objectives and sub-objectives some indicator informs, in strategy order. */
export function measurableObjectives(): StrategyNode[] {
  const informed = indicatorsByObjective();
  return STRATEGY_NODES.filter((n) => n.level !== 'orientation' && (informed.get(n.code)?.length ?? 0) > 0);
}

export function col(key: PlanColumnKey): number {
  return PLAN_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** One row of the plan table, as typed by a user (values as stored: fractions for rates). */
export interface PlanRow {
  readonly objectif?: string;
  readonly indicateur?: string;
  readonly perimetre?: string;
  readonly type_siae?: string;
  readonly valeur_reference?: number;
  readonly annee_reference?: number;
  readonly cible?: number;
  readonly annee_cible?: number;
  readonly sens?: string;
  readonly exemple?: string;
}

export function exampleRow(e: PlanExample, settings: Settings): PlanRow {
  const base = settings.regionCode === SEED_REGION ? e.baseline : undefined;
  return {
    objectif: e.objective,
    indicateur: e.indicator,
    perimetre: e.scope,
    ...(e.kind ? { type_siae: e.kind } : {}),
    ...(base ? { valeur_reference: base.value, annee_reference: base.year } : {}),
    cible: e.target.value,
    annee_cible: e.target.year,
    sens: e.direction,
    exemple: 'oui',
  };
}

/** The template's rows: per measurable objective its examples then blank rows, then free rows. */
export function planTemplateRows(settings: Settings): PlanRow[] {
  const deps = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
  const examples = PLAN_EXAMPLES.filter((e) => e.scope === PLAN_SCOPE_REGION || deps.has(e.scope));
  const rows: PlanRow[] = [];
  for (const node of measurableObjectives()) {
    for (const e of examples.filter((x) => x.objective === node.code)) rows.push(exampleRow(e, settings));
    for (let i = 0; i < PLAN_ROWS_PER_OBJECTIVE; i++) rows.push({ objectif: node.code });
  }
  for (let i = 0; i < PLAN_FREE_ROWS; i++) rows.push({});
  return rows;
}

function strategySheet(): SheetModel {
  const informed = indicatorsByObjective();
  const cells: CellModel[] = [
    { row: 1, col: 1, value: "Stratégie régionale de l'IAE : orientations, objectifs et sous-objectifs", style: S.TITLE },
    { row: 2, col: 1, value: 'Les codes de la colonne A sont ceux à reporter dans la colonne « Objectif » de la feuille « Objectifs ».', style: { italic: true } },
  ];
  ['Code', 'Niveau', 'Libellé', 'Indicateurs qui le renseignent'].forEach((h, i) =>
    cells.push({ row: STRATEGY_FIRST_ROW - 1, col: i + 1, value: h, style: S.HEADER }),
  );
  STRATEGY_NODES.forEach((n, i) => {
    const row = STRATEGY_FIRST_ROW + i;
    const style: StyleModel =
      n.level === 'orientation'
        ? { ...S.LABEL, bold: true, fill: S.COLORS.section }
        : n.level === 'objectif'
          ? { ...S.LABEL, bold: true }
          : { ...S.LABEL, indent: 1 };
    cells.push({ row, col: 1, value: n.code, style: { ...style, numFmt: S.TEXT_FORMAT, indent: 0 } });
    cells.push({ row, col: 2, value: n.level, style: { ...style, indent: 0 } });
    cells.push({ row, col: 3, value: n.label, style });
    cells.push({ row, col: 4, value: (informed.get(n.code) ?? []).join(', '), style: { ...S.HELP, ...(n.level === 'orientation' ? { fill: S.COLORS.section } : {}) } });
  });
  return withRowHeights({
    name: STRATEGY_SHEET,
    tabColor: '7F7F7F',
    columns: [{ width: 8 }, { width: 14 }, { width: 90 }, { width: 60 }],
    cells,
    freeze: { rows: STRATEGY_FIRST_ROW - 1, cols: 0 },
    protection: { enabled: true },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${STRATEGY_FIRST_ROW - 1}:${STRATEGY_FIRST_ROW - 1}` },
  });
}

const strategyRange = () => `'${STRATEGY_SHEET}'!$A$${STRATEGY_FIRST_ROW}:$C$${STRATEGY_FIRST_ROW + STRATEGY_NODES.length - 1}`;
const strategyCodes = () => `'${STRATEGY_SHEET}'!$A$${STRATEGY_FIRST_ROW}:$A$${STRATEGY_FIRST_ROW + STRATEGY_NODES.length - 1}`;
const indicatorRange = (n: number) => `'${INDICATORS_SHEET}'!$A$${INDICATOR_LIST_FIRST_ROW}:$B$${INDICATOR_LIST_FIRST_ROW + n - 1}`;
const indicatorCodes = (n: number) => `'${INDICATORS_SHEET}'!$A$${INDICATOR_LIST_FIRST_ROW}:$A$${INDICATOR_LIST_FIRST_ROW + n - 1}`;

/** Numeric format of a target value: rates as percentages, counts with thousands. */
function valueFormat(indicator: string | undefined): string | undefined {
  if (!indicator) return undefined;
  const d = derivedByCode(indicator);
  if (d?.format === 'pourcentage') return '0%';
  if (d?.format === 'decimal') return S.DECIMAL_FORMAT;
  return S.INTEGER_FORMAT;
}

const INPUT_KEYS: readonly PlanColumnKey[] = ['objectif', 'indicateur', 'perimetre', 'type_siae', 'valeur_reference', 'annee_reference', 'cible', 'annee_cible', 'sens', 'exemple'];
const TEXT_KEYS = new Set<PlanColumnKey>(['objectif', 'indicateur', 'perimetre', 'type_siae', 'sens', 'exemple']);

export interface PlanCellsInput {
  readonly rows: readonly PlanRow[];
  readonly entries: readonly IndicatorEntry[];
}

/** Formula (and cached label) of the two label columns, looked up on the reference sheets. */
function lookups(row: number, r: PlanRow, entries: readonly IndicatorEntry[]): CellModel[] {
  const o = `${columnLetters(col('objectif'))}${row}`;
  const ind = `${columnLetters(col('indicateur'))}${row}`;
  const node = r.objectif ? STRATEGY_NODES.find((n) => n.code === r.objectif) : undefined;
  const entry = r.indicateur ? entries.find((e) => e.code === r.indicateur) : undefined;
  const style = S.computedStyle('General');
  return [
    {
      row,
      col: col('libelle_objectif'),
      formula: `IF(${o}="","",IFERROR(VLOOKUP(${o},${strategyRange()},3,FALSE),"objectif inconnu"))`,
      value: r.objectif ? (node?.label ?? 'objectif inconnu') : '',
      style: { ...style, wrap: true },
    },
    {
      row,
      col: col('libelle_indicateur'),
      formula: `IF(${ind}="","",IFERROR(VLOOKUP(${ind},${indicatorRange(entries.length)},2,FALSE),"indicateur inconnu"))`,
      value: r.indicateur ? (entry?.label ?? 'indicateur inconnu') : '',
      style: { ...style, wrap: true },
    },
  ];
}

export function planSheet(settings: Settings, rows: readonly PlanRow[]): SheetModel {
  const entries = measurableEntries(settings);
  const first = PLAN_HEADER_ROW + 1;
  const last = PLAN_HEADER_ROW + rows.length;
  const lastCol = columnLetters(PLAN_COLUMNS.length);
  const cells: CellModel[] = [
    { row: 1, col: 1, value: `Plan d'actions : cibles des indicateurs de l'IAE, région ${regionName(settings.regionCode)}`, style: S.TITLE },
    {
      row: 2,
      col: 1,
      value: `Cases jaunes à remplir. Les lignes surlignées en orange (« Exemple à remplacer » = oui) sont des exemples : remplacez-les par vos cibles et mettez « non », ou effacez-les. Taux et parts en pourcentage (45 %). Schéma des indicateurs version ${SCHEMA_VERSION}.`,
      style: { italic: true },
    },
  ];
  PLAN_COLUMNS.forEach((c, i) => cells.push({ row: PLAN_HEADER_ROW, col: i + 1, value: c.header, style: { ...S.HEADER, color: 'FFFFFF', fill: S.COLORS.title } }));
  rows.forEach((r, i) => {
    const row = first + i;
    const fmt = valueFormat(r.indicateur);
    for (const key of INPUT_KEYS) {
      const value = r[key as keyof PlanRow];
      const numeric = key === 'valeur_reference' || key === 'cible';
      const style = numeric && fmt ? S.inputStyle(fmt) : undefined;
      if (value !== undefined || style) cells.push({ row, col: col(key), ...(value !== undefined ? { value } : {}), ...(style ? { style } : {}) });
    }
    for (const c of lookups(row, r, entries)) cells.push(c);
  });

  const range = (key: PlanColumnKey) => `${columnLetters(col(key))}${first}:${columnLetters(col(key))}${last}`;
  const rangeStyles = INPUT_KEYS.map((key) => ({
    range: range(key),
    style: S.inputStyle(TEXT_KEYS.has(key) ? S.TEXT_FORMAT : key.startsWith('annee') ? S.YEAR_FORMAT : undefined),
  }));
  const deps = departementsOfRegion(settings.regionCode).map((d) => d.code);
  const header = (key: PlanColumnKey) => PLAN_COLUMNS.find((c) => c.key === key)!.header;
  const v = (key: PlanColumnKey, rule: Pick<DataValidationModel, 'type' | 'operator' | 'formulae'>, help: string, allowed: string): DataValidationModel => ({
    range: range(key),
    ...rule,
    allowBlank: true,
    ...validationTexts({ title: header(key), help, allowed }),
  });
  const years = { type: 'whole', operator: 'between', formulae: [String(YEAR_MIN), String(YEAR_MAX)] } as const;
  const positive = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: ['0'] } as const;
  const validations: DataValidationModel[] = [
    v('objectif', { type: 'list', formulae: [strategyCodes()] }, `Code d'un objectif ou sous-objectif de la feuille « ${STRATEGY_SHEET} » (ex. 212).`, `un code de la feuille « ${STRATEGY_SHEET} »`),
    v('indicateur', { type: 'list', formulae: [indicatorCodes(entries.length)] }, `Code d'un indicateur collecté ou calculé de la feuille « ${INDICATORS_SHEET} » (ex. part_femmes).`, `un code de la feuille « ${INDICATORS_SHEET} »`),
    v('perimetre', { type: 'list', formulae: [inlineList([PLAN_SCOPE_REGION, ...deps])] }, `« ${PLAN_SCOPE_REGION} » pour toute la région, ou le code d'un département.`, `${PLAN_SCOPE_REGION} ou un code de département (${deps.join(', ')})`),
    v('type_siae', { type: 'list', formulae: [inlineList(SIAE_KINDS)] }, 'Type de SIAE visé ; laissez vide pour tous les types.', `l'un de : ${SIAE_KINDS.join(', ')}`),
    v('valeur_reference', positive, 'Valeur de départ de l\'indicateur ; taux et parts en pourcentage (ex. 42 %).', 'un nombre ≥ 0'),
    v('annee_reference', years, 'Année de la valeur de référence (ex. 2013).', `une année de ${YEAR_MIN} à ${YEAR_MAX}`),
    v('cible', positive, 'Valeur visée ; taux et parts en pourcentage (ex. 45 %).', 'un nombre ≥ 0'),
    v('annee_cible', years, 'Année à laquelle la cible doit être atteinte.', `une année de ${YEAR_MIN} à ${YEAR_MAX}`),
    v('sens', { type: 'list', formulae: [inlineList(PLAN_DIRECTIONS)] }, 'hausse : la cible est atteinte quand la valeur est au moins égale ; baisse : au plus égale.', 'hausse ou baisse'),
    v('exemple', { type: 'list', formulae: [inlineList(YES_NO)] }, '« oui » pour un exemple livré avec le modèle ; mettez « non » une fois la ligne remplacée par votre cible.', 'oui ou non'),
  ];
  const exampleCol = columnLetters(col('exemple'));
  return withRowHeights({
    name: PLAN_SHEET,
    tabColor: S.COLORS.title,
    columns: [{ width: 10 }, { width: 42 }, { width: 24 }, { width: 36 }, { width: 14 }, { width: 12 }, { width: 13 }, { width: 12 }, { width: 12 }, { width: 11 }, { width: 12 }, { width: 12 }],
    cells,
    rangeStyles,
    freeze: { rows: PLAN_HEADER_ROW, cols: 0 },
    validations,
    tables: [{ name: PLAN_TABLE, topLeft: toA1(PLAN_HEADER_ROW, 1), columns: PLAN_COLUMNS.map((c) => c.header), rowCount: rows.length, style: 'TableStyleLight1' }],
    conditionalFormats: [
      { range: `A${first}:${lastCol}${last}`, rules: [{ type: 'expression', formula: `$${exampleCol}${first}="oui"`, style: { fill: S.COLORS.example, italic: true } }] },
    ],
    protection: { enabled: true },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${PLAN_HEADER_ROW}:${PLAN_HEADER_ROW}` },
  });
}

/** The plan workbook around a given set of rows (the template's, or a filled plan's). */
export function planWorkbook(settings: Settings, rows: readonly PlanRow[], sendBack: SendBackSettings = {}): WorkbookModel {
  return {
    sheets: [instructionsSheet('plan', settings, sendBack), strategySheet(), planSheet(settings, rows), indicatorListSheet(measurableEntries(settings)), metaSheet('plan', settings)],
    definedNames: metaDefinedNames(),
    properties: { title: "Modèle plan d'actions : cibles des indicateurs de l'IAE", subject: `Schéma des indicateurs ${SCHEMA_VERSION}`, creator: 'Indicateurs IAE' },
  };
}

/** Modèle plan d'actions: the strategy tree and a table of targets with examples to replace. */
export function buildPlanTemplate(settings: Settings, sendBack: SendBackSettings = {}): WorkbookModel {
  return planWorkbook(settings, planTemplateRows(settings), sendBack);
}
