/** npm run templates: writes the three templates, built from the schema alone, into templates/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTemplate } from '../src/core/templates/index.js';
import { TEMPLATE_FILES, TEMPLATE_KINDS, type TemplateKind } from '../src/core/template-layout.js';
import { writeWorkbookModel } from '../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../src/schema/index.js';

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');

/** The bytes of every template, as committed in templates/ (default settings). */
export async function templateBytes(): Promise<Record<TemplateKind, Uint8Array>> {
  const out = {} as Record<TemplateKind, Uint8Array>;
  for (const kind of TEMPLATE_KINDS) out[kind] = await writeWorkbookModel(buildTemplate(kind, DEFAULT_SETTINGS));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  mkdirSync(TEMPLATES_DIR, { recursive: true });
  const bytes = await templateBytes();
  for (const kind of TEMPLATE_KINDS) {
    writeFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind]), bytes[kind]);
    console.log(`Écrit : templates/${TEMPLATE_FILES[kind]} (${Math.round(bytes[kind].length / 1024)} Ko)`);
  }
  console.log(`Modèles générés en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
