/** npm run spec: writes the networks' spec and the JSON Schema of a return into docs/spec/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../src/schema/index.js';
import { returnJsonSchema, specMarkdown } from '../src/spec/index.js';

export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'spec');
export const SPEC_FILES = {
  markdown: 'indicateurs-iae.md',
  jsonSchema: 'retour-siae.schema.json',
} as const;

export function specContents(): Record<keyof typeof SPEC_FILES, string> {
  return {
    markdown: specMarkdown(DEFAULT_SETTINGS),
    jsonSchema: `${JSON.stringify(returnJsonSchema(DEFAULT_SETTINGS), null, 2)}\n`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(SPEC_DIR, { recursive: true });
  const contents = specContents();
  for (const key of Object.keys(SPEC_FILES) as (keyof typeof SPEC_FILES)[]) {
    writeFileSync(join(SPEC_DIR, SPEC_FILES[key]), contents[key]);
    console.log(`Écrit : docs/spec/${SPEC_FILES[key]}`);
  }
}
