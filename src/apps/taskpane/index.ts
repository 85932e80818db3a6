// Task pane entry point: detects the mode, wires the controller to the panels. Everything
// heavy (xlsx reader and writer, validation, consolidation) loads on demand from engine.ts.
import './taskpane.css';
import { PaneController } from './controller.js';
import { byId } from './dom.js';
import { createExcelPort } from './excel-port.js';
import { detectMode } from './mode.js';
import type { Engine, ExcelPort, Mode } from './ports.js';
import { initTabs } from './tabs.js';
import { mountConsolidate } from './views/consolidate.js';
import { mountModels } from './views/models.js';
import { mountObjectives } from './views/objectives.js';
import { mountVerify } from './views/verify.js';

const MODE_STATUS: Record<Mode, string> = {
  excel: 'Mode Excel : le volet travaille sur le classeur ouvert.',
  autonome: 'Mode autonome (hors d\u2019Excel) : les classeurs choisis sont lus dans ce navigateur, rien n\u2019est envoyé sur Internet.',
};

const loadEngine = (): Promise<Engine> => import(/* webpackChunkName: "engine" */ './engine.js').then((m) => m.engine);

/** Offers bytes as a file download (a Blob URL, revoked once the click is handled). */
function download(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function start(): Promise<void> {
  const app = byId('app');
  const status = byId('mode-status');
  initTabs(app.querySelector<HTMLElement>('[role="tablist"]')!);
  mountModels();

  const detected = await detectMode();
  let excel: ExcelPort | undefined;
  let mode: Mode = detected;
  if (detected === 'excel') {
    try {
      excel = await createExcelPort();
    } catch {
      mode = 'autonome';
    }
  }
  app.dataset.mode = mode;
  status.textContent = MODE_STATUS[mode];

  const ctrl = new PaneController({ mode, ...(excel ? { excel } : {}), loadEngine });
  mountVerify(ctrl);
  mountConsolidate(ctrl, download);
  mountObjectives(ctrl);
  // Show the initial state (notices, plan radios, empty panels).
  ctrl.setFilter({});
  app.dataset.ready = 'true';
  // Read by the bench (time to interactive): the panels work from here.
  performance.mark('iae-volet-pret');
}

void start();
