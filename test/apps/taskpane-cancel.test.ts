/**
 * Annuler, in the page's transport (the fallback where no worker starts): the run stops between
 * files, the notice says so as information, earlier results and the picked files stay.
 * The worker transport's cancel is tested in Chromium (test/browser/taskpane-worker.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE } from '../../src/apps/taskpane/cancel.js';
import { PaneController } from '../../src/apps/taskpane/controller.js';
import { engine } from '../../src/apps/taskpane/engine.js';
import { siaeValidSample } from '../fixtures/samples.js';

describe('Annuler (calcul dans la page)', () => {
  it('arrête la vérification entre deux fichiers et garde le résultat précédent et les fichiers', async () => {
    const bytes = new Uint8Array(readFileSync(await siaeValidSample()));
    const ctrl = new PaneController({ mode: 'autonome', loadEngine: async () => engine });
    ctrl.addFiles([{ name: 'a.xlsx', bytes }]);
    expect(await ctrl.verify()).toBe(true);
    const before = ctrl.state.report;
    expect(before?.stats.files).toBe(1);

    ctrl.addFiles(Array.from({ length: 8 }, (_, i) => ({ name: `b${i}.xlsx`, bytes })));
    let seen = 0;
    const off = ctrl.subscribe((s) => {
      if (s.progress?.task === 'verifier' && s.progress.done === 2 && seen++ === 0) ctrl.cancel();
    });
    expect(await ctrl.verify()).toBe(false);
    off();
    expect(ctrl.state.notices.verifier).toEqual({ kind: 'info', text: CANCELLED_MESSAGE });
    expect(ctrl.state.busy).toBeNull();
    expect(ctrl.state.progress).toBeNull();
    expect(ctrl.state.report).toBe(before);
    expect(ctrl.state.files.map((f) => f.bytes.length)).toEqual(Array(9).fill(bytes.length));

    // Nothing is left cancelled: the next run goes to the end.
    expect(await ctrl.verify()).toBe(true);
    expect(ctrl.state.report?.stats.files).toBe(9);
  });

  it('arrête la consolidation et le dit, sans toucher au résultat précédent', async () => {
    const bytes = new Uint8Array(readFileSync(await siaeValidSample()));
    const ctrl = new PaneController({ mode: 'autonome', loadEngine: async () => engine });
    ctrl.addFiles(Array.from({ length: 4 }, (_, i) => ({ name: `c${i}.xlsx`, bytes })));
    const off = ctrl.subscribe((s) => {
      if (s.progress?.task === 'consolider' && s.progress.done === 1) ctrl.cancel();
    });
    expect(await ctrl.consolidate()).toBe(false);
    off();
    expect(ctrl.state.notices.consolider).toEqual({ kind: 'info', text: CANCELLED_MESSAGE });
    expect(ctrl.state.consolidation).toBeNull();
  });
});
