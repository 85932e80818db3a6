/**
 * The xlsx writer against its raw limit, in one run:
 *   1. the consolidated workbook of 4,000 SIAE: writeWorkbookModel against a raw lower bound, the
 *      same cells as plain XML (inline strings, no styles) zipped once by fflate — goal ≤ 2×;
 *   2. 50,000 SIAE over 2 years written without error (time and size printed);
 *   3. the network template (1,000 input rows).
 * Runs alternate (alternate.ts); the ratio is of CPU time, which other processes do not inflate.
 * Run: npx tsx scripts/bench.ts xlsx-write
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toA1 } from '../../src/core/a1.js';
import { buildTemplate } from '../../src/core/templates/index.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';
import { largeWorkbookModel } from '../../test/hosts/xlsx-write/large-workbook.js';
import { alternate, median, type Sample } from './alternate.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The raw lower bound: every cell of the model as plain XML, one part per sheet, zipped once. */
function rawXlsx(model: WorkbookModel): Uint8Array {
  const files: Zippable = {};
  model.sheets.forEach((sheet, i) => {
    const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    const out: string[] = ['<worksheet><sheetData>'];
    let row = 0;
    for (const c of cells) {
      if (c.row !== row) {
        if (row) out.push('</row>');
        out.push(`<row r="${c.row}">`);
        row = c.row;
      }
      const v = c.value;
      if (typeof v === 'string') out.push(`<c r="${toA1(c.row, c.col)}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`);
      else if (typeof v === 'number' || typeof v === 'boolean') out.push(`<c r="${toA1(c.row, c.col)}"><v>${Number(v)}</v></c>`);
    }
    if (row) out.push('</row>');
    out.push('</sheetData></worksheet>');
    files[`xl/worksheets/sheet${i + 1}.xml`] = [strToU8(out.join('')), { level: 6 }];
  });
  return zipSync(files);
}

const cellCount = (m: WorkbookModel) => m.sheets.reduce((n, s) => n + s.cells.length, 0);
const ms = (x: Sample) => `${x.cpu.toFixed(0).padStart(6)} ms CPU, ${x.wall.toFixed(0).padStart(6)} ms écoulées`;

// 1. 4,000 SIAE: the writer against the raw lower bound, CPU time (a busy machine slows both
// sides' wall time unevenly; each side's own CPU time does not move with other processes).
const RUNS = 11;
const m4000 = largeWorkbookModel(4000, 1);
let size = 0;
let rawSize = 0;
const a = await alternate(
  async () => (size = (await writeWorkbookModel(m4000)).length),
  () => (rawSize = rawXlsx(m4000).length),
  RUNS,
  2,
);
console.log(`classeur consolidé, 4 000 SIAE (${cellCount(m4000)} cellules, ${m4000.sheets.length} feuilles) ; médianes de ${RUNS} mesures alternées (GC puis un passage non mesuré avant chacune)`);
console.log(`  écriture (writeWorkbookModel)       ${ms(a.a)}  ${(size / 1024).toFixed(0)} Ko`);
console.log(`  limite brute (XML nu + fflate)      ${ms(a.b)}  ${(rawSize / 1024).toFixed(0)} Ko`);
console.log(`  rapport à la limite brute : × ${(a.a.cpu / a.b.cpu).toFixed(2)} en temps CPU (objectif ≤ 2), × ${(a.a.wall / a.b.wall).toFixed(2)} en temps écoulé`);

// 2. 50,000 SIAE over 2 years: no size cliff. An error fails the bench (non-zero exit).
const m50k = largeWorkbookModel(50_000, 2);
const c0 = process.cpuUsage();
const t0 = performance.now();
const big = await writeWorkbookModel(m50k);
const t50k = performance.now() - t0;
const c50k = process.cpuUsage(c0);
console.log(
  `classeur consolidé, 50 000 SIAE sur 2 ans (${cellCount(m50k)} cellules) : écrit sans erreur (objectif : sans erreur, atteint) en ` +
    `${((c50k.user + c50k.system) / 1e6).toFixed(1)} s CPU, ${(t50k / 1000).toFixed(1)} s écoulées, ${(big.length / 1e6).toFixed(1)} Mo, ` +
    `tas ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} Mo`,
);

// 3. The network template.
const reseau = buildTemplate('reseau', DEFAULT_SETTINGS);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  size = (await writeWorkbookModel(reseau)).length;
  times.push(performance.now() - t);
}
console.log(`modèle réseau / département (1 000 lignes de saisie) : ${median(times).toFixed(0)} ms (médiane de 5), ${(size / 1024).toFixed(0)} Ko`);
