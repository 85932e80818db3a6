/**
 * npm run templates: writes the three templates, built from the schema alone, into templates/.
 *
 *   npm run templates -- --emetteur "DDETS 93" --adresse "iae@exemple.fr" --date-limite 2027-03-31
 *   npm run templates -- --reglages reglages-modeles.json [--sortie dossier]
 *
 * Issuer, address and deadline go into each template's « Mode d'emploi »; without them the
 * templates say to send the file back to whoever sent it (the committed templates are these).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTemplate, checkSendBack, type SendBackSettings } from '../src/core/templates/index.js';
import { TEMPLATE_FILES, TEMPLATE_KINDS, type TemplateKind } from '../src/core/template-layout.js';
import { writeWorkbookModel } from '../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../src/schema/index.js';

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');

/** The bytes of every template (default settings; committed in templates/ without sendBack). */
export async function templateBytes(sendBack: SendBackSettings = {}): Promise<Record<TemplateKind, Uint8Array>> {
  const out = {} as Record<TemplateKind, Uint8Array>;
  for (const kind of TEMPLATE_KINDS) out[kind] = await writeWorkbookModel(buildTemplate(kind, DEFAULT_SETTINGS, sendBack));
  return out;
}

const FLAGS: Record<string, 'emetteur' | 'adresse' | 'dateLimite' | 'reglages' | 'sortie'> = {
  '--emetteur': 'emetteur',
  '--adresse': 'adresse',
  '--date-limite': 'dateLimite',
  '--reglages': 'reglages',
  '--sortie': 'sortie',
};

export interface TemplatesCommand {
  readonly sendBack: SendBackSettings;
  readonly outDir: string;
}

/** Reads the command line (and the settings file it names); throws one French message listing every problem. */
export function parseTemplatesArgs(args: readonly string[], cwd: string = process.cwd()): TemplatesCommand {
  const given: Record<string, string> = {};
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = FLAGS[flag];
    if (!key) {
      errors.push(`Option « ${arg} » inconnue (options : ${Object.keys(FLAGS).join(', ')}).`);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) errors.push(`Option ${flag} : valeur manquante.`);
    else given[key] = value;
  }
  let fromFile: Record<string, unknown> = {};
  if (given.reglages !== undefined) {
    const path = resolve(cwd, given.reglages);
    if (!existsSync(path)) errors.push(`Fichier de réglages « ${given.reglages} » introuvable.`);
    else {
      try {
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) errors.push(`Fichier de réglages « ${given.reglages} » : un objet JSON est attendu ({ "emetteur": …, "adresse": …, "dateLimite": … }).`);
        else fromFile = parsed as Record<string, unknown>;
      } catch (e) {
        errors.push(`Fichier de réglages « ${given.reglages} » : JSON illisible (${e instanceof Error ? e.message : String(e)}).`);
      }
    }
  }
  const fileCheck = checkSendBack(fromFile, `Fichier de réglages « ${given.reglages ?? ''} »`);
  const cli: Record<string, string> = {};
  for (const k of ['emetteur', 'adresse', 'dateLimite'] as const) if (given[k] !== undefined) cli[k] = given[k];
  const cliCheck = checkSendBack(cli, 'Ligne de commande');
  errors.push(...fileCheck.errors, ...cliCheck.errors);
  if (errors.length) throw new Error(errors.join('\n'));
  return { sendBack: { ...fileCheck.settings, ...cliCheck.settings }, outDir: given.sortie !== undefined ? resolve(cwd, given.sortie) : TEMPLATES_DIR };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  let command: TemplatesCommand;
  try {
    command = parseTemplatesArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  mkdirSync(command.outDir, { recursive: true });
  const bytes = await templateBytes(command.sendBack);
  for (const kind of TEMPLATE_KINDS) {
    const path = join(command.outDir, TEMPLATE_FILES[kind]);
    writeFileSync(path, bytes[kind]);
    console.log(`Écrit : ${relative(process.cwd(), path)} (${Math.round(bytes[kind].length / 1024)} Ko)`);
  }
  if (Object.keys(command.sendBack).length && command.outDir === TEMPLATES_DIR) {
    console.log("Note : les modèles de templates/ portent maintenant vos réglages d'envoi ; ceux du dépôt n'en ont pas (npm run templates sans option).");
  }
  console.log(`Modèles générés en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
