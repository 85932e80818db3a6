/** Pieces shared by the panels: progress bar, notices, picked files. */
import type { Notice, PaneState, Progress, Task } from '../controller.js';
import { el, replaceChildren } from '../dom.js';
import type { PickedFile } from '../ports.js';

const TASK_LABELS: Record<Task, string> = {
  verifier: 'Vérification',
  consolider: 'Consolidation',
  ecrire: 'Écriture',
  diffuser: 'Version diffusable',
};

/** Shows the progress of `tasks` in `box` (a polite live region), or clears it; with `onCancel`, an Annuler button. */
export function renderProgress(box: HTMLElement, progress: Progress | null, tasks: readonly Task[], onCancel?: () => void): void {
  if (!progress || !tasks.includes(progress.task)) {
    if (box.childElementCount > 0) replaceChildren(box, []);
    return;
  }
  const { done, total, label } = progress;
  const text =
    total > 1 || (progress.task !== 'ecrire' && progress.task !== 'diffuser')
      ? total > 0
        ? `${TASK_LABELS[progress.task]} : ${done} fichier${done > 1 ? 's' : ''} sur ${total}${label ? ` (${label})` : ''}`
        : `${TASK_LABELS[progress.task]} : préparation…`
      : `${label || TASK_LABELS[progress.task]}…`;
  let bar = box.querySelector('progress');
  let caption = box.querySelector('.progress__text');
  if (!bar || !caption) {
    bar = el('progress', { attrs: { 'aria-label': `Avancement : ${TASK_LABELS[progress.task]}` } });
    caption = el('p', { class: 'progress__text' });
    const cancel = onCancel
      ? el('button', { class: 'button button--small progress__cancel', text: 'Annuler', attrs: { type: 'button', id: `${box.id}-annuler` }, on: { click: onCancel } })
      : null;
    replaceChildren(box, cancel ? [bar, caption, cancel] : [bar, caption]);
  }
  if (total > 0) {
    bar.max = total;
    bar.value = done;
  } else bar.removeAttribute('value'); // indeterminate
  caption.textContent = text;
}

/** The last notice of a task, in a status element (errors as alerts). */
export function renderNotice(box: HTMLElement, notice: Notice | undefined): void {
  if (!notice) {
    replaceChildren(box, []);
    return;
  }
  const current = box.firstElementChild;
  if (current && current.textContent === notice.text && current.getAttribute('data-kind') === notice.kind) return;
  replaceChildren(box, [
    el('p', { class: `notice notice--${notice.kind}`, text: notice.text, attrs: { role: notice.kind === 'erreur' ? 'alert' : 'status', 'data-kind': notice.kind } }),
  ]);
}

export async function readPicked(files: FileList | readonly File[] | null): Promise<PickedFile[]> {
  const list = files ? [...files] : [];
  // The File stays with its bytes: the worker borrows the bytes and can always get them back (worker-engine.ts).
  return Promise.all(
    list.map(async (f) => {
      try {
        return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), blob: f };
      } catch {
        // The browser's reason (NotReadableError…) is in English and says nothing of what to do.
        throw new Error(`Le fichier « ${f.name} » n\u2019a pas pu être lu (déplacé, supprimé ou modifié depuis son choix) : choisissez-le de nouveau.`);
      }
    }),
  );
}

// .ods too: the reader sniffs the content (LibreOffice's own format is read like an .xlsx).
const XLSX_ACCEPT = '.xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet';

export interface FilePickerOptions {
  readonly id: string;
  readonly label: string;
  readonly multiple: boolean;
  readonly onFiles: (files: PickedFile[]) => void;
  /** Called when the user removes a listed file. */
  readonly onRemove?: (name: string) => void;
  /** Given each read under way (its promise settles after onFiles): the controller's reading(). */
  readonly onReading?: (read: Promise<unknown>) => void;
}

/** A drop zone with a real file input (keyboard: the input's button), and the list of picked files. */
export function filePicker(options: FilePickerOptions): { root: HTMLElement; setFiles: (files: readonly PickedFile[]) => void } {
  // The native input is hidden (its button speaks the browser's language, not always French);
  // a real button opens it, so the keyboard reaches it like any other button.
  const input = el('input', { class: 'drop__input', attrs: { type: 'file', id: options.id, accept: XLSX_ACCEPT, multiple: options.multiple, hidden: true, tabindex: -1 } });
  const open = el('button', { class: 'button', text: options.label, attrs: { type: 'button', id: `${options.id}-bouton` }, on: { click: () => input.click() } });
  const list = el('ul', { class: 'file-list', attrs: { 'aria-label': 'Fichiers choisis' } });
  const zone = el('div', { class: 'drop' }, [
    open,
    input,
    el('p', { class: 'hint', text: options.multiple ? 'ou déposez les fichiers ici.' : 'ou déposez le fichier ici.' }),
  ]);
  const take = (files: FileList | null): Promise<void> => {
    const read = readPicked(files).then((picked) => {
      if (picked.length > 0) options.onFiles(options.multiple ? picked : picked.slice(0, 1));
    });
    options.onReading?.(read);
    return read;
  };
  input.addEventListener('change', () => {
    // Emptied either way, so choosing the same file again fires « change » again.
    void take(input.files).finally(() => {
      input.value = '';
    }).catch(() => undefined); // said by onReading's owner (the controller's notice)
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('drop--over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop--over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('drop--over');
    const files = event.dataTransfer?.files ?? null;
    void take(files).catch(() => undefined); // said by onReading's owner
  });
  const setFiles = (files: readonly PickedFile[]) =>
    replaceChildren(
      list,
      files.map((f) =>
        el('li', { class: 'file-list__item' }, [
          el('span', { class: 'file-list__name', text: f.name }),
          el('span', { class: 'file-list__size', text: formatSize(f.bytes.length) }),
          options.onRemove
            ? el('button', { class: 'button button--small', text: 'Retirer', attrs: { type: 'button', 'aria-label': `Retirer ${f.name}` }, on: { click: () => options.onRemove?.(f.name) } })
            : null,
        ]),
      ),
    );
  return { root: el('div', {}, [zone, list]), setFiles };
}

function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 1024 ? `${Math.max(1, Math.round(kb))} Ko` : `${(kb / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** Calls `render` only when one of the watched parts of the state changed (by reference). */
export function watch<T extends unknown[]>(pick: (s: PaneState) => readonly [...T], render: (...values: T) => void): (s: PaneState) => void {
  let last: readonly unknown[] | undefined;
  return (s) => {
    const next = pick(s);
    if (last && next.length === last.length && next.every((v, i) => v === last![i])) return;
    last = next;
    // spread-ok: a fixed-size tuple of watched values, not data
    render(...(next as T));
  };
}
