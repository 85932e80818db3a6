import { FOLLOW_UP_LABELS } from '../core/campaign/index.js';
import { REFERENTIEL_COLUMNS, TEMPLATE_FILES } from '../core/template-layout.js';
import { referentielHeader } from '../core/templates/index.js';
import { SIAE_KINDS } from '../schema/index.js';
import type { SpecBlock } from './blocks.js';

/** The spec's section on the campaign: the référentiel of expected SIAE and the completeness rules. */
export function campaignBlocks(): SpecBlock[] {
  return [
    { kind: 'heading', level: 2, text: 'Campagne : SIAE attendues et complétude' },
    {
      kind: 'paragraph',
      text: `Le **référentiel** liste les SIAE dont on attend le retour pour l'année de la campagne, une ligne par SIRET : ${REFERENTIEL_COLUMNS.map((c) => `« ${referentielHeader(c)} »`).join(', ')}, et l'année de la campagne. Il vient du modèle « Référentiel des SIAE » (\`${TEMPLATE_FILES.referentiel}\`), d'une liste ayant les mêmes en-têtes, de l'extraction annuelle de l'ASP (une entrée par SIRET, région configurée, dernière année de l'extraction ou celle des retours) ou des retours retenus de l'année précédente (un classeur consolidé, ou les retours eux-mêmes). Donné par \`--referentiel\` ou placé parmi les fichiers, il est reconnu comme tel et n'est jamais lu comme un retour ; sans référentiel, l'extraction ASP en tient lieu.`,
    },
    {
      kind: 'list',
      items: ([
        `**Contrôles du référentiel** : SIRET de 14 chiffres avec sa clé de contrôle, type de SIAE parmi ${SIAE_KINDS.join(', ')}, département de la région, un SIRET une seule fois (la ligne suivante est écartée). Chaque ligne écartée est signalée avec le fichier, la feuille et la cellule.`,
        "**Rattachement** : un retour est rattaché à une SIAE du référentiel par son SIRET, sinon par son numéro d'annexe financière réduit à sa forme courte (sans espaces ni avenant : ACI075150013). Seuls comptent les retours de l'année de la campagne (un retour dont l'année est illisible compte aussi).",
        "**État de chaque SIAE** (le premier qui s'applique) : « " +
          `${FOLLOW_UP_LABELS.retenu} » (un de ses retours entre dans les chiffres) ; « ${FOLLOW_UP_LABELS.ecarte} » (son retour a une erreur : motif donné) ; « ${FOLLOW_UP_LABELS.doublon} » (elle n'a reçu que des retours mis de côté comme doublons d'un retour rattaché à une autre SIAE) ; « ${FOLLOW_UP_LABELS.manquant} ».`,
        '**Identité**, par département × type de SIAE, par département et pour la région : attendues = retenues + écartées + doublons + manquantes, et reçues = retenues + écartées + doublons. Le doublon d\'une SIAE retenue (ou écartée) ne compte pas une seconde fois : la SIAE compte une fois, dans son état ; ses retours en trop sont comptés à part (« retours en double écartés »), hors de l\'identité.',
        '**Hors référentiel** : les retours qui ne se rattachent à aucune SIAE du référentiel sont listés à part, avec leur état ; ils comptent dans les chiffres s\'ils sont retenus.',
        "**Objectifs** : quand un référentiel est donné pour l'année mesurée, un objectif dont le périmètre (région ou département, type de SIAE) compte des SIAE attendues sans retour retenu passe en « couverture partielle », avec leur nombre.",
      ] as const).map((text) => ({ text, depth: 0 })),
    },
  ];
}
