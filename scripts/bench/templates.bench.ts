/** Template generation: building each model (pure) and writing it (ExcelJS + re-zip), with sizes. */
import { TEMPLATE_KINDS } from '../../src/core/template-layout.js';
import { buildTemplate } from '../../src/core/templates/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';

const RUNS = 3;
let total = 0;
for (const kind of TEMPLATE_KINDS) {
  let build = 0;
  let write = 0;
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const model = buildTemplate(kind, DEFAULT_SETTINGS);
    const t1 = performance.now();
    size = (await writeWorkbookModel(model)).length;
    const t2 = performance.now();
    build += t1 - t0;
    write += t2 - t1;
  }
  total += (build + write) / RUNS;
  console.log(
    `${kind.padEnd(7)} modèle ${(build / RUNS).toFixed(1).padStart(7)} ms  écriture ${(write / RUNS).toFixed(0).padStart(6)} ms  taille ${(size / 1024).toFixed(0)} Ko (${((size / (200 * 1024)) * 100).toFixed(0)} % du plafond de 200 Ko)`,
  );
}
console.log(`total par génération : ${total.toFixed(0)} ms`);
