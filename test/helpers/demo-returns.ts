/**
 * The demo's returns (writeDemoFiles of generateDemoRegion(): 24 forms, 16 network tables), and
 * those of its year N−1 (generatePreviousDemoYear()), written once and shared by the test files
 * that read them (about 5 s of CPU each time): shared folders keyed by the bytes of src/
 * (test/helpers/shared-folder.ts). Read them, never write into them: a test that adds files
 * copies them into its own folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoRegion, generatePreviousDemoYear } from '../../src/core/demo/index.js';
import { writeDemoFiles } from '../../src/hosts/xlsx/demo-files.js';
import { inputsKey, sharedFolder } from './shared-folder.js';

const COMPLETE = 'complet';

/** The folder of the demo's returns (as `npm run demo` writes them into demo-data/retours). */
export async function sharedDemoReturns(): Promise<string> {
  const key = inputsKey(['src', 'package-lock.json']);
  const folder = await sharedFolder(`${key}-demo-returns`, COMPLETE, async (scratch) => {
    await writeDemoFiles(generateDemoRegion(), join(scratch, 'retours'));
    writeFileSync(join(scratch, COMPLETE), '');
  });
  return join(folder, 'retours');
}

/** The folder of the demo's year N−1 returns (as scripts/demo-previous-year.ts writes them). */
export async function sharedPreviousDemoReturns(): Promise<string> {
  const key = inputsKey(['src', 'package-lock.json']);
  const folder = await sharedFolder(`${key}-demo-previous-returns`, COMPLETE, async (scratch) => {
    await writeDemoFiles(generatePreviousDemoYear(), join(scratch, 'retours'));
    writeFileSync(join(scratch, COMPLETE), '');
  });
  return join(folder, 'retours');
}
