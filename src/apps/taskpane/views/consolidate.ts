/**
 * The Consolider panel: sources, plan, the campaign's optional inputs, run, key figures and
 * completeness by département, write or download, and the public version (« Version diffusable »).
 */
import { PLAN_RULE_CHOICE_LABEL } from '../../../core/run/labels.js';
import type { PaneController } from '../controller.js';
import { byId, el, replaceChildren } from '../dom.js';
import type { ConsolidationOutcome, KeyFigureRow, PickedFile, PlanChoice } from '../ports.js';
import { mountCampaignInputs } from './campaign.js';
import { filePicker, renderNotice, renderProgress, watch } from './common.js';

export function mountConsolidate(ctrl: PaneController, download: (name: string, bytes: Uint8Array) => void): void {
  const progressBox = byId('consolidate-progress');
  const result = byId('consolidate-result');
  const notice = el('div', { class: 'notice-box' });
  const figures = el('div');
  const writeNotice = el('div', { class: 'notice-box' });
  const writeProgress = el('div', { class: 'progress', attrs: { 'aria-live': 'polite' } });
  const publicNotice = el('div', { class: 'notice-box' });
  const publicProgress = el('div', { class: 'progress', attrs: { 'aria-live': 'polite' } });
  replaceChildren(result, [notice, figures, writeProgress, writeNotice, publicProgress, publicNotice]);
  mountCampaignInputs(ctrl);

  const useWorkbook = byId<HTMLInputElement>('src-classeur');
  useWorkbook.addEventListener('change', () => ctrl.setUseWorkbook(useWorkbook.checked));

  const sources = filePicker({
    id: 'consolidate-input',
    label: 'Importer des retours (.xlsx)',
    multiple: true,
    onReading: (read) => ctrl.reading(read, 'consolider'),
    onFiles: (files) => ctrl.addFiles(files),
    onRemove: (name) => ctrl.removeFile(name),
  });
  replaceChildren(byId('consolidate-files'), [sources.root]);

  // The plan: radios; "fichier" shows a picker for one file just below (kept if the user switches back).
  let planFile: PickedFile | undefined;
  const planPicker = filePicker({
    id: 'plan-input',
    label: 'Choisir le fichier du plan (.xlsx)',
    multiple: false,
    onReading: (read) => ctrl.reading(read, 'consolider'),
    onFiles: ([file]) => {
      if (!file) return;
      planFile = file;
      ctrl.setPlan({ kind: 'fichier', file });
    },
  });
  const planBox = byId('plan-file');
  replaceChildren(planBox, [planPicker.root]);
  const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="plan"]')];
  // « défaut » lets the run's plan rule decide: say it in the run's own words (src/core/run/labels.ts).
  const ruleLabel = document.getElementById('plan-defaut')?.parentElement;
  if (ruleLabel?.lastChild?.nodeType === Node.TEXT_NODE) ruleLabel.lastChild.textContent = ` ${PLAN_RULE_CHOICE_LABEL}`;
  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      const choice: PlanChoice =
        radio.value === 'fichier' ? { kind: 'fichier', ...(planFile ? { file: planFile } : {}) } : { kind: radio.value === 'classeur' ? 'classeur' : 'defaut' };
      ctrl.setPlan(choice);
    });
  }

  const runButton = byId<HTMLButtonElement>('btn-consolider');
  runButton.addEventListener('click', () => void ctrl.consolidate());

  const deliver = el('button', {
    class: 'button button--primary',
    text: ctrl.mode === 'excel' ? 'Écrire les feuilles' : 'Télécharger le classeur consolidé',
    attrs: { type: 'button', id: 'btn-livrer' },
    on: {
      click: () => {
        if (ctrl.mode === 'excel') void ctrl.writeSheets();
        else
          void ctrl.buildDownload().then((file) => {
            if (file) download(file.name, file.bytes);
          });
      },
    },
  });

  // The public version: a new workbook inside Excel (never the user's), a download otherwise.
  const publish = el('button', {
    class: 'button',
    text: 'Version diffusable',
    attrs: { type: 'button', id: 'btn-diffusable', 'aria-describedby': 'diffusable-aide' },
    on: {
      click: () =>
        void ctrl.publicVersion().then((file) => {
          if (file) download(file.name, file.bytes);
        }),
    },
  });
  const publishHelp = el('p', {
    class: 'hint',
    text:
      ctrl.mode === 'excel'
        ? 'Version diffusable : les mêmes chiffres sans SIRET, noms ni fichiers, petits effectifs masqués (« s ») et secret audité ; elle s\u2019ouvre dans un nouveau classeur, le vôtre n\u2019est pas modifié.'
        : 'Version diffusable : les mêmes chiffres sans SIRET, noms ni fichiers, petits effectifs masqués (« s ») et secret audité, à télécharger.',
    attrs: { id: 'diffusable-aide' },
  });

  ctrl.subscribe((s) => {
    renderProgress(progressBox, s.progress, ['consolider'], () => ctrl.cancel());
    renderProgress(publicProgress, s.progress, ['diffuser']);
    renderNotice(publicNotice, s.notices.diffuser);
    publish.disabled = s.busy !== null;
    renderProgress(writeProgress, s.progress, ['ecrire']);
    renderNotice(notice, s.notices.consolider);
    renderNotice(writeNotice, s.notices.ecrire);
    runButton.disabled = s.busy !== null;
    deliver.disabled = s.busy !== null;
    useWorkbook.checked = s.useWorkbook;
    for (const r of radios) r.checked = r.value === s.plan.kind;
    planBox.hidden = s.plan.kind !== 'fichier';
  });
  ctrl.subscribe(watch((s) => [s.files] as const, sources.setFiles));
  ctrl.subscribe(watch((s) => [s.plan] as const, (plan) => planPicker.setFiles(plan.kind === 'fichier' && plan.file ? [plan.file] : [])));
  ctrl.subscribe(watch((s) => [s.consolidation] as const, (c) => renderFigures(figures, c, [deliver, publish], publishHelp)));
}

