/**
 * The campaign's optional inputs in the Consolider tab (issue 14): one single-file picker each
 * for the référentiel des SIAE, the ASP extract and last year's consolidation, with French help,
 * the chosen file named and removable. Nothing here reads the files: the engine does, at the run.
 */
import type { PaneController } from '../controller.js';
import { byId, el, replaceChildren } from '../dom.js';
import type { CampaignSlot } from '../ports.js';
import { filePicker, watch } from './common.js';

interface SlotText {
  readonly slot: CampaignSlot;
  readonly id: string;
  readonly title: string;
  readonly button: string;
  readonly help: string;
}

const SLOTS: readonly SlotText[] = [
  {
    slot: 'referentiel',
    id: 'referentiel-input',
    title: 'Référentiel des SIAE',
    button: 'Choisir le référentiel (.xlsx)',
    help: 'Facultatif. La liste des SIAE attendues pour l\u2019année (modèle « Référentiel des SIAE » ou extrait ASP) : la consolidation dit, par département, qui a répondu et qui manque.',
  },
  {
    slot: 'asp',
    id: 'asp-input',
    title: 'Extrait ASP',
    button: 'Choisir l\u2019extrait ASP (.xlsx)',
    help: 'Facultatif. L\u2019extrait annuel de l\u2019ASP (bénéficiaires et sorties) : rapproché des retours SIAE par SIAE, jamais ajouté aux chiffres des réseaux.',
  },
  {
    slot: 'reference',
    id: 'reference-input',
    title: 'Consolidation de l\u2019an dernier',
    button: 'Choisir la consolidation précédente (.xlsx)',
    help: 'Facultatif. Un classeur consolidé d\u2019une année précédente, produit par ce complément : les chiffres clés des deux années sont comparés.',
  },
];

export function mountCampaignInputs(ctrl: PaneController): void {
  const boxes = SLOTS.map((s) => {
    const picker = filePicker({
      id: s.id,
      label: s.button,
      multiple: false,
      onReading: (read) => ctrl.reading(read, 'consolider'),
      onFiles: ([file]) => {
        if (file) ctrl.setCampaignFile(s.slot, file);
      },
      onRemove: () => ctrl.setCampaignFile(s.slot, undefined),
    });
    ctrl.subscribe(watch((state) => [state.campaign[s.slot]] as const, (file) => picker.setFiles(file ? [file] : [])));
    const helpId = `${s.id}-aide`;
    const root = el('div', { class: 'campaign-input', attrs: { role: 'group', 'aria-labelledby': `${s.id}-titre`, 'aria-describedby': helpId } }, [
      el('h3', { class: 'campaign-input__title', text: s.title, attrs: { id: `${s.id}-titre` } }),
      el('p', { class: 'hint', text: s.help, attrs: { id: helpId } }),
      picker.root,
    ]);
    return root;
  });
  replaceChildren(byId('campaign-inputs'), boxes);
}
