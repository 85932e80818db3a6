import {
  departementsOfRegion,
  INDICATORS,
  regionName,
  RULES,
  SCHEMA_VERSION,
  SECTIONS,
  YEAR_MAX,
  YEAR_MIN,
  type IndicatorDef,
  type RuleDef,
  type Settings,
} from '../../schema/index.js';
import { columnLetters, sheetRef, toA1 } from '../a1.js';
import { NETWORK_INPUT_ROWS, NETWORK_SHEET, NETWORK_TABLE, SENDER_FIELDS } from '../template-layout.js';
import type { CellModel, ConditionalFormatModel, DataValidationModel, DefinedNameModel, SheetModel, StyleModel, WorkbookModel } from '../workbook-model.js';
import { collectedEntries, indicatorListSheet } from './indicator-list.js';
import { instructionsSheet } from './instructions.js';
import type { SendBackSettings } from './send-back.js';
import { metaDefinedNames, metaSheet } from './metadata.js';
import { withRowHeights } from '../text-layout.js';
import { ruleFormulas, ruleShortLabel, severityWord, type RuleFormulaContext } from './rule-formulas.js';
import * as S from './styles.js';
import { indicatorNumFmt, indicatorValidation, inlineList, validationTexts } from './validations.js';

/** Rows of the network sheet: sender block, section row, code row, header, input rows. */
export const NETWORK_LAYOUT = (() => {
  const senderFirstRow = 4;
  const sectionRow = senderFirstRow + SENDER_FIELDS.length + 1;
  const codeRow = sectionRow + 1;
  const headerRow = codeRow + 1;
  const firstDataRow = headerRow + 1;
  return {
    senderFirstRow,
    senderLabelCol: 1,
    senderValueCol: 2,
    sectionRow,
    codeRow,
    headerRow,
    firstDataRow,
    lastDataRow: firstDataRow + NETWORK_INPUT_ROWS - 1,
  };
})();

/** Column (1-based) of each indicator in the network table: schema order. */
export function networkColumn(code: string): number {
  const i = (INDICATORS as readonly IndicatorDef[]).findIndex((d) => d.code === code);
  if (i < 0) throw new Error(`Indicateur inconnu : ${code}`);
  return i + 1;
}

/** Sender fields' value rules: what the network or CDIAE says about itself. */
function senderValidation(name: (typeof SENDER_FIELDS)[number]['name'], label: string, address: string, settings: Settings): DataValidationModel {
  const texts = (help: string, allowed: string) => validationTexts({ title: label, help, allowed });
  switch (name) {
    case 'IAE_EMETTEUR_TYPE':
      return { range: address, type: 'list', formulae: [inlineList(['Réseau', 'CDIAE'])], allowBlank: true, ...texts('Qui envoie ce fichier : un réseau de l\'IAE ou le secrétariat d\'un CDIAE.', 'Réseau ou CDIAE') };
    case 'IAE_EMETTEUR_DEPARTEMENT': {
      const codes = departementsOfRegion(settings.regionCode).map((d) => d.code);
      return { range: address, type: 'list', formulae: [inlineList(codes)], allowBlank: true, ...texts('Département couvert par ce fichier ; laissez vide pour un réseau régional.', `un département de la région ${regionName(settings.regionCode)}`) };
    }
    case 'IAE_EMETTEUR_ANNEE':
      return { range: address, type: 'whole', operator: 'between', formulae: [String(YEAR_MIN), String(YEAR_MAX)], allowBlank: true, ...texts('Année civile des données du tableau (une seule année par fichier).', `année de ${YEAR_MIN} à ${YEAR_MAX}`) };
    case 'IAE_EMETTEUR_DATE':
      // Excel serials of 01/01/2000 and 31/12/2100: a date typed as a date passes.
      return { range: address, type: 'decimal', operator: 'between', formulae: ['36526', '73415'], allowBlank: true, ...texts("Date d'envoi du fichier (jj/mm/aaaa).", 'une date (jj/mm/aaaa)') };
    case 'IAE_EMETTEUR_NOM':
    case 'IAE_EMETTEUR_CONTACT':
      return { range: address, type: 'textLength', operator: 'between', formulae: ['1', '200'], allowBlank: true, ...texts(label, '1 à 200 caractères') };
  }
}

function senderFormat(name: (typeof SENDER_FIELDS)[number]['name']): string {
  return name === 'IAE_EMETTEUR_DATE' ? S.DATE_FORMAT : name === 'IAE_EMETTEUR_ANNEE' ? S.YEAR_FORMAT : S.TEXT_FORMAT;
}

function columnWidth(def: IndicatorDef): number {
  if (def.code === 'raison_sociale') return 30;
  if (def.code === 'siret') return 17;
  return Math.min(24, Math.max(12, Math.ceil(def.label.length / 2) + 2));
}

/** Column of the « Contrôles » summary, right of the table (outside it: readers never see it). */
export const NETWORK_CONTROLS_COL = INDICATORS.length + 1;

