/**
 * What the ribbon commands' dialog may say: a closed catalogue of French messages. The dialog
 * page (commands.html?avis=1#cle=…) is a URL anyone can craft, so the URL only carries a key;
 * a key outside the catalogue shows nothing, and no text from the URL is ever displayed. The
 * details of a failure stay in the task pane, which the messages point to.
 */
import type { Command } from './run-command.js';

export type NoticeKind = 'info' | 'succes' | 'erreur';

export const NOTICE_CATALOGUE = {
  'verifier-succes': {
    kind: 'succes',
    text: 'Vérification terminée. Les anomalies sont listées dans la feuille « IAE – Anomalies » et les cellules en erreur sont surlignées.',
  },
  'verifier-erreur': {
    kind: 'erreur',
    text: "La vérification n'a pas abouti. Ouvrez le volet (bouton Indicateurs) et lancez-la depuis l'onglet Vérifier pour voir le détail.",
  },
  'consolider-succes': {
    kind: 'succes',
    text: 'Consolidation terminée : les feuilles consolidées sont écrites dans le classeur.',
  },
  'consolider-erreur': {
    kind: 'erreur',
    text: "La consolidation n'a pas abouti. Ouvrez le volet (bouton Indicateurs) et lancez-la depuis l'onglet Consolider pour voir le détail.",
  },
} as const satisfies Record<string, { readonly kind: NoticeKind; readonly text: string }>;

export type NoticeKey = keyof typeof NOTICE_CATALOGUE;

export function isNoticeKey(value: unknown): value is NoticeKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NOTICE_CATALOGUE, value);
}

/** The key of what a command ended with: only its command and whether it failed. */
export function noticeKey(command: Command, notice: { readonly kind: NoticeKind }): NoticeKey {
  return `${command}-${notice.kind === 'erreur' ? 'erreur' : 'succes'}`;
}

/** The dialog URL: the page itself, with the key in the fragment (never sent to the server). */
export function catalogueUrl(pageHref: string, key: NoticeKey): string {
  const url = new URL(pageHref);
  url.search = '?avis=1';
  url.hash = new URLSearchParams({ cle: key }).toString();
  return url.href;
}

/** The catalogued notice a dialog URL selects, or undefined (not a dialog, or an unknown key). */
export function catalogueNotice(href: string): { readonly kind: NoticeKind; readonly text: string } | undefined {
  const url = new URL(href);
  if (url.searchParams.get('avis') !== '1') return undefined;
  const key = new URLSearchParams(url.hash.slice(1)).get('cle');
  return isNoticeKey(key) ? NOTICE_CATALOGUE[key] : undefined;
}
