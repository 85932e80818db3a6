/**
 * The Consolider tab's campaign inputs and « Version diffusable » in a real browser (Debian's
 * Chromium, a production build served on 127.0.0.1): the three optional inputs chosen, named,
 * removable; the consolidated workbook downloaded holds the sheets the same engine computes in
 * Node from the same bytes (the campaign's sheets included as their modules land); the public
 * version downloads without any SIRET; file names carrying HTML stay text; no request leaves
 * the page's origin.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../src/apps/taskpane/engine.js';
import type { ConsolidationOutcome, PickedFile } from '../../src/apps/taskpane/ports.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { aspExtractXlsx } from '../fixtures/asp-extract.js';
import { previousYearReturnsXlsx } from '../fixtures/previous-year.js';
import { fakeOfficeScript } from './fake-office.js';
import { NETWORK_SAMPLE_ROWS, networkValidSample } from '../fixtures/samples.js';
import { ARTIFACTS_DIR, buildPages, newSharedContext, requireChromium, sharedChromium, type ReusablePages } from './harness.js';
import { serveStatic, type StaticServer } from './static-server.js';

const run = requireChromium();
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';
const SVG_PAYLOAD = '"><svg onload=alert(2)>';

interface Input {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}
const picked = (i: Input): PickedFile => ({ name: i.name, bytes: new Uint8Array(i.buffer) });

/**
 * The names listed under the campaign's inputs, once there are `count` of them: a picked file is
 * listed after its bytes are read (asynchronously), so reading the list right after
 * setInputFiles races that read on a busy machine.
 */
async function chosenCampaignFiles(page: Page, count: number): Promise<(string | null)[]> {
  await page.waitForFunction((n) => document.querySelectorAll('#campaign-inputs .file-list__name').length === n, count);
  return page.$$eval('#campaign-inputs .file-list__name', (els) => els.map((e) => e.textContent));
}

