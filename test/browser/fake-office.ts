/**
 * A fake Office.js for the task pane's Office path in Chromium: the page's office.js request is
 * answered with this script, which declares Office (onReady → Excel, every requirement set
 * supported), Excel.createWorkbook (recorded in window.__createdWorkbooks) and Excel.run over the counting FakeExcel of test/helpers/office-fake.ts (the
 * fake the Excel host's own tests use), seeded with a real workbook read by the project's
 * reader. The real task pane, excel-port and src/hosts/office code then run against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import type { GridWorkbook } from '../../src/core/grid.js';
import { ROOT } from './harness.js';

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

/** The workbook as FakeExcel seeds: values by row from A1, and workbook-level names. */
export function seedOf(book: GridWorkbook) {
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      visibility: VISIBILITY[s.visibility],
      // Array.from, not map: sparse rows would become null in JSON.
      rows: Array.from(s.rows, (r) => (r ? Array.from(r, (v) => (v === undefined ? null : v)) : [])),
    })),
    names: book.definedNames.filter((n) => !n.localSheet).map((n) => ({ name: n.name, formula: `=${n.ref}` })),
  };
}

/** The script served in place of office.js. */
export function fakeOfficeScript(book: GridWorkbook): string {
  // The fake and the A1 helpers it imports, as one plain script: imports and exports dropped.
  // esbuild strips the types in milliseconds; TypeScript's transpileModule took ~0.5 s of CPU, and
  // loading the typescript package ~0.75 s more per test process.
  const js = [join(ROOT, 'src', 'core', 'a1.ts'), join(ROOT, 'test', 'helpers', 'office-fake.ts')]
    .map((file) =>
      transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' })
        .code.replace(/^import [^;]*;$/gm, '')
        .replace(/^export /gm, ''),
    )
    .join('\n');
  return `(() => {
${js}
const seed = ${JSON.stringify(seedOf(book))};
const fake = new FakeExcel();
for (const s of seed.sheets) fake.addSheet(s);
for (const n of seed.names) fake.names.push(n);
window.__fakeExcel = fake;
// Excel.createWorkbook (ExcelApi 1.8) opens a new workbook: the fake records the Base64 it gets.
window.__createdWorkbooks = [];
window.Excel = { run: (fn) => fake.run(fn), createWorkbook: async (b64) => { window.__createdWorkbooks.push(b64); } };
const info = { host: 'Excel', platform: 'OfficeOnline' };
window.Office = {
  HostType: { Excel: 'Excel' },
  onReady: (cb) => { if (cb) cb(info); return Promise.resolve(info); },
  context: { requirements: { isSetSupported: () => true } },
};
})();`;
}