/** Name of a rule's test on the current row (IAE_R_femmes_au_plus_personnes). */
export const ruleName = (rule: RuleDef): string => `IAE_R_${rule.code}`;

/**
 * One name per rule holding its test (rule-formulas.ts), its references relative to the row as
 * the file format wants (relative to A1: column absolute, row relative), so that in row 20 the
 * name tests the cells of row 20, in Excel and LibreOffice. Every row's « Contrôles » formula is
 * then the same short text, and the thousand-row template stays light.
 */
function controlNames(settings: Settings): DefinedNameModel[] {
  const ctx: RuleFormulaContext = { settings, ref: (code) => `'${NETWORK_SHEET}'!$${columnLetters(networkColumn(code))}1` };
  return ruleFormulas(ctx).map((f) => ({ name: ruleName(f.rule), ref: f.fails }));
}

/** What the « Contrôles » cell says for a failing rule. */
export const controlLabel = (rule: RuleDef): string => `${severityWord(rule)} : ${ruleShortLabel(rule)}`;

/**
 * The controls of each input row: the « Contrôles » cell lists the failing rules (rule-formulas.ts
 * gives each rule's test), « Erreur : … ; À vérifier : … », filled red when one is an error and
 * orange otherwise; the input cell a rule points at is filled the same way by a conditional
 * format (one per rule for the whole column, nothing per row: the template stays light).
 */
function controlColumn(): { cells: CellModel[]; formats: ConditionalFormatModel[]; rangeStyles: { range: string; style: StyleModel }[] } {
  const L = NETWORK_LAYOUT;
  const col = NETWORK_CONTROLS_COL;
  const letters = columnLetters(col);
  const cells: CellModel[] = [];
  cells.push({ row: L.headerRow, col, value: 'Contrôles (calculés)', style: { ...S.HEADER, color: 'FFFFFF', fill: S.COLORS.title } });
  cells.push({ row: L.codeRow, col, value: 'controles', style: S.CODE_ROW });
  // Each rule's test is a name relative to the row (controlNames): every row has the same text.
  const listed = RULES.map((rule) => `IF(${ruleName(rule)},"${SEPARATOR}${controlLabel(rule)}","")`);
  const formula = `MID(${listed.join('&')},${SEPARATOR.length + 1},2000)`;
  // No cached result: a blank row of the table stays blank to a reader that does not recalculate.
  for (let row = L.firstDataRow; row <= L.lastDataRow; row++) cells.push({ row, col, formula });
  const rows = (c: number) => `${columnLetters(c)}${L.firstDataRow}:${columnLetters(c)}${L.lastDataRow}`;
  const formats: ConditionalFormatModel[] = [
    {
      range: rows(col),
      rules: [
        { type: 'containsText', text: `${severityWord(RULES.find((r) => r.severity === 'erreur')!)} :`, style: S.flagStyle('erreur') },
        { type: 'expression', formula: `$${letters}${L.firstDataRow}<>""`, style: S.flagStyle('avertissement') },
      ],
    },
  ];
  // The input a rule points at: the rule's own test, on the same row (the names are relative).
  const byField = new Map<string, { errors: string[]; warnings: string[] }>();
  for (const rule of RULES) {
    const entry = byField.get(rule.field) ?? { errors: [], warnings: [] };
    (rule.severity === 'erreur' ? entry.errors : entry.warnings).push(ruleName(rule));
    byField.set(rule.field, entry);
  }
  const anyOf = (tests: readonly string[]) => (tests.length > 1 ? `OR(${tests.join(',')})` : tests[0]!);
  for (const [code, f] of byField) {
    const rules: ConditionalFormatModel['rules'][number][] = [];
    if (f.errors.length) rules.push({ type: 'expression', formula: anyOf(f.errors), style: S.flagStyle('erreur') });
    if (f.warnings.length) rules.push({ type: 'expression', formula: anyOf(f.warnings), style: S.flagStyle('avertissement') });
    formats.push({ range: rows(networkColumn(code)), rules });
  }
  return { cells, formats, rangeStyles: [{ range: rows(col), style: S.computedStyle(S.TEXT_FORMAT) }] };
}

const SEPARATOR = ' ; ';

