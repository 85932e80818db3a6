/** The Vérifier panel: files (standalone), the run, the summary, the filters and the issue list. */
import type { ValidationIssue } from '../../../core/records.js';
import type { ValidationReport } from '../../../core/validate/report.js';
import type { PaneController } from '../controller.js';
import { byId, el, replaceChildren } from '../dom.js';
import { allIssues, describeLocation, filterChoices, filterIssues, isSelectable, plural, sheetKey, summarize, type IssueFilter } from '../issues-model.js';
import { filePicker, renderNotice, renderProgress, watch } from './common.js';

/** Issues shown at once: a long list stays fast; filters narrow it down. */
export const MAX_LISTED = 300;

const SEVERITY_LABEL = { erreur: 'Erreur', avertissement: 'Avertissement' } as const;

export function mountVerify(ctrl: PaneController): void {
  const indicatorLabel = () => (code: string) => ctrl.indicatorLabel(code);
  const progressBox = byId('verify-progress');
  const result = byId('verify-result');
  const notice = el('div', { class: 'notice-box' });
  const summaryBox = el('div');
  const filtersBox = el('div');
  const located = el('p', { class: 'located', attrs: { role: 'status', 'aria-live': 'polite' } });
  const listBox = el('div');
  replaceChildren(result, [notice, summaryBox, filtersBox, located, listBox]);

  if (ctrl.mode === 'autonome') {
    const picker = filePicker({
      id: 'verify-input',
      label: 'Choisir des classeurs (.xlsx)',
      multiple: true,
      onReading: (read) => ctrl.reading(read, 'verifier'),
      onFiles: (files) => ctrl.addFiles(files),
      onRemove: (name) => ctrl.removeFile(name),
    });
    replaceChildren(byId('verify-files'), [picker.root]);
    ctrl.subscribe(watch((s) => [s.files] as const, picker.setFiles));
  }

  const verifyButton = byId<HTMLButtonElement>('btn-verifier');
  verifyButton.addEventListener('click', () => void ctrl.verify());
  byId('btn-effacer').addEventListener('click', () => void ctrl.clearHighlights());

  const renderReport = (report: ValidationReport | null) => {
    if (!report) {
      replaceChildren(summaryBox, []);
      replaceChildren(filtersBox, []);
      return;
    }
    renderSummary(summaryBox, report);
    renderFilters(filtersBox, report, ctrl, indicatorLabel());
  };

  const renderList = (report: ValidationReport | null, filter: IssueFilter) => {
    if (!report) {
      replaceChildren(listBox, []);
      return;
    }
    const issues = filterIssues(allIssues(report), filter);
    syncFilters(filtersBox, filter);
    const label = indicatorLabel();
    const shown = issues.slice(0, MAX_LISTED);
    replaceChildren(listBox, [
      el('p', {
        class: 'list-count',
        text:
          issues.length > shown.length
            ? `${shown.length} premières anomalies affichées sur ${issues.length} : filtrez pour voir les autres.`
            : issues.length === 0
              ? 'Aucune anomalie pour ce filtre.'
              : `${plural(issues.length, 'anomalie affichée', 'anomalies affichées')}.`,
      }),
      el(
        'ul',
        { class: 'issues', attrs: { 'aria-label': 'Anomalies' } },
        shown.map((issue) => el('li', {}, [issueButton(issue, ctrl, label)])),
      ),
    ]);
  };

  ctrl.subscribe((s) => {
    renderProgress(progressBox, s.progress, ['verifier'], () => ctrl.cancel());
    renderNotice(notice, s.notices.verifier);
    verifyButton.disabled = s.busy !== null;
    located.textContent = s.located ? `Emplacement : ${s.located}` : '';
  });
  ctrl.subscribe(watch((s) => [s.report] as const, renderReport));
  ctrl.subscribe(watch((s) => [s.report, s.filter] as const, renderList));
}

