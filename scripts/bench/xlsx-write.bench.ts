/**
 * The xlsx writer against its raw limit, in one run:
 *   1. the consolidated workbook of 4,000 SIAE: writeWorkbookModel against a raw lower bound, the
 *      same cells as plain XML (inline strings, no styles) zipped once by fflate — goal ≤ 2×;
 *   2. 50,000 SIAE over 2 years written without error (time and size printed);
 *   3. the network template (1,000 input rows).
 * Runs are interleaved (writer, raw, writer, raw…) so that a busy machine slows both alike.
 * Run: npx tsx scripts/bench.ts xlsx-write
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toA1 } from '../../src/core/a1.js';
import { buildTemplate } from '../../src/core/templates/index.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';
import { largeWorkbookModel } from '../../test/hosts/xlsx-write/large-workbook.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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

async function interleaved(model: WorkbookModel, runs: number): Promise<{ writer: number; raw: number; size: number; rawSize: number }> {
  const w: number[] = [];
  const r: number[] = [];
  let size = 0;
  let rawSize = 0;
  size = (await writeWorkbookModel(model)).length; // warm-up
  rawSize = rawXlsx(model).length;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    size = (await writeWorkbookModel(model)).length;
    w.push(performance.now() - t0);
    t0 = performance.now();
    rawSize = rawXlsx(model).length;
    r.push(performance.now() - t0);
  }
  return { writer: median(w), raw: median(r), size, rawSize };
}

const cellCount = (m: WorkbookModel) => m.sheets.reduce((n, s) => n + s.cells.length, 0);

// 1. 4,000 SIAE.
const m4000 = largeWorkbookModel(4000, 1);
const a = await interleaved(m4000, 9);
console.log(`classeur consolidé, 4 000 SIAE (${cellCount(m4000)} cellules, ${m4000.sheets.length} feuilles)`);
console.log(`  écriture (writeWorkbookModel)         ${a.writer.toFixed(0).padStart(6)} ms  ${(a.size / 1024).toFixed(0)} Ko`);
console.log(`  limite brute (XML nu + fflate)        ${a.raw.toFixed(0).padStart(6)} ms  ${(a.rawSize / 1024).toFixed(0)} Ko`);
console.log(`  rapport à la limite brute : × ${(a.writer / a.raw).toFixed(2)} (objectif ≤ 2)`);

// 2. 50,000 SIAE over 2 years: no size cliff.
const m50k = largeWorkbookModel(50_000, 2);
const t0 = performance.now();
const big = await writeWorkbookModel(m50k);
const t50k = performance.now() - t0;
console.log(
  `classeur consolidé, 50 000 SIAE sur 2 ans (${cellCount(m50k)} cellules) : écrit sans erreur en ${(t50k / 1000).toFixed(1)} s, ${(big.length / 1e6).toFixed(1)} Mo, ` +
    `tas ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} Mo`,
);

// 3. The network template.
const reseau = buildTemplate('reseau', DEFAULT_SETTINGS);
const times: number[] = [];
let size = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  size = (await writeWorkbookModel(reseau)).length;
  times.push(performance.now() - t);
}
console.log(`modèle réseau / département (1 000 lignes de saisie) : ${median(times).toFixed(0)} ms (médiane de 5), ${(size / 1024).toFixed(0)} Ko`);
