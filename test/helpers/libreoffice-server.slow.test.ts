/**
 * The LibreOffice server of test/helpers/libreoffice.ts (one soffice per test process, for both
 * settings, driven by libreoffice-uno-client.py): it must keep serving from ONE start, and fall
 * back to a one-shot `soffice --convert-to` when the server is killed or hangs, which gives the
 * server's files byte for byte. Real LibreOffice, real files.
 */
import { existsSync, readdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/core/workbook-model';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index';
import {
  convertManyWithLibreOffice,
  convertWithLibreOffice,
  describeWithLibreOffice,
  libreOfficeProfile,
  libreOfficeServerPids,
  parseCsv,
  recalculatedCsv,
  serverStats,
  setServerStepTimeoutForTests,
} from './libreoffice';

const ROOT = resolve(import.meta.dirname, '../..');
/** Three sheets (one hidden) with accents and an apostrophe in their names; a filled return. */
const TEMPLATE = join(ROOT, 'templates/modele-siae.xlsx');
const SAMPLE = join(ROOT, 'test/fixtures/samples/siae-valide.xlsx');

/** A formula whose cached result is deliberately wrong: only a recalculation on load fixes it. */
const WRONG_CACHE: WorkbookModel = {
  sheets: [
    {
      name: 'Calcul',
      cells: [
        { row: 1, col: 1, value: 40 },
        { row: 1, col: 2, formula: 'A1+2', value: 999 },
      ],
    },
  ],
};

/**
 * Whether LibreOffice ran its graphics render tests on a profile (it writes their log there): a
 * start on a profile that has not recorded the installed version runs them, ~4.5 s of CPU.
 */
const ranRenderTests = (profile: string) => existsSync(join(profile, 'user', 'GraphicsRenderTests.log'));

/** Every file of a folder, by name, as bytes. */
function contents(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<void> {
  for (let i = 0; i < 600 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

describeWithLibreOffice('one LibreOffice server per test process', () => {
  let dir: string;
  /** What the server wrote for TEMPLATE and SAMPLE as csv (first test). */
  let viaServer: Map<string, Buffer>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iae-lo-server-'));
  });
  afterAll(() => {
    setServerStepTimeoutForTests(undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts two documents, then a third call, through ONE server', async () => {
    const before = { ...serverStats };
    const converted = await convertManyWithLibreOffice([TEMPLATE, SAMPLE], 'csv', join(dir, 'server'));
    const pids = libreOfficeServerPids();
    expect(pids?.soffice).toBeGreaterThan(0);
    expect(serverStats.serverConversions - before.serverConversions).toBe(2);
    expect(serverStats.oneShotStarts - before.oneShotStarts).toBe(0);
    expect(serverStats.fallbacks - before.fallbacks).toBe(0);
    viaServer = contents(join(dir, 'server'));
    // One file per sheet, named as --convert-to names them (the hidden sheet included).
    expect(converted.get(TEMPLATE)!.map((f) => f.slice(join(dir, 'server').length + 1))).toEqual([
      'modele-siae-IAE_meta.csv',
      "modele-siae-Mode d'emploi.csv",
      'modele-siae-Retour SIAE.csv',
    ]);
    expect(converted.get(SAMPLE)!.length).toBeGreaterThan(0);
    expect(parseCsv(viaServer.get('modele-siae-IAE_meta.csv')!.toString('utf8')).length).toBeGreaterThan(0);

    const starts = serverStats.serverStarts;
    const [again] = await convertWithLibreOffice(SAMPLE, 'ods', join(dir, 'ods'));
    expect(again).toBe(join(dir, 'ods', 'siae-valide.ods'));
    expect(serverStats.serverStarts).toBe(starts);
    expect(libreOfficeServerPids()).toEqual(pids);
    // The profile was given the installed version as its last one: no render tests at start.
    expect(readFileSync(join(libreOfficeProfile(false)!, 'user', 'registrymodifications.xcu'), 'utf8')).toMatch(/ooSetupLastVersion" oor:op="fuse"><value>\d+\.\d+</);
    expect(ranRenderTests(libreOfficeProfile(false)!)).toBe(false);
  }, 900_000);

  it('recalculates on load when asked, and only then, through the same server', async () => {
    const xlsx = join(dir, 'calcul.xlsx');
    writeFileSync(xlsx, await writeWorkbookModel(WRONG_CACHE));
    const before = { ...serverStats };
    const pids = libreOfficeServerPids();
    const plainCsv = async (name: string) => {
      const [csv] = await convertWithLibreOffice(xlsx, 'csv', join(dir, name));
      return parseCsv(readFileSync(csv!, 'utf8'));
    };
    // A plain load keeps the cached result; a recalculating one fixes it; the next plain load
    // keeps it again: the setting is switched for each load, in one running LibreOffice.
    expect(await plainCsv('plain-before')).toEqual([['40', '999']]);
    expect((await recalculatedCsv(xlsx)).get('Calcul')).toEqual([['40', '42']]);
    expect(await plainCsv('plain-after')).toEqual([['40', '999']]);
    expect(serverStats.serverConversions - before.serverConversions).toBe(3);
    expect(serverStats.serverStarts - before.serverStarts).toBe(0);
    expect(serverStats.fallbacks - before.fallbacks).toBe(0);
    expect(libreOfficeServerPids()).toEqual(pids);
  }, 900_000);

  it('falls back to soffice --convert-to when the server was killed, then starts a new one', async () => {
    await convertWithLibreOffice(SAMPLE, 'csv', join(dir, 'warm'));
    const killed = libreOfficeServerPids()!.soffice!;
    process.kill(-killed, 'SIGKILL');
    await gone(killed);
    const before = { ...serverStats };
    await convertManyWithLibreOffice([TEMPLATE, SAMPLE], 'csv', join(dir, 'after-kill'));
    expect(serverStats.fallbacks - before.fallbacks).toBe(1);
    expect(serverStats.oneShotStarts - before.oneShotStarts).toBe(1);
    // A one-shot `soffice --convert-to` (on a new profile) gives the server's files byte for byte.
    expect(contents(join(dir, 'after-kill'))).toEqual(viaServer);
    expect(ranRenderTests(libreOfficeProfile(false)!)).toBe(false);

    await convertManyWithLibreOffice([TEMPLATE, SAMPLE], 'csv', join(dir, 'new-server'));
    expect(serverStats.serverStarts - before.serverStarts).toBe(1);
    expect(serverStats.serverConversions - before.serverConversions).toBe(2);
    expect(libreOfficeServerPids()!.soffice).not.toBe(killed);
    expect(contents(join(dir, 'new-server'))).toEqual(viaServer);
  }, 900_000);

  it('falls back when the server hangs past its step timeout, and kills the hung one', async () => {
    const hung = libreOfficeServerPids()!;
    process.kill(-hung.soffice!, 'SIGSTOP');
    setServerStepTimeoutForTests(3000);
    const before = { ...serverStats };
    try {
      await convertManyWithLibreOffice([TEMPLATE, SAMPLE], 'csv', join(dir, 'after-hang'));
    } finally {
      setServerStepTimeoutForTests(undefined);
    }
    expect(serverStats.fallbacks - before.fallbacks).toBe(1);
    expect(serverStats.oneShotStarts - before.oneShotStarts).toBe(1);
    expect(contents(join(dir, 'after-hang'))).toEqual(viaServer);
    await gone(hung.soffice!);
    await gone(hung.client!);
    expect(alive(hung.soffice!)).toBe(false);
    expect(alive(hung.client!)).toBe(false);
  }, 900_000);
});
