/**
 * Shared setup of the browser tests and the task pane bench: a shared production build of the pages
 * (Office.js served locally, so nothing is fetched from the Internet), a static server on
 * 127.0.0.1, and Debian's Chromium driven by playwright-core.
 *
 * IAE_TEST_DIST=<folder> reuses an existing build (same settings) instead of building.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { sharedPagesBuild } from '../helpers/pages-build.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = 'Chromium est absent : apt-get install chromium (les tests du volet dans le navigateur sont ignorés).';
export const ARTIFACTS_DIR = join(ROOT, 'test-artifacts');

/**
 * Playwright's own waits (30 s by default) are stretched like everything else on a busy machine:
 * the browser tests give every wait as long as a test may take.
 */
export const PAGE_TIMEOUT_MS = 300_000;

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

/** Without Chromium: skipped with the install hint on a developer machine, a failure in CI. */
export function requireChromium(): boolean {
  if (chromiumAvailable()) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM_INSTALL_HINT} En CI, ces tests doivent s'exécuter.`);
  console.warn(CHROMIUM_INSTALL_HINT);
  return false;
}

/**
 * The features playwright-core 1.65 disables (its chromiumSwitches.ts). Chromium keeps only the
 * last --disable-features of its command line, so launchChromium takes playwright-core's out and
 * passes them again with its own; it checks that playwright-core's switch was indeed taken out.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
/**
 * Chromium 156 headless starts two renderers for the omnibox popup's WebUI with each context's
 * first window (~0.8 s of CPU per context); a headless browser shows no omnibox.
 */
const OWN_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    ignoreDefaultArgs: [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`],
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OWN_DISABLED_FEATURES].join(',')}`,
    ],
  });
  try {
    checkOneDisableFeatures();
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}

/**
 * Fails when a Chromium this process started has more than one --disable-features (read from
 * /proc): playwright-core's list changed, and ours, the last, would drop its new entries.
 */
function checkOneDisableFeatures(): void {
  let seen = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    let args: string[];
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended meanwhile
    }
    const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (ppid !== String(process.pid) || !args[0]?.includes('chromium')) continue;
    seen++;
    const switches = args.filter((a) => a.startsWith('--disable-features='));
    if (switches.length !== 1) {
      throw new Error(`Chromium a reçu ${switches.length} options --disable-features : la liste de playwright-core a changé, mettez à jour PLAYWRIGHT_DISABLED_FEATURES dans test/browser/harness.ts.\n${switches.join('\n')}`);
    }
  }
  if (seen === 0) throw new Error(`Aucun processus ${CHROMIUM_PATH} lancé par ce processus dans /proc : impossible de vérifier ses options --disable-features.`);
}

/**
 * How long a Chromium no file holds stays open for the next browser test file of the same test
 * process: the time vitest takes to load that file and reach its beforeAll, with room for a busy
 * machine.
 */
const RELEASE_DELAY_MS = 10_000;

interface Held {
  readonly browser: Promise<Browser>;
  users: number;
  timer?: NodeJS.Timeout;
}
let held: Held | undefined;

/**
 * The Chromium of this test process, shared by the browser test files it runs one after the other
 * (vitest runs them with isolate: false, so this module lives from one file to the next): a launch
 * and its close cost ~2.5 s of CPU. A file takes it first thing in beforeAll, closes the contexts
 * it opened and calls `release` in afterAll; the browser closes RELEASE_DELAY_MS after the last
 * release unless a file takes it again. At the end of the run vitest ends the process with
 * SIGTERM, on which playwright-core closes a browser still open (and Chromium ends on its own when
 * its pipe to this process closes).
 */
export async function sharedChromium(): Promise<{ browser: Browser; release: () => void }> {
  let entry = held;
  if (entry) {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.users++;
  } else {
    const launched: Held = { browser: launchChromium(), users: 1 };
    held = entry = launched;
    const forget = () => {
      if (held === launched) held = undefined;
    };
    launched.browser.then((b) => b.on('disconnected', forget), forget);
  }
  const mine = entry;
  const browser = await mine.browser;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (--mine.users > 0) return;
    mine.timer = setTimeout(() => {
      if (held !== mine || mine.users > 0) return;
      held = undefined;
      void browser.close().catch(() => {});
    }, RELEASE_DELAY_MS);
  };
  return { browser, release };
}

/**
 * A context for the pages of one test file, and those pages (`ReusablePages`). The pane keeps
 * nothing in cookies or localStorage and the server sends every file with no-store, so a page
 * starts as in a new context.
 */
export async function newSharedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; pages: ReusablePages }> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  return { context, pages: new ReusablePages(context) };
}

/** Page events a test may listen to: all but close and crash, which playwright-core listens to itself. */
const TEST_EVENTS = ['console', 'dialog', 'download', 'filechooser', 'domcontentloaded', 'load', 'pageerror', 'popup', 'request', 'response', 'requestfailed', 'requestfinished', 'frameattached', 'framedetached', 'framenavigated', 'websocket', 'worker'] as const;

/**
 * The pages the tests of one file take in turn, navigated again instead of a new page for each
 * test (~0.5 s of CPU less per page). `release` ends the test's document (its workers and
 * requests) by going to about:blank, after clearing what a tab keeps from one document of an
 * origin to the next (sessionStorage, window.name: where Office leaves its host information), and
 * removes the test's listeners and routes: the next test starts on a blank page with nothing of
 * the previous one. A page a test does not release (it failed, or it has an init script, which
 * cannot be taken back) is never reused; `take` opens a new page when none is free.
 */
export class ReusablePages {
  private readonly free: Page[] = [];

  constructor(private readonly context: BrowserContext) {}

  /** A page on about:blank with no listener or route of an earlier test. */
  async take(): Promise<Page> {
    for (let page = this.free.pop(); page; page = this.free.pop()) if (!page.isClosed()) return page;
    return this.context.newPage();
  }

  async release(page: Page): Promise<void> {
    if (/^https?:/.test(page.url())) {
      await page.evaluate(() => {
        sessionStorage.clear();
        window.name = '';
      });
    }
    await page.goto('about:blank');
    await page.unrouteAll({ behavior: 'wait' });
    for (const type of TEST_EVENTS) page.removeAllListeners(type);
    this.free.push(page);
  }
}

/**
 * A production build of the pages (local Office.js by default; `officeJs: 'cdn'` is the default
 * `npm run build`, with Office.js from Microsoft's CDN). Shared: built once per sources and
 * settings for every test file and worker (test/helpers/pages-build.ts); read it, never modify it.
 */
export async function buildPages(options: { readonly officeJs?: 'local' | 'cdn'; readonly baseUrl?: string } = {}): Promise<string> {
  const officeJs = options.officeJs ?? 'local';
  const reuse = officeJs === 'local' && !options.baseUrl ? process.env.IAE_TEST_DIST : undefined;
  if (reuse) {
    if (!existsSync(join(reuse, 'taskpane.html'))) throw new Error(`IAE_TEST_DIST=${reuse} : taskpane.html absent.`);
    return reuse;
  }
  return sharedPagesBuild({ officeJs: officeJs === 'local' ? 'local' : '', baseUrl: options.baseUrl ?? '' });
}

/** The scripts taskpane.html loads first (its entry chunks), excluding Office.js. */
export function initialScripts(dist: string, page = 'taskpane.html'): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return attributeValues(html, 'script', 'src').filter((src) => !/office-js\/|appsforoffice/.test(src));
}

/** Values of `attr` on every `tag` of minified HTML (attributes quoted or not). */
export function attributeValues(html: string, tag: string, attr: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*?\\s${attr}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'g');
  return [...html.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
