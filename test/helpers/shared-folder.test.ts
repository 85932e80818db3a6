/**
 * The shared folders the slow tests build once (pages build, demo returns): never stale, built
 * once however many callers ask at the same time, never served half-built.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsKey, SHARED_CACHE_DIR, sharedFolder } from './shared-folder.js';

const root = mkdtempSync(join(tmpdir(), 'iae-shared-folder-'));
const prefix = randomBytes(12).toString('hex'); // 24 characters, like a key: this run's folders only
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const name of ['once', 'fails']) rmSync(join(SHARED_CACHE_DIR, `${prefix}-${name}`), { recursive: true, force: true });
});

describe('inputsKey', () => {
  it('changes when a byte, a file name or a new file changes, and only then', () => {
    mkdirSync(join(root, 'src', 'a'), { recursive: true });
    writeFileSync(join(root, 'src', 'a', 'x.ts'), 'export const x = 1;');
    writeFileSync(join(root, 'config.js'), 'module.exports = {};');
    const key = () => inputsKey(['src', 'config.js', 'absent'], root);
    const first = key();
    expect(first).toMatch(/^[0-9a-f]{24}$/);
    expect(key()).toBe(first);
    writeFileSync(join(root, 'src', 'a', 'x.ts'), 'export const x = 2;');
    const edited = key();
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'src', 'a', 'y.ts'), '');
    expect(key()).not.toBe(edited);
    rmSync(join(root, 'src', 'a', 'y.ts'));
    expect(key()).toBe(edited);
    writeFileSync(join(root, 'config.js'), 'module.exports = { mode: "x" };');
    expect(key()).not.toBe(edited);
  });
});

describe('sharedFolder', () => {
  it('builds once for callers asking at the same time, and serves the whole folder to each', async () => {
    let builds = 0;
    const build = async (scratch: string) => {
      builds++;
      mkdirSync(scratch, { recursive: true });
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(join(scratch, 'data.txt'), 'contenu');
      writeFileSync(join(scratch, 'fini'), '');
    };
    const folders = await Promise.all([1, 2, 3].map(() => sharedFolder(`${prefix}-once`, 'fini', build)));
    expect(builds).toBe(1);
    expect(new Set(folders).size).toBe(1);
    expect(readFileSync(join(folders[0]!, 'data.txt'), 'utf8')).toBe('contenu');
    // Later callers reuse it.
    expect(await sharedFolder(`${prefix}-once`, 'fini', build)).toBe(folders[0]);
    expect(builds).toBe(1);
  });

  it('leaves nothing under the final name when a build fails or forgets its marker, and releases the lock', async () => {
    const failing = (scratch: string) => {
      mkdirSync(scratch, { recursive: true });
      writeFileSync(join(scratch, 'moitie.txt'), '');
      return Promise.reject(new Error('construction interrompue'));
    };
    await expect(sharedFolder(`${prefix}-fails`, 'fini', failing)).rejects.toThrow('construction interrompue');
    expect(existsSync(join(SHARED_CACHE_DIR, `${prefix}-fails`))).toBe(false);
    const noMarker = (scratch: string) => {
      mkdirSync(scratch, { recursive: true });
      return Promise.resolve();
    };
    await expect(sharedFolder(`${prefix}-fails`, 'fini', noMarker)).rejects.toThrow('fini absent');
    expect(existsSync(join(SHARED_CACHE_DIR, `${prefix}-fails`))).toBe(false);
    expect(existsSync(join(SHARED_CACHE_DIR, `${prefix}-fails.lock`))).toBe(false);
  });
});
