#!/usr/bin/env node
// Launcher of the `iae` command. Runs the prebuilt JavaScript (dist-cli/, built by `npm ci`
// through the `prepare` script); rebuilds it first when a file of src/ is newer (a developer
// edited the code), so the command never runs stale code. Without a build, and without
// esbuild to make one, falls back to TypeScript through tsx (slower to start).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'main.js');

/** Newest modification time below a folder (src/ has a few hundred files: a few ms). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function loadMain() {
  const src = join(root, 'src');
  const stale = !existsSync(built) || (existsSync(src) && newest(src) > statSync(built).mtimeMs);
  if (stale) {
    try {
      const { buildCli } = await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
      await buildCli({ quiet: true });
    } catch {
      const { register } = await import('tsx/esm/api');
      register();
      return (await import(pathToFileURL(join(src, 'apps', 'cli', 'main.ts')).href)).main;
    }
  }
  return (await import(pathToFileURL(built).href)).main;
}

try {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`Erreur inattendue : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 2;
}