function tableSheet(settings: Settings): SheetModel {
  const L = NETWORK_LAYOUT;
  const defs = INDICATORS as readonly IndicatorDef[];
  const cells: CellModel[] = [];
  const validations: DataValidationModel[] = [];
  const rangeStyles: { range: string; style: StyleModel }[] = [];
  const merges: string[] = [];

  cells.push({ row: 1, col: 1, value: `Retours des SIAE : indicateurs de l'IAE, région ${regionName(settings.regionCode)}`, style: S.TITLE });
  cells.push({
    row: 2,
    col: 1,
    value: `Cases jaunes à remplir : une ligne par SIAE et par année, à partir de la ligne ${L.firstDataRow}. Une case vide signifie « donnée manquante », jamais 0. Voir la feuille « Mode d'emploi ». Schéma des indicateurs version ${SCHEMA_VERSION}.`,
    style: { italic: true, wrap: true, vertical: 'top' },
  });
  // Wrapped over the first section's columns, so it reads on the first printed page.
  const firstSectionEnd = defs.filter((d) => d.section === defs[0]!.section).length;
  merges.push(`A2:${toA1(2, Math.max(2, firstSectionEnd))}`);

  // The sender block gets its own heading so it does not read as part of the table.
  const senderHeading = L.senderFirstRow - 1;
  cells.push({ row: senderHeading, col: L.senderLabelCol, value: 'Émetteur du fichier', style: { ...S.SECTION, fontSize: 11 } });
  cells.push({ row: senderHeading, col: L.senderValueCol, style: S.SECTION });
  merges.push(`${toA1(senderHeading, L.senderLabelCol)}:${toA1(senderHeading, L.senderValueCol)}`);
  SENDER_FIELDS.forEach((f, i) => {
    const row = L.senderFirstRow + i;
    const address = toA1(row, L.senderValueCol);
    cells.push({ row, col: L.senderLabelCol, value: f.label, style: { ...S.LABEL, bold: true, fill: S.COLORS.section } });
    cells.push({ row, col: L.senderValueCol, style: S.inputStyle(senderFormat(f.name)) });
    validations.push(senderValidation(f.name, f.label, address, settings));
  });

  for (const section of SECTIONS) {
    const cols = defs.map((d, i) => (d.section === section.code ? i + 1 : 0)).filter((c) => c > 0);
    if (!cols.length) continue;
    const first = cols[0]!;
    const last = cols[cols.length - 1]!;
    cells.push({ row: L.sectionRow, col: first, value: section.label, style: { ...S.SECTION, horizontal: 'center' } });
    for (let c = first + 1; c <= last; c++) cells.push({ row: L.sectionRow, col: c, style: S.SECTION });
    if (last > first) merges.push(`${toA1(L.sectionRow, first)}:${toA1(L.sectionRow, last)}`);
  }

  defs.forEach((def, i) => {
    const col = i + 1;
    const letters = columnLetters(col);
    const range = `${letters}${L.firstDataRow}:${letters}${L.lastDataRow}`;
    cells.push({ row: L.codeRow, col, value: def.code, style: S.CODE_ROW });
    cells.push({ row: L.headerRow, col, value: def.label, style: { ...S.HEADER, color: 'FFFFFF', fill: S.COLORS.title } });
    validations.push(indicatorValidation(def, settings, range));
    rangeStyles.push({ range, style: S.inputStyle(indicatorNumFmt(def)) });
  });

  const controls = controlColumn();
  for (const c of controls.cells) cells.push(c);
  for (const r of controls.rangeStyles) rangeStyles.push(r);

  return withRowHeights({
    name: NETWORK_SHEET,
    tabColor: S.COLORS.title,
    columns: [...defs.map((d) => ({ width: columnWidth(d) })), { width: 60 }],
    cells,
    rangeStyles,
    conditionalFormats: controls.formats,
    merges,
    freeze: { rows: L.headerRow, cols: 2 },
    validations,
    tables: [{ name: NETWORK_TABLE, topLeft: toA1(L.headerRow, 1), columns: defs.map((d) => d.label), rowCount: NETWORK_INPUT_ROWS, style: 'TableStyleLight1' }],
    protection: { enabled: true },
    // Readable A4 landscape pages at full size (fitted to one page width, sixty columns print
    // unreadably small): each page repeats the section, code and header rows, and the SIRET and
    // name columns, so every printed cell says which SIAE and which indicator it is.
    print: { orientation: 'landscape', fitToWidth: false, titleRows: `${L.sectionRow}:${L.headerRow}`, titleColumns: `A:${columnLetters(networkColumn('raison_sociale'))}` },
  });
}

/** Modèle réseau / département: one row per SIAE, one column per indicator, a sender block above. */
export function buildNetworkTemplate(settings: Settings, sendBack: SendBackSettings = {}): WorkbookModel {
  const L = NETWORK_LAYOUT;
  const names: DefinedNameModel[] = SENDER_FIELDS.map((f, i) => {
    const row = L.senderFirstRow + i;
    return { name: f.name, ref: sheetRef(NETWORK_SHEET, { top: row, left: L.senderValueCol, bottom: row, right: L.senderValueCol }) };
  });
  return {
    sheets: [instructionsSheet('reseau', settings, sendBack), tableSheet(settings), indicatorListSheet(collectedEntries(settings)), metaSheet('reseau', settings)],
    definedNames: [...names, ...controlNames(settings), ...metaDefinedNames()],
    properties: { title: "Modèle réseau / département : retours des SIAE", subject: `Schéma des indicateurs ${SCHEMA_VERSION}`, creator: 'Indicateurs IAE' },
  };
}
