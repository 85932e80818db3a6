/**
 * The pane computes in a Web Worker (issue 11), in a real Chromium on the production build:
 * - the worker's results are those of the same engine run in the page (`?calcul=page`, the
 *   fallback where no worker can start) and in Node: Vérifier, Consolider, the downloaded bytes;
 * - the picked files' bytes, lent to the worker, are back for the next run;
 * - a big and a hostile file leave the page responsive (timer gaps on the page's thread, a
 *   click handled at once), progress is shown, and Annuler stops the run at once, keeps the
 *   previous results and the files.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE } from '../../src/apps/taskpane/cancel.js';
import { engine } from '../../src/apps/taskpane/engine.js';
import type { ValidationReport } from '../../src/core/validate/report.js';
import { networkValidSample, planSample, siaeInvalidSample, siaeValidSample } from '../fixtures/samples.js';
import { handXlsx, worksheetXml } from '../hosts/xlsx-read/helpers.js';
import { buildPages, newSharedContext, requireChromium, sharedChromium, type ReusablePages } from './harness.js';
import { serveStatic, type StaticServer } from './static-server.js';

const run = requireChromium();
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Input {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}
const input = (name: string, bytes: Uint8Array): Input => ({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });

/** A sheet of `rows` rows of three columns: seconds of reading, whatever the machine. */
function bigSheet(rows: number): Uint8Array {
  const xml: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>SIRET</t></is></c><c r="B1" t="inlineStr"><is><t>Raison sociale</t></is></c><c r="C1" t="inlineStr"><is><t>ETP</t></is></c></row>'];
  for (let r = 2; r <= rows; r++) xml.push(`<row r="${r}"><c r="A${r}"><v>${10_000_000_000_000 + r}</v></c><c r="B${r}" t="inlineStr"><is><t>Structure ${r}</t></is></c><c r="C${r}"><v>${r % 97}.5</v></c></row>`);
  return handXlsx({ sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${xml.join('')}</sheetData>`) }] });
}

/** The hostile header row of issue 11: twelve cells of 32,760 spaces. */
function spacesHeader(): Uint8Array {
  const cells = Array.from({ length: 12 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t xml:space="preserve">${' '.repeat(32_760)}</t></is></c>`).join('');
  return handXlsx({ sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData><row r="1">${cells}</row></sheetData>`) }] });
}

/** What the Vérifier tab shows: the stats and every listed issue. */
async function shownReport(page: Page): Promise<{ stats: string[]; issues: string[] }> {
  return {
    stats: await page.$$eval('.stat__value', (els) => els.map((e) => e.textContent ?? '')),
    issues: await page.$$eval('#verify-result .issue', (els) => els.map((e) => e.textContent ?? '')),
  };
}

/**
 * Records the longest gap between timer ticks on the page's thread (a blocked thread delays
 * them), and how long a click on a tab takes to be handled, from now on.
 */
async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { maxGap: number; ticks: number; stop: boolean } };
    w.__probe = { maxGap: 0, ticks: 0, stop: false };
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.__probe.maxGap = Math.max(w.__probe.maxGap, now - last);
      w.__probe.ticks++;
      last = now;
      if (!w.__probe.stop) setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
  });
}

async function stopProbe(page: Page): Promise<{ maxGap: number; ticks: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { maxGap: number; ticks: number; stop: boolean } };
    w.__probe.stop = true;
    return { maxGap: w.__probe.maxGap, ticks: w.__probe.ticks };
  });
}

/** Time for a click on a tab to be handled, measured in the page. */
async function clickLatency(page: Page, tab: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const el = document.getElementById(id)!;
        const t0 = performance.now();
        el.addEventListener('click', () => resolve(performance.now() - t0), { once: true });
        // A real user's click goes through the same task queue as this one.
        setTimeout(() => el.click(), 0);
      }),
    tab,
  );
}

describe.runIf(run)('volet : le calcul dans un Web Worker (Chromium)', { timeout: 900_000 }, () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let releaseBrowser: (() => void) | undefined;
  /** One context for the file, its pages reused from test to test (harness.ts). */
  let context: BrowserContext;
  let pages: ReusablePages;
  let files: Input[];
  let plan: Input;
  let expectedReport: ValidationReport;
  const requested: string[] = [];
  /** What the Vérifier tab showed after a first run on `files` in the worker (the first test's, else computed once). */
  let shownByWorker: Promise<Awaited<ReturnType<typeof shownReport>>> | undefined;

  /**
   * A pane page in the file's context, `prepare`d (a route) before it loads; `close` releases it
   * for the next test. A page given an init script is a new one, closed after use (an init script
   * cannot be taken back).
   */
  async function open(query = '', prepare: (page: Page) => Promise<unknown> = async () => {}, options: { initScript?: boolean } = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const page = options.initScript ? await context.newPage() : await pages.take();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await prepare(page);
    await page.goto(`${server.origin}/taskpane.html${query}`);
    await page.waitForSelector('#app[data-ready="true"]');
    return { page, errors, close: () => (options.initScript ? page.close() : pages.release(page)) };
  }

  beforeAll(async () => {
    ({ browser, release: releaseBrowser } = await sharedChromium());
    const [distDir, valid, invalid, network, planPath] = await Promise.all([buildPages(), siaeValidSample(), siaeInvalidSample(), networkValidSample(), planSample()]);
    dist = distDir;
    files = [
      input('siae-valide.xlsx', readFileSync(valid)),
      input('siae-erreurs.xlsx', readFileSync(invalid.path)),
      input('reseau-93.xlsx', readFileSync(network)),
    ];
    plan = input('plan-rempli.xlsx', readFileSync(planPath));
    expectedReport = await engine.check(
      files.map((f) => ({ kind: 'file', file: { name: f.name, bytes: new Uint8Array(f.buffer) } })),
      () => {},
    );
    server = await serveStatic(dist);
    ({ context, pages } = await newSharedContext(browser, { viewport: { width: 800, height: 900 }, acceptDownloads: true }));
    // Every request of every page, its workers included.
    context.on('request', (r) => requested.push(r.url()));
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    releaseBrowser?.();
    await server?.close();
  });

  /** Vérifier twice (the lent bytes must be back for the second run), then Consolider and the download. */
  async function fullRun(page: Page): Promise<{ first: Awaited<ReturnType<typeof shownReport>>; second: Awaited<ReturnType<typeof shownReport>>; figures: string[][]; download: Buffer }> {
    await page.setInputFiles('#verify-input', files.map((f) => ({ ...f })));
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    const first = await shownReport(page);
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    const second = await shownReport(page);
    await page.click('#tab-consolider');
    await page.check('#plan-fichier');
    await page.setInputFiles('#plan-input', { ...plan });
    await page.click('#btn-consolider');
    await page.waitForSelector('#consolidate-result .notice--succes');
    const figures = await page.$$eval('.table--figures tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-livrer')]);
    const path = await download.path();
    return { first, second, figures, download: readFileSync(path!) };
  }

  it('le travailleur donne les résultats du calcul dans la page et du moteur dans Node, et rend les fichiers prêtés', async () => {
    const viaWorker = await open();
    await viaWorker.page.waitForSelector('#app[data-moteur="travailleur"]');
    const w = await fullRun(viaWorker.page);
    // The page itself computed nothing: only the worker's own measure is there.
    const measures = await viaWorker.page.evaluate(() => ({
      worker: performance.getEntriesByName('iae-calcul-travailleur').length,
      page: performance.getEntriesByName('iae-calcul').length,
    }));
    expect(measures).toEqual({ worker: 3, page: 0 }); // two Vérifier, one Consolider

    const inPage = await open('?calcul=page');
    await inPage.page.waitForSelector('#app[data-moteur="page"]');
    const p = await fullRun(inPage.page);
    expect(await inPage.page.evaluate(() => performance.getEntriesByName('iae-calcul').length)).toBe(3);

    const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
    expect(w.first.stats.slice(0, 2)).toEqual([fr(expectedReport.stats.errors), fr(expectedReport.stats.warnings)]);
    expect(expectedReport.stats.errors).toBeGreaterThan(0);
    expect(w.first.issues.length).toBeGreaterThan(0);
    expect(w.second).toEqual(w.first);
    expect(p.first).toEqual(w.first);
    expect(p.second).toEqual(w.first);
    expect(w.figures.length).toBeGreaterThan(1);
    expect(p.figures).toEqual(w.figures);
    // Same model, same bytes: the workbook written in the worker is the one written in the page.
    expect(w.download.length).toBeGreaterThan(5000);
    expect(p.download.equals(w.download)).toBe(true);
    // The picked files still show their sizes (their bytes came back from the worker).
    const sizes = await viaWorker.page.$$eval('#verify-files .file-list__size', (els) => els.map((e) => e.textContent));
    expect(sizes.length).toBe(files.length);
    expect(viaWorker.errors).toEqual([]);
    expect(inPage.errors).toEqual([]);
    shownByWorker ??= Promise.resolve(w.first);
    await viaWorker.close();
    await inPage.close();
  });

  it('reste réactive pendant un gros fichier et un fichier hostile, montre la progression, et Annuler arrête tout proprement', async () => {
    const heavy = [input('gros.xlsx', bigSheet(100_000)), input('espaces.xlsx', spacesHeader()), files[0]!];
    const { page, errors, close } = await open();
    await page.waitForSelector('#app[data-moteur="travailleur"]');
    await page.setInputFiles('#verify-input', heavy.map((f) => ({ ...f })));

    // A full run: the page's thread keeps ticking and answers a click while the worker reads.
    await startProbe(page);
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-progress progress');
    const latency = await clickLatency(page, 'tab-modeles');
    await page.click('#tab-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    const probe = await stopProbe(page);
    const busy = await page.evaluate(() => performance.getEntriesByName('iae-calcul-travailleur').at(-1)!.duration);
    // The file kept the worker busy for a long while; the page never waited more than a fraction of it.
    expect(busy).toBeGreaterThan(800);
    expect(probe.ticks).toBeGreaterThan(10);
    expect(probe.maxGap).toBeLessThan(Math.max(250, busy / 4));
    expect(latency).toBeLessThan(Math.max(250, busy / 4));
    const done = await shownReport(page);
    expect(done.stats.length).toBeGreaterThan(2);

    // Annuler during the big file: an information at once, the previous results and the files kept.
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-progress-annuler');
    const t0 = Date.now();
    await page.click('#verify-progress-annuler');
    await page.waitForSelector('#verify-result .notice--info');
    expect(Date.now() - t0).toBeLessThan(busy);
    expect(await page.textContent('#verify-result .notice--info')).toBe(CANCELLED_MESSAGE);
    expect(await page.isEnabled('#btn-verifier')).toBe(true);
    expect(await page.locator('#verify-progress progress').count()).toBe(0);
    expect(await shownReport(page)).toEqual(done);

    // A new worker, the same files (read again from the picked Files): the same results.
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    expect(await shownReport(page)).toEqual(done);
    expect(errors).toEqual([]);
    await close();
  });

  it('en mode de repli (calcul dans la page), Annuler s’arrête entre deux fichiers', async () => {
    const many = Array.from({ length: 5 }, (_, i) => input(`siae-${i}.xlsx`, files[0]!.buffer));
    const { page, close } = await open('?calcul=page');
    await page.waitForSelector('#app[data-moteur="page"]');
    await page.setInputFiles('#verify-input', many.map((f) => ({ ...f })));
    // The page's own engine reads small files faster than a remote click arrives: the page clicks
    // Annuler itself as soon as the progress says the first file is done.
    await page.evaluate(() => {
      const box = document.getElementById('verify-progress')!;
      new MutationObserver((_, observer) => {
        if (!/1 fichier sur 5/.test(box.textContent ?? '')) return;
        observer.disconnect();
        document.getElementById('verify-progress-annuler')!.click();
      }).observe(box, { subtree: true, childList: true, characterData: true });
    });
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice');
    expect(await page.textContent('#verify-result .notice')).toBe(CANCELLED_MESSAGE);
    expect(await page.isEnabled('#btn-verifier')).toBe(true);
    expect(await page.locator('#verify-result .issue').count()).toBe(0);
    // The run goes to the end the next time.
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    await close();
  });

  it('sans Worker, ou quand son script ne peut pas se charger, le volet calcule dans la page avec les mêmes résultats', async () => {
    // What the worker shows for these files: the first test's first Vérifier (same files, same
    // build), or a worker page's when this test runs alone.
    const expected = await (shownByWorker ??= (async () => {
      const { page, close } = await open();
      await page.waitForSelector('#app[data-moteur="travailleur"]');
      await page.setInputFiles('#verify-input', files.map((f) => ({ ...f })));
      await page.click('#btn-verifier');
      await page.waitForSelector('#verify-result .notice--succes');
      const shown = await shownReport(page);
      await close();
      return shown;
    })());
    for (const block of ['sans Worker', 'script refusé'] as const) {
      const { page, errors, close } = await open(
        '',
        (p) =>
          block === 'sans Worker'
            ? p.addInitScript(() => Reflect.deleteProperty(window, 'Worker'))
            : // As a host's CSP refusing the worker would: its script never arrives.
              p.route(/\/calcul\.[0-9a-f]+\.js$/, (route) => route.abort()),
        { initScript: block === 'sans Worker' },
      );
      await page.waitForSelector('#app[data-moteur="page"]');
      await page.setInputFiles('#verify-input', files.map((f) => ({ ...f })));
      await page.click('#btn-verifier');
      await page.waitForSelector('#verify-result .notice--succes');
      expect(await shownReport(page), block).toEqual(expected);
      expect(errors, block).toEqual([]);
      await close();
    }
  });

  it("le travailleur ne fait aucune requête hors de l'origine de la page", () => {
    expect(requested.some((u) => /\/calcul\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    const outside = requested.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
