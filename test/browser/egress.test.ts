/**
 * No request leaves the page's origin in standalone mode, on the build users get by default
 * (`npm run build`: production, Office.js from Microsoft's CDN). Every request of the pages is
 * recorded in Chromium; those beyond the origin are answered locally (never sent) and counted.
 * A control run with the manifest's `?hote=office` shows that the counting sees the CDN request
 * when Office.js is due. The commands page shows only messages of its own catalogue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_CATALOGUE } from '../../src/apps/commands/notices.js';
import { OFFICE_JS_CDN_URL } from '../../scripts/office-js.mjs';
import { buildPages, newSharedContext, requireChromium, ROOT, sharedChromium, type ReusablePages } from './harness.js';
import { serveStatic, type StaticServer } from './static-server.js';

const run = requireChromium();
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the CDN's Office.js is answered with: a marker that it ran. */
const cdnBody = 'window.__officeJsCharge = true;';

describe.runIf(run)('aucune requête hors de l’origine de la page en mode autonome (build par défaut, Office.js du CDN)', { timeout: 900_000 }, () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let releaseBrowser: (() => void) | undefined;
  /**
   * One context for the file, its pages reused from test to test (harness.ts), one open at a time:
   * every request beyond the origin is answered locally (never sent) and counted for the page open
   * at the time.
   */
  let context: BrowserContext;
  let pages: ReusablePages;
  let current: { page: Page; foreign: string[] } | undefined;
  /** Requests beyond the origin while no page was open (none expected): the next open() fails on them. */
  const unattributed: string[] = [];

  beforeAll(async () => {
    ({ browser, release: releaseBrowser } = await sharedChromium());
    dist = await buildPages({ officeJs: 'cdn' });
    server = await serveStatic(dist);
    ({ context, pages } = await newSharedContext(browser));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      if (/^(data|blob):/.test(url)) return route.continue();
      (current?.foreign ?? unattributed).push(url);
      // Never sent: the CDN answers with a stub so a page that asks for it goes on.
      return url === OFFICE_JS_CDN_URL ? route.fulfill({ contentType: 'text/javascript', body: cdnBody }) : route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    releaseBrowser?.();
    await server?.close();
  });

  /**
   * Opens `path` in a page on about:blank (the only one showing a document: `close` before the
   * next); returns the page and every URL it requested beyond the origin.
   */
  async function open(path: string): Promise<{ page: Page; foreign: string[]; local: string[]; errors: string[]; close: () => Promise<void> }> {
    // A page left open by a failed test is closed first: its requests stop before the count changes hands.
    await current?.page.close();
    expect(unattributed).toEqual([]);
    const foreign: string[] = [];
    const local: string[] = [];
    const errors: string[] = [];
    const page = await pages.take();
    current = { page, foreign };
    page.on('request', (r) => {
      if (r.url().startsWith(`${server.origin}/`)) local.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/${path}`);
    // Its document ends (about:blank) before the count changes hands.
    const close = async () => {
      await pages.release(page);
      current = undefined;
    };
    return { page, foreign, local, errors, close };
  }

  it('le build pointe bien vers le CDN : le volet ne le charge que dans Office', () => {
    for (const p of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(dist, p), 'utf8');
      expect(html, p).toContain(OFFICE_JS_CDN_URL);
      expect(html, p).not.toMatch(new RegExp(`<script[^>]*\\ssrc="?${OFFICE_JS_CDN_URL.replace(/[.]/g, '\\.')}`));
    }
  });

  it('volet autonome : chargement, vérification d’un classeur, tous les onglets — zéro requête hors de l’origine', async () => {
    const { page, foreign, local, errors, close } = await open('taskpane.html');
    await page.waitForSelector('#app[data-ready="true"]');
    await expect(page.textContent('#mode-status')).resolves.toContain('Mode autonome');
    await page.setInputFiles('#verify-input', [{ name: 'modele-siae.xlsx', mimeType: XLSX_MIME, buffer: readFileSync(join(ROOT, 'templates', 'modele-siae.xlsx')) }]);
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice');
    for (const tab of ['#tab-consolider', '#tab-objectifs', '#tab-modeles', '#tab-verifier']) await page.click(tab);
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    // The engine chunk was fetched lazily, from the origin: the recording works.
    expect(local.filter((u) => /\.js$/.test(u)).length).toBeGreaterThan(2);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    expect(errors).toEqual([]);
    await close();
  });

  it('page des commandes et aide, hors d’Office : zéro requête hors de l’origine', async () => {
    for (const path of ['commands.html', `commands.html?avis=1#cle=verifier-succes`, 'aide.html']) {
      const { page, foreign, errors, close } = await open(path);
      await page.waitForLoadState('networkidle');
      expect(foreign, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await close();
    }
  });

  it('témoin : dans Office (?hote=office, ou _host_Info donné par Office) la page demande Office.js au CDN, une fois', async () => {
    for (const path of ['taskpane.html?hote=office', 'taskpane.html?_host_Info=Excel$Web$16.00$fr-FR$$$$0', 'commands.html?hote=office']) {
      const { page, foreign, close } = await open(path);
      await page.waitForLoadState('load');
      expect(foreign, path).toEqual([OFFICE_JS_CDN_URL]);
      // Loaded before the add-in scripts, as Office requires.
      expect(await page.evaluate(() => (window as unknown as { __officeJsCharge?: boolean }).__officeJsCharge)).toBe(true);
      await close();
    }
  });

  it('la page des commandes n’affiche que les messages de son catalogue, jamais un texte venu de l’URL', async () => {
    const shown = async (hash: string) => {
      const { page, close } = await open(`commands.html?avis=1#${hash}`);
      await page.waitForLoadState('load');
      const notice = await page.evaluate(() => {
        const box = document.getElementById('notice')!;
        return { hidden: box.hidden, text: box.textContent, className: box.className, html: document.body.innerHTML };
      });
      await close();
      return notice;
    };
    const ok = await shown('cle=consolider-erreur');
    expect(ok).toMatchObject({ hidden: false, text: NOTICE_CATALOGUE['consolider-erreur'].text, className: 'notice notice--erreur' });
    for (const forged of [
      `kind=succes&text=${encodeURIComponent('Appelez le 08 99 99 99 99 <img src=x onerror=alert(1)>')}`,
      `cle=${encodeURIComponent('Appelez le 08 99 99 99 99')}`,
      'cle=__proto__',
      'cle=toString',
      `cle=verifier-succes&text=${encodeURIComponent('Appelez le 08 99 99 99 99')}`,
    ]) {
      const n = await shown(forged);
      expect(n.html, forged).not.toContain('08 99');
      expect(n.html, forged).not.toContain('<img');
      if (!forged.startsWith('cle=verifier-succes')) expect(n.hidden, forged).toBe(true);
    }
  });
});
