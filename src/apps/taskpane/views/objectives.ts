/** The Objectifs panel: progress per objective and scope, status said in words and colour. */
import type { PaneController } from '../controller.js';
import { byId, el, replaceChildren } from '../dom.js';
import type { ConsolidationOutcome, ObjectiveLine, ObjectiveStatus } from '../ports.js';
import { watch } from './common.js';

export const STATUS_LABELS: Record<ObjectiveStatus, string> = {
  atteint: 'Atteint',
  en_progres: 'En progrès',
  stable: 'Stable',
  en_recul: 'En recul',
  couverture_partielle: 'Couverture partielle',
  sans_donnee: 'Sans donnée',
};

export function mountObjectives(ctrl: PaneController): void {
  const box = byId('objectives-result');
  ctrl.subscribe(watch((s) => [s.consolidation] as const, (c) => render(box, c)));
}

function render(box: HTMLElement, c: ConsolidationOutcome | null): void {
  if (!c) {
    replaceChildren(box, [el('p', { class: 'panel__intro', text: 'Lancez une consolidation (onglet Consolider) pour voir où en est chaque objectif du plan d\u2019actions.' })]);
    return;
  }
  const counts = new Map<ObjectiveStatus, number>();
  for (const o of c.objectives) counts.set(o.statut, (counts.get(o.statut) ?? 0) + 1);
  replaceChildren(box, [
    el('p', { class: 'hint', text: `Plan : ${c.planLabel}${c.periode !== undefined ? ` — données ${c.periode}` : ''}.` }),
    el(
      'ul',
      { class: 'legend', attrs: { 'aria-label': 'Objectifs par statut' } },
      (Object.keys(STATUS_LABELS) as ObjectiveStatus[]).map((st) => el('li', { class: `badge badge--${st}`, text: `${STATUS_LABELS[st]} : ${counts.get(st) ?? 0}` })),
    ),
    c.objectives.length === 0
      ? el('p', { class: 'notice notice--info', text: 'Le plan ne contient aucune cible mesurable.' })
      : el('ul', { class: 'objectives' }, c.objectives.map(objectiveItem)),
  ]);
}

function objectiveItem(o: ObjectiveLine): HTMLElement {
  const pct = o.progression !== undefined ? Math.round(o.progression * 100) : undefined;
  const bar = el('div', { class: `bar bar--${o.statut}` }, [el('div', { class: 'bar__fill' })]);
  // CSSOM, not a style attribute: the CSP forbids inline styles, not style properties set by script.
  (bar.firstElementChild as HTMLElement).style.width = `${Math.max(0, Math.min(100, pct ?? 0))}%`;
  return el('li', { class: `objective objective--${o.statut}` }, [
    el('div', { class: 'objective__head' }, [
      el('span', { class: 'objective__code', text: o.objectif }),
      el('span', { class: `badge badge--${o.statut}`, text: STATUS_LABELS[o.statut] }),
      // Not a status badge: the status stays the head's only badge.
      o.exemple ? el('span', { class: 'objective__example', text: 'exemple', attrs: { title: 'Exemple du modèle de plan, pas encore remplacé par une cible du plan' } }) : null,
    ]),
    el('p', { class: 'objective__label', text: o.libelle }),
    el('p', { class: 'objective__indicator', text: `${o.indicateur} — ${o.perimetre}` }),
    el('dl', { class: 'objective__figures' }, [
      el('div', {}, [el('dt', { text: 'Référence' }), el('dd', { text: o.reference })]),
      el('div', {}, [el('dt', { text: 'Actuel' }), el('dd', { text: o.actuel })]),
      el('div', {}, [el('dt', { text: 'Cible' }), el('dd', { text: o.cible })]),
    ]),
    bar,
    // The note says the progression in words (« 45 % du chemin… », « cible dépassée… ») and the coverage.
    o.note ? el('p', { class: 'hint', text: o.note }) : null,
  ]);
}
