import {
  describeConstraint,
  HOURS_PER_ETP_DEFAULTS,
  INDICATORS,
  regionName,
  RULES,
  type RuleDef,
  SCHEMA_VERSION,
  SECTIONS,
  SIAE_KIND_LABELS,
  type IndicatorCode,
  type IndicatorDef,
  type Settings,
} from '../../schema/index.js';
import { columnLetters, sheetRef, toA1 } from '../a1.js';
import { SIAE_SHEET, siaeInputName } from '../template-layout.js';
import type { CellModel, ConditionalFormatModel, DataValidationModel, DefinedNameModel, SheetModel, WorkbookModel } from '../workbook-model.js';
import { instructionsSheet } from './instructions.js';
import type { SendBackSettings } from './send-back.js';
import { metaDefinedNames, metaSheet } from './metadata.js';
import { PARAM_KINDS, SIAE_HELPERS, type FormulaContext, type HelperDef } from './siae-helpers.js';
import { estimateRowHeight, withRowHeights } from '../text-layout.js';
import { ruleFormula, severityWord, type RuleFormulaContext } from './rule-formulas.js';
import * as S from './styles.js';
import { indicatorNumFmt, indicatorValidation } from './validations.js';

/** Columns of the form: label, input (or computed value), unit, status, help. */
export const FORM_COLS = { label: 1, value: 2, unit: 3, status: 4, help: 5 } as const;
const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;

export interface FormLine {
  readonly row: number;
  readonly address: string;
}

/**
 * Where everything sits on the form. Addresses are not a contract (readers use the defined
 * names): tests and fills use this layout to find cells.
 */
export interface SiaeFormLayout {
  readonly inputs: Readonly<Record<IndicatorCode, FormLine>>;
  readonly helpers: readonly (FormLine & { readonly def: HelperDef })[];
  readonly sectionRows: readonly { readonly row: number; readonly label: string }[];
  readonly paramRows: readonly { readonly row: number; readonly kind: (typeof PARAM_KINDS)[number] }[];
  /** One row per cross-field rule: its verdict in the value column, its message in the help column. */
  readonly controlRows: readonly { readonly row: number; readonly rule: RuleDef }[];
  readonly lastRow: number;
}

export function siaeFormLayout(): SiaeFormLayout {
  const inputs: Partial<Record<IndicatorCode, FormLine>> = {};
  const helpers: (FormLine & { def: HelperDef })[] = [];
  const sectionRows: { row: number; label: string }[] = [];
  const at = (row: number): FormLine => ({ row, address: toA1(row, FORM_COLS.value) });
  let row = FIRST_ROW;
  for (const section of SECTIONS) {
    sectionRows.push({ row: row++, label: section.label });
    for (const def of INDICATORS as readonly IndicatorDef[]) {
      if (def.section === section.code) inputs[def.code as IndicatorCode] = at(row++);
    }
    const own = SIAE_HELPERS.filter((h) => h.section === section.code);
    if (own.length) {
      sectionRows.push({ row: row++, label: `${section.label} : valeurs calculées (ne pas saisir)` });
      for (const def of own) helpers.push({ ...at(row++), def });
    }
  }
  sectionRows.push({ row: row++, label: 'Contrôles de cohérence : calculés (ne pas saisir)' });
  const controlRows = RULES.map((rule) => ({ row: row++, rule }));
  row++; // a blank line before the parameters
  sectionRows.push({ row: row++, label: "Paramètres : durée annuelle de référence d'un ETP d'insertion" });
  const paramRows = PARAM_KINDS.map((kind) => ({ row: row++, kind }));
  return { inputs: inputs as Record<IndicatorCode, FormLine>, helpers, sectionRows, paramRows, controlRows, lastRow: row - 1 };
}

function paramSource(kind: (typeof PARAM_KINDS)[number], settings: Settings): string {
  const def = HOURS_PER_ETP_DEFAULTS[kind];
  const label = `${kind} : ${SIAE_KIND_LABELS[kind]}.`;
  return settings.hoursPerEtp[kind] === def.hours ? `${label} ${def.source}` : `${label} Valeur fixée par le réglage régional.`;
}

const CONTROL_LABEL_WIDTH = 34;
const CONTROL_HELP_WIDTH = 50;
/** Wide enough for a 60-character name (raison sociale) typed in the value column. */
export const VALUE_WIDTH = 62;

