/**
 * The demo's returns (writeDemoFiles of generateDemoRegion(): 24 forms, 16 network tables),
 * written once and shared by the test files that read them (about 5 s of CPU each time): a
 * shared folder keyed by the bytes of src/ (test/helpers/shared-folder.ts). Read it, never write
 * into it: a test that adds files works in its own folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoRegion } from '../../src/core/demo/index.js';
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
