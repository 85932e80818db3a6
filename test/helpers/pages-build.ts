/**
 * One production webpack build per configuration, shared by every test file (and every worker)
 * that needs it: a build takes about a minute, and five files used to pay for their own.
 *
 * A shared folder (test/helpers/shared-folder.ts) named by a hash of everything the build reads
 * (src/, assets/, templates/, docs/spec/, scripts/, the manifest, the webpack, TypeScript and
 * package files) and of the settings it is given (Office.js mode, base URL): a change to any of
 * them gives a new build, never a stale bundle. Builds of one source tree with other settings
 * run one after the other and reuse webpack's filesystem cache of that tree (only the pages and
 * the manifest, which the settings change, are made anew): the same bytes as a build without it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { inputsKey, REPO_ROOT, SHARED_CACHE_DIR, sharedFolder } from './shared-folder.js';

/** Folders and files the webpack build reads (entries, copied files, config and its helpers). */
const PAGES_INPUTS = ['src', 'assets', 'templates', 'docs/spec', 'scripts', 'webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'manifest.xml'];

export interface PagesBuildSettings {
  /** IAE_OFFICE_JS: 'local' serves the Excel subset of Office.js from the build, '' the CDN. */
  readonly officeJs: 'local' | '';
  /** IAE_BASE_URL written into manifest.xml ('' keeps localhost). */
  readonly baseUrl: string;
}

function runWebpack(out: string, settings: PagesBuildSettings, webpackCache: string): Promise<void> {
  const cli = join(REPO_ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const args = [cli, '--mode', 'production', '--output-path', out, '--cache-type', 'filesystem', '--cache-cache-directory', webpackCache];
  return new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, IAE_OFFICE_JS: settings.officeJs, IAE_BASE_URL: settings.baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`La construction des pages a échoué (code ${code}) :\n${log.slice(-4000)}`))));
  });
}

/**
 * The folder of a complete production build with these settings: built now if no process has
 * built the same sources with the same settings yet, else the shared one (never to be modified).
 */
export function sharedPagesBuild(settings: PagesBuildSettings): Promise<string> {
  const sourceKey = inputsKey(PAGES_INPUTS);
  const settingsKey = createHash('sha256').update(JSON.stringify([settings.officeJs, settings.baseUrl])).digest('hex').slice(0, 12);
  const webpackCache = join(SHARED_CACHE_DIR, `${sourceKey}-webpack-cache`);
  // One lock per source tree: its builds share webpack's cache folder.
  return sharedFolder(`${sourceKey}-pages-${settingsKey}`, 'taskpane.html', (scratch) => runWebpack(scratch, settings, webpackCache), `${sourceKey}-pages`);
}
