/**
 * Office.js host: syncs and payload sizes when reading a sheet and writing the consolidated
 * workbook back, at 1k, 10k and 50k rows, measured on the counting fake of Excel's API
 * (test/helpers/office-fake.ts). Budget (docs/excel-host.md): reading ≈ 2 + one sync per MB of
 * data; writing = 4 + one per value block (≤ 6 + blocks); every request/response < 1 MB.
 */
import { readOpenWorkbook } from '../../src/hosts/office/read-workbook.js';
import { writeModel } from '../../src/hosts/office/write-model.js';
import { FakeExcel } from '../../test/helpers/office-fake.js';
import { dataSheet } from '../../test/hosts/office/model-fixture.js';

const COLS = 50;
const mb = (n: number) => `${(n / 1e6).toFixed(2)} Mo`;

console.log('lignes  | lecture : syncs  réponse max  total      | écriture : syncs  blocs  requête max  actions de format  durée');
for (const rows of [1_000, 10_000, 50_000]) {
  const f = new FakeExcel();
  f.addSheet({
    name: 'Retours',
    rows: Array.from({ length: rows }, (_, r) => Array.from({ length: COLS }, (_, c) => (c < 2 ? `SIAE ${r}-${c}` : r + c / 100))),
  });
  const t0 = performance.now();
  await readOpenWorkbook(f.ctx);
  const read = { syncs: f.syncCount, max: f.maxResponseBytes, total: f.syncs.reduce((s, x) => s + x.responseBytes, 0) };
  f.resetCounters();
  const w = await writeModel(f.ctx, { sheets: [dataSheet(rows)] });
  const formats = f.formatLog.filter((o) => o.path !== 'numberFormat').length;
  const ms = performance.now() - t0;
  console.log(
    `${String(rows).padStart(7)} | ${String(read.syncs).padStart(13)}  ${mb(read.max).padStart(11)}  ${mb(read.total).padStart(9)} | ` +
      `${String(f.syncCount).padStart(14)}  ${String(w.valueBlocks).padStart(5)}  ${mb(f.maxRequestBytes).padStart(11)}  ${String(formats).padStart(17)}  ${Math.round(ms)} ms`,
  );
}
console.log(`(lecture : ${COLS} colonnes ; écriture : feuille consolidée de 7 colonnes, tableau, formats conditionnels, validation)`);