/** Cached verdict and message of a control for values known to the fill ('' when the rule holds). */
export function controlCache(rule: RuleDef, violation: { message: string } | undefined): { verdict: string; message: string } {
  return violation ? { verdict: severityWord(rule), message: violation.message } : { verdict: '', message: '' };
}

/**
 * The control rows: each rule's formula (rule-formulas.ts) gives « Erreur » or « À vérifier » in
 * the value column and the validator's message in the help column, both filled red (errors) or
 * orange (warnings); the input cell a rule points at is filled the same way.
 */
function controlCells(settings: Settings, layout: SiaeFormLayout): { cells: CellModel[]; formats: ConditionalFormatModel[] } {
  const C = FORM_COLS;
  const col = columnLetters(C.value);
  const ctx: RuleFormulaContext = { settings, ref: (code) => `$${col}$${layout.inputs[code as IndicatorCode].row}` };
  const cells: CellModel[] = [];
  const formats: ConditionalFormatModel[] = [];
  const verdictRefs = new Map<IndicatorCode, { errors: string[]; warnings: string[] }>();
  for (const { row, rule } of layout.controlRows) {
    const f = ruleFormula(rule, ctx);
    const verdict = `$${col}$${row}`;
    cells.push({ row, col: C.label, value: `Contrôle : ${rule.description}`, style: S.COMPUTED_LABEL });
    // Cached results '' are right for the blank template: no rule fails without inputs.
    cells.push({ row, col: C.value, formula: `IF(${f.fails},"${severityWord(rule)}","")`, value: '', style: S.computedStyle(S.TEXT_FORMAT) });
    cells.push({ row, col: C.unit, value: '', style: S.UNIT });
    cells.push({ row, col: C.status, value: 'Contrôle', style: S.COMPUTED_MARK });
    cells.push({ row, col: C.help, formula: `IF(${f.fails},${f.message},"")`, value: '', style: S.HELP });
    formats.push({ range: `${toA1(row, C.value)} ${toA1(row, C.help)}`, rules: [{ type: 'expression', formula: `${verdict}<>""`, style: S.flagStyle(rule.severity) }] });
    const refs = verdictRefs.get(rule.field) ?? { errors: [], warnings: [] };
    (rule.severity === 'erreur' ? refs.errors : refs.warnings).push(`${verdict}<>""`);
    verdictRefs.set(rule.field, refs);
  }
  for (const [code, refs] of verdictRefs) {
    const rules: ConditionalFormatModel['rules'][number][] = [];
    if (refs.errors.length) rules.push({ type: 'expression', formula: refs.errors.length > 1 ? `OR(${refs.errors.join(',')})` : refs.errors[0]!, style: S.flagStyle('erreur') });
    if (refs.warnings.length) rules.push({ type: 'expression', formula: refs.warnings.length > 1 ? `OR(${refs.warnings.join(',')})` : refs.warnings[0]!, style: S.flagStyle('avertissement') });
    formats.push({ range: layout.inputs[code].address, rules });
  }
  return { cells, formats };
}

