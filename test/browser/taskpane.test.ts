/**
 * The task pane in a real browser (Debian's Chromium through playwright-core), built in
 * production mode and served on 127.0.0.1: the standalone flow end to end on real xlsx files
 * (templates/ and the samples written by the project), filtering, the consolidated workbook
 * downloaded and read back, workbook text that looks like HTML staying text, no request
 * leaving 127.0.0.1, an axe-core scan, keyboard tabs, screenshots at 320 and 800 px.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../src/apps/taskpane/engine.js';
import type { ConsolidationOutcome } from '../../src/apps/taskpane/ports.js';
import { TEMPLATE_FILES } from '../../src/core/template-layout.js';
import { fillSiaeForm } from '../../src/core/templates/index.js';
import type { ValidationReport } from '../../src/core/validate/report.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { cellValue, sheetByName } from '../../src/core/grid.js';
import { fakeOfficeScript } from './fake-office.js';
import { NOTICE_CATALOGUE } from '../../src/apps/commands/notices.js';
import { networkInvalidSample, networkValidSample, planSample, SAMPLE_SETTINGS, SIAE_VALID_VALUES, siaeInvalidSample, siaeValidSample } from '../fixtures/samples.js';
import { ARTIFACTS_DIR, buildPages, newSharedContext, PAGE_TIMEOUT_MS, requireChromium, ROOT, sharedChromium, type ReusablePages } from './harness.js';
import { serveStatic, type StaticServer } from './static-server.js';

const run = requireChromium();

const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';
const SCRIPT_PAYLOAD = '<script>alert(1)</script>';

interface Input {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const input = (name: string, path: string): Input => ({ name, mimeType: XLSX_MIME, buffer: readFileSync(path) });

describe.runIf(run)('volet Office en mode autonome, dans Chromium', { timeout: 900_000 }, () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let releaseBrowser: (() => void) | undefined;
  /** One context for the tests that need no context option of their own, its pages reused from test to test (harness.ts). */
  let shared: BrowserContext;
  let pages: ReusablePages;
  /** Contexts of their own still open (a failed test's), closed with the file: the browser outlives it. */
  const ownContexts = new Set<BrowserContext>();
  const requested: string[] = [];
  const dialogs: string[] = [];
  let files: Input[];
  let plan: Input;
  let expectedReport: ValidationReport;
  let expected: ConsolidationOutcome;

  const screenshotDir = join(ARTIFACTS_DIR, 'volet');

  /** A pane page; `bypassCSP` (a context option) gets a context of its own. `close` closes or releases what was taken. */
  async function newPage(width: number, options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; close: () => Promise<void> }> {
    const own = options.bypassCSP ? await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, bypassCSP: true }) : undefined;
    own?.setDefaultTimeout(PAGE_TIMEOUT_MS);
    if (own) ownContexts.add(own);
    const page = own ? await own.newPage() : await pages.take();
    if (!own) await page.setViewportSize({ width, height: 900 });
    page.on('request', (r) => requested.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('#app[data-ready="true"]');
    const close = async () => {
      if (!own) return pages.release(page);
      ownContexts.delete(own);
      await own.close();
    };
    return { page, close };
  }

  async function verifyFiles(page: Page, picked: readonly Input[]): Promise<void> {
    await page.setInputFiles('#verify-input', picked.map((f) => ({ ...f })));
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
  }

  async function consolidate(page: Page): Promise<void> {
    await page.click('#tab-consolider');
    await page.check('#plan-fichier');
    await page.setInputFiles('#plan-input', { ...plan });
    await page.click('#btn-consolider');
    await page.waitForSelector('#consolidate-result .notice--succes');
  }

  beforeAll(async () => {
    ({ browser, release: releaseBrowser } = await sharedChromium());
    mkdirSync(screenshotDir, { recursive: true });
    const [distDir, siaeValid, siaeErrors, network, planPath] = await Promise.all([buildPages(), siaeValidSample(), siaeInvalidSample(), networkValidSample(), planSample()]);
    dist = distDir;
    files = [
      input('siae-valide.xlsx', siaeValid),
      input('siae-erreurs.xlsx', siaeErrors.path),
      input('reseau-93.xlsx', network),
      input(TEMPLATE_FILES.siae, join(ROOT, 'templates', TEMPLATE_FILES.siae)),
    ];
    plan = input('plan-rempli.xlsx', planPath);
    // What the pane must show: the same engine run in Node on the same bytes.
    expectedReport = await engine.check(
      files.map((f) => ({ kind: 'file', file: { name: f.name, bytes: new Uint8Array(f.buffer) } })),
      () => {},
    );
    expected = await engine.consolidate(expectedReport, { file: { name: plan.name, bytes: new Uint8Array(plan.buffer) }, label: `fichier « ${plan.name} »` });
    server = await serveStatic(dist);
    ({ context: shared, pages } = await newSharedContext(browser, { acceptDownloads: true }));
  }, 900_000);

  afterAll(async () => {
    await shared?.close();
    for (const c of ownContexts) await c.close();
    releaseBrowser?.();
    await server?.close();
  });

  it('détecte le mode autonome et rend les onglets utilisables au clavier', async () => {
    const { page, close } = await newPage(800);
    await expect(page.textContent('#mode-status')).resolves.toContain('Mode autonome');
    await page.focus('#tab-verifier');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-consolider');
    expect(await page.getAttribute('#tab-consolider', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#panel-consolider')).toBe(true);
    expect(await page.isVisible('#panel-verifier')).toBe(false);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-modeles');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-verifier');
    // Only the selected tab is in the Tab order (roving tabindex).
    expect(await page.$$eval('[role="tab"][tabindex="0"]', (els) => els.map((e) => e.id))).toEqual(['tab-verifier']);
    await close();
  });

  it('vérifie des classeurs réels, résume, filtre et situe les anomalies', async () => {
    const { page, close } = await newPage(800);
    await verifyFiles(page, files);
    const stats = await page.$$eval('.stat__value', (els) => els.map((e) => e.textContent));
    const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
    expect(stats.slice(0, 2)).toEqual([fr(expectedReport.stats.errors), fr(expectedReport.stats.warnings)]);
    expect(expectedReport.stats.errors).toBeGreaterThan(0);

    // Every known error of the erroneous sample is listed at its cell.
    const { expected: known } = await siaeInvalidSample();
    const where = await page.$$eval('.issue__where', (els) => els.map((e) => e.textContent ?? ''));
    for (const k of known) expect(where).toContain(`siae-erreurs.xlsx › ${k.sheet} › ${k.cell}`);

    // Filter: warnings only.
    const allCount = await page.locator('.issue').count();
    await page.selectOption('#filtre-gravite', 'avertissement');
    const badges = await page.$$eval('.issue .badge', (els) => els.map((e) => e.textContent));
    expect(badges.length).toBe(Math.min(expectedReport.stats.warnings, 300));
    expect(new Set(badges)).toEqual(new Set(expectedReport.stats.warnings > 0 ? ['Avertissement'] : []));
    // Filter: errors of one sheet of one file.
    await page.selectOption('#filtre-gravite', 'erreur');
    await page.selectOption('#filtre-feuille', { label: 'siae-erreurs.xlsx › Retour SIAE' });
    const filtered = await page.$$eval('.issue__where', (els) => els.map((e) => e.textContent ?? ''));
    const expectedFiltered = expectedReport.files.find((f) => f.file === 'siae-erreurs.xlsx')!.issues.filter((i) => i.severity === 'erreur' && i.sheet === 'Retour SIAE');
    expect(filtered.length).toBe(expectedFiltered.length);
    expect(filtered.every((w) => w.startsWith('siae-erreurs.xlsx › Retour SIAE'))).toBe(true);
    // Filter: one indicator.
    await page.selectOption('#filtre-indicateur', 'pmsmp');
    expect(await page.locator('.issue').count()).toBe(expectedFiltered.filter((i) => i.indicator === 'pmsmp').length);
    await page.selectOption('#filtre-indicateur', '');
    await page.selectOption('#filtre-feuille', '');
    await page.selectOption('#filtre-gravite', '');
    expect(await page.locator('.issue').count()).toBe(allCount);

    // A click on an issue tells where it is (standalone: file, sheet, cell).
    const siret = known.find((k) => k.indicator === 'siret')!;
    await page.locator('.issue', { hasText: `siae-erreurs.xlsx › Retour SIAE › ${siret.cell}` }).first().click();
    await expect(page.textContent('.located')).resolves.toBe(`Emplacement : siae-erreurs.xlsx › Retour SIAE › ${siret.cell}`);
    await close();
  });

  it('consolide, montre les chiffres par département et télécharge un classeur relu par le lecteur du projet', async () => {
    const { page, close } = await newPage(800);
    await page.setInputFiles('#verify-input', files.map((f) => ({ ...f })));
    await consolidate(page);
    // Key figures: one row per département, then the region, as the engine computes them.
    const rows = await page.$$eval('.table--figures tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows.length).toBe(expected.departements.length + 1);
    expect(expected.departements.length).toBeGreaterThan(0);
    const last = rows.at(-1)!;
    expect(last).toEqual(['Région', expected.region!.siae, expected.region!.personnes, expected.region!.etp, expected.region!.tauxRealisation, expected.region!.tauxSortiesDynamiques]);
    for (const d of expected.departements) expect(rows.map((r) => r[0])).toContain(`${d.code} ${d.nom}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-livrer')]);
    expect(download.suggestedFilename()).toMatch(/^consolidation-iae(-\d{4})?\.xlsx$/);
    const path = join(screenshotDir, download.suggestedFilename());
    await download.saveAs(path);
    const book = readXlsx(new Uint8Array(readFileSync(path)), download.suggestedFilename());
    // The downloaded workbook holds the model built from the same inputs: every value cell.
    for (const sheet of expected.model.sheets) {
      const grid = sheetByName(book, sheet.name);
      expect(grid, sheet.name).toBeDefined();
      for (const cell of sheet.cells) {
        if (cell.formula !== undefined || cell.value === undefined || cell.value === null) continue;
        const got = cellValue(grid!, cell.row, cell.col);
        if (typeof cell.value === 'number') expect(got as number, `${sheet.name} L${cell.row}C${cell.col}`).toBeCloseTo(cell.value, 9);
        else expect(got, `${sheet.name} L${cell.row}C${cell.col}`).toEqual(cell.value);
      }
    }
    expect(statSync(path).size).toBeGreaterThan(5000);

    // Objectifs: one card per target of the plan, status in words.
    await page.click('#tab-objectifs');
    const statuses = await page.$$eval('.objective .objective__head .badge', (els) => els.map((e) => e.textContent));
    expect(statuses.length).toBe(expected.objectives.length);
    const words: Record<string, string> = { atteint: 'Atteint', en_progres: 'En progrès', stable: 'Stable', en_recul: 'En recul', couverture_partielle: 'Couverture partielle', sans_donnee: 'Sans donnée' };
    expect(statuses).toEqual(expected.objectives.map((o) => words[o.statut]));
    await close();
  });

  it('propose les modèles et la spécification, servis depuis la même origine', async () => {
    const { page, close } = await newPage(320);
    await page.click('#tab-modeles');
    const hrefs = await page.$$eval('.download__link', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    // Every template (référentiel included), the printable spec and the JSON Schema.
    expect(hrefs.length).toBe(Object.keys(TEMPLATE_FILES).length + 2);
    for (const kind of Object.values(TEMPLATE_FILES)) expect(hrefs).toContain(`${server.origin}/modeles/${kind}`);
    expect(hrefs).toContain(`${server.origin}/modeles/modele-referentiel-siae.xlsx`);
    for (const href of hrefs) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
      // The very bytes the build copied from templates/ (a fresh build: the committed files).
      if (href.endsWith('.xlsx')) expect((await res.body()).equals(readFileSync(join(dist, 'modeles', href.split('/').pop()!)))).toBe(true);
    }
    await page.screenshot({ path: join(screenshotDir, 'modeles-320.png'), fullPage: true });
    await close();
  });

  it("affiche comme du texte un contenu de classeur qui ressemble à du HTML, sans rien exécuter", async () => {
    const model = fillSiaeForm(SAMPLE_SETTINGS, { ...SIAE_VALID_VALUES, pmsmp: SCRIPT_PAYLOAD, personnes_formees: IMG_PAYLOAD, raison_sociale: IMG_PAYLOAD }, { cacheHelpers: true });
    const bytes = Buffer.from(await writeWorkbookModel(model));
    const { page, close } = await newPage(800);
    const before = dialogs.length;
    await verifyFiles(page, [{ name: `${IMG_PAYLOAD}.xlsx`, mimeType: XLSX_MIME, buffer: bytes }]);
    const text = await page.textContent('#verify-result');
    expect(text).toContain(SCRIPT_PAYLOAD);
    expect(text).toContain(IMG_PAYLOAD);
    expect(await page.textContent('#verify-files')).toContain(`${IMG_PAYLOAD}.xlsx`);
    await page.waitForTimeout(300);
    expect(dialogs.length).toBe(before);
    // No element came from the payloads: no img at all, and only the page's own external scripts.
    expect(await page.locator('img').count()).toBe(0);
    const scripts = await page.$$eval('script', (els) => els.map((s) => ({ src: (s as HTMLScriptElement).src, inline: (s.textContent ?? '').trim().length > 0 })));
    expect(scripts.every((s) => s.src.startsWith(server.origin) && !s.inline)).toBe(true);
    await close();
  });

  it("ne trouve aucune violation d'accessibilité grave ou critique (axe-core) et fait les captures à 320 et 800 px", async () => {
    const axePath = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
    // The tabs' captures at 320 and 800 px are taken here only (the same files written earlier in
    // this file would be written over).
    // One page computes once; each tab is then scanned and captured at both widths (the layout
    // follows the viewport through the stylesheet's media queries, as on a narrowed pane).
    // bypassCSP only so that axe can be injected; the pages themselves keep their CSP.
    const { page, close } = await newPage(800, { bypassCSP: true });
    await page.addScriptTag({ path: axePath });
    await page.setInputFiles('#verify-input', files.map((f) => ({ ...f })));
    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    await consolidate(page);
    const scan = async (label: string, width: number) => {
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document);
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
      const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(grave, `${label} à ${width} px : ${JSON.stringify(grave)}`).toEqual([]);
    };
    for (const width of [320, 800]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => window.innerWidth)).toBe(width);
      await page.click('#tab-verifier');
      await scan('Vérifier', width);
      await page.screenshot({ path: join(screenshotDir, `verifier-${width}.png`), fullPage: true });
      await page.screenshot({ path: join(screenshotDir, `verifier-${width}-ecran.png`) });
      await page.click('#tab-consolider');
      await scan('Consolider', width);
      await page.screenshot({ path: join(screenshotDir, `consolider-${width}.png`), fullPage: true });
      await page.click('#tab-objectifs');
      await scan('Objectifs', width);
      await page.screenshot({ path: join(screenshotDir, `objectifs-${width}.png`), fullPage: true });
      await page.click('#tab-modeles');
      await scan('Modèles', width);
      // At 320 px nothing overflows the page horizontally.
      if (width === 320) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
    await close();
    for (const f of ['verifier-320.png', 'verifier-800.png', 'consolider-320.png', 'objectifs-320.png']) expect(statSync(join(screenshotDir, f)).size).toBeGreaterThan(1000);
  }, 900_000);

  it('en mode Excel (Office.js simulé) : Vérifier écrit les anomalies, un clic sélectionne la cellule, Consolider écrit les feuilles', async () => {
    const { path, expected: known } = await networkInvalidSample();
    const open = readXlsx(new Uint8Array(readFileSync(path)), 'Classeur ouvert');
    const page = await pages.take();
    await page.setViewportSize({ width: 320, height: 900 });
    page.on('request', (r) => requested.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeScript(open) }));
    // Office gives every add-in page its host information in the URL.
    await page.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Web$16.00$fr-FR$$$$0`);
    await page.waitForSelector('#app[data-ready="true"]');
    await expect(page.textContent('#mode-status')).resolves.toContain('Mode Excel');
    expect(await page.isVisible('#verify-files')).toBe(false);

    await page.click('#btn-verifier');
    await page.waitForSelector('#verify-result .notice--succes');
    const anomalies = await page.evaluate(() => {
      const fake = (window as unknown as { __fakeExcel: { sheet(n: string): { rows: unknown[]; cfs: unknown[] } | undefined } }).__fakeExcel;
      return { rows: fake.sheet('IAE – Anomalies')?.rows.length ?? 0, highlights: fake.sheet('Retours')?.cfs.length ?? 0 };
    });
    const listed = await page.locator('.issue').count();
    expect(anomalies.rows).toBe(listed + 4); // title, note, blank row, header (table at A4), then one row per issue
    expect(anomalies.highlights).toBeGreaterThan(0);
    const where = await page.$$eval('.issue__where', (els) => els.map((e) => e.textContent ?? ''));
    for (const k of known) expect(where).toContain(`Classeur ouvert › ${k.sheet} › ${k.cell}`);

    const target = known[0]!;
    await page.locator('.issue', { hasText: `Classeur ouvert › ${target.sheet} › ${target.cell}` }).first().click();
    await page.waitForFunction((t) => {
      const sel = (window as unknown as { __fakeExcel: { selection?: { sheet: string; address: string } } }).__fakeExcel.selection;
      return sel?.sheet === t.sheet && sel.address === t.cell;
    }, { sheet: target.sheet, cell: target.cell });
    await page.screenshot({ path: join(screenshotDir, 'excel-verifier-320.png'), fullPage: true });

    await page.click('#tab-consolider');
    await page.click('#btn-consolider');
    await page.waitForSelector('#consolidate-result .notice--succes');
    await page.click('#btn-livrer');
    await page.waitForSelector('#consolidate-result .notice--succes >> text=Feuilles écrites');
    const sheets = await page.evaluate(() => (window as unknown as { __fakeExcel: { sheets: { name: string }[] } }).__fakeExcel.sheets.map((s) => s.name));
    expect(sheets).toEqual(expect.arrayContaining(['Synthèse régionale', 'Par département', 'IAE – Anomalies', 'Retours']));
    await page.screenshot({ path: join(screenshotDir, 'excel-consolider-320.png'), fullPage: true });
    expect(errors).toEqual([]);
    await pages.release(page);
  });

  it('la page des commandes affiche le message de son catalogue choisi par la clé du fragment, jamais un texte de l’URL', async () => {
    const page = await pages.take();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.origin}/commands.html?avis=1#cle=verifier-erreur`);
    await page.waitForSelector('#notice:not([hidden])');
    expect(await page.textContent('#notice')).toBe(NOTICE_CATALOGUE['verifier-erreur'].text);
    expect(await page.getAttribute('#notice', 'class')).toBe('notice notice--erreur');
    // A link that brings its own text (the former format) shows nothing of it.
    const text = `Vérification terminée : 2 erreurs. ${IMG_PAYLOAD}`;
    await page.goto(`${server.origin}/commands.html?avis=1&x=2#${new URLSearchParams({ kind: 'erreur', text })}`);
    await page.waitForLoadState('load');
    expect(await page.isHidden('#notice')).toBe(true);
    expect(await page.textContent('body')).not.toContain('2 erreurs');
    expect(await page.locator('img').count()).toBe(0);
    await pages.release(page);
  });

  it("n'envoie aucune requête hors de 127.0.0.1", () => {
    expect(requested.length).toBeGreaterThan(10);
    const outside = requested.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
