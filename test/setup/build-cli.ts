import { buildCli } from '../../scripts/build-cli.mjs';

/**
 * Global setup: builds the `iae` command (dist-cli/) once before any test file runs, so the
 * tests that spawn bin/iae.mjs in parallel never each try to rebuild it.
 */
export default async function setup(): Promise<void> {
  await buildCli({ quiet: true });
}
