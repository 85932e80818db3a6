/**
 * The ribbon commands "Vérifier" and "Consolider": the same controller as the task pane's
 * buttons, on the open workbook. Returns the notice to show; the caller shows it and calls
 * event.completed() whatever happens.
 */
import { PaneController, errorText, type Notice } from '../taskpane/controller.js';
import type { Engine, ExcelPort } from '../taskpane/ports.js';

export const COMMANDS = ['verifier', 'consolider'] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(value: unknown): value is Command {
  return value === 'verifier' || value === 'consolider';
}

export async function runCommand(command: Command, excel: ExcelPort, loadEngine: () => Promise<Engine>): Promise<Notice> {
  try {
    const ctrl = new PaneController({ mode: 'excel', excel, loadEngine });
    if (command === 'verifier') {
      await ctrl.verify();
      return ctrl.state.notices.verifier ?? { kind: 'erreur', text: 'La vérification n\u2019a rien donné.' };
    }
    // Consolider from the ribbon: this workbook alone, its plan sheet (or the default plan), sheets written.
    ctrl.setUseWorkbook(true);
    ctrl.setPlan({ kind: 'classeur' });
    if (!(await ctrl.consolidate())) return ctrl.state.notices.consolider!;
    if (!(await ctrl.writeSheets())) return ctrl.state.notices.ecrire!;
    return { kind: 'succes', text: `${ctrl.state.notices.consolider!.text}\n${ctrl.state.notices.ecrire!.text}` };
  } catch (e) {
    return { kind: 'erreur', text: errorText(e) };
  }
}

/** The dialog URL: the notice travels in the fragment, which is never sent to the server. */
export function noticeUrl(pageHref: string, notice: Notice): string {
  const url = new URL(pageHref);
  url.search = '?avis=1';
  url.hash = new URLSearchParams({ kind: notice.kind, text: notice.text }).toString();
  return url.href;
}

export function noticeFromUrl(href: string): Notice | undefined {
  const url = new URL(href);
  if (url.searchParams.get('avis') !== '1') return undefined;
  const params = new URLSearchParams(url.hash.slice(1));
  const kind = params.get('kind');
  const text = params.get('text');
  if (!text || (kind !== 'info' && kind !== 'succes' && kind !== 'erreur')) return undefined;
  return { kind, text };
}
