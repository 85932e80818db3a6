/**
 * Folders that test files build once and share (across files and vitest workers, and across runs
 * while their inputs are unchanged): a webpack build, the demo's returns. Each lives under the
 * system's temporary directory, named by a hash of the bytes it is made from, so a change to any
 * input gives a new name and a stale folder is never served. The first process to need a folder
 * takes a lock (an atomic mkdir) and builds it in a scratch folder renamed into place once whole;
 * the others wait. Tests only read a shared folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SHARED_CACHE_DIR = join(tmpdir(), 'iae-test-cache');
/** A waiting process re-checks this often. */
const POLL_MS = 250;
/** Folders unused for this long are removed (other worktrees on the machine have their own). */
const KEEP_MS = 12 * 3600_000;

function listFiles(dir: string, into: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, into);
    else if (entry.isFile() && !entry.name.startsWith('~$')) into.push(path);
  }
}

/** Hash of every file under these repository folders and files (paths and bytes), and of Node's version. */
export function inputsKey(paths: readonly string[], root = REPO_ROOT): string {
  const files: string[] = [];
  for (const p of paths) {
    const full = join(root, p);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) listFiles(full, files);
    else files.push(full);
  }
  files.sort();
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0`);
  for (const f of files) {
    hash.update(`\0${relative(root, f)}\0`);
    hash.update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 24);
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

/** Removes what other keys left unused for KEEP_MS (never a lock, never this key's). */
function pruneOld(keep: string): void {
  for (const name of readdirSync(SHARED_CACHE_DIR)) {
    if (name.startsWith(keep) || name.endsWith('.lock')) continue;
    const path = join(SHARED_CACHE_DIR, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      /* removed by another process */
    }
  }
}

/**
 * The folder `<cache>/<name>`, complete once `marker` exists in it: built by `build(scratch)` if
 * no process built it yet, else the existing one. `name` starts with its inputs' key (24
 * characters, inputsKey): whatever else starts with that key is kept when old folders are pruned. `lockName` serialises builds that share more
 * than their folder (e.g. webpack's own cache); by default, the folder's name.
 */
export async function sharedFolder(name: string, marker: string, build: (scratch: string) => Promise<void>, lockName = name): Promise<string> {
  mkdirSync(SHARED_CACHE_DIR, { recursive: true });
  const done = join(SHARED_CACHE_DIR, name);
  const lock = join(SHARED_CACHE_DIR, `${lockName}.lock`);
  for (;;) {
    if (existsSync(join(done, marker))) {
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
      if (existsSync(join(done, marker))) continue; // built while we took the lock
      // A folder is renamed into place only when whole: one without its marker is not to be trusted.
      rmSync(done, { recursive: true, force: true });
      const scratch = join(SHARED_CACHE_DIR, `${name}.tmp-${process.pid}`);
      rmSync(scratch, { recursive: true, force: true });
      try {
        await build(scratch);
        if (!existsSync(join(scratch, marker))) throw new Error(`Dossier partagé ${name} : ${marker} absent après construction.`);
        renameSync(scratch, done);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      pruneOld(name.slice(0, 24));
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
