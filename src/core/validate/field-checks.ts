import type { z } from 'zod';
import {
  ANNEXE_FINANCIERE_PATTERN,
  COMMUNE_PATTERN,
  INDICATORS,
  YEAR_MAX,
  YEAR_MIN,
  departementsOfRegion,
  fieldSchema,
  isSiaeKind,
  isValidSiret,
  type IndicatorCode,
  type IndicatorDef,
  type Settings,
} from '../../schema/index.js';
import { makeCellParser, type CellParser } from '../parse/cell-parsers.js';

/** Everything needed to check one indicator's cell, built once per run (never per cell). */
export interface FieldCheck {
  readonly code: IndicatorCode;
  readonly def: IndicatorDef;
  readonly label: string;
  readonly required: boolean;
  /** Read by numberParser, which returns a number cell as it is (check() relies on it). */
  readonly numeric: boolean;
  readonly parse: CellParser;
  /** The schema's field schema, for values of the right type. */
  readonly schema: z.ZodType;
  /**
   * A quick test that only says yes to values the schema certainly accepts unchanged, so the
   * common valid cell skips zod; anything else goes through the schema, which gives the verdict
   * and the message. A property test checks that accepts(v) implies schema.safeParse(v).success.
   */
  readonly accepts: (v: unknown) => boolean;
}

/** See FieldCheck.accepts: mirrors the constraints of fieldSchema for each value type. */
export function quickAcceptance(def: IndicatorDef, settings: Settings): (v: unknown) => boolean {
  // Constants captured here, not read through the schema's module bindings on every cell.
  switch (def.type) {
    case 'entier':
      return (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0; // zod's int() wants safe integers
    case 'decimal':
      return (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    case 'annee': {
      const min = YEAR_MIN;
      const max = YEAR_MAX;
      return (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    }
    case 'oui_non':
      return (v) => typeof v === 'boolean';
    case 'type_siae':
      return isSiaeKind;
    case 'departement': {
      const codes = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
      return (v) => typeof v === 'string' && codes.has(v);
    }
    case 'siret': {
      const valid = isValidSiret;
      return (v) => typeof v === 'string' && valid(v);
    }
    case 'commune': {
      const pattern = COMMUNE_PATTERN;
      return (v) => typeof v === 'string' && pattern.test(v);
    }
    case 'annexe_financiere': {
      const pattern = ANNEXE_FINANCIERE_PATTERN;
      return (v) => typeof v === 'string' && pattern.test(v);
    }
    case 'texte':
      // Already cleaned by the parser: no leading or trailing space for zod's trim to remove.
      return (v) => typeof v === 'string' && v.length >= 1 && v.length <= 200 && v.trim() === v;
  }
}

export function makeFieldChecks(settings: Settings): ReadonlyMap<IndicatorCode, FieldCheck> {
  const out = new Map<IndicatorCode, FieldCheck>();
  for (const def of INDICATORS as readonly IndicatorDef[]) {
    out.set(def.code as IndicatorCode, {
      code: def.code as IndicatorCode,
      def,
      label: def.label,
      required: def.required,
      numeric: def.type === 'entier' || def.type === 'decimal' || def.type === 'annee',
      parse: makeCellParser(def, settings),
      schema: fieldSchema(def, settings),
      accepts: quickAcceptance(def, settings),
    });
  }
  return out;
}

export function missingMessage(check: FieldCheck): string {
  return check.numeric && check.def.type !== 'annee'
    ? `« ${check.label} » est obligatoire : renseignez-le (saisissez 0 si la valeur est nulle ; une cellule vide n'est pas un zéro).`
    : `« ${check.label} » est obligatoire : renseignez-le.`;
}

/** What to type in a cell of this indicator, for messages (« saisissez … »). */
function whatToType(check: FieldCheck): string {
  switch (check.def.type) {
    case 'entier':
    case 'decimal':
      return 'le nombre (0 si la valeur est nulle)';
    case 'annee':
      return "l'année (ex. 2025)";
    case 'oui_non':
      return '« oui » ou « non »';
    case 'siret':
      return 'les 14 chiffres du SIRET';
    case 'type_siae':
      return 'le type : EI, ACI, AI, ETTI ou EITI';
    case 'departement':
      return 'le code du département (ex. 93)';
    case 'commune':
      return 'le code INSEE de la commune (5 caractères)';
    case 'annexe_financiere':
      return "le numéro de l'annexe financière (ex. ACI075150013A0M1)";
    case 'texte':
      return 'le texte demandé';
  }
}

/** A required cell holding « NC », « - »…: the value is due, an unknown marker is not one. */
export function unknownRequiredMessage(check: FieldCheck, marker: string): string {
  return `« ${check.label} » est obligatoire, mais la valeur a été donnée comme inconnue (« ${marker} ») : saisissez ${whatToType(check)}. Si le chiffre exact n'est pas encore connu, reprenez-le de la source indiquée dans la spécification avant l'envoi.`;
}

/** An optional cell holding « NC », « - »…: admitted, counted as not given. */
export function unknownOptionalMessage(check: FieldCheck, marker: string): string {
  return `« ${check.label} » est donné comme inconnu (« ${marker} ») : il est compté comme non renseigné (ni dans les totaux ni dans les taux). Saisissez ${whatToType(check)} si vous le connaissez.`;
}

const CHECKS_BY_SETTINGS = new Map<string, ReadonlyMap<IndicatorCode, FieldCheck>>();

/**
 * makeFieldChecks, remembered by the settings' content: building the zod schemas and parsers
 * costs more than checking a small file, and a session (taskpane, several runs) re-uses the same
 * settings. Checks are pure functions of the settings, so equal content gives equal checks.
 */
export function fieldChecksFor(settings: Settings): ReadonlyMap<IndicatorCode, FieldCheck> {
  const key = JSON.stringify(settings);
  let checks = CHECKS_BY_SETTINGS.get(key);
  if (!checks) {
    if (CHECKS_BY_SETTINGS.size >= 8) CHECKS_BY_SETTINGS.clear();
    CHECKS_BY_SETTINGS.set(key, (checks = makeFieldChecks(settings)));
  }
  return checks;
}
