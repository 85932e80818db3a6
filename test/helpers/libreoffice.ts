/**
 * LibreOffice for tests: opens the files we write the way a user's spreadsheet would.
 *
 *   describeWithLibreOffice(name, fn)   describe() that needs soffice: skipped with an install hint
 *                                       on a developer machine without it, FAILS when CI is set.
 *   convertWithLibreOffice(in, target, outDir, { recalculate })   headless conversion (csv, pdf, xlsx, ods, xls); csv writes
 *                                       one file per sheet (<base>-<Sheet>.csv); returns the paths.
 *   convertManyWithLibreOffice(ins, target, outDir)   the same for many files, in one soffice start
 *                                       (or a few, when base names repeat): batch a file's conversions.
 *   recalculatedCsv(xlsxPath)           every sheet as CSV rows after LibreOffice RECALCULATED every
 *                                       formula on load (cached results in the file are ignored).
 *   recalculatedCsvMany(xlsxPaths)      the same for many files, in one soffice start.
 *   parseCsv(text)                      RFC 4180 rows (quotes, doubled quotes, embedded newlines).
 *
 * Each test process keeps its own profiles (-env:UserInstallation), so parallel test files never
 * share LibreOffice's user directory or lock, and only the first conversion of a process pays for
 * creating a profile (~1 s of CPU, with the first settings of profileSettings). A profile whose
 * LibreOffice had to be killed is thrown away.
 *
 * Each test process also starts at most one LibreOffice SERVER (`soffice --accept`, driven by
 * libreoffice-uno-client.py through Debian's /usr/bin/python3 and python3-uno), on its first
 * conversion, and converts every later document through it, recalculating or not (the client
 * switches the setting before each load): a `soffice --convert-to` start costs ~1 s of CPU
 * whatever it converts (~5 s before its profiles skipped the graphics render tests, see
 * profileSettings). Same filters, options, output names and contents as
 * --convert-to; when the server path fails in any way, the call is done by --convert-to as before
 * (see « One LibreOffice server » below). IAE_LO_SERVER=0 turns the server off.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/**
 * The installed LibreOffice's version ("7.4"), asked once per process (`soffice --version`, a
 * fraction of a second: it starts no office), or undefined when it cannot be read.
 */
let installedVersion: string | null | undefined;
function libreOfficeVersion(): string | undefined {
  if (installedVersion === undefined) {
    const soffice = sofficePath();
    const out = soffice ? spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 60_000 }).stdout ?? '' : '';
    // « LibreOffice 7.4.7.2 40(Build:2) », « LibreOfficeDev 25.8.0.0.alpha0+ … »: major.minor.
    installedVersion = /\b(\d+\.\d+)\.\d+/.exec(out)?.[1] ?? null;
  }
  return installedVersion ?? undefined;
}

/**
 * The settings every profile of these tests starts with (its user/registrymodifications.xcu):
 * - the installed version recorded as the last one the profile ran (ooSetupLastVersion). A start
 *   whose profile has not recorded it counts as a first start after an upgrade and runs
 *   LibreOffice's graphics render tests (GraphicsRenderTests: a hundred drawings on surfaces up to
 *   4096 pixels, read back), and a headless start never records it (only the « What's new » bar
 *   of a window does): every start paid them, ~4.5 s of the ~5 s of CPU of a one-shot
 *   --convert-to (measured with perf, LibreOffice 7.4). Their result only picks the rendering
 *   backend of windows: conversions do not use it;
 * - with `recalculate`, recalculation on load: 0 = always (the default for xlsx is to trust
 *   cached results).
 */
