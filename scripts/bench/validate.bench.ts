/**
 * Validation bench: throughput on a 100,000-row network table against a bare zod parse of the
 * same records; read+validate of 100 département files and of the 100,000-row table against the
 * raw limit (fflate unzip + decode + trivial scan of the same bytes, raw-limit.ts), and the reader
 * alone against it; peak memory of read+validate of the 100,000-row table (child process, maxRSS).
 * The département files are measured with both zip codecs: node:zlib (what `iae` uses) and fflate
 * (what the browser pane uses), each against the same raw limit (always fflate, raw-limit.ts),
 * all in one alternated loop (a young-generation GC before each measure: alternate.ts says why);
 * the read alone is also shown with one read memo for the 100 files, as a validation run reads
 * them (ReadMemo), beside the goal's read alone, which reads each file afresh.
 * Run: npx tsx scripts/bench.ts validate
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue, GridSheet, GridWorkbook } from '../../src/core/grid.js';
import { ValidationRun } from '../../src/core/validate/run.js';
import { JS_ZIP_CODEC, readXlsx, ReadMemo, setDefaultZipCodec, type ZipCodec } from '../../src/hosts/xlsx/read/index.js';
import { NATIVE_ZIP_CODEC } from '../../src/hosts/xlsx/native-zip-codec.js';
import { validateXlsxBytes } from '../../src/hosts/xlsx/validate-bytes.js';
import { DEFAULT_SETTINGS, INDICATORS, makeReturnSchema, type IndicatorDef } from '../../src/schema/index.js';
import { validReturn } from '../../test/fixtures/returns.js';
import { alternateAll } from './alternate.js';
import { rawLimit } from './raw-limit.js';

const ROWS = 100_000;
/** Measures per side for the 100,000-row table (step 3). */
const BIG_RUNS = 5;
const CODES = (INDICATORS as readonly IndicatorDef[]).map((d) => d.code);
const LABELS = (INDICATORS as readonly IndicatorDef[]).map((d) => d.label);
const CACHE = join(tmpdir(), 'iae-bench-validate');