function formSheet(settings: Settings, layout: SiaeFormLayout): SheetModel {
  const C = FORM_COLS;
  const cells: CellModel[] = [];
  const validations: DataValidationModel[] = [];
  const merges: string[] = [];
  const lastCol = columnLetters(C.help);
  const text = (row: number, col: number, value: string, style: CellModel['style']) => cells.push({ row, col, value, style });

  text(1, 1, `Retour annuel d'une SIAE : indicateurs de l'IAE, région ${regionName(settings.regionCode)}`, S.TITLE);
  merges.push(`A1:${lastCol}1`);
  text(
    2,
    1,
    "Remplissez les cases jaunes de la colonne « Valeur ». Les cases grises « Calculé » se remplissent seules : ne les saisissez pas. Une case laissée vide signifie « donnée manquante », jamais 0. Voir la feuille « Mode d'emploi ».",
    S.SUBTITLE,
  );
  merges.push(`A2:${lastCol}2`);
  text(3, 1, `Schéma des indicateurs version ${SCHEMA_VERSION}`, { italic: true, fontSize: 8, color: '7F7F7F' });
  const headers = ['Indicateur', 'Valeur', 'Unité', 'Saisie', 'Aide : définition et valeurs admises'];
  headers.forEach((h, i) => text(HEADER_ROW, i + 1, h, S.HEADER));

  for (const s of layout.sectionRows) {
    text(s.row, 1, s.label, S.SECTION);
    for (let col = 2; col <= C.help; col++) cells.push({ row: s.row, col, style: S.SECTION });
    merges.push(`A${s.row}:${lastCol}${s.row}`);
  }

  for (const def of INDICATORS as readonly IndicatorDef[]) {
    const line = layout.inputs[def.code as IndicatorCode];
    text(line.row, C.label, def.label, S.LABEL);
    cells.push({ row: line.row, col: C.value, style: S.inputStyle(indicatorNumFmt(def)) });
    text(line.row, C.unit, def.unit ?? '', S.UNIT);
    text(line.row, C.status, def.required ? 'obligatoire' : 'facultatif', def.required ? S.REQUIRED_MARK : S.OPTIONAL_MARK);
    text(line.row, C.help, `${def.definition} Valeurs admises : ${describeConstraint(def, settings)}.`, S.HELP);
    validations.push(indicatorValidation(def, settings, line.address));
  }

  const first = layout.paramRows[0]!.row;
  const last = layout.paramRows[layout.paramRows.length - 1]!.row;
  const ctx: FormulaContext = {
    inputRow: (code) => {
      const line = layout.inputs[code as IndicatorCode];
      if (!line) throw new Error(`Indicateur absent du formulaire : ${code}`);
      return line.row;
    },
    inputCol: C.value,
    kindsRange: `$A$${first}:$A$${last}`,
    hoursRange: `$B$${first}:$B$${last}`,
  };
  for (const h of layout.helpers) {
    text(h.row, C.label, `Calculé : ${h.def.label}`, S.COMPUTED_LABEL);
    // Cached result '' is right for the blank template: every helper is blank without inputs.
    cells.push({ row: h.row, col: C.value, formula: h.def.formula(ctx), value: '', style: S.computedStyle(h.def.numFmt) });
    text(h.row, C.unit, h.def.unit, S.UNIT);
    text(h.row, C.status, 'Calculé', S.COMPUTED_MARK);
    text(h.row, C.help, h.def.help, S.HELP);
  }

  const controls = controlCells(settings, layout);
  for (const c of controls.cells) cells.push(c);

  for (const p of layout.paramRows) {
    text(p.row, C.label, p.kind, { ...S.PARAM, bold: true });
    cells.push({ row: p.row, col: C.value, value: settings.hoursPerEtp[p.kind], style: { ...S.PARAM, numFmt: S.INTEGER_FORMAT } });
    text(p.row, C.unit, 'heures / ETP', S.UNIT);
    text(p.row, C.status, 'paramètre', S.OPTIONAL_MARK);
    text(p.row, C.help, paramSource(p.kind, settings), S.HELP);
  }

  return withRowHeights({
    name: SIAE_SHEET,
    // A control's message is a formula: the row is sized for the message with its values.
    rowHeights: layout.controlRows.map(({ row, rule }) => ({
      row,
      height: Math.max(estimateRowHeight(`Contrôle : ${rule.description}`, CONTROL_LABEL_WIDTH), estimateRowHeight(`${rule.message} 000000000`, CONTROL_HELP_WIDTH, 9)),
    })),
    tabColor: S.COLORS.title,
    // The value column holds a 60-character name on one line; the help column wraps (rows grow).
    // Landscape: the five columns fit an A4 page width at a readable scale.
    columns: [{ width: CONTROL_LABEL_WIDTH }, { width: VALUE_WIDTH }, { width: 11 }, { width: 10 }, { width: CONTROL_HELP_WIDTH }],
    cells,
    merges,
    freeze: { rows: HEADER_ROW, cols: 0 },
    validations,
    conditionalFormats: controls.formats,
    protection: { enabled: true },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  });
}

/** Modèle SIAE: one structure's yearly return, laid out as a form. */
export function buildSiaeTemplate(settings: Settings, sendBack: SendBackSettings = {}): WorkbookModel {
  const layout = siaeFormLayout();
  const names: DefinedNameModel[] = (INDICATORS as readonly IndicatorDef[]).map((def) => {
    const row = layout.inputs[def.code as IndicatorCode].row;
    return { name: siaeInputName(def.code), ref: sheetRef(SIAE_SHEET, { top: row, left: FORM_COLS.value, bottom: row, right: FORM_COLS.value }) };
  });
  return {
    sheets: [instructionsSheet('siae', settings, sendBack), formSheet(settings, layout), metaSheet('siae', settings)],
    definedNames: [...names, ...metaDefinedNames()],
    properties: { title: "Modèle SIAE : retour annuel des indicateurs de l'IAE", subject: `Schéma des indicateurs ${SCHEMA_VERSION}`, creator: 'Indicateurs IAE' },
  };
}
