// Builds the `iae` command into plain JavaScript (dist-cli/), so that it starts without a
// TypeScript loader: about a third of the CPU of running src/ through tsx. Run by `npm ci` /
// `npm install` (the `prepare` script) and by bin/iae.mjs when src/ is newer than the build.
// The commands stay lazily loaded (code splitting); large npm packages stay external.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = join(root, 'dist-cli');
export const CLI_ENTRY = join(CLI_OUT_DIR, 'main.js');

export async function buildCli({ quiet = false } = {}) {
  // Built aside, then swapped in: a command started meanwhile never sees half a build.
  const fresh = `${CLI_OUT_DIR}.${process.pid}.tmp`;
  const old = `${CLI_OUT_DIR}.${process.pid}.old`;
  rmSync(fresh, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'src/apps/cli/main.ts')],
    outdir: fresh,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Large packages stay external; small data (département lists as JSON) is bundled, since
    // Node's ESM loader needs import attributes for JSON files inside packages.
    external: ['exceljs', 'fflate', 'zod', 'tsx'],
    sourcemap: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  try {
    renameSync(CLI_OUT_DIR, old);
  } catch {
    /* no earlier build */
  }
  renameSync(fresh, CLI_OUT_DIR);
  rmSync(old, { recursive: true, force: true });
  return CLI_ENTRY;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
  process.stdout.write(`Commande iae construite : ${CLI_ENTRY}\n`);
}
