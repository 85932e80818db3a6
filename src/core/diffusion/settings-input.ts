/**
 * Settings given by the user as JSON (`iae consolidate --reglages fichier.json`): the rules of the
 * public version under « diffusion », each checked, every problem said in French with the file
 * and the key. Keys left out keep their defaults; an unknown key is refused (a typo would
 * otherwise publish under rules the user did not choose).
 */
import { DEFAULT_DIFFUSION_SETTINGS, DEFAULT_SETTINGS, type DiffusionSettings, type Settings } from '../../schema/index.js';

type Check = (v: unknown) => string | undefined;

const integerFrom = (min: number): Check => (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? undefined : `un nombre entier d'au moins ${min} est attendu`);
const numberFrom = (min: number, max = Infinity): Check => (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? undefined : `un nombre ${max === Infinity ? `d'au moins ${min}` : `entre ${min} et ${max}`} est attendu`;

const CHECKS: { readonly [K in keyof DiffusionSettings]-?: Check } = {
  countThreshold: integerFrom(1),
  minSiae: integerFrom(1),
  minSiaeScope: (v) => (v === 'tous' || v === 'montants' ? undefined : '« tous » ou « montants » est attendu'),
  dominanceShare: numberFrom(0),
  hideRatesOfHiddenOperands: (v) => (typeof v === 'boolean' ? undefined : 'true ou false est attendu'),
  protectionInterval: numberFrom(0),
  amountProtectionShare: numberFrom(0, 1),
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The settings a parsed JSON value gives (defaults for what it leaves out), or the French reasons it is refused. */
export function settingsFromJson(value: unknown, file: string): { readonly settings: Settings } | { readonly errors: readonly string[] } {
  const where = `Fichier de réglages « ${file} »`;
  if (!isObject(value)) return { errors: [`${where} : un objet JSON est attendu, par exemple { "diffusion": { "countThreshold": 11 } }.`] };
  const errors: string[] = [];
  for (const key of Object.keys(value)) if (key !== 'diffusion') errors.push(`${where} : clé « ${key} » inconnue (seule « diffusion » est lue).`);
  const given = value.diffusion;
  const diffusion: Record<string, unknown> = { ...DEFAULT_DIFFUSION_SETTINGS };
  if (given !== undefined) {
    if (!isObject(given)) errors.push(`${where} : « diffusion » doit être un objet.`);
    else {
      for (const [key, v] of Object.entries(given)) {
        const check = (CHECKS as Record<string, Check | undefined>)[key];
        if (!check) {
          errors.push(`${where} : « diffusion.${key} » inconnu (attendus : ${Object.keys(CHECKS).join(', ')}).`);
          continue;
        }
        const problem = check(v);
        if (problem) errors.push(`${where} : « diffusion.${key} » vaut ${JSON.stringify(v)} ; ${problem}.`);
        else diffusion[key] = v;
      }
    }
  }
  if (errors.length > 0) return { errors };
  return { settings: { ...DEFAULT_SETTINGS, diffusion: diffusion as unknown as DiffusionSettings } };
}
