// Task pane entry point: detects the mode, wires the controller to the panels. Everything
// heavy (xlsx reader and writer, validation, consolidation) loads on demand from engine.ts.
import './taskpane.css';
import { PaneController } from './controller.js';
import { byId } from './dom.js';
import { createExcelPort } from './excel-port.js';
import { detectMode } from './mode.js';
import type { Engine, ExcelPort, Mode } from './ports.js';
import { startWorkerEngine, WorkerEngine } from './worker-engine.js';
import { initTabs } from './tabs.js';
import { mountConsolidate } from './views/consolidate.js';
import { mountModels } from './views/models.js';
import { mountObjectives } from './views/objectives.js';
import { mountVerify } from './views/verify.js';

const MODE_STATUS: Record<Mode, string> = {
  excel: 'Mode Excel : le volet travaille sur le classeur ouvert.',
  autonome: 'Mode autonome (hors d\u2019Excel) : les classeurs choisis sont lus dans ce navigateur, rien n\u2019est envoyé sur Internet.',
};

/** The in-page transport: where no worker can start (or with ?calcul=page, to compare). */
const loadInPage = (): Promise<Engine> => import(/* webpackChunkName: "engine" */ './engine.js').then((m) => m.engine);

/** The engine's worker, its own chunk (same origin: the CSP allows worker-src 'self'). */
const spawnWorker = () => new Worker(/* webpackChunkName: "calcul" */ new URL('./worker.ts', import.meta.url));

/** `?calcul=page` computes in the page (the fallback), e.g. for the bench's comparison. */
const inPageOnly = new URLSearchParams(window.location.search).get('calcul') === 'page';

let loading: Promise<Engine> | undefined;
/** One engine for the page: the worker when it starts, else the page itself. A failed chunk load is retried later. */
const loadEngine = (): Promise<Engine> =>
  (loading ??= (inPageOnly ? loadInPage() : startWorkerEngine(spawnWorker).catch(() => loadInPage())).catch((e: unknown) => {
    loading = undefined;
    throw e;
  }));

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
  // Warm the engine while the user picks files: the first click does not wait for it to load.
  const warm = () => void loadEngine().then((engine) => {
    app.dataset.moteur = engine instanceof WorkerEngine ? 'travailleur' : 'page';
  }, () => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
}

void start();
