/**
 * LibreOffice for tests: opens the files we write the way a user's spreadsheet would.
 *
 *   describeWithLibreOffice(name, fn)   describe() that needs soffice: skipped with an install hint
 *                                       on a developer machine without it, FAILS when CI is set.
 *   convertWithLibreOffice(in, target, outDir, { recalculate })   headless conversion (csv, pdf, xlsx, ods); csv writes
 *                                       one file per sheet (<base>-<Sheet>.csv); returns the paths.
 *   convertManyWithLibreOffice(ins, target, outDir)   the same for many files, in one soffice start
 *                                       (or a few, when base names repeat): batch a file's conversions.
 *   recalculatedCsv(xlsxPath)           every sheet as CSV rows after LibreOffice RECALCULATED every
 *                                       formula on load (cached results in the file are ignored).
 *   recalculatedCsvMany(xlsxPaths)      the same for many files, in one soffice start.
 *   parseCsv(text)                      RFC 4180 rows (quotes, doubled quotes, embedded newlines).
 *
 * Each test process keeps its own profiles (-env:UserInstallation), one per setting, so parallel
 * test files never share LibreOffice's user directory or lock, and only the first conversion of a
 * process pays for creating a profile (several seconds on a busy machine). A profile whose
 * LibreOffice had to be killed is thrown away.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';

export const LIBREOFFICE_INSTALL_HINT = 'LibreOffice est absent : apt-get install libreoffice-calc-nogui';

const FALLBACK_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/lib/libreoffice/program', '/opt/libreoffice/program'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of soffice (or libreoffice) on PATH or in the usual install folders; null when absent. */
export function sofficePath(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...FALLBACK_DIRS];
  for (const dir of dirs) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return null;
}

export function libreOfficeAvailable(): boolean {
  return sofficePath() !== null;
}

/**
 * describe() for LibreOffice-based tests. Without soffice: on CI (process.env.CI set) the suite
 * contains one failing test; elsewhere it is skipped and the install command is printed.
 */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (libreOfficeAvailable()) {
    describe(name, fn);
  } else if (process.env.CI) {
    describe(name, () => {
      it('LibreOffice est requis en intégration continue', () => {
        throw new Error(`${LIBREOFFICE_INSTALL_HINT} (obligatoire quand CI est défini).`);
      });
    });
  } else {
    console.warn(`[${name}] tests ignorés. ${LIBREOFFICE_INSTALL_HINT}`);
    describe.skip(name, fn);
  }
}

/** Recalculation on load: 0 = always (the default for xlsx is to trust cached results). */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** UTF-8, comma, double quotes, raw values (not as displayed), every sheet (-1, LibreOffice ≥ 7.2). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const FILTERS = { csv: CSV_FILTER, pdf: 'pdf:calc_pdf_Export', xlsx: 'xlsx:Calc MS Excel 2007 XML', ods: 'ods:calc8' } as const;

export interface ConvertOptions {
  /** Recalculate every formula on load instead of keeping the file's cached results. */
  readonly recalculate?: boolean;
  /** Default 120 s. */
  readonly timeoutMs?: number;
}

function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    // Own process group: on timeout the wrapper script and soffice.bin are killed together.
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`LibreOffice n'a pas répondu en ${timeoutMs / 1000} s (${args.join(' ')}).`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

/**
 * Converts inputPath into outDir with headless LibreOffice and returns the produced files
 * (sorted). csv gives one file per sheet, named <base>-<SheetName>.csv.
 */
export async function convertWithLibreOffice(
  inputPath: string,
  target: 'csv' | 'pdf' | 'xlsx' | 'ods',
  outDir: string,
  options: ConvertOptions = {},
): Promise<string[]> {
  return (await convertManyWithLibreOffice([inputPath], target, outDir, options)).get(inputPath)!;
}

/**
 * Converts many files into outDir with as few LibreOffice starts as possible (each start costs
 * seconds, many more on a busy machine): one soffice call converts files whose outputs, named
 * after their base names, cannot be mixed up; the others go to a further call. Returns each
 * input's produced files (sorted), keyed by the path as given; fails naming every file that
 * produced nothing.
 */
