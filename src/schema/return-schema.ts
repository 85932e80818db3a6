import { z } from 'zod';
import { fieldSchema } from './field-schemas.js';
import { INDICATORS, type PartialReturn, type SiaeReturn } from './indicators/index.js';
import type { IndicatorDef } from './indicator-types.js';
import { evaluateRules } from './rules-eval.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { SCHEMA_VERSION } from './version.js';

// Messages of zod's own checks (rare: ours carry custom messages) in French.
z.config(z.locales.fr());

/**
 * The zod schema of one SIAE's return for one period, built from the indicator definitions
 * and the settings (region, hours per ETP). Errors of the cross-field rules are part of it;
 * their warnings are not (a warning does not reject a return): see evaluateRules.
 */
export function makeReturnSchema(settings: Settings = DEFAULT_SETTINGS) {
  const shape: Record<string, z.ZodType> = {};
  for (const def of INDICATORS as readonly IndicatorDef[]) shape[def.code] = fieldSchema(def, settings);
  return z
    .strictObject(shape, {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `Indicateur inconnu : ${(iss as { keys?: string[] }).keys?.join(', ') ?? ''}.`
          : 'Un retour doit être un objet dont les clés sont les codes des indicateurs.',
    })
    .superRefine(
      (value, ctx) => {
        if (typeof value !== 'object' || value === null) return;
        for (const v of evaluateRules(value as PartialReturn, settings)) {
          if (v.severity !== 'erreur') continue;
          ctx.addIssue({ code: 'custom', message: v.message, path: [v.field], params: { rule: v.rule } });
        }
      },
      // Rules run even when some fields failed, so the user sees every problem at once.
      { when: () => true },
    )
    .meta({
      $id: `urn:indicateurs-iae:retour-siae:${SCHEMA_VERSION}`,
      title: "Retour annuel d'une SIAE",
      description: `Indicateurs d'une structure d'insertion par l'activité économique pour une année. Schéma version ${SCHEMA_VERSION}.`,
      version: SCHEMA_VERSION,
    }) as unknown as z.ZodType<SiaeReturn>;
}

export type ReturnSchema = ReturnType<typeof makeReturnSchema>;
