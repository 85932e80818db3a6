import {
  INDICATORS,
  regionName,
  RULES,
  SCHEMA_VERSION,
  SIAE_KINDS,
  YEAR_MAX,
  YEAR_MIN,
  type IndicatorDef,
  type Settings,
} from '../../schema/index.js';
import {
  INDICATORS_SHEET,
  INSTRUCTIONS_SHEET,
  NETWORK_INPUT_ROWS,
  NETWORK_SHEET,
  PLAN_SHEET,
  REFERENTIEL_SHEET,
  SIAE_SHEET,
  STRATEGY_SHEET,
  TEMPLATE_TITLES,
  type TemplateKind,
} from '../template-layout.js';
import type { CellModel, SheetModel, StyleModel } from '../workbook-model.js';
import { withRowHeights } from '../text-layout.js';
import * as S from './styles.js';
import { sendBackSentence, type SendBackSettings } from './send-back.js';
import { joinFr, numberFr } from './text.js';

type Block = { readonly kind: 'heading' | 'para' | 'bullet'; readonly text: string };
const h = (text: string): Block => ({ kind: 'heading', text });
const p = (text: string): Block => ({ kind: 'para', text });
const b = (text: string): Block => ({ kind: 'bullet', text });

function who(kind: TemplateKind, sendBack: SendBackSettings): Block[] {
  const back = sendBackSentence(sendBack);
  switch (kind) {
    case 'siae':
      return [
        h('Qui remplit ce fichier'),
        p(
          `Chaque SIAE (${SIAE_KINDS.join(', ')}) remplit un fichier par structure conventionnée (un SIRET) et par année, dans la feuille « ${SIAE_SHEET} ». Une structure qui porte plusieurs conventions (par exemple un ACI et une EI) remplit un fichier pour chacune.`,
        ),
        h('Où envoyer le fichier rempli'),
        p(`${back} Gardez le format .xlsx et ne renommez pas les feuilles.`),
      ];
    case 'reseau':
      return [
        h('Qui remplit ce fichier'),
        p(
          `Un réseau de l'IAE ou le secrétariat d'un CDIAE rassemble les retours de ses SIAE dans le tableau de la feuille « ${NETWORK_SHEET} » : une ligne par SIAE (un SIRET) et par année, ${numberFr(NETWORK_INPUT_ROWS)} lignes au plus (au-delà, utilisez un second fichier).`,
        ),
        p(
          `Renseignez d'abord le bloc « Émetteur » en haut de la feuille (réseau ou CDIAE, département, année, contact, date). Les colonnes sont groupées par section ; la petite ligne grise au-dessus des titres donne le code de chaque indicateur : ne la modifiez pas. La feuille « ${INDICATORS_SHEET} » décrit chaque colonne (définition, unité, valeurs admises).`,
        ),
        h('Où envoyer le fichier rempli'),
        p(`${back} Gardez le format .xlsx et ne renommez pas les feuilles.`),
      ];
    case 'plan':
      return [
        h('Qui remplit ce fichier'),
        p(
          `L'équipe régionale (services de l'État, avec le COR-IAE) pour le plan d'actions régional, ou un CDIAE pour son plan départemental (PDIAE), fixe ses cibles dans le tableau de la feuille « ${PLAN_SHEET} » : pour chaque objectif mesurable de la stratégie, une ligne par indicateur et par périmètre (la région, ou un département, éventuellement un type de SIAE), avec la valeur de référence, la cible, leurs années et le sens attendu (hausse ou baisse).`,
        ),
        p(
          `La feuille « ${STRATEGY_SHEET} » rappelle les cinq orientations, les objectifs et les sous-objectifs de la stratégie régionale, avec les indicateurs qui les renseignent ; la feuille « ${INDICATORS_SHEET} » donne les codes d'indicateurs admis (collectés ou calculés).`,
        ),
        h('Exemples à remplacer'),
        p(
          "Les lignes dont la colonne « Exemple à remplacer » vaut « oui » (surlignées en orange) sont des exemples : les valeurs de référence 2013 viennent du diagnostic de la stratégie, les cibles sont illustratives. Remplacez-les par vos cibles puis mettez « non », ou effacez le contenu de la ligne. Une ligne marquée « oui » est signalée comme exemple à la lecture.",
        ),
        h('Où envoyer le fichier rempli'),
        p(`Le plan est partagé avec les CDIAE et les réseaux. ${back}`),
      ];
    case 'referentiel':
      return [
        h('Qui remplit ce fichier'),
        p(
          `L'équipe régionale (ou un CDIAE pour son département) liste dans la feuille « ${REFERENTIEL_SHEET} » les SIAE conventionnées dont elle attend le retour pour l'année de la campagne : une ligne par SIAE (un SIRET), avec son annexe financière, son type, son département, son réseau et qui relancer. À la consolidation, chaque SIAE de la liste est dite « reçu et retenu », « écarté » (avec le motif) ou « manquant » dans la feuille « Suivi de la collecte ».`,
        ),
        p("À défaut de ce fichier, la liste peut venir de l'extraction annuelle de l'ASP, ou des retours retenus l'an passé."),
        h('Où envoyer le fichier rempli'),
        p(`Placez-le parmi les retours à consolider, ou donnez-le par --referentiel. ${back}`),
      ];
  }
}