/** Completeness of the collection, one line per département then the region (text only). */
function renderCompleteness(c: ConsolidationOutcome): HTMLElement | null {
  const lines = c.completeness;
  if (!Array.isArray(lines) || lines.length === 0) return null;
  return el('div', { attrs: { id: 'completude' } }, [
    el('h3', { class: 'section-title', text: 'Complétude de la collecte' }),
    el(
      'ul',
      { class: 'completeness', attrs: { 'aria-label': 'Complétude par département' } },
      lines.map((l) => el('li', { class: l.code === '' ? 'completeness__region' : '', text: l.text })),
    ),
  ]);
}

/** The ASP reconciliation (summary, biggest flagged gaps) and year over year, as text. */
function renderCampaignViews(c: ConsolidationOutcome): HTMLElement[] {
  const out: HTMLElement[] = [];
  const r = c.reconciliation;
  if (r) {
    out.push(
      el('div', { attrs: { id: 'rapprochement' } }, [
        el('h3', { class: 'section-title', text: 'Rapprochement avec l\u2019extraction ASP' }),
        el('p', { text: r.summary }),
        ...(r.flagged.length > 0
          ? [
              el(
                'ul',
                { class: 'completeness', attrs: { 'aria-label': 'Écarts à vérifier avec l\u2019extraction ASP' } },
                r.flagged.map((t) => el('li', { text: t })),
              ),
            ]
          : []),
        ...(r.more > 0 ? [el('p', { class: 'hint', text: `Et ${r.more.toLocaleString('fr-FR')} autre(s) écart(s) : tous sont dans la feuille « Rapprochement ASP » du classeur consolidé.` })] : []),
      ]),
    );
  }
  if (c.evolution) out.push(el('div', { attrs: { id: 'evolution' } }, [el('h3', { class: 'section-title', text: 'Évolution' }), el('p', { text: c.evolution })]));
  return out;
}

function renderFigures(box: HTMLElement, c: ConsolidationOutcome | null, actions: readonly HTMLElement[], publishHelp: HTMLElement): void {
  if (!c) {
    replaceChildren(box, []);
    return;
  }
  const head = ['Département', 'SIAE', 'Personnes', 'ETP réalisés', 'Taux de réalisation', 'Sorties dynamiques'];
  const row = (r: KeyFigureRow, total: boolean) =>
    el('tr', { class: total ? 'table__total' : '' }, [
      el('th', { text: r.code ? `${r.code} ${r.nom}` : r.nom, attrs: { scope: 'row' } }),
      ...[r.siae, r.personnes, r.etp, r.tauxRealisation, r.tauxSortiesDynamiques].map((v) => el('td', { text: v })),
    ]);
  replaceChildren(box, [
    el('h3', { class: 'section-title', text: c.periode !== undefined ? `Chiffres clés ${c.periode}` : 'Chiffres clés' }),
    c.periodNotice ? el('p', { class: 'notice notice--info', text: c.periodNotice }) : null,
    el('p', { class: 'hint', text: `Plan : ${c.planLabel}.` }),
    c.departements.length === 0
      ? el('p', { class: 'notice notice--info', text: 'Aucun retour retenu : corrigez les erreurs signalées puis relancez.' })
      : el('div', { class: 'table-wrap', attrs: { role: 'region', 'aria-label': 'Chiffres clés par département', tabindex: 0 } }, [
          el('table', { class: 'table table--figures' }, [
            el('caption', { class: 'visually-hidden', text: 'Chiffres clés par département' }),
            el('thead', {}, [el('tr', {}, head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]),
            el('tbody', {}, [...c.departements.map((r) => row(r, false)), ...(c.region ? [row(c.region, true)] : [])]),
          ]),
        ]),
    renderCompleteness(c),
    ...renderCampaignViews(c),
    el('div', { class: 'actions' }, actions),
    publishHelp,
  ]);
}
