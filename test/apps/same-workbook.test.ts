/**
 * The CLI, the task pane (standalone download) and the ribbon command (Excel, through a fake
 * host) go through the one consolidation run: from the same inputs and plan they produce
 * byte-identical consolidated workbooks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/apps/cli/main.js';
import { runCommand } from '../../src/apps/commands/run-command.js';
import { PaneController } from '../../src/apps/taskpane/controller.js';
import { engine } from '../../src/apps/taskpane/engine.js';
import type { ExcelPort, PickedFile } from '../../src/apps/taskpane/ports.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { networkValidSample, planSample, siaeValidSample } from '../fixtures/samples.js';

let dir: string;
let reseau: PickedFile;
let siae: PickedFile;
let plan: PickedFile;
const picked = (name: string, path: string): PickedFile => ({ name, bytes: new Uint8Array(readFileSync(path)) });
const save = (f: PickedFile) => {
  const p = join(dir, f.name);
  writeFileSync(p, f.bytes);
  return p;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iae-same-'));
  reseau = picked('reseau.xlsx', await networkValidSample());
  siae = picked('siae.xlsx', await siaeValidSample());
  plan = picked('plan.xlsx', await planSample());
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaCli(files: readonly PickedFile[], planFile?: PickedFile): Promise<Uint8Array> {
  const out = join(dir, `cli-${Math.random().toString(36).slice(2)}.xlsx`);
  const err: string[] = [];
  const code = await main(['consolidate', ...files.map(save), ...(planFile ? ['--plan', save(planFile)] : []), '--out', out], { out: () => {}, err: (t) => err.push(t) });
  expect(code, err.join('')).toBe(0);
  return new Uint8Array(readFileSync(out));
}

async function viaPane(files: readonly PickedFile[], planFile?: PickedFile): Promise<Uint8Array> {
  const ctrl = new PaneController({ mode: 'autonome', loadEngine: async () => engine });
  ctrl.addFiles(files);
  if (planFile) ctrl.setPlan({ kind: 'fichier', file: planFile });
  expect(await ctrl.consolidate(), ctrl.state.notices.consolider?.text).toBe(true);
  const download = await ctrl.buildDownload();
  return download!.bytes;
}

async function viaRibbon(open: PickedFile): Promise<Uint8Array> {
  let written: WorkbookModel | undefined;
  const excel: ExcelPort = {
    checkRequirements: () => {},
    // The open workbook, read by the project's reader under its file name.
    readOpenWorkbook: async () => readXlsx(open.bytes, open.name),
    writeAnomaliesSheet: async () => {},
    highlightCells: async () => {},
    clearHighlights: async () => {},
    selectCell: async () => {},
    writeModel: async (model) => {
      written = model;
    },
  };
  const notice = await runCommand('consolider', excel, async () => engine);
  expect(notice.kind, notice.text).toBe('succes');
  return writeWorkbookModel(written!);
}

describe('one run, the same bytes', () => {
  it('CLI and pane, several returns and a plan file', async () => {
    const [cli, pane] = [await viaCli([reseau, siae], plan), await viaPane([reseau, siae], plan)];
    expect(cli.length).toBeGreaterThan(5000);
    expect(Buffer.from(pane).equals(Buffer.from(cli))).toBe(true);
  }, 900_000);

  it('CLI, pane and ribbon, one workbook and the default plan', async () => {
    const [cli, pane, ribbon] = [await viaCli([reseau]), await viaPane([reseau]), await viaRibbon(reseau)];
    expect(Buffer.from(pane).equals(Buffer.from(cli))).toBe(true);
    expect(Buffer.from(ribbon).equals(Buffer.from(cli))).toBe(true);
  }, 900_000);
});