function howToFill(kind: TemplateKind, settings: Settings): Block[] {
  const hours = SIAE_KINDS.map((k) => `${k} ${numberFr(settings.hoursPerEtp[k])} h`);
  const blocks: Block[] = [
    h('Comment saisir'),
    b('Les cases jaunes encadrées sont à remplir ; les autres cellules (titres, libellés, formules) sont verrouillées.'),
    b(
      `Chaque case à remplir affiche une aide (la définition de l'indicateur) quand vous la sélectionnez, et refuse les valeurs hors des valeurs admises : listes (types de SIAE, départements, oui / non), nombres entiers ≥ 0 pour les personnes et les sorties, nombres décimaux ≥ 0 pour les heures et les ETP, années de ${YEAR_MIN} à ${YEAR_MAX}.`,
    ),
  ];
  if (kind === 'referentiel') {
    blocks.push(
      b('SIRET : 14 chiffres sans espace, avec sa clé de contrôle. Annexe financière : facultative, elle sert à reconnaître un retour dont le SIRET diffère.'),
      b("Type de SIAE et département : choisis dans les listes ; réseau et contact : texte libre, facultatifs."),
      b("Année de la campagne : en haut de la feuille, l'année dont on attend les retours (ex. 2025)."),
      b('Une ligne par SIAE conventionnée : une structure qui porte deux conventions sous deux SIRET figure sur deux lignes.'),
    );
    return blocks;
  }
  if (kind === 'plan') {
    blocks.push(
      b("Les taux et les parts se saisissent en pourcentage (45 %) : le classeur les enregistre comme des fractions (0,45). Les autres valeurs (personnes, ETP, heures) se saisissent en nombre, sans unité."),
      b("Périmètre : « Région » ou le code d'un département ; type de SIAE : laissez vide pour tous les types."),
    );
    return blocks;
  }
  blocks.push(
    b("Une case vide signifie « donnée manquante », jamais 0 : laissez vide ce que vous ne connaissez pas et saisissez 0 seulement quand la valeur est vraiment nulle."),
    b("Exception, les heures par secteur : renseignez les secteurs travaillés ; un secteur laissé vide vaut 0 dès qu'un autre secteur est renseigné. Leur total doit être égal aux heures rémunérées."),
    b('Unités : les nombres se saisissent sans unité. Personnes : personnes distinctes sur la période. Heures : heures rémunérées sur l\'année. ETP : équivalents temps plein, décimales admises. Années sur 4 chiffres.'),
    b(`Durée annuelle de référence d'un ETP d'insertion, par type de SIAE (réglage régional) : ${joinFr(hours)}.`),
    b('SIRET : 14 chiffres sans espace. Les cases de codes (SIRET, département, commune) sont au format texte pour garder les zéros en tête.'),
  );
  if (kind === 'siae') {
    blocks.push(
      b(
        "Les cases grises marquées « Calculé » contiennent des formules : ETP calculés à partir des heures selon le type de SIAE, total des heures par secteur et écart avec les heures rémunérées, parts des publics, taux de sorties, taux de réalisation des ETP. Elles restent vides tant qu'une donnée nécessaire manque ; « sans objet » signale un taux dont le dénominateur est nul.",
      ),
    );
  }
  return blocks;
}

