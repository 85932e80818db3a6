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
  switch (def.type) {
    case 'entier':
      return (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0; // zod's int() wants safe integers
    case 'decimal':
      return (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    case 'annee':
      return (v) => typeof v === 'number' && Number.isInteger(v) && v >= YEAR_MIN && v <= YEAR_MAX;
    case 'oui_non':
      return (v) => typeof v === 'boolean';
    case 'type_siae':
      return isSiaeKind;
    case 'departement': {
      const codes = new Set(departementsOfRegion(settings.regionCode).map((d) => d.code));
      return (v) => typeof v === 'string' && codes.has(v);
    }
    case 'siret':
      return (v) => typeof v === 'string' && isValidSiret(v);
    case 'commune':
      return (v) => typeof v === 'string' && COMMUNE_PATTERN.test(v);
    case 'annexe_financiere':
      return (v) => typeof v === 'string' && ANNEXE_FINANCIERE_PATTERN.test(v);
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