function profileSettings(recalculate: boolean): string {
  const version = libreOfficeVersion();
  const items = [
    ...(version ? [`<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>${version}</value></prop></item>`] : []),
    ...(recalculate
      ? [
          '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
          '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
        ]
      : []),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items.map((i) => `${i}\n`).join('')}</oor:items>
`;
}

/** UTF-8, comma, double quotes, raw values (not as displayed), every sheet (-1, LibreOffice ≥ 7.2). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
type Target = 'csv' | 'pdf' | 'xlsx' | 'ods' | 'xls';
const FILTERS: Record<Target, string> = { csv: CSV_FILTER, pdf: 'pdf:calc_pdf_Export', xlsx: 'xlsx:Calc MS Excel 2007 XML', ods: 'ods:calc8', xls: 'xls:MS Excel 97' };

export interface ConvertOptions {
  /** Recalculate every formula on load instead of keeping the file's cached results. */
  readonly recalculate?: boolean;
  /** Default 900 s. */
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
  target: Target,
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
  target: Target,
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
    if (resolve(join(out, `${base}.${target}`)) === input) {
      throw new Error(`Conversion ${target} : choisir un dossier de sortie différent de celui du fichier source.`);
    }
    const call = calls.find((c) => !c.some((g) => clash(basename(resolve(g), extname(g)), base)));
    if (call) call.push(given);
    else calls.push([given]);
  }
  const results = new Map<string, string[]>();
  for (const call of calls) {
    for (const [given, files] of await serialized(() => convertOneCall(soffice, call, target, out, options))) results.set(given, files);
  }
  return results;
}

/** The end of the last queued call: one server serves both settings, one call at a time. */
let queue: Promise<void> = Promise.resolve();

/** Runs `task` after every call queued before it, whatever their outcome: never two LibreOffice on one profile. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const call = queue.then(task);
  queue = call.then(
    () => undefined,
    () => undefined,
  );
  return call;
}

/**
 * Converts every input of one call (their base names are distinct) through this process's
 * LibreOffice server, or, when that path fails, by one `soffice --convert-to` start on the
 * setting's profile as before. Callers queue it (serialized).
 */
async function convertOneCall(
  soffice: string,
  inputs: readonly string[],
  target: Target,
  out: string,
  options: ConvertOptions,
): Promise<Map<string, string[]>> {
  const recalc = options.recalculate === true;
  const timeoutMs = options.timeoutMs ?? 900_000;
  let healthy = false;
  try {
    const started = Date.now() - 2000; // mtime granularity: files older than the call are stale
    let code: number | null = 0;
    let output = '';
    if (!(await convertThroughServer(soffice, recalc, inputs, target, out, timeoutMs))) {
      const args = [`-env:UserInstallation=${pathToFileURL(processProfile(recalc)).href}`, '--headless', '--norestore', '--convert-to', FILTERS[target], '--outdir', out, ...inputs.map((i) => resolve(i))];
      serverStats.oneShotStarts++;
      ({ code, output } = await run(soffice, args, timeoutMs));
    }
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

// ---------------------------------------------------------------------------------------------
// One LibreOffice server per test process.
//
// `soffice --convert-to` costs ~1 s of CPU per start (profile load, UNO bootstrap; ~6.5 s
// measured before profileSettings skipped the graphics render tests), whatever it converts. So
// each test process starts, on its first conversion, ONE `soffice --accept=pipe,...` on its plain
// profile and ONE Python UNO client (libreoffice-uno-client.py, Debian's
// /usr/bin/python3 with python3-uno) that converts each document the way --convert-to does (same
// load and store properties, same filters and options, same output names), and switches Calc's
// recalculation-on-load setting before a load that asks for the other one (what the recalculation
// profile's registrymodifications.xcu sets): one start for both settings, not one per profile.
// Requests go one at a time (the queue above), each with a timeout. If anything goes wrong
// (python3-uno missing, the server or client dies, hangs or answers an error), both process
// groups are killed, the profile is thrown away and the call is done by the one-shot
// --convert-to as before (said once on stderr): the server path can make a test faster, never
// make it fail. Servers are killed when the process exits, and the client
// kills its soffice when its stdin closes (the test process ended in any other way).
// ---------------------------------------------------------------------------------------------

/** Debian's Python, which has python3-uno (a pyenv `python3` on PATH does not); IAE_LO_PYTHON to try another. */
const SYSTEM_PYTHON = process.env.IAE_LO_PYTHON ?? '/usr/bin/python3';
const UNO_CLIENT = fileURLToPath(new URL('./libreoffice-uno-client.py', import.meta.url));
/** Filter name and options for storeToURL: FILTERS without the extension. */
const STORE_FILTERS: Record<Target, { filter: string; options: string | null }> = Object.fromEntries(
  Object.entries(FILTERS).map(([target, spec]) => {
    const [, filter, ...options] = spec.split(':');
    return [target, { filter: filter!, options: options.length > 0 ? options.join(':') : null }];
  }),
) as Record<Target, { filter: string; options: string | null }>;

/** Counts for the tests of this helper and for measurements. */
export const serverStats = { serverStarts: 0, serverConversions: 0, oneShotStarts: 0, fallbacks: 0 };

interface Answer {
  readonly ready?: boolean;
  readonly id?: number;
  readonly ok?: boolean;
  readonly error?: string;
}

class LibreOfficeServer {
  private soffice: ChildProcess | undefined;
  private client: ChildProcess | undefined;
  private readonly waiting = new Map<number, (a: Answer) => void>();
  private nextId = 1;
  private lines = '';
  private stderr = '';
  /** Why the server can no longer be used; undefined while it can. */
  broken: string | undefined;
  private readyPromise: Promise<void> | undefined;

  constructor(
    private readonly sofficeBin: string,
    private readonly profile: string,
  ) {}

  /** Starts soffice and the client once; resolves when the client is connected. */
  ready(timeoutMs: number): Promise<void> {
    this.readyPromise ??= this.start(timeoutMs);
    return this.readyPromise;
  }

  private start(timeoutMs: number): Promise<void> {
    const pipe = `iae-lo-${process.pid}-${randomBytes(6).toString('hex')}`;
    serverStats.serverStarts++;
    // Own process groups, so that killing -pid takes the wrapper script and soffice.bin together.
    // Its temporary folders inside the profile: a killed LibreOffice does not remove them itself.
    const temp = join(this.profile, 'tmp');
    mkdirSync(temp, { recursive: true });
    const soffice = spawn(
      this.sofficeBin,
      [`-env:UserInstallation=${pathToFileURL(this.profile).href}`, '--headless', '--norestore', '--invisible', `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`],
      { detached: true, stdio: 'ignore', env: { ...process.env, TMPDIR: temp } },
    );
    this.soffice = soffice;
    soffice.on('error', (e) => this.fail(`soffice : ${e.message}`));
    soffice.on('exit', (code, signal) => this.fail(`soffice s'est arrêté (${signal ?? `code ${code}`})`));
    soffice.unref();
    // The client removes the profile when the process ends without running its 'exit' handlers.
    const client = spawn(SYSTEM_PYTHON, [UNO_CLIENT, pipe, String(soffice.pid ?? 0), String(Math.ceil(timeoutMs / 1000)), this.profile], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.client = client;
    client.on('error', (e) => this.fail(`${SYSTEM_PYTHON} : ${e.message}`));
    client.on('exit', (code, signal) => this.fail(`le client UNO s'est arrêté (${signal ?? `code ${code}`}) ${this.stderr.trim()}`));
    client.stdin!.on('error', () => undefined); // a dead client: reported by 'exit'
    client.stdout!.setEncoding('utf8').on('data', (d: string) => this.receive(d));
    client.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-4000)));
    client.unref();
    for (const stream of [client.stdin, client.stdout, client.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
    return this.exchange(undefined, timeoutMs, 'démarrage').then(() => undefined);
  }

  /** Converts one document; rejects on an error answer, a timeout or a dead server. */
  async convert(input: string, output: string, target: Target, recalc: boolean, timeoutMs: number): Promise<void> {
    const id = this.nextId++;
    const answer = await this.exchange({ id, input, output, ...STORE_FILTERS[target], recalc }, timeoutMs, basename(input), id);
    if (answer.ok !== true) throw new Error(answer.error ?? 'réponse sans résultat');
    serverStats.serverConversions++;
  }

  /** Sends a request (none for the ready line, id 0) and waits for its answer. */
  private exchange(request: object | undefined, timeoutMs: number, what: string, id = 0): Promise<Answer> {
    if (this.broken !== undefined) return Promise.reject(new Error(this.broken));
    return new Promise<Answer>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`pas de réponse en ${Math.round(timeoutMs / 1000)} s (${what})`));
      }, timeoutMs);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        if (answer.ready === false || (answer.ready === undefined && answer.id === undefined)) reject(new Error(answer.error ?? 'arrêté'));
        else resolvePromise(answer);
      });
      if (request !== undefined) this.client!.stdin!.write(`${JSON.stringify(request)}\n`);
    });
  }

  private receive(chunk: string): void {
    this.lines += chunk;
    let nl: number;
    while ((nl = this.lines.indexOf('\n')) >= 0) {
      const line = this.lines.slice(0, nl).trim();
      this.lines = this.lines.slice(nl + 1);
      if (line === '') continue;
      let answer: Answer;
      try {
        answer = JSON.parse(line) as Answer;
      } catch {
        continue; // not ours (a library printing on stdout)
      }
      const id = answer.ready !== undefined ? 0 : (answer.id ?? -1);
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      waiter?.(answer);
      if (answer.ready === false) this.fail(answer.error ?? 'client non prêt');
    }
  }

  /** Marks the server unusable and fails whatever waits on it. */
  private fail(reason: string): void {
    this.broken ??= reason;
    for (const [, waiter] of this.waiting) waiter({ error: this.broken });
    this.waiting.clear();
  }

  /** Synchronous: usable from a process 'exit' handler. */
  kill(): void {
    this.fail('arrêté');
    for (const child of [this.client, this.soffice]) {
      try {
        if (child?.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  /** Process ids (soffice's group leader, the client), for the tests of this helper. */
  pids(): { soffice: number | undefined; client: number | undefined } {
    return { soffice: this.soffice?.pid, client: this.client?.pid };
  }
}

/** This process's server, serving both settings. */
let server: LibreOfficeServer | undefined;
/** Why the server path is off for this process (python3-uno missing, repeated failures). */
let serverDisabled: string | undefined = process.env.IAE_LO_SERVER === '0' ? 'IAE_LO_SERVER=0' : undefined;
let consecutiveFailures = 0;
let fallbackSaid = false;

/** This process's running server, if any (for the tests of this helper). */
export function libreOfficeServerPids(): { soffice: number | undefined; client: number | undefined } | undefined {
  return server?.pids();
}

/** The profile this process uses for a setting, if it made one (for the tests of this helper). */
export function libreOfficeProfile(recalculate: boolean): string | undefined {
  return profiles.get(recalculate);
}

function stopServer(): void {
  server?.kill();
  server = undefined;
}

/**
 * Converts the inputs through the server; true when every output was written that way. On any
 * failure the server is killed, its profile dropped, and false tells the caller to fall back.
 */
async function convertThroughServer(soffice: string, recalc: boolean, inputs: readonly string[], target: Target, out: string, timeoutMs: number): Promise<boolean> {
  if (serverDisabled === undefined && !executable(SYSTEM_PYTHON)) {
    serverDisabled = `${SYSTEM_PYTHON} absent`;
    process.stderr.write(`[libreoffice] pas de serveur LibreOffice (${serverDisabled} : apt-get install python3-uno) : conversions par soffice --convert-to.\n`);
  }
  if (serverDisabled !== undefined) return false;
  // Each wait gets a third of the call's budget, so that a fallback still fits in it.
  const stepMs = serverRequestTimeoutMs ?? Math.max(1000, Math.floor(timeoutMs / 3));
  try {
    if (server?.broken !== undefined) {
      const reason = server.broken;
      stopServer();
      throw new Error(reason);
    }
    if (server === undefined) {
      server = new LibreOfficeServer(soffice, processProfile(false));
      ensureExitHandler();
    }
    const serving = server;
    await serving.ready(stepMs);
    for (const input of inputs) {
      const abs = resolve(input);
      await serving.convert(abs, join(out, `${basename(abs, extname(abs))}.${target}`), target, recalc, stepMs);
    }
    consecutiveFailures = 0;
    return true;
  } catch (e) {
    stopServer();
    dropProfile(false); // a killed LibreOffice may leave its profile (the plain one) locked
    serverStats.fallbacks++;
    const reason = (e as Error).message;
    if (/import uno/.test(reason)) serverDisabled = `python3-uno absent (${SYSTEM_PYTHON} -c 'import uno' échoue : apt-get install python3-uno)`;
    else if (++consecutiveFailures >= 3) serverDisabled = `trois échecs de suite (${reason})`;
    if (!fallbackSaid || serverDisabled !== undefined) {
      fallbackSaid = true;
      process.stderr.write(`[libreoffice] serveur LibreOffice inutilisable (${reason}) : conversion par soffice --convert-to${serverDisabled ? ` ; serveur désactivé pour ce processus : ${serverDisabled}` : ''}.\n`);
    }
    return false;
  }
}

/** For the tests of this helper: a shorter wait per server step (undefined: a third of the call's timeout). */
let serverRequestTimeoutMs: number | undefined;
export function setServerStepTimeoutForTests(ms: number | undefined): void {
  serverRequestTimeoutMs = ms;
}

let exitHandler = false;
function ensureExitHandler(): void {
  if (exitHandler) return;
  exitHandler = true;
  // Synchronous: every server is killed, then the profiles are removed.
  process.once('exit', () => {
    stopServer();
    for (const recalc of [...profiles.keys()]) dropProfile(recalc);
  });
}

const profiles = new Map<boolean, string>();

/** This process's LibreOffice profile for a setting, created on first use. */
function processProfile(recalculate: boolean): string {
  let profile = profiles.get(recalculate);
  if (profile === undefined) {
    profile = newProfile(recalculate);
    profiles.set(recalculate, profile);
    ensureExitHandler();
  }
  return profile;
}

/** A new LibreOffice profile with its first settings (profileSettings: recalculation when asked). */
function newProfile(recalculate: boolean): string {
  const profile = mkdtempSync(join(tmpdir(), 'iae-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileSettings(recalculate));
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