function checks(kind: TemplateKind): Block[] {
  if (kind === 'referentiel') {
    return [
      h('Ce que vérifient les contrôles'),
      b('SIRET avec sa clé de contrôle ; type de SIAE de la liste ; département de la région ; pas deux lignes pour le même SIRET (la seconde est écartée).'),
    ];
  }
  if (kind === 'plan') {
    return [
      h('Ce que vérifient les contrôles'),
      b(`Objectif : un code de la feuille « ${STRATEGY_SHEET} » ; indicateur : un code de la feuille « ${INDICATORS_SHEET} ».`),
      b("Périmètre : « Région » ou un département de la région ; type de SIAE de la liste ; valeurs ≥ 0 ; années valides ; sens « hausse » ou « baisse » ; cible cohérente avec le sens."),
    ];
  }
  const required = (INDICATORS as readonly IndicatorDef[]).filter((i) => i.required).map((i) => i.label);
  const blocks: Block[] = [
    h('Ce que vérifient les contrôles'),
    p('À la lecture du fichier, chaque valeur est contrôlée, puis la cohérence entre valeurs. Une erreur empêche de retenir la valeur ; un avertissement signale une valeur à vérifier.'),
    b(`Présence des valeurs obligatoires : ${joinFr(required)}.`),
    b('Type et valeurs admises de chaque case (nombre, liste, SIRET avec sa clé de contrôle, code commune, année…).'),
  ];
  if (kind === 'reseau') {
    blocks.push(b('Tableau : pas de doublon (même SIRET et même année), pas de ligne vide au milieu des lignes remplies, une seule année par fichier, pas de colonne inconnue.'));
  }
  blocks.push(p('Cohérence entre valeurs :'));
  for (const r of RULES) blocks.push(b(`${r.severity === 'erreur' ? 'Erreur' : 'Avertissement'} : ${r.description}`));
  return blocks;
}

function protection(): Block[] {
  return [
    h('Protection des feuilles'),
    p(
      "Les feuilles sont protégées SANS mot de passe. La protection évite d'effacer par erreur les libellés, les formules, les noms de cellules et les tableaux qui permettent de relire le fichier automatiquement, sans deviner la position des données.",
    ),
    b('Pour l\'ôter si vous en avez besoin : dans Excel, Révision > Ôter la protection de la feuille ; dans LibreOffice, Outils > Protéger la feuille (décocher).'),
    b('Ne renommez pas les feuilles et n\'insérez ni ne supprimez de lignes ou de colonnes dans les zones de saisie.'),
  ];
}

export const INSTRUCTIONS_WIDTH = 70;

/** The "Mode d'emploi" sheet, first of every template. */
export function instructionsSheet(kind: TemplateKind, settings: Settings, sendBack: SendBackSettings = {}): SheetModel {
  const blocks: Block[] = [
    p(`Indicateurs de l'insertion par l'activité économique (IAE), région ${regionName(settings.regionCode)}.`),
    ...who(kind, sendBack),
    ...howToFill(kind, settings),
    ...checks(kind),
    ...protection(),
    h('Version'),
    p(`Modèle généré à partir du schéma des indicateurs version ${SCHEMA_VERSION}. Un fichier rempli sur un modèle d'une autre version est signalé à la lecture : utilisez toujours le dernier modèle.`),
  ];
  const styles: Record<Block['kind'], StyleModel> = {
    heading: { bold: true, fontSize: 12, color: S.COLORS.title, fill: S.COLORS.section },
    para: S.PARAGRAPH,
    bullet: { ...S.PARAGRAPH, indent: 1 },
  };
  const cells: CellModel[] = [{ row: 1, col: 1, value: `Mode d'emploi : ${TEMPLATE_TITLES[kind]}`, style: S.TITLE }];
  let row = 3;
  for (const block of blocks) {
    if (block.kind === 'heading' && row > 3) row++;
    cells.push({ row: row++, col: 1, value: block.kind === 'bullet' ? `• ${block.text}` : block.text, style: styles[block.kind] });
  }
  // One column, no merges: both Excel and LibreOffice wrap it. LibreOffice does not shrink a
  // single-column sheet to the page width, and without Calibri it measures widths with a wider
  // font (DejaVu Sans): 80 characters then ran past the right margin of a portrait A4 page and
  // the ends of lines were cut. 70 fit with room to spare (print test: print.slow.test.ts).
  return withRowHeights({
    name: INSTRUCTIONS_SHEET,
    tabColor: '548235',
    columns: [{ width: INSTRUCTIONS_WIDTH }],
    cells,
    protection: { enabled: true },
    print: { orientation: 'portrait', fitToWidth: true },
  });
}
