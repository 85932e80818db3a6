/**
 * Reporter that prints each test file's time, hooks included (vitest's JSON report counts only
 * the tests, so a file that converts everything in beforeAll looks free there), slowest first:
 *   npx vitest run --reporter=default --reporter=./test/setup/file-times-reporter.ts [files]
 * IAE_FILE_TIMES=out.json also writes them as JSON ({ file: ms }).
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class FileTimesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const times = modules
      .map((m) => {
        const d = m.diagnostic();
        return [relative(process.cwd(), m.moduleId), Math.round(d.duration + d.collectDuration + d.setupDuration + d.prepareDuration)] as const;
      })
      .sort((a, b) => b[1] - a[1]);
    const total = times.reduce((s, [, ms]) => s + ms, 0);
    console.log(`\nDurée par fichier (crochets compris), somme ${Math.round(total / 1000)} s :`);
    for (const [file, ms] of times) console.log(`${String(ms).padStart(9)} ms  ${file}`);
    if (process.env.IAE_FILE_TIMES) writeFileSync(process.env.IAE_FILE_TIMES, JSON.stringify(Object.fromEntries(times), null, 1));
  }
}
