/**
 * The pane's « Version diffusable » uses the run's own settings, through both transports: the
 * engine in the page, and the worker's (worker-engine.ts ↔ worker.ts, their real code, the
 * worker's script run in this thread behind a Worker-shaped object). A threshold that is not the
 * default must reach the public workbook: its rules' line says it, and no published count of
 * people lies under it. Real file: the network sample (20 SIAE).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/apps/taskpane/engine.js';
import type { Engine, PickedFile } from '../../src/apps/taskpane/ports.js';
import { WorkerEngine } from '../../src/apps/taskpane/worker-engine.js';
import { SHEET_LISEZ_MOI, SHEET_PUBLIC_PERSONNES } from '../../src/core/diffusion/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { DEFAULT_DIFFUSION_SETTINGS, DEFAULT_SETTINGS, type Settings } from '../../src/schema/index.js';

const sample = (): PickedFile => ({ name: 'reseau-valide.xlsx', bytes: new Uint8Array(readFileSync('test/fixtures/samples/reseau-valide.xlsx')) });
const THRESHOLD = 40;
const settings: Settings = { ...DEFAULT_SETTINGS, diffusion: { ...DEFAULT_DIFFUSION_SETTINGS, countThreshold: THRESHOLD } };

/** Check, consolidate with these settings, then the public version: its workbook read back. */
async function publicBook(engine: Engine, given: Settings | undefined) {
  const file = sample();
  const { report, ignored } = await engine.gather([{ kind: 'file', file }], () => {});
  const outcome = await engine.consolidate(report, { label: '' }, { ignored, files: [file], ...(given ? { settings: given } : {}) });
  expect(outcome.kept).toBeGreaterThan(0);
  const download = await engine.publicXlsx(outcome.runId);
  return readXlsx(download.bytes, download.name);
}

const sheetText = (book: ReturnType<typeof readXlsx>, name: string) =>
  book.sheets
    .find((s) => s.name === name)!
    .rows.flatMap((r) => r ?? [])
    .filter((v) => v !== null && v !== undefined);

/** The published counts of « Personnes »: numbers right of the row labels, « s » left out. */
function publishedCounts(book: ReturnType<typeof readXlsx>): number[] {
  const sheet = book.sheets.find((s) => s.name === SHEET_PUBLIC_PERSONNES)!;
  return sheet.rows.flatMap((r) => (r ?? []).slice(1)).filter((v): v is number => typeof v === 'number');
}

function expectThreshold(book: ReturnType<typeof readXlsx>, threshold: number): void {
  expect(sheetText(book, SHEET_LISEZ_MOI).some((v) => String(v).includes(`effectifs de 1 à ${threshold - 1} masqués`))).toBe(true);
  const counts = publishedCounts(book);
  expect(counts.length).toBeGreaterThan(0);
  for (const v of counts) expect(v === 0 || v >= threshold, `effectif publié ${v}`).toBe(true);
}

/**
 * A Worker running worker.ts in this thread: messages go through structuredClone both ways, as
 * between threads (transfer lists are ignored: nothing is detached here).
 */
async function inThreadWorker(): Promise<Worker> {
  const scope = globalThis as unknown as { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: unknown) => void };
  const fake = { onmessage: null as ((e: { data: unknown }) => void) | null, onerror: null, onmessageerror: null, terminate: () => {} } as unknown as Worker & {
    onmessage: ((e: { data: unknown }) => void) | null;
  };
  scope.onmessage = null;
  scope.postMessage = (m: unknown) => queueMicrotask(() => fake.onmessage?.({ data: structuredClone(m) }));
  await import('../../src/apps/taskpane/worker.js');
  // worker.ts set it on import (TypeScript still sees the null assigned above).
  const handler = scope.onmessage as ((e: { data: unknown }) => void) | null;
  expect(handler).toBeTypeOf('function');
  (fake as unknown as { postMessage: (m: unknown) => void }).postMessage = (m: unknown) => queueMicrotask(() => handler!({ data: structuredClone(m) }));
  return fake;
}

describe('volet : la version diffusable avec les réglages du traitement', () => {
  it('dans la page : le seuil du traitement atteint le classeur public (et les défauts sans réglages)', async () => {
    const engine = createEngine({ yields: false });
    expectThreshold(await publicBook(engine, settings), THRESHOLD);
    expectThreshold(await publicBook(engine, undefined), DEFAULT_DIFFUSION_SETTINGS.countThreshold);
  });

  it('par le travailleur : les réglages passent le message de consolidation et servent à sa version diffusable', async () => {
    const worker = await inThreadWorker();
    const engine = await new WorkerEngine(() => worker).start(10_000);
    expectThreshold(await publicBook(engine, settings), THRESHOLD);
  });
});