function siret(i: number): string {
  const base = `44${String(i).padStart(11, '0')}`;
  for (let d = 0; d < 10; d++) {
    const s = base + d;
    let sum = 0;
    for (let k = 0; k < 14; k++) {
      let x = s.charCodeAt(13 - k) - 48;
      if (k % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('siret');
}

/** Record i: the valid fixture with its own SIRET and slightly varied counts. */
function record(i: number): Record<string, unknown> {
  const r: Record<string, unknown> = { ...validReturn(), siret: siret(i) };
  r.personnes = 30 + (i % 7);
  return r;
}

/** The same record as a user's cells: booleans as "oui"/"non", some numbers as French text. */
function cells(i: number): CellValue[] {
  const r = record(i);
  return CODES.map((c) => {
    const v = r[c];
    if (typeof v === 'boolean') return v ? 'oui' : 'non';
    if (v === undefined) return null;
    if (c === 'etp_conventionnes' && i % 3 === 0) return '10,5';
    return v as CellValue;
  });
}

function tableGrid(rows: number): GridWorkbook {
  const data: (CellValue[] | undefined)[] = [LABELS];
  for (let i = 0; i < rows; i++) data.push(cells(i));
  const sheet: GridSheet = { name: 'Export', visibility: 'visible', rows: data, styles: [], validations: [], protection: null };
  return { source: 'bench.xlsx', sheets: [sheet], styles: [{ numFmt: 'General', locked: true }], definedNames: [], tables: [], date1904: false };
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Sample {
  /** Wall-clock time. */
  wall: number;
  /** CPU time of the process (user + system): steadier than wall time on a busy, shared machine. */
  cpu: number;
}

/**
 * One measured call. A full GC first, so that neither side pays for the other's garbage; then
 * one untimed call of the same side, because a forced GC also shrinks the young generation and
 * drops V8's caches, and the measure is of the steady state, not of a heap just reset. So each
 * side pays for collecting its own garbage (the untimed call's), never for the other's.
 */
function measure(f: () => unknown): Sample {
  gc();
  f();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Both sides measured alike: warmed up first (JIT), then `runs` times each, alternating which
 * goes first (see measure); medians of CPU and of wall time. CPU time is the figure to read on a
 * busy machine (other processes do not count in it); wall time is printed alongside.
 */
function compare(a: () => unknown, b: () => unknown, runs: number, warmup: number): { a: Sample; b: Sample } {
  for (let k = 0; k < warmup; k++) {
    a();
    b();
  }
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let k = 0; k < runs; k++) {
    if (k % 2 === 0) {
      as.push(measure(a));
      bs.push(measure(b));
    } else {
      bs.push(measure(b));
      as.push(measure(a));
    }
  }
  const med = (xs: Sample[]): Sample => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
  return { a: med(as), b: med(bs) };
}

const both = (x: Sample) => `${ms(x.cpu)} CPU, ${ms(x.wall)} écoulées`;
const ratio = (a: Sample, b: Sample) => `${(a.cpu / b.cpu).toFixed(2)} en temps CPU, ${(a.wall / b.wall).toFixed(2)} en temps écoulé`;

async function writeTable(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Export');
  ws.addRow(LABELS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(cells(i)).commit();
  await wb.commit();
}

async function memoryChild(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const run = new ValidationRun(DEFAULT_SETTINGS);
  run.addWorkbook(readXlsx(bytes, 'reseau-100000.xlsx'));
  const report = run.finish();
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, records: report.stats.records, errors: report.stats.errors }));
}

async function main(): Promise<void> {
  if (process.argv[2] === 'memory') return memoryChild(process.argv[3]!);
  mkdirSync(CACHE, { recursive: true });

  // 1. Throughput on a 100,000-row grid in memory, against a bare zod parse of the same records.
  zodComparison();

  // 2. 100 département files of ~40 rows: read+validate against the raw read of the same bytes.
  await departementFiles();

  // 3. and 4.: the 100,000-row table from its file.
  await bigTable();
}

/**
 * Step 1, in a function of its own: its 100,000-row grid and records (hundreds of Mo) are
 * garbage once it returns, and the 100 small files are not measured with them in the heap
 * (every collection then had them to mark, and the CPU time of GC threads counts).
 */
function zodComparison(): void {
  const grid = tableGrid(ROWS);
  const schema = makeReturnSchema();
  const plain = Array.from({ length: ROWS }, (_, i) => record(i));
  let rejected = 0;
  let counts = { records: 0, errors: 0 };
  const zodParse = () => {
    let bad = 0;
    for (const r of plain) if (!schema.safeParse(r).success) bad++;
    rejected = bad;
  };
  const validate = () => {
    counts = validateTableOnce(grid);
  };
  const t = compare(validate, zodParse, 5, 1);
  console.log(`Médianes de 5 mesures alternées (GC puis un passage non mesuré avant chacune), après échauffement.`);
  console.log(`Validation de ${ROWS.toLocaleString('fr-FR')} lignes (grille en mémoire) : ${both(t.a)} — ${Math.round(ROWS / (t.a.cpu / 1000)).toLocaleString('fr-FR')} lignes/s CPU (${counts.records} retours, ${counts.errors} erreurs)`);
  console.log(`zod seul (makeReturnSchema().safeParse sur les mêmes retours) : ${both(t.b)} (${rejected} rejetés)`);
  console.log(`Rapport validation / zod : ${ratio(t.a, t.b)} (objectif ≤ 1,5)`);
}

async function departementFiles(): Promise<void> {
  const depDir = join(CACHE, 'departements');
  if (!existsSync(depDir) || readdirSync(depDir).length < 100) {
    mkdirSync(depDir, { recursive: true });
    for (let f = 0; f < 100; f++) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Export');
      ws.addRow(LABELS);
      for (let i = 0; i < 40; i++) ws.addRow(cells(f * 40 + i));
      await wb.xlsx.writeFile(join(depDir, `dep-${String(f).padStart(3, '0')}.xlsx`));
    }
  }
  const files = readdirSync(depDir).sort().map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(depDir, n))) }));
  // Same files, same reader, one at a time on both sides (validation keeps no grid either).
  let readRows = 0;
  const rawRead = () => {
    let n = 0;
    for (const f of files) n += readXlsx(f.bytes, f.name).sheets[0]!.rows.length;
    readRows = n;
  };
  // The files read as a validation run reads them, with one read memo for all (ReadMemo): shown
  // beside the read alone, which the goal is about and which reads each file afresh.
  const memoRead = () => {
    const memo = new ReadMemo();
    for (const f of files) readXlsx(f.bytes, f.name, undefined, { memo });
  };
  let full = { records: 0, errors: 0 };
  const readValidate = () => {
    const r = validateXlsxBytes(files);
    full = { records: r.stats.records, errors: r.stats.errors };
  };
  let rawCells = 0;
  const raw = () => {
    let n = 0;
    for (const f of files) n += rawLimit(f.bytes);
    rawCells = n;
  };
  // The command line's codec (node:zlib) and the browser's (fflate), read alone and read +
  // validated, and the raw limit: all measured in one loop, in turn (alternateAll), so that no
  // codec gains from being measured second or pays for coming first (session 5 saw both).
  // A young-generation GC before each measure, not a full one: a forced full GC throws away
  // optimized code that V8 holds weakly, and each 35 ms measure then paid for recompiling it
  // (alternate.ts; read alone through fflate swung from 1.2 to 1.7 from run to run).
  // A real run does not collect that way: `iae validate` on these 100 files runs one full GC.
  const codecs: { codec: ZipCodec; who: string }[] = [
    ...(NATIVE_ZIP_CODEC ? [{ codec: NATIVE_ZIP_CODEC, who: 'commande iae' }] : []),
    { codec: JS_ZIP_CODEC, who: 'volet, navigateur' },
  ];
  const withCodec = (codec: ZipCodec, f: () => void) => () => {
    setDefaultZipCodec(codec);
    f();
  };
  const sides: Record<string, () => void> = { raw };
  for (const { codec } of codecs) {
    sides[`read+validate ${codec.name}`] = withCodec(codec, readValidate);
    sides[`read ${codec.name}`] = withCodec(codec, rawRead);
    sides[`read+memo ${codec.name}`] = withCodec(codec, memoRead);
  }
  const dep = await alternateAll(sides, 15, 3, 'young');
  console.log(`100 fichiers département (${files.length} × 40 lignes), médianes de 15 mesures alternées (limite brute et les deux zip, lecture seule et lecture + validation, à tour de rôle ; GC de la jeune génération avant chacune) : limite brute ${both(dep.raw!)} (${rawCells} cellules)`);
  for (const { codec, who } of codecs) {
    const d = dep[`read+validate ${codec.name}`]!;
    const r = dep[`read ${codec.name}`]!;
    console.log(`  zip ${codec.name} (${who}) : lecture seule ${both(r)} (${readRows} lignes) ; lecture + validation ${both(d)} (${full.records} retours, ${full.errors} erreurs)`);
    console.log(`Rapport (lecture + validation) / limite brute, zip ${codec.name} : ${ratio(d, dep.raw!)} (objectif ≤ 2,0)`);
    console.log(`Rapport lecture seule / limite brute, zip ${codec.name} : ${ratio(r, dep.raw!)} (objectif ≤ 1,4)`);
    const rm = dep[`read+memo ${codec.name}`]!;
    console.log(`  (lecture avec le mémo d'un passage, comme la lecture + validation : ${both(rm)}, ${ratio(rm, dep.raw!)} ; sans objectif)`);
  }
}

