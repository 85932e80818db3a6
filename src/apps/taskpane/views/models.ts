/** The Modèles panel: the templates and the indicator spec, served as static files next to the page. */
import { TEMPLATE_FILES, TEMPLATE_KINDS, TEMPLATE_TITLES } from '../../../core/template-layout.js';
import { byId, el, replaceChildren } from '../dom.js';

/** Folders of the build where webpack copies templates/ and docs/spec/ (see webpack.config.js). */
export const TEMPLATES_DIR = 'modeles';
export const SPEC_DIR = 'spec';

const DESCRIPTIONS: Record<(typeof TEMPLATE_KINDS)[number], string> = {
  siae: 'Un formulaire par structure : une cellule par indicateur, avec les contrôles de saisie.',
  reseau: 'Un tableau, une ligne par SIAE : pour les réseaux et les départements.',
  plan: 'Les objectifs de la stratégie, leurs indicateurs et leurs cibles.',
  referentiel: "Les SIAE attendues pour la campagne : qui relancer, qui manque.",
};

export function mountModels(): void {
  const items = [
    ...TEMPLATE_KINDS.map((kind) => link(`${TEMPLATES_DIR}/${TEMPLATE_FILES[kind]}`, TEMPLATE_TITLES[kind], `${DESCRIPTIONS[kind]} (${TEMPLATE_FILES[kind]})`, true)),
    link(`${SPEC_DIR}/specification.html`, 'Spécification des indicateurs', 'Le document à remettre aux structures : définitions, sources, contrôles, exemples (page imprimable).', false),
    link(`${SPEC_DIR}/retour-siae.schema.json`, 'Schéma JSON d\u2019un retour SIAE', 'Pour les outils qui produisent les retours automatiquement.', true),
  ];
  replaceChildren(byId('downloads'), items);
}

function link(href: string, title: string, description: string, download: boolean): HTMLElement {
  // A page to read opens in its own tab (noopener: it gets no handle on the pane); files are downloaded.
  const attrs = download ? { href, download } : { href, target: '_blank', rel: 'noopener' };
  return el('li', { class: 'download' }, [
    el('a', { class: 'download__link', text: title, attrs }),
    el('span', { class: 'hint', text: description }),
  ]);
}