describe.runIf(run)('volet autonome dans Chromium : entrées de la campagne et version diffusable', { timeout: 900_000 }, () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let releaseBrowser: (() => void) | undefined;
  /** One context for the file, its pages reused from test to test (harness.ts). */
  let context: BrowserContext;
  let pages: ReusablePages;
  const requested: string[] = [];
  const dialogs: string[] = [];
  let returns: Input;
  let referentiel: Input;
  let asp: Input;
  let previous: Input;
  let expected: ConsolidationOutcome;
  const shots = join(ARTIFACTS_DIR, 'volet');

  async function newPage(width: number): Promise<Page> {
    const page = await pages.take();
    await page.setViewportSize({ width, height: 900 });
    page.on('request', (r) => requested.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('#app[data-ready="true"]');
    return page;
  }

  beforeAll(async () => {
    ({ browser, release: releaseBrowser } = await sharedChromium());
    mkdirSync(shots, { recursive: true });
    const [distDir, returnsPath, extract] = await Promise.all([buildPages(), networkValidSample(), aspExtractXlsx()]);
    dist = distDir;
    returns = { name: 'reseau-valide.xlsx', mimeType: XLSX_MIME, buffer: readFileSync(returnsPath) };
    // The référentiel taken from the ASP extract (one of its three sources), under a hostile name.
    referentiel = { name: `${IMG_PAYLOAD}.xlsx`, mimeType: XLSX_MIME, buffer: Buffer.from(extract.bytes) };
    asp = { name: `${SVG_PAYLOAD}.xlsx`, mimeType: XLSX_MIME, buffer: Buffer.from(extract.bytes) };
    // Last year's consolidation, written by the engine from the 2024 returns of the same SIAE.
    const report = await engine.check([{ kind: 'file', file: { name: 'reseau-2024.xlsx', bytes: await previousYearReturnsXlsx() } }], () => {});
    const first = await engine.consolidate(report, { label: '' }, { ignored: [] });
    expect(first.periode).toBe(2024);
    previous = { name: 'consolidation-2024.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(await engine.writeXlsx(first.model)) };
    // What the pane must produce: the same engine, in Node, on the same bytes and inputs.
    const gathered = await engine.gather([{ kind: 'file', file: picked(returns) }], () => {});
    expected = await engine.consolidate(gathered.report, { label: '' }, { ignored: gathered.ignored, campaign: { referentiel: picked(referentiel), asp: picked(asp), reference: picked(previous) } });
    server = await serveStatic(dist);
    ({ context, pages } = await newSharedContext(browser, { acceptDownloads: true }));
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    releaseBrowser?.();
    await server?.close();
  });

  it('trois entrées facultatives choisies, nommées, retirables ; le classeur consolidé et la version diffusable téléchargés', async () => {
    const page = await newPage(800);
    await page.click('#tab-consolider');
    for (const id of ['referentiel-input', 'asp-input', 'reference-input']) {
      expect(await page.isVisible(`#${id}-bouton`)).toBe(true);
      expect(await page.textContent(`#${id}-aide`)).toMatch(/^Facultatif\./);
    }
    await page.setInputFiles('#consolidate-input', { ...returns });
    await page.setInputFiles('#referentiel-input', { ...referentiel });
    await page.setInputFiles('#asp-input', { ...asp });
    await page.setInputFiles('#reference-input', { ...previous });
    expect(await chosenCampaignFiles(page, 3)).toEqual([referentiel.name, asp.name, previous.name]);

    // Removable: take the ASP extract out and put it back.
    await page.locator('#campaign-inputs').getByRole('button', { name: `Retirer ${asp.name}`, exact: true }).click();
    expect(await page.$$eval('#campaign-inputs .file-list__name', (els) => els.map((e) => e.textContent))).toEqual([referentiel.name, previous.name]);
    await page.setInputFiles('#asp-input', { ...asp });
    expect(await chosenCampaignFiles(page, 3)).toEqual([referentiel.name, asp.name, previous.name]);

    await page.click('#btn-consolider');
    await page.waitForSelector('#consolidate-result .notice--succes');
    const notice = (await page.textContent('#consolidate-result .notice--succes'))!;
    for (const c of expected.campaignNotices!) expect(notice).toContain(c.text);
    expect(expected.campaignNotices!.map((c) => c.kind)).toEqual(['info', 'info', 'info']);
    expect(notice).toContain(`Référentiel des SIAE : « ${referentiel.name} »`);

    // Completeness (the référentiel taken from the extract), the reconciliation and year over year, as the engine computes them.
    expect(expected.completeness!.length).toBeGreaterThan(0);
    expect(await page.$$eval('#completude li', (els) => els.map((e) => e.textContent))).toEqual(expected.completeness!.map((l) => l.text));
    expect(await page.textContent('#rapprochement p')).toBe(expected.reconciliation!.summary);
    expect(await page.$$eval('#rapprochement li', (els) => els.map((e) => e.textContent))).toEqual(expected.reconciliation!.flagged);
    expect(await page.textContent('#evolution p')).toBe(expected.evolution);

    // The consolidated workbook: exactly the sheets the engine computes from the same inputs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-livrer')]);
    const path = join(shots, 'campagne-consolidation.xlsx');
    await download.saveAs(path);
    const book = readXlsx(new Uint8Array(readFileSync(path)), 'campagne-consolidation.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(expected.model.sheets.map((s) => s.name));
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Synthèse régionale', 'Par département', 'Suivi de la collecte', 'Rapprochement ASP', 'Évolution']));

    // The public version: its own file, and not one SIRET, SIAE name or file name in any part.
    const [pub] = await Promise.all([page.waitForEvent('download'), page.click('#btn-diffusable')]);
    expect(pub.suggestedFilename()).toBe('consolidation-iae-2025-diffusable.xlsx');
    const pubPath = join(shots, pub.suggestedFilename());
    await pub.saveAs(pubPath);
    const bytes = new Uint8Array(readFileSync(pubPath));
    expect(readXlsx(bytes, 'public.xlsx').sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Lisez-moi', 'Personnes', 'Sorties']));
    const text = Object.values(unzipSync(bytes))
      .map((b) => strFromU8(b))
      .join('\n');
    for (const r of NETWORK_SAMPLE_ROWS) {
      expect(text).not.toContain(r.siret as string);
      expect(text).not.toContain(r.raison_sociale as string);
    }
    expect(text).not.toContain('reseau-valide');
    await page.waitForSelector('#consolidate-result .notice--succes >> text=Version diffusable prête');
    await page.screenshot({ path: join(shots, 'consolider-campagne-800.png'), fullPage: true });
    await pages.release(page);
  });

  it('des noms de fichier qui ressemblent à du HTML restent du texte, rien ne s’exécute', async () => {
    const page = await newPage(320);
    const before = dialogs.length;
    await page.click('#tab-consolider');
    await page.setInputFiles('#referentiel-input', { ...referentiel });
    await page.setInputFiles('#asp-input', { ...asp });
    // An unreadable file under a hostile name: the message names it, as text.
    await page.setInputFiles('#reference-input', { name: `${IMG_PAYLOAD}-illisible.xlsx`, mimeType: XLSX_MIME, buffer: Buffer.from('pas un classeur') });
    await page.setInputFiles('#consolidate-input', { ...returns });
    await page.click('#btn-consolider');
    await page.waitForSelector('#consolidate-result .notice--info');
    const notice = (await page.textContent('#consolidate-result .notice--info'))!;
    expect(notice).toContain(`Consolidation de l’an dernier : ${IMG_PAYLOAD}-illisible.xlsx`);
    expect(notice).toContain('La consolidation continue sans ce fichier.');
    expect(await page.textContent('#campaign-inputs')).toContain(IMG_PAYLOAD);
    expect(await page.textContent('#campaign-inputs')).toContain(SVG_PAYLOAD);
    await page.waitForTimeout(300);
    expect(dialogs.length).toBe(before);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('svg').count()).toBe(0);
    // At 320 px nothing overflows the page horizontally.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(shots, 'consolider-campagne-320.png'), fullPage: true });
    await pages.release(page);
  });

  it('dans Excel (Office.js simulé) : la version diffusable s’ouvre dans un nouveau classeur, celui de l’utilisateur reste intact', async () => {
    const open = readXlsx(new Uint8Array(returns.buffer), 'Classeur ouvert');
    const page = await pages.take();
    await page.setViewportSize({ width: 320, height: 900 });
    page.on('request', (r) => requested.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeScript(open) }));
    await page.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Web$16.00$fr-FR$$$$0`);
    await page.waitForSelector('#app[data-ready="true"]');
    await expect(page.textContent('#mode-status')).resolves.toContain('Mode Excel');
    await page.click('#tab-consolider');
    await page.setInputFiles('#asp-input', { ...asp });
    await page.click('#btn-consolider');
    await page.waitForSelector('#consolidate-result .notice--succes');
    const snapshot = () => page.evaluate(() => JSON.stringify((window as unknown as { __fakeExcel: { snapshot(): unknown } }).__fakeExcel.snapshot()));
    const before = await snapshot();
    await page.click('#btn-diffusable');
    await page.waitForSelector('#consolidate-result .notice--succes >> text=Version diffusable ouverte dans un nouveau classeur');
    const created = await page.evaluate(() => (window as unknown as { __createdWorkbooks: string[] }).__createdWorkbooks);
    expect(created).toHaveLength(1);
    const bytes = new Uint8Array(Buffer.from(created[0]!, 'base64'));
    expect(readXlsx(bytes, 'nouveau.xlsx').sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Lisez-moi', 'Personnes', 'Sorties']));
    const text = Object.values(unzipSync(bytes))
      .map((b) => strFromU8(b))
      .join('\n');
    for (const r of NETWORK_SAMPLE_ROWS) expect(text).not.toContain(r.siret as string);
    // The user's workbook: not one change.
    expect(await snapshot()).toBe(before);
    await page.screenshot({ path: join(shots, 'excel-diffusable-320.png'), fullPage: true });
    expect(errors).toEqual([]);
    await pages.release(page);
  });

  it("n'envoie aucune requête hors de 127.0.0.1", () => {
    expect(requested.length).toBeGreaterThan(5);
    const outside = requested.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
