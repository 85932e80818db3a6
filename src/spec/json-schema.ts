import { z } from 'zod';
import { DERIVED, RULES, SCHEMA_VERSION, makeReturnSchema, type Settings } from '../schema/index.js';

/**
 * The JSON Schema of one return, for machines: zod's own export of the return schema, plus the
 * derived indicators and cross-field rules as annotations (JSON Schema cannot express them).
 */
export function returnJsonSchema(settings: Settings): Record<string, unknown> {
  const base = z.toJSONSchema(makeReturnSchema(settings), { unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...base,
    version: SCHEMA_VERSION,
    'x-indicateurs-derives': DERIVED.map((d) => ({
      code: d.code,
      libelle: d.label,
      type: d.kind,
      numerateur: d.numerator,
      denominateur: d.denominator,
      format: d.format,
      objectifs: d.objectives,
    })),
    'x-regles': RULES.map((r) => ({ code: r.code, gravite: r.severity, description: r.description, champ: r.field })),
  };
}
