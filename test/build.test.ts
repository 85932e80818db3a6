/**
 * The production build, run for real: what `npm run build` writes into dist/ for a deployment
 * at a given base URL (IAE_BASE_URL), with Office.js from Microsoft's CDN by default.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_JS_CDN_URL, OFFICE_JS_LOCAL_DIR, OFFICE_JS_LOCAL_FILES } from '../scripts/office-js.mjs';
import { DEFAULT_SETTINGS } from '../src/schema/index.js';
import { escapeHtml, specBlocks } from '../src/spec/index.js';
import { sharedPagesBuild } from './helpers/pages-build.js';

const ROOT = join(import.meta.dirname, '..');
const BASE = 'https://iae.example.org/complement/';
let out = '';

// The shared production build with these settings (test/helpers/pages-build.ts): built once per
// source tree, reused by any other file asking for the same settings; only read here.
beforeAll(async () => {
  out = await sharedPagesBuild({ officeJs: '', baseUrl: BASE });
}, 900_000);

describe('npm run build', () => {
  it('writes the task pane, the commands page, the assets and the templates', () => {
    for (const f of ['taskpane.html', 'commands.html', 'assets/icon-32.png', 'assets/icon-80.png', 'modeles/modele-siae.xlsx', 'spec/indicateurs-iae.md', 'spec/specification.html']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const scripts = readdirSync(out).filter((f) => f.endsWith('.js'));
    expect(scripts.some((f) => f.startsWith('taskpane.'))).toBe(true);
    expect(scripts.some((f) => f.startsWith('commands.'))).toBe(true);
  });

  it('ships the printable spec the Modèles tab links to (spec/specification.html), every section in it', () => {
    // The production build minifies copied HTML: compare sections, not bytes.
    const shipped = readFileSync(join(out, 'spec', 'specification.html'), 'utf8');
    const sections = specBlocks({ settings: DEFAULT_SETTINGS }).flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));
    expect(sections.length).toBeGreaterThan(10);
    // The minifier may write an escaped apostrophe (&#39;) as the character itself.
    const heading = (title: string) => escapeHtml(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&#39;/g, "(?:&#39;|')");
    for (const title of sections) expect(shipped).toMatch(new RegExp(`<h2[^>]*>${heading(title)}</h2>`));
    expect(shipped).toContain('Taux du département');
  });

  it('writes the manifest with the production base URL and no localhost left', () => {
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/https?:\/\/localhost/);
    expect(manifest).toContain(`${BASE}taskpane.html`);
    expect(manifest).toContain(`${BASE}commands.html`);
  });

  it('loads Office.js from the CDN in production, and ships the Excel subset of Office.js for local serving', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(html).toMatch(new RegExp(`src="?${OFFICE_JS_CDN_URL.replace(/[.]/g, '\\.')}"?[ >]`));
    // As Microsoft ships them, byte for byte: never minified again (nor their license comments
    // moved out to .LICENSE.txt files).
    const installed = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
    for (const f of OFFICE_JS_LOCAL_FILES) expect(readFileSync(join(out, OFFICE_JS_LOCAL_DIR, f)).equals(readFileSync(join(installed, f))), f).toBe(true);
    // Only Excel's files: not the package's whole dist.
    const shipped = readdirSync(join(out, OFFICE_JS_LOCAL_DIR), { recursive: true, encoding: 'utf8' });
    expect(shipped.some((f) => f.startsWith('word-'))).toBe(false);
    expect(shipped.filter((f) => f.endsWith('.LICENSE.txt'))).toEqual([]);
  });

  it('puts a Content-Security-Policy without inline scripts on both pages', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html).toMatch(/http-equiv="?Content-Security-Policy"? content="default-src 'self'; script-src 'self'/);
      expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
      // Every script is a file: no inline <script> body.
      for (const m of html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)) {
        expect(m[1]).toMatch(/src=/);
        expect(m[2]).toBe('');
      }
    }
  });
});
