// Ribbon commands "Vérifier" and "Consolider" (ExecuteFunction). They run the task pane's
// controller on the open workbook, then tell the result in a small dialog that reuses this
// page (commands.html?avis=1#cle=…): Excel has no notification API for function commands. The
// dialog shows only messages of its own catalogue (notices.ts), never text from the URL.
import './commands.css';
import { createExcelPort } from '../taskpane/excel-port.js';
import type { Engine } from '../taskpane/ports.js';
import { catalogueNotice, catalogueUrl, noticeKey } from './notices.js';
import { runCommand, type Command } from './run-command.js';

const loadEngine = (): Promise<Engine> => import(/* webpackChunkName: "engine" */ '../taskpane/engine.js').then((m) => m.engine);

function showNotice(): boolean {
  const notice = catalogueNotice(window.location.href);
  const box = document.getElementById('notice');
  if (!notice || !box) return false;
  box.textContent = notice.text; // a catalogued text, set as text
  box.className = `notice notice--${notice.kind}`;
  box.hidden = false;
  return true;
}

async function execute(command: Command, event: Office.AddinCommands.Event): Promise<void> {
  // completed() on every path: Excel queues the next click until it is called.
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    event.completed();
  };
  try {
    const excel = await createExcelPort();
    const notice = await runCommand(command, excel, loadEngine);
    const url = catalogueUrl(window.location.href, noticeKey(command, notice));
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 40, displayInIframe: true }, complete);
  } catch {
    complete();
  }
}

if (!showNotice() && typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('verifier', (event: Office.AddinCommands.Event) => void execute('verifier', event));
    Office.actions.associate('consolider', (event: Office.AddinCommands.Event) => void execute('consolider', event));
  });
}
