import {
  describeConstraint,
  HOURS_PER_ETP_DEFAULTS,
  INDICATORS,
  regionName,
  SCHEMA_VERSION,
  SECTIONS,
  SIAE_KIND_LABELS,
  type IndicatorCode,
  type IndicatorDef,
  type Settings,
} from '../../schema/index.js';
import { columnLetters, sheetRef, toA1 } from '../a1.js';
import { SIAE_SHEET, siaeInputName } from '../template-layout.js';
import type { CellModel, DataValidationModel, DefinedNameModel, SheetModel, WorkbookModel } from '../workbook-model.js';
import { instructionsSheet } from './instructions.js';
import { metaDefinedNames, metaSheet } from './metadata.js';
import { PARAM_KINDS, SIAE_HELPERS, type FormulaContext, type HelperDef } from './siae-helpers.js';
import { withRowHeights } from '../text-layout.js';
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
  row++; // a blank line before the parameters
  sectionRows.push({ row: row++, label: "Paramètres : durée annuelle de référence d'un ETP d'insertion" });
  const paramRows = PARAM_KINDS.map((kind) => ({ row: row++, kind }));
  return { inputs: inputs as Record<IndicatorCode, FormLine>, helpers, sectionRows, paramRows, lastRow: row - 1 };
}

function paramSource(kind: (typeof PARAM_KINDS)[number], settings: Settings): string {
  const def = HOURS_PER_ETP_DEFAULTS[kind];
  const label = `${kind} : ${SIAE_KIND_LABELS[kind]}.`;
  return settings.hoursPerEtp[kind] === def.hours ? `${label} ${def.source}` : `${label} Valeur fixée par le réglage régional.`;
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

  for (const p of layout.paramRows) {
    text(p.row, C.label, p.kind, { ...S.PARAM, bold: true });
    cells.push({ row: p.row, col: C.value, value: settings.hoursPerEtp[p.kind], style: { ...S.PARAM, numFmt: S.INTEGER_FORMAT } });
    text(p.row, C.unit, 'heures / ETP', S.UNIT);
    text(p.row, C.status, 'paramètre', S.OPTIONAL_MARK);
    text(p.row, C.help, paramSource(p.kind, settings), S.HELP);
  }

  return withRowHeights({
    name: SIAE_SHEET,
    tabColor: S.COLORS.title,
    // A narrow help column that wraps (rows grow) keeps the printed page readable.
    columns: [{ width: 36 }, { width: 14 }, { width: 13 }, { width: 10 }, { width: 60 }],
    cells,
    merges,
    freeze: { rows: HEADER_ROW, cols: 0 },
    validations,
    protection: { enabled: true },
    print: { orientation: 'portrait', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  });
}

/** Modèle SIAE: one structure's yearly return, laid out as a form. */
export function buildSiaeTemplate(settings: Settings): WorkbookModel {
  const layout = siaeFormLayout();
  const names: DefinedNameModel[] = (INDICATORS as readonly IndicatorDef[]).map((def) => {
    const row = layout.inputs[def.code as IndicatorCode].row;
    return { name: siaeInputName(def.code), ref: sheetRef(SIAE_SHEET, { top: row, left: FORM_COLS.value, bottom: row, right: FORM_COLS.value }) };
  });
  return {
    sheets: [instructionsSheet('siae', settings), formSheet(settings, layout), metaSheet('siae', settings)],
    definedNames: [...names, ...metaDefinedNames()],
    properties: { title: "Modèle SIAE : retour annuel des indicateurs de l'IAE", subject: `Schéma des indicateurs ${SCHEMA_VERSION}`, creator: 'Indicateurs IAE' },
  };
}
