/**
 * Validation bench: throughput on a 100,000-row network table against a bare zod parse of the
 * same records; read+validate of 100 département files against the raw read; peak memory of
 * read+validate of the 100,000-row table (measured in a child process, maxRSS).
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
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { validateXlsxBytes } from '../../src/hosts/xlsx/validate-bytes.js';
import { DEFAULT_SETTINGS, INDICATORS, makeReturnSchema, type IndicatorDef } from '../../src/schema/index.js';
import { validReturn } from '../../test/fixtures/returns.js';

const ROWS = 100_000;
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
function time<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

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

  // 1. Throughput on a 100,000-row grid in memory, against a bare zod parse.
  const grid = tableGrid(ROWS);
  const schema = makeReturnSchema();
  const plain = Array.from({ length: ROWS }, (_, i) => record(i));
  schema.safeParse(plain[0]); // warm-up
  validateTableOnce(tableGrid(1000));
  // Best of three each, alternating, so that a busy machine or a GC pause weighs on both alike.
  let zod = { value: 0, ms: Infinity };
  let ours = { value: { records: 0, errors: 0 }, ms: Infinity };
  for (let k = 0; k < 3; k++) {
    const z = time(() => {
      let bad = 0;
      for (const r of plain) if (!schema.safeParse(r).success) bad++;
      return bad;
    });
    if (z.ms < zod.ms) zod = z;
    const o = time(() => validateTableOnce(grid));
    if (o.ms < ours.ms) ours = o;
  }
  console.log(`Validation de ${ROWS.toLocaleString('fr-FR')} lignes (grille en mémoire) : ${ms(ours.ms)} — ${Math.round(ROWS / (ours.ms / 1000)).toLocaleString('fr-FR')} lignes/s (${ours.value.records} retours, ${ours.value.errors} erreurs)`);
  console.log(`zod seul (makeReturnSchema().safeParse sur les mêmes retours) : ${ms(zod.ms)} (${zod.value} rejetés)`);
  console.log(`Rapport validation / zod : ${(ours.ms / zod.ms).toFixed(2)} (objectif ≤ 2)`);

  // 2. 100 département files of ~40 rows: read+validate against the raw read.
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
  for (const f of files.slice(0, 5)) readXlsx(f.bytes, f.name); // warm-up
  validateXlsxBytes(files.slice(0, 5));
  const best = (f: () => unknown) => Math.min(...[0, 1, 2].map(() => time(f).ms));
  const raw = best(() => files.map((f) => readXlsx(f.bytes, f.name)));
  const full = best(() => validateXlsxBytes(files));
  console.log(`100 fichiers département (${files.length} × 40 lignes) : lecture seule ${ms(raw)}, lecture + validation ${ms(full)}`);
  console.log(`Rapport (lecture + validation) / lecture : ${(full / raw).toFixed(2)} (objectif ≤ 1,3)`);

  // 3. Peak memory of read + validate of the 100,000-row table, in its own process.
  const big = join(CACHE, 'reseau-100000.xlsx');
  if (!existsSync(big)) await writeTable(big, ROWS);
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
