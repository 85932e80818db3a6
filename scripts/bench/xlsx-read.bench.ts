/**
 * xlsx reader bench: a 100,000-row × 50-column network table (written once by ExcelJS's
 * streaming writer, cached under the temp folder) read by our reader, then by ExcelJS for
 * reference. Each read runs in its own child process so that peak memory figures are its own.
 * Run: npx tsx scripts/bench.ts xlsx-read   (BENCH_ROWS=20000 for a quicker run)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { networkTableFile } from './fixtures.js';

interface Measure {
  ms: number;
  /** CPU time of the process during the read (user + system): steadier than wall time on a busy machine. */
  cpuMs: number;
  rows: number;
  cells: number;
  heapMB: number;
  maxRssMB: number;
  baseRssMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Child: reads the file once with `which` and prints its measures as JSON. */
async function child(which: string, path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const baseRssMB = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpu = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  let rows = 0;
  let cells = 0;
  if (which === 'ours') {
    const book = readXlsx(bytes, 'bench.xlsx');
    const ms = performance.now() - t0;
    const cpuMs = cpu();
    for (const r of book.sheets[0]!.rows) {
      if (!r) continue;
      rows++;
      cells += r.length;
    }
    gc();
    const heapMB = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
    print({ ms, cpuMs, rows, cells, heapMB, maxRssMB: process.resourceUsage().maxRSS / 1024, baseRssMB });
    void book.sheets.length; // keep the result alive until measured
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ms = performance.now() - t0;
    const cpuMs = cpu();
    const ws = wb.worksheets[0]!;
    rows = ws.actualRowCount;
    ws.eachRow((row) => (cells += row.cellCount));
    gc();
    const heapMB = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
    print({ ms, cpuMs, rows, cells, heapMB, maxRssMB: process.resourceUsage().maxRSS / 1024, baseRssMB });
    void wb.worksheets.length;
  }
}

function print(m: Measure): void {
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

function run(which: string, path: string, heapMB: number): Measure | string {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${heapMB}`, fileURLToPath(import.meta.url), '--child', which, path],
    { encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 1 << 24 },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) return `échec (${r.signal ?? `code ${r.status}`}) ${r.stderr.slice(-300)}`;
  return JSON.parse(line) as Measure;
}

const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  const t0 = performance.now();
  const path = await networkTableFile({ rows, columns: 50 });
  const gen = performance.now() - t0;
  const size = statSync(path).size;
  const sizeMB = size / 1024 / 1024;
  console.log(`fichier : ${path}`);
  let xml = 0;
  unzipSync(new Uint8Array(readFileSync(path)), {
    filter: (f) => {
      xml += f.originalSize;
      return false;
    },
  });
  const xmlMB = xml / 1024 / 1024;
  console.log(`  ${rows} lignes × 50 colonnes, ${f1(sizeMB)} Mo (${f1(xmlMB)} Mo de XML décompressé)${gen > 1000 ? ` (généré en ${f1(gen / 1000)} s)` : ' (en cache)'}`);

  const ours: Measure[] = [];
  for (let i = 0; i < 3; i++) {
    const m = run('ours', path, 4096);
    if (typeof m === 'string') throw new Error(`lecteur : ${m}`);
    ours.push(m);
  }
  const best = ours.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log('notre lecteur (meilleur de 3 processus) :');
  console.log(`  temps ${f1(best.ms / 1000)} s, CPU ${f1(best.cpuMs / 1000)} s (essais : ${ours.map((m) => f1(m.ms / 1000)).join(' / ')} s)`);
  console.log(`  débit ${f1(sizeMB / (best.ms / 1000))} Mo/s de fichier, ${f1(xmlMB / (best.ms / 1000))} Mo/s de XML, ${Math.round(best.rows / (best.ms / 1000)).toLocaleString('fr-FR')} lignes/s, ${Math.round(best.cells / (best.ms / 1000)).toLocaleString('fr-FR')} cellules/s`);
  console.log(`  ${best.rows} lignes, ${best.cells} cellules`);
  console.log(`  mémoire : tas retenu +${f1(best.heapMB)} Mo, RSS de pointe ${f1(best.maxRssMB)} Mo (RSS au départ ${f1(best.baseRssMB)} Mo)`);

  const ex = run('exceljs', path, 16384);
  if (typeof ex === 'string') {
    console.log(`ExcelJS (référence) : ${ex}`);
    return;
  }
  console.log('ExcelJS 4.4 workbook.xlsx.load (référence) :');
  console.log(`  temps ${f1(ex.ms / 1000)} s, CPU ${f1(ex.cpuMs / 1000)} s, ${ex.rows} lignes, ${ex.cells} cellules`);
  console.log(`  mémoire : tas retenu +${f1(ex.heapMB)} Mo, RSS de pointe ${f1(ex.maxRssMB)} Mo`);
  console.log(`ratio : ExcelJS / nous = ${f1(ex.ms / best.ms)}× le temps, ${f1(ex.cpuMs / best.cpuMs)}× le CPU, ${f1(ex.maxRssMB / best.maxRssMB)}× la RSS de pointe`);
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();