function renderSummary(box: HTMLElement, report: ValidationReport): void {
  const s = summarize(report);
  const stats = el('div', { class: 'stats' }, [
    stat(s.errors, 'erreur', 'erreurs', 'stat--erreur'),
    stat(s.warnings, 'avertissement', 'avertissements', 'stat--avertissement'),
    stat(s.records, 'retour lu', 'retours lus', ''),
  ]);
  const rows = s.bySheet.map((c) =>
    el('tr', {}, [el('th', { attrs: { scope: 'row' } }, [el('span', { class: 'cell-file', text: c.file }), el('span', { text: c.sheet })]), el('td', { text: String(c.errors) }), el('td', { text: String(c.warnings) })]),
  );
  replaceChildren(box, [
    el('h3', { class: 'section-title', text: 'Résumé' }),
    stats,
    s.omitted > 0 ? el('p', { class: 'hint', text: `${plural(s.omitted, 'anomalie comptée', 'anomalies comptées')} mais non listée${s.omitted > 1 ? 's' : ''} (limite par fichier atteinte).` }) : null,
    rows.length > 0
      ? el('div', { class: 'table-wrap', attrs: { role: 'region', 'aria-label': 'Anomalies par feuille', tabindex: 0 } }, [
          el('table', { class: 'table' }, [
            el('caption', { class: 'visually-hidden', text: 'Anomalies par feuille' }),
            el('thead', {}, [el('tr', {}, [el('th', { text: 'Feuille', attrs: { scope: 'col' } }), el('th', { text: 'Erreurs', attrs: { scope: 'col' } }), el('th', { text: 'Avert.', attrs: { scope: 'col' } })])]),
            el('tbody', {}, rows),
          ]),
        ])
      : el('p', { class: 'notice notice--succes', text: 'Aucune anomalie : les retours sont conformes.' }),
  ]);
}

function stat(n: number, one: string, many: string, modifier: string): HTMLElement {
  return el('p', { class: `stat ${modifier}` }, [el('span', { class: 'stat__value', text: new Intl.NumberFormat('fr-FR').format(n) }), el('span', { class: 'stat__label', text: n > 1 ? many : one })]);
}

function select(id: string, label: string, options: readonly { value: string; text: string }[], onChange: (value: string) => void): HTMLElement {
  const s = el('select', { attrs: { id, 'data-filter': id } }, options.map((o) => el('option', { text: o.text, attrs: { value: o.value } })));
  s.addEventListener('change', () => onChange(s.value));
  return el('div', { class: 'field' }, [el('label', { text: label, attrs: { for: id } }), s]);
}

function renderFilters(box: HTMLElement, report: ValidationReport, ctrl: PaneController, label: (code: string) => string): void {
  const issues = allIssues(report);
  if (issues.length === 0) {
    replaceChildren(box, []);
    return;
  }
  const choices = filterChoices(issues);
  const multiFile = report.files.length > 1;
  replaceChildren(box, [
    el('h3', { class: 'section-title', text: 'Anomalies' }),
    el('div', { class: 'filters', attrs: { role: 'group', 'aria-label': 'Filtrer les anomalies' } }, [
      select('filtre-gravite', 'Gravité', [{ value: '', text: 'Toutes' }, { value: 'erreur', text: 'Erreurs' }, { value: 'avertissement', text: 'Avertissements' }], (v) =>
        ctrl.setFilter({ severity: v as IssueFilter['severity'] }),
      ),
      select('filtre-feuille', 'Feuille', [{ value: '', text: 'Toutes' }, ...choices.sheets.map((c) => ({ value: sheetKey(c.file, c.sheet), text: multiFile ? `${c.file} › ${c.sheet}` : c.sheet }))], (v) =>
        ctrl.setFilter({ sheet: v }),
      ),
      select('filtre-indicateur', 'Indicateur', [{ value: '', text: 'Tous' }, ...choices.indicators.map((code) => ({ value: code, text: label(code) }))], (v) =>
        ctrl.setFilter({ indicator: v }),
      ),
    ]),
  ]);
}

/** Keeps the selects showing the controller's filter (e.g. after a reset). */
function syncFilters(box: HTMLElement, filter: IssueFilter): void {
  const set = (id: string, v: string) => {
    const s = box.querySelector<HTMLSelectElement>(`#${id}`);
    if (s && s.value !== v) s.value = v;
  };
  set('filtre-gravite', filter.severity);
  set('filtre-feuille', filter.sheet);
  set('filtre-indicateur', filter.indicator);
}

function issueButton(issue: ValidationIssue, ctrl: PaneController, label: (code: string) => string): HTMLElement {
  const where = describeLocation(issue);
  const action = ctrl.mode === 'excel' && isSelectable(issue) ? 'sélectionner la cellule' : 'voir l\u2019emplacement';
  return el(
    'button',
    {
      class: `issue issue--${issue.severity}`,
      attrs: { type: 'button', title: `${where} : ${action}` },
      on: { click: () => void ctrl.selectIssue(issue) },
    },
    [
      el('span', { class: 'issue__head' }, [
        el('span', { class: `badge badge--${issue.severity}`, text: SEVERITY_LABEL[issue.severity] }),
        el('span', { class: 'issue__where', text: where }),
        // The code is for whoever reads the JSON or asks for help: its own dimmed element, apart from the sentence.
        el('span', { class: 'issue__code hint', text: issue.code, attrs: { title: 'Code de l\u2019anomalie' } }),
      ]),
      issue.indicator ? el('span', { class: 'issue__indicator', text: label(issue.indicator) }) : null,
      el('span', { class: 'issue__message', text: issue.message }),
    ],
  );
}
