/**
 * npm run spec: writes the networks' spec (Markdown, and a printable HTML page shipped with the
 * build) and the JSON Schema of a return into docs/spec/. `npm run spec -- --parametres f.json`
 * takes the publication settings (issuer, status, period, deadline, 6-month boundary, small-count
 * threshold) from a JSON file; without it the neutral defaults are used (those committed).
 * `npm run spec -- --pdf specification.pdf` also prints the HTML page to PDF with Chromium (or
 * LibreOffice when Chromium is absent): a convenience, not part of the build.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PUBLICATION, DEFAULT_SETTINGS, type PublicationSettings } from '../src/schema/index.js';
import { returnJsonSchema, specHtml, specMarkdown } from '../src/spec/index.js';

export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'spec');
export const SPEC_FILES = {
  markdown: 'indicateurs-iae.md',
  html: 'specification.html',
  jsonSchema: 'retour-siae.schema.json',
} as const;

export function specContents(publication: PublicationSettings = DEFAULT_PUBLICATION): Record<keyof typeof SPEC_FILES, string> {
  return {
    markdown: specMarkdown(DEFAULT_SETTINGS, publication),
    html: specHtml(DEFAULT_SETTINGS, publication),
    jsonSchema: `${JSON.stringify(returnJsonSchema(DEFAULT_SETTINGS), null, 2)}\n`,
  };
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Prints an HTML file to PDF: Chromium headless, else LibreOffice (writer_pdf_Export). Returns the program used. */
export function printToPdf(htmlFile: string, pdfFile: string): string {
  const chromium = CHROMIUM.find((p) => existsSync(p));
  if (chromium) {
    const profile = mkdtempSync(join(tmpdir(), 'iae-spec-chromium-'));
    const r = spawnSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${resolve(pdfFile)}`, `file://${resolve(htmlFile)}`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    rmSync(profile, { recursive: true, force: true });
    if (r.status === 0 && existsSync(pdfFile)) return 'Chromium';
  }
  const out = mkdtempSync(join(tmpdir(), 'iae-spec-lo-'));
  const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf:writer_web_pdf_Export', '--outdir', out, resolve(htmlFile)], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const made = join(out, basename(htmlFile).replace(/\.html$/, '.pdf'));
  const printed = lo.status === 0 && existsSync(made);
  if (printed) copyFileSync(made, pdfFile);
  rmSync(out, { recursive: true, force: true });
  if (printed) return 'LibreOffice';
  throw new Error("Impossible d'imprimer la spécification en PDF : installez Chromium (paquet chromium) ou LibreOffice (libreoffice-writer-nogui).");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(SPEC_DIR, { recursive: true });
  const at = process.argv.indexOf('--parametres');
  const publication: PublicationSettings =
    at > 0 && process.argv[at + 1] ? { ...DEFAULT_PUBLICATION, ...(JSON.parse(readFileSync(process.argv[at + 1]!, 'utf8')) as Partial<PublicationSettings>) } : DEFAULT_PUBLICATION;
  const contents = specContents(publication);
  for (const key of Object.keys(SPEC_FILES) as (keyof typeof SPEC_FILES)[]) {
    writeFileSync(join(SPEC_DIR, SPEC_FILES[key]), contents[key]);
    console.log(`Écrit : docs/spec/${SPEC_FILES[key]}`);
  }
  const pdf = process.argv.indexOf('--pdf');
  if (pdf > 0) {
    const target = process.argv[pdf + 1] ?? 'specification-iae.pdf';
    const tool = printToPdf(join(SPEC_DIR, SPEC_FILES.html), target);
    console.log(`Écrit : ${target} (imprimé avec ${tool})`);
  }
}
