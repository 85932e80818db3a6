/**
 * One production webpack build per configuration, shared by every test file (and every worker)
 * that needs it: a build takes about a minute, and five files used to pay for their own.
 *
 * Builds live in a cache folder under the system's temporary directory, named by a hash of
 * everything the build reads (src/, assets/, templates/, docs/spec/, scripts/, the manifest,
 * the webpack, TypeScript and package files) and of the settings it is given (Office.js mode,
 * base URL, Node version). A change to any of them gives a new name: a stale bundle is never
 * served. The first process to need a build takes a lock (an atomic mkdir); the others wait for
 * it. Builds of one source tree with other settings reuse webpack's filesystem cache of that tree. A build is written to a scratch folder and renamed into place only once complete, so a
 * folder under its final name is always a whole build. Tests only read a shared build.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CACHE_DIR = join(tmpdir(), 'iae-pages-cache');
/** Folders and files the webpack build reads (entries, copied files, config and its helpers). */
const INPUT_DIRS = ['src', 'assets', 'templates', 'docs/spec', 'scripts'];
const INPUT_FILES = ['webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'manifest.xml'];
/** A waiting process re-checks this often. */
const POLL_MS = 250;
/** Builds unused for this long are removed (other worktrees on the machine have their own). */
const KEEP_MS = 12 * 3600_000;

export interface PagesBuildSettings {
  /** IAE_OFFICE_JS: 'local' serves the Excel subset of Office.js from the build, '' the CDN. */
  readonly officeJs: 'local' | '';
  /** IAE_BASE_URL written into manifest.xml ('' keeps localhost). */
  readonly baseUrl: string;
}

function listFiles(dir: string, into: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, into);
    else if (entry.isFile() && !entry.name.startsWith('~$')) into.push(path);
  }
}

/** Hash of every byte the build reads (not of its settings). */
export function pagesSourceKey(): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) listFiles(join(ROOT, d), files);
  for (const f of INPUT_FILES) if (existsSync(join(ROOT, f))) files.push(join(ROOT, f));
  files.sort();
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0`);
  for (const f of files) {
    hash.update(`\0${relative(ROOT, f)}\0`);
    hash.update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 24);
}

function settingsKey(sourceKey: string, settings: PagesBuildSettings): string {
  return `${sourceKey}-${createHash('sha256').update(JSON.stringify([settings.officeJs, settings.baseUrl])).digest('hex').slice(0, 12)}`;
}

/**
 * webpack's own filesystem cache, in a folder of the same source hash: the builds of one source
 * tree with other settings reuse its compiled and minified modules (only the pages and the
 * manifest, which the settings change, are made anew). Never shared between two source trees.
 */
function runWebpack(out: string, settings: PagesBuildSettings, webpackCache: string): Promise<void> {
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const args = [cli, '--mode', 'production', '--output-path', out, '--cache-type', 'filesystem', '--cache-cache-directory', webpackCache];
  return new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's owner died without releasing it (its pid file names a process that is gone). */
function lockAbandoned(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 && !processAlive(pid);
  } catch {
    // No pid file yet: the owner is between mkdir and writeFile, unless that was long ago.
    try {
      return Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
}

/** Removes builds and webpack caches of other source trees left unused for KEEP_MS. */
function pruneOldBuilds(sourceKey: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (name.startsWith(sourceKey) || name.endsWith('.lock')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      /* removed by another process */
    }
  }
}

/**
 * The folder of a complete production build with these settings: built now if no process has
 * built the same sources with the same settings yet, else the shared one (never to be modified).
 * One lock per source tree: its builds run one after the other (they share webpack's cache).
 */
export async function sharedPagesBuild(settings: PagesBuildSettings): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const sourceKey = pagesSourceKey();
  const key = settingsKey(sourceKey, settings);
  const done = join(CACHE_DIR, key);
  const lock = join(CACHE_DIR, `${sourceKey}.lock`);
  for (;;) {
    if (existsSync(join(done, 'taskpane.html'))) {
      const now = new Date();
      utimesSync(done, now, now); // in use: not pruned
      return done;
    }
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (lockAbandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, POLL_MS));
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (existsSync(join(done, 'taskpane.html'))) continue; // built while we took the lock
      // A folder is renamed into place only when whole: one without taskpane.html is not ours to trust.
      rmSync(done, { recursive: true, force: true });
      const scratch = join(CACHE_DIR, `${key}.tmp-${process.pid}`);
      rmSync(scratch, { recursive: true, force: true });
      try {
        await runWebpack(scratch, settings, join(CACHE_DIR, `${sourceKey}.webpack-cache`));
        renameSync(scratch, done);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      pruneOldBuilds(sourceKey);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
