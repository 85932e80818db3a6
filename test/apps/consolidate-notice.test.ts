/** The pane's Consolider notice: what was counted and every file that was not; controls named only when shown. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PaneController } from '../../src/apps/taskpane/controller.js';
import { engine } from '../../src/apps/taskpane/engine.js';
import { networkValidSample } from '../fixtures/samples.js';

const loadEngine = async () => engine;

describe('Consolider notice', () => {
  it('standalone mode does not point at the « Ce classeur » box it does not have', async () => {
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    expect(await ctrl.consolidate()).toBe(false);
    const text = ctrl.state.notices.consolider!.text;
    expect(text).toContain('importez des fichiers de retours');
    expect(text).not.toContain('Ce classeur');
  });

  it('counts unreadable and ignored files, and names them', async () => {
    const bytes = new Uint8Array(readFileSync(await networkValidSample()));
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    ctrl.addFiles([
      { name: 'reseau.xlsx', bytes },
      { name: 'reseau-copie.xlsx', bytes },
      { name: 'abime.xlsx', bytes: new TextEncoder().encode('siret;annee\n1;2025\n') },
    ]);
    expect(await ctrl.consolidate()).toBe(true);
    const notice = ctrl.state.notices.consolider!;
    expect(notice.text).toContain('1 fichier illisible');
    expect(notice.text).toContain('1 fichier ignoré');
    expect(notice.text).toContain('reseau-copie.xlsx : même fichier que « reseau.xlsx », lu une seule fois.');
    expect(notice.kind).toBe('info');
    const c = ctrl.state.consolidation!;
    expect(c.duplicates).toBe(0);
    expect(c.verdict).toBe('incomplet');
    expect(c.anomalies.some((a) => a.code === 'unreadable-file' && a.file === 'abime.xlsx')).toBe(true);
  }, 900_000);
});
