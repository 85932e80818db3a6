import { ASP_COMPARISONS, ourLabel } from '../core/reconcile/index.js';
import {
  DEFAULT_RECONCILIATION_SETTINGS,
  derivedByCode,
  formatNumberFr,
  RECONCILIATION_DEFAULTS,
  SIAE_KINDS,
  type ReconciliationSettings,
} from '../schema/index.js';
import type { SpecBlock } from './blocks.js';

const LABELS: { readonly [K in keyof ReconciliationSettings]: string } = {
  absoluteTolerance: 'Tolérance absolue, en personnes ou en sorties',
  relativeTolerance: "Tolérance relative, en part du chiffre de l'ASP",
};

const show = (k: keyof ReconciliationSettings, v: number) => (k === 'relativeTolerance' ? `${formatNumberFr(v * 100)} %` : formatNumberFr(v));
const kindsText = (kinds: readonly string[]) => (kinds.length === 0 ? 'non comparée' : kinds.length === SIAE_KINDS.length ? 'tous les types' : kinds.join(', '));
const header = (figure: string) => `« ${ASP_COMPARISONS.find((c) => c.figure === figure)!.header} »`;
const terms = (code: string) => derivedByCode(code)!.numerator.map((c) => `\`${c}\``).join(' + ');

/**
 * The spec's section on the reconciliation with the ASP annual extract: how SIAE are paired,
 * each column of the extract against our codes (src/core/reconcile/mapping.ts), how our exit
 * classes correspond to the extract's exits, and the tolerances (settings, with their defaults).
 */
export function reconciliationBlocks(settings: ReconciliationSettings = DEFAULT_RECONCILIATION_SETTINGS): SpecBlock[] {
  const keys = Object.keys(LABELS) as (keyof ReconciliationSettings)[];
  const exits = ASP_COMPARISONS.filter((c) => c.code && (c.code.startsWith('sorties_') || c.figure.startsWith('sorties_')));
  return [
    { kind: 'heading', level: 2, text: "Rapprochement avec l'extraction ASP" },
    {
      kind: 'paragraph',
      text: "L'ASP remet chaque année aux services régionaux une extraction des personnes et des sorties par annexe financière (« BenefSorties »), calculée depuis l'extranet de l'IAE. Donnée avec les retours (`iae consolidate --asp extraction.xlsx`), elle est lue par ses en-têtes (quel que soit l'ordre des colonnes, espaces finaux et deux-points ôtés ou non, en-tête du total tronqué ou entier) et rapprochée des retours retenus dans la feuille « Rapprochement ASP ». C'est une **référence** : aucun de ses chiffres n'entre dans la consolidation.",
    },
    {
      kind: 'list',
      items: [
        "**Rapprochement** : une SIAE est la même des deux côtés pour la même année quand le SIRET est le même, sinon quand l'annexe financière est la même sous sa forme courte (sans espaces, sans le suffixe d'avenant à partir de « A » suivi d'un chiffre : `ACI 075 15 0013 A0M1` devient `ACI075150013`). Seules les années présentes des deux côtés sont comparées.",
        "**Écart** = chiffre des retours − chiffre de l'ASP ; **écart relatif** = écart ÷ chiffre de l'ASP (sans objet quand l'ASP donne 0).",
        "**Signalement** : un écart est signalé quand il dépasse à la fois la tolérance absolue et la tolérance relative ; un écart égal à une tolérance n'est pas signalé. Quand l'ASP donne 0, la seule tolérance absolue s'applique.",
        '**Totaux** de la région et de chaque département : sommes sur les SIAE rapprochées qui donnent le chiffre des deux côtés, pour que les deux colonnes décrivent les mêmes structures.',
        "**SIAE d'un seul côté** : les retours retenus que l'extraction ne contient pas, et les lignes de l'extraction qu'aucun retour retenu ne rejoint, sont listés à part.",
      ].map((text) => ({ text, depth: 0 })),
    },
    { kind: 'heading', level: 3, text: "Colonnes de l'extraction et indicateurs" },
    {
      kind: 'table',
      head: ["Colonne de l'extraction", 'Code', 'Comparée pour', 'Motif'],
      rows: ASP_COMPARISONS.map((c) => [`« ${c.header} »`, c.code ? `\`${c.code}\`` : '', kindsText(c.kinds), c.note]),
    },
    { kind: 'heading', level: 3, text: "Correspondance des sorties avec l'extraction" },
    {
      kind: 'list',
      items: [
        ...exits
          .filter((c) => c.figure !== 'sorties_examinees')
          .map((c) => `${header(c.figure)} : \`${c.code}\` (${ourLabel(c.code!)}), pour ${kindsText(c.kinds)}.`),
        `${header('sorties_examinees')} : nos sorties examinées \`sorties_examinees\` = ${terms('sorties_examinees')}, c'est-à-dire toutes les sorties moins les sorties retirées (\`sorties_retirees\`, que l'ASP retire aussi). Comparée pour ${kindsText(ASP_COMPARISONS.find((c) => c.figure === 'sorties_examinees')!.kinds)} seulement, les types que nomme la colonne.`,
        "`autres_sorties` n'a pas de colonne dans l'extraction (elle vaut, côté ASP, les sorties examinées moins les trois classes) ; `sorties_retirees` non plus : ni l'une ni l'autre n'est comparée.",
        "L'ASP n'examine une sortie qu'après une durée minimale dans la structure (3 mois en ACI et EI, 150 heures en AI et ETTI, 1 heure en EITI) ; les retours comptent toutes les sorties de la période. Un chiffre des retours supérieur à celui de l'ASP peut donc venir de sorties précoces : c'est ce que la tolérance et le signalement invitent à vérifier.",
      ].map((text) => ({ text, depth: 0 })),
    },
    { kind: 'heading', level: 3, text: 'Tolérances du rapprochement' },
    {
      kind: 'table',
      head: ['Paramètre', 'Valeur', 'Valeur par défaut', 'Source'],
      rows: keys.map((k) => [`${LABELS[k]} (\`${k}\`)`, show(k, settings[k]), show(k, RECONCILIATION_DEFAULTS[k].value), RECONCILIATION_DEFAULTS[k].source]),
    },
  ];
}