async function bigTable(): Promise<void> {
  // The big table streams its sheet with fflate whatever the codec (only the CRC differs):
  // measured with the browser's codec, the slower one.
  setDefaultZipCodec(JS_ZIP_CODEC);

  // 3. The 100,000-row table from its file: read + validate against the raw limit.
  const big = join(CACHE, 'reseau-100000.xlsx');
  if (!existsSync(big)) await writeTable(big, ROWS);
  const bigBytes = new Uint8Array(readFileSync(big));
  let bigCounts = { records: 0, errors: 0 };
  const bigValidate = () => {
    bigCounts = validateTableOnce(readXlsx(bigBytes, 'reseau-100000.xlsx'));
  };
  const bigRead = () => readXlsx(bigBytes, 'reseau-100000.xlsx').sheets.length;
  const bigRaw = () => rawLimit(bigBytes);
  // Five measures per side (three until session 8): with three, one disturbed measure moved the
  // median enough to swing the read-alone ratio between 1.25 and 1.63 from one run to the next.
  const b = compare(bigValidate, bigRaw, BIG_RUNS, 1);
  const br = compare(bigRead, bigRaw, BIG_RUNS, 1);
  console.log(`Tableau de ${ROWS.toLocaleString('fr-FR')} lignes × ${CODES.length} colonnes, médianes de ${BIG_RUNS} mesures : limite brute ${both(b.b)} ; lecture seule ${both(br.a)} ; lecture + validation ${both(b.a)} (${bigCounts.records} retours, ${bigCounts.errors} erreurs)`);
  console.log(`Rapport (lecture + validation) / limite brute : ${ratio(b.a, b.b)} (objectif ≤ 2,2)`);
  console.log(`Rapport lecture seule / limite brute : ${ratio(br.a, br.b)} (objectif ≤ 1,4)`);

  // 4. Peak memory of read + validate of the 100,000-row table, in its own process.
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'memory', big], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(child.stderr);
  const m = JSON.parse(child.stdout) as { maxRssKb: number; records: number; errors: number };
  console.log(`Mémoire maximale, lecture + validation du tableau de ${ROWS.toLocaleString('fr-FR')} lignes : ${(m.maxRssKb / 1024).toFixed(0)} Mo (objectif < 500 Mo ; ${m.records} retours, ${m.errors} erreurs)`);
}


function validateTableOnce(book: GridWorkbook) {
  const run = new ValidationRun(DEFAULT_SETTINGS);
  run.addWorkbook(book);
  const r = run.finish();
  return { records: r.stats.records, errors: r.stats.errors };
}

await main();
