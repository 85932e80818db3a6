import { z } from 'zod';
import type { IndicatorDef } from './indicator-types.js';
import type { Settings } from './settings.js';
import { SIAE_KINDS } from './siae-kinds.js';
import { isValidSiret } from './siret.js';
import { departementsOfRegion, regionName } from './territory.js';

/** Annexe financière number: measure, département (3 chars), year (2), order (4), amendment, modification. */
export const ANNEXE_FINANCIERE_PATTERN = /^(EI|ACI|AI|ETTI|EITI)(0[0-9]{2}|02A|02B|97[0-9])[0-9]{2}[0-9]{4}A[0-9]+M[0-9]+$/;
export const COMMUNE_PATTERN = /^([0-9]{5}|2[AB][0-9]{3})$/;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/**
 * The zod schema of one indicator's value, with French messages that name the field and say
 * what to correct. Metadata (title, description, unit) travels into the JSON Schema.
 */
export function fieldSchema(def: IndicatorDef, settings: Settings): z.ZodType {
  const name = `« ${def.label} »`;
  const missing = `${name} est obligatoire : renseignez-le.`;
  const wrongType = (expected: string) => (iss: { input?: unknown }) =>
    iss.input === undefined ? missing : `${name} doit être ${expected}.`;
  let schema: z.ZodType;
  switch (def.type) {
    case 'siret':
      schema = z
        .string({ error: wrongType('un numéro SIRET de 14 chiffres') })
        .regex(/^[0-9]{14}$/, { error: `${name} doit compter exactement 14 chiffres, sans espace ni lettre.` })
        .refine(isValidSiret, {
          error: `${name} n'est pas un numéro valide (clé de contrôle incorrecte) : vérifiez les 14 chiffres sur l'avis de situation SIRENE.`,
        });
      break;
    case 'texte':
      schema = z
        .string({ error: wrongType('un texte') })
        .trim()
        .min(1, { error: missing })
        .max(200, { error: `${name} dépasse 200 caractères : abrégez-le.` });
      break;
    case 'type_siae':
      schema = z.enum(SIAE_KINDS, {
        error: (iss) => (iss.input === undefined ? missing : `${name} doit être l'un de : ${SIAE_KINDS.join(', ')}.`),
      });
      break;
    case 'departement': {
      const deps = departementsOfRegion(settings.regionCode);
      const codes = deps.map((d) => d.code) as [string, ...string[]];
      const region = regionName(settings.regionCode);
      schema = z.enum(codes, {
        error: (iss) =>
          iss.input === undefined
            ? missing
            : `${name} : « ${String(iss.input)} » n'est pas un département de la région ${region} (codes admis : ${codes.join(', ')}).`,
      });
      break;
    }
    case 'commune':
      schema = z
        .string({ error: wrongType('un code INSEE de commune') })
        .regex(COMMUNE_PATTERN, { error: `${name} doit être un code INSEE de 5 caractères (ex. 93066), pas un code postal ni un nom.` });
      break;
    case 'annexe_financiere':
      schema = z
        .string({ error: wrongType("un numéro d'annexe financière") })
        .regex(ANNEXE_FINANCIERE_PATTERN, {
          error: `${name} n'a pas la forme attendue (ex. ACI075150013A0M1 : mesure, département sur 3 caractères, année, numéro, avenant, modification).`,
        });
      break;
    case 'oui_non':
      schema = z.boolean({ error: wrongType('« oui » ou « non »') });
      break;
    case 'annee':
      schema = z
        .number({ error: wrongType('une année (ex. 2025)') })
        .int({ error: `${name} doit être une année sur 4 chiffres (ex. 2025).` })
        .min(YEAR_MIN, { error: `${name} doit être comprise entre ${YEAR_MIN} et ${YEAR_MAX}.` })
        .max(YEAR_MAX, { error: `${name} doit être comprise entre ${YEAR_MIN} et ${YEAR_MAX}.` });
      break;
    case 'entier':
      schema = z
        .number({ error: wrongType('un nombre entier') })
        // Checked first and alone: past 2^53 int() fails too, and « sans décimale » would mislead (1E+308).
        .max(Number.MAX_SAFE_INTEGER, { error: `${name} est bien trop grand (plus de 15 chiffres) : vérifiez la valeur.`, abort: true })
        .int({ error: `${name} doit être un nombre entier, sans décimale.` })
        .min(0, { error: `${name} ne peut pas être négatif : indiquez un nombre supérieur ou égal à 0.` });
      break;
    case 'decimal':
      schema = z
        .number({ error: wrongType('un nombre') })
        .min(0, { error: `${name} ne peut pas être négatif : indiquez un nombre supérieur ou égal à 0.` });
      break;
  }
  const meta: Record<string, unknown> = { title: def.label, description: def.definition };
  if (def.unit) meta['x-unite'] = def.unit;
  if (def.objectives.length) meta['x-objectifs'] = [...def.objectives];
  meta['x-agregation'] = def.aggregation;
  const withMeta = schema.meta(meta);
  return def.required ? withMeta : withMeta.optional();
}