export async function convertManyWithLibreOffice(
  inputPaths: readonly string[],
  target: 'csv' | 'pdf' | 'xlsx' | 'ods',
  outDir: string,
  options: ConvertOptions = {},
): Promise<Map<string, string[]>> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(LIBREOFFICE_INSTALL_HINT);
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  // Calls of files whose outputs cannot be mistaken for one another: distinct base names, and for
  // csv (<base>-<Sheet>.csv) no base name that is another's followed by « - ».
  const clash = (a: string, b: string) => a === b || (target === 'csv' && (a.startsWith(`${b}-`) || b.startsWith(`${a}-`)));
  const calls: string[][] = [];
  for (const given of new Set(inputPaths)) {
    const input = resolve(given);
    const base = basename(input, extname(input));
    if (target === 'xlsx' && resolve(join(out, `${base}.xlsx`)) === input) {
      throw new Error('Conversion xlsx : choisir un dossier de sortie différent de celui du fichier source.');
    }
    const call = calls.find((c) => !c.some((g) => clash(basename(resolve(g), extname(g)), base)));
    if (call) call.push(given);
    else calls.push([given]);
  }
  const results = new Map<string, string[]>();
  for (const call of calls) {
    for (const [given, files] of await convertOneCall(soffice, call, target, out, options)) results.set(given, files);
  }
  return results;
}

/** One soffice start converting every input (their base names are distinct). */
async function convertOneCall(
  soffice: string,
  inputs: readonly string[],
  target: 'csv' | 'pdf' | 'xlsx' | 'ods',
  out: string,
  options: ConvertOptions,
): Promise<Map<string, string[]>> {
  const recalc = options.recalculate === true;
  const profile = processProfile(recalc);
  let healthy = false;
  try {
    const started = Date.now() - 2000; // mtime granularity: files older than the call are stale
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', FILTERS[target], '--outdir', out, ...inputs.map((i) => resolve(i))];
    const { code, output } = await run(soffice, args, options.timeoutMs ?? 900_000);
    healthy = true;
    const fresh = readdirSync(out)
      .filter((f) => f.endsWith(`.${target}`))
      .map((f) => join(out, f))
      .filter((f) => statSync(f).mtimeMs >= started)
      .sort();
    const results = new Map<string, string[]>();
    const failed: string[] = [];
    for (const given of inputs) {
      const base = basename(resolve(given), extname(given));
      const expected = target === 'csv' ? fresh.filter((f) => basename(f).startsWith(`${base}-`)) : fresh.filter((f) => basename(f) === `${base}.${target}`);
      if (code !== 0 || expected.length === 0) failed.push(resolve(given));
      results.set(given, expected);
    }
    if (failed.length > 0) {
      throw new Error(`LibreOffice n'a pas converti ${failed.join(', ')} en ${target} (code ${code}) : ${output.trim()}`);
    }
    return results;
  } finally {
    if (!healthy) dropProfile(recalc);
  }
}

const profiles = new Map<boolean, string>();

/** This process's LibreOffice profile for a setting, created on first use. */
function processProfile(recalculate: boolean): string {
  let profile = profiles.get(recalculate);
  if (profile === undefined) {
    profile = mkdtempSync(join(tmpdir(), 'iae-lo-profile-'));
    if (recalculate) {
      mkdirSync(join(profile, 'user'), { recursive: true });
      writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
    }
    profiles.set(recalculate, profile);
    if (profiles.size === 1) process.once('exit', () => profiles.forEach((_, r) => dropProfile(r)));
  }
  return profile;
}

function dropProfile(recalculate: boolean): void {
  const profile = profiles.get(recalculate);
  profiles.delete(recalculate);
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
}

/**
 * Every sheet of an xlsx file as CSV rows, after LibreOffice recalculated all formulas on load
 * (a deliberately wrong cached result is replaced by the computed one). Keys are sheet names,
 * hidden sheets included.
 */
export async function recalculatedCsv(xlsxPath: string, timeoutMs?: number): Promise<Map<string, string[][]>> {
  return (await recalculatedCsvMany([xlsxPath], timeoutMs)).get(xlsxPath)!;
}

/** recalculatedCsv of many files in as few LibreOffice starts as possible, keyed by the path as given. */
export async function recalculatedCsvMany(xlsxPaths: readonly string[], timeoutMs?: number): Promise<Map<string, Map<string, string[][]>>> {
  const dir = mkdtempSync(join(tmpdir(), 'iae-lo-csv-'));
  try {
    const converted = await convertManyWithLibreOffice(xlsxPaths, 'csv', dir, { recalculate: true, ...(timeoutMs ? { timeoutMs } : {}) });
    const books = new Map<string, Map<string, string[][]>>();
    for (const [given, files] of converted) {
      const base = basename(given, extname(given));
      const sheets = new Map<string, string[][]>();
      for (const f of files) sheets.set(basename(f).slice(base.length + 1, -'.csv'.length), parseCsv(readFileSync(f, 'utf8')));
      books.set(given, sheets);
    }
    return books;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV (comma, double quotes) to rows of strings; a trailing newline adds no row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
