/**
 * The hostile corpus (issue 11): each case is checked in a batch with a valid return, through
 * the real entry of `iae validate` (validateFiles). Whatever the case: no crash, no stack trace
 * or system code in a message, at most 5 s of CPU and 500 Mo more memory, the valid return still
 * reported valid, and every message in French, naming the file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_ZIP_CODEC, setDefaultZipCodec } from '../../src/hosts/xlsx/read';
import { NATIVE_ZIP_CODEC } from '../../src/hosts/xlsx/native-zip-codec';
import { validateFiles } from '../../src/hosts/xlsx/validate-files';
import { hostileCases } from './generators';

const VALID = join(import.meta.dirname, '..', 'fixtures', 'samples', 'siae-valide.xlsx');
/**
 * The bound is on the CPU time the case costs this process, not on wall time: a busy CI machine
 * (the suite also runs pinned to one core beside a busy loop) stretches wall time by any factor,
 * while the work a file makes us do, the thing bounded here, stays the same.
 */
const MAX_CPU_MS = 5_000;
const MAX_GROWTH_MO = 500;

/** Signs of a message not meant for users: a stack, an exception name, a raw system code, English. */
const NOT_FOR_USERS = [/\n\s+at /, /\b(?:Type|Range|Syntax|Reference)?Error\b/, /\bE[A-Z]{3,}\b/, /\b(?:undefined|NaN|the|cannot|failed|unexpected|invalid)\b/i];

let dir: string;
let valid: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  mkdirSync(join(dir, 'valide'));
  valid = join(dir, 'valide', 'siae-valide.xlsx');
  copyFileSync(VALID, valid);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = hostileCases(VALID);

describe('hostile corpus', () => {
  it('holds at least 60 cases, each with its own name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const c = cases[i]!;
    const caseDir = join(dir, `cas-${i}`);
    mkdirSync(caseDir);
    const path = c.make(caseDir);

    const peakBefore = process.resourceUsage().maxRSS;
    const cpu0 = process.cpuUsage();
    const report = await validateFiles([path, valid]);
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    const growthMo = (process.resourceUsage().maxRSS - peakBefore) / 1024;

    expect(ms, `temps CPU ${Math.round(ms)} ms`).toBeLessThanOrEqual(MAX_CPU_MS);
    expect(growthMo, `mémoire +${Math.round(growthMo)} Mo`).toBeLessThanOrEqual(MAX_GROWTH_MO);

    // The command line reads with node:zlib (native-zip-codec.ts), the pane with fflate: word for word the same report.
    setDefaultZipCodec(NATIVE_ZIP_CODEC!);
    let native;
    try {
      native = await validateFiles([path, valid]);
    } finally {
      setDefaultZipCodec(JS_ZIP_CODEC);
    }
    const untimed = (r: typeof report) => ({ ...r, stats: { ...r.stats, timeMs: 0 } });
    expect(untimed(native)).toEqual(untimed(report));

    // The valid return of the batch is always read and valid.
    const ok = report.files.find((f) => f.file === valid);
    expect(ok?.unreadable).toBe(false);
    expect(ok?.records).toHaveLength(1);
    expect(ok?.counts.errors).toBe(0);

    const hostile = report.files.filter((f) => f.file !== valid);
    expect(hostile.length).toBeGreaterThanOrEqual(1);
    for (const f of hostile) {
      expect(f.unreadable, `${f.file} : ${f.issues[0]?.message ?? ''}`).toBe(c.expect === 'refusé');
      for (const issue of f.issues) {
        expect(issue.file).toBe(f.file);
        for (const bad of NOT_FOR_USERS) expect(issue.message, issue.message).not.toMatch(bad);
      }
      if (f.unreadable) {
        const message = f.issues[0]!.message;
        // Named by its path, then a French sentence.
        expect(message.startsWith(`${f.file} : `), message).toBe(true);
        expect(message).toContain(basename(f.file));
        expect(message).toMatch(/\b(?:ce|ces|le|la|les|un|une|du|des|est|pas|fichier)\b/);
        if (c.says) expect(message).toContain(c.says);
      }
    }
  });
});
