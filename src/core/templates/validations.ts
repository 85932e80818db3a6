import type { IndicatorDef, Settings } from '../../schema/index.js';
import { describeConstraint, departementsOfRegion, SIAE_KINDS, YEAR_MAX, YEAR_MIN } from '../../schema/index.js';
import { YES_NO } from '../template-layout.js';
import type { DataValidationModel } from '../workbook-model.js';
import { DECIMAL_FORMAT, INTEGER_FORMAT, TEXT_FORMAT, YEAR_FORMAT } from './styles.js';
import { ERROR_MESSAGE_MAX, ERROR_TITLE_MAX, PROMPT_MESSAGE_MAX, PROMPT_TITLE_MAX, truncate } from './text.js';

/** A list validation's inline formula: "\"a,b,c\"". Excel caps it at 255 characters. */
export function inlineList(values: readonly string[]): string {
  const text = values.join(',');
  if (text.length > 255) throw new Error(`Liste de validation trop longue (${text.length} caractères > 255) : ${text.slice(0, 40)}…`);
  return `"${text}"`;
}

export interface ValidationText {
  readonly title: string;
  /** Shown when the cell is selected: the definition. */
  readonly help: string;
  /** Shown when a value is refused: what is allowed. */
  readonly allowed: string;
}

/** Prompt and error texts cut to Excel's limits. */
export function validationTexts(t: ValidationText): Pick<DataValidationModel, 'prompt' | 'error'> {
  return {
    prompt: { title: truncate(t.title, PROMPT_TITLE_MAX), message: truncate(t.help, PROMPT_MESSAGE_MAX) },
    error: { title: truncate('Valeur non admise', ERROR_TITLE_MAX), message: truncate(`${t.title} : ${t.allowed}.`, ERROR_MESSAGE_MAX) },
  };
}

/** The rule part of a validation for one value type, without range or texts. */
type Rule = Pick<DataValidationModel, 'type' | 'operator' | 'formulae'>;

function ruleFor(def: IndicatorDef, settings: Settings): Rule {
  switch (def.type) {
    case 'siret':
      return { type: 'textLength', operator: 'equal', formulae: ['14'] };
    case 'texte':
      return { type: 'textLength', operator: 'between', formulae: ['1', '200'] };
    case 'type_siae':
      return { type: 'list', formulae: [inlineList(SIAE_KINDS)] };
    case 'departement':
      return { type: 'list', formulae: [inlineList(departementsOfRegion(settings.regionCode).map((d) => d.code))] };
    case 'commune':
      return { type: 'textLength', operator: 'equal', formulae: ['5'] };
    case 'annexe_financiere':
      // The exact pattern is checked on reading; the cell only catches gross typing errors.
      return { type: 'textLength', operator: 'between', formulae: ['15', '24'] };
    case 'oui_non':
      return { type: 'list', formulae: [inlineList(YES_NO)] };
    case 'annee':
      return { type: 'whole', operator: 'between', formulae: [String(YEAR_MIN), String(YEAR_MAX)] };
    case 'entier':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: ['0'] };
    case 'decimal':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: ['0'] };
  }
}

/**
 * Data validation of an indicator's input cells (range: bounded A1 range or ranges). Blank is
 * always allowed: a blank cell is a missing value, reported by the checks when required.
 */
export function indicatorValidation(def: IndicatorDef, settings: Settings, range: string): DataValidationModel {
  const unit = def.unit ? ` Unité : ${def.unit}.` : '';
  return {
    range,
    ...ruleFor(def, settings),
    allowBlank: true,
    ...validationTexts({ title: def.label, help: `${def.definition}${unit}`, allowed: describeConstraint(def, settings) }),
  };
}

/** Number format of an indicator's input cells: text for codes (leading zeros survive). */
export function indicatorNumFmt(def: IndicatorDef): string | undefined {
  switch (def.type) {
    case 'siret':
    case 'commune':
    case 'departement':
    case 'annexe_financiere':
    case 'texte':
    case 'type_siae':
    case 'oui_non':
      return TEXT_FORMAT;
    case 'annee':
      return YEAR_FORMAT;
    case 'entier':
      return INTEGER_FORMAT;
    case 'decimal':
      return DECIMAL_FORMAT;
  }
}
