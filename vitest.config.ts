import { defineConfig } from 'vitest/config';

/**
 * Two projects, so that time cannot turn the suite red on a small, busy machine:
 * - « rapides »: pure code on small inputs. The timeout is still far above what they take on an
 *   idle machine (well under a second each), since a CI machine may give them a tenth of a core.
 * - « lents »: tests that start LibreOffice, Chromium, webpack or the CLI as a process, or build
 *   large files. Each may take minutes under CPU pressure; their timeouts say so.
 * A new test file that starts one of these programs belongs in SLOW below.
 * Both run with isolate: false (one module registry per worker, not per file): re-importing src/
 * for every file was the largest cost of « rapides ». So a test that changes a global or module
 * state must put it back (no vi.mock: nothing here relies on fresh modules).
 */
const SLOW = [
  'test/browser/**/*.test.ts',
  'test/build.test.ts',
  'test/cli/**/*.test.ts',
  'test/demo/**/*.test.ts',
  'test/**/libreoffice.test.ts',
  'test/**/read-libreoffice.test.ts',
  'test/**/*.slow.test.ts',
  'test/core/consolidate/properties.test.ts',
  'test/core/validate/quick-acceptance.test.ts',
  'test/hosts/office/read.test.ts',
  'test/hosts/office/write.test.ts',
  'test/hosts/xlsx-read/read-declared-size.test.ts',
  'test/hosts/xlsx-read/read-parts.test.ts',
  'test/hosts/xlsx-read/read-hostile.test.ts',
  'test/schema/values-layout.test.ts',
  'test/templates/samples.test.ts',
  'test/core/validate/samples.test.ts',
  'test/apps/taskpane-controller.test.ts',
];

export default defineConfig({
  test: {
    // Both cores: most slow tests wait on another process (LibreOffice, Chromium, webpack).
    maxWorkers: 2,
    globalSetup: ['test/setup/build-cli.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'rapides', include: ['test/**/*.test.ts'], exclude: SLOW, testTimeout: 60_000, hookTimeout: 120_000, isolate: false },
      },
      {
        extends: true,
        test: { name: 'lents', include: SLOW, testTimeout: 900_000, hookTimeout: 900_000, isolate: false },
      },
    ],
  },
});
