import { SCHEMA_CHANGES } from '../core/recognize/versions.js';
import {
  DEFAULT_DIFFUSION_SETTINGS,
  AGGREGATION_LABELS,
  DEFAULT_PUBLICATION,
  DERIVED,
  HOURS_PER_ETP_DEFAULTS,
  INDICATORS,
  RULES,
  SCHEMA_DATE,
  SCHEMA_VERSION,
  SECTIONS,
  SIAE_KINDS,
  SIAE_KIND_LABELS,
  STRATEGY_NODES,
  VALUE_TYPE_LABELS,
  VERSIONING_POLICY,
  departementsOfRegion,
  derivedByCode,
  describeConstraint,
  formatNumberFr,
  formatPercentFr,
  indicatorByCode,
  regionName,
  type DerivedDef,
  type IndicatorDef,
  type PublicationSettings,
  type Settings,
  type StrategyNode,
} from '../schema/index.js';
import type { DerivedAggregate } from '../core/consolidate/index.js';
import { workedRate, workedReturn } from './examples.js';
import { GLOSSARY, dataProtection, officialReferences } from './references.js';
import { campaignBlocks } from './campaign-section.js';
import { diffusionSettingsBlocks } from './diffusion-section.js';
import { seriesBreaksBlocks } from './series-breaks-section.js';
import { reconciliationBlocks } from './reconciliation-section.js';

/**
 * The spec as one sequence of blocks, rendered as Markdown (docs/spec/*.md) and as a printable
 * HTML page: one content, two forms. Text uses Markdown's inline `code` and **bold** only; the
 * HTML rendering escapes everything else.
 */
export type SpecBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly { readonly text: string; readonly depth: number }[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** Not part of the document's body: where it comes from, for whoever maintains it. */
export const GENERATED_NOTE = 'Généré par `npm run spec` à partir du schéma des indicateurs (src/schema) : ne pas modifier à la main.';

export interface SpecOptions {
  readonly settings: Settings;
  readonly publication?: PublicationSettings;
}

const codes = (list: readonly string[]): string => list.map((c) => `\`${c}\``).join(' + ');

function formula(d: DerivedDef): string {
  if (d.kind === 'somme') return codes(d.numerator);
  const num = d.numerator.length > 1 ? `(${codes(d.numerator)})` : codes(d.numerator);
  const den = d.denominator.length > 1 ? `(${codes(d.denominator)})` : codes(d.denominator);
  return `${num} / ${den}`;
}

function indicatorsInforming(node: StrategyNode): string[] {
  const direct = (INDICATORS as readonly IndicatorDef[]).filter((i) => i.objectives.includes(node.code)).map((i) => i.code);
  const derived = DERIVED.filter((d) => d.objectives.includes(node.code)).map((d) => d.code);
  return [...direct, ...derived];
}

/** « 12 février 2026 » from an ISO date. */
function dateFr(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function shown(code: string, value: number | boolean | string): string {
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return indicatorByCode(code)?.type === 'annee' ? String(value) : formatNumberFr(value);
  return value;
}

function rate(a: DerivedAggregate, format: DerivedDef['format']): string {
  if (a.value.status === 'sans_objet') return 'sans objet';
  if (a.value.status === 'sans_donnee') return 'sans donnée';
  return format === 'pourcentage' ? formatPercentFr(a.value.value) : formatNumberFr(Math.round(a.value.value * 100) / 100);
}

/** The whole spec, in reading order. */
export function specBlocks({ settings, publication = DEFAULT_PUBLICATION }: SpecOptions): SpecBlock[] {
  const p = publication;
  const diffusion = settings.diffusion ?? DEFAULT_DIFFUSION_SETTINGS;
  const region = regionName(settings.regionCode);
  const out: SpecBlock[] = [];
  const h2 = (text: string) => out.push({ kind: 'heading', level: 2, text });
  const h3 = (text: string) => out.push({ kind: 'heading', level: 3, text });
  const para = (text: string) => out.push({ kind: 'paragraph', text });
  const list = (items: readonly string[], depth = 0) => out.push({ kind: 'list', items: items.map((text) => ({ text, depth })) });
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) => out.push({ kind: 'table', head, rows });

  out.push({ kind: 'title', text: 'Indicateurs IAE : spécification des indicateurs' });
  list([`Émetteur : ${p.issuer}`, `Statut : ${p.status}`, `Version du schéma : **${SCHEMA_VERSION}**, du ${dateFr(SCHEMA_DATE)}`]);
  para(
    "Ce document décrit le retour annuel qu'une structure d'insertion par l'activité économique (SIAE) transmet à son réseau ou au CDIAE : chaque indicateur avec son code, son libellé, sa définition, son unité, son type, ses contraintes, sa règle d'agrégation, sa source habituelle et les objectifs de la stratégie régionale qu'il renseigne ; les indicateurs dérivés et leur formule ; les règles de cohérence vérifiées ; deux exemples calculés. Le schéma JSON d'un retour est publié à côté (`retour-siae.schema.json`).",
  );

  h2('Collecte');
  list([
    `**Période couverte** : ${p.period}.`,
    `**Date limite et envoi** : ${p.deadline}.`,
    "**Forme** : le formulaire SIAE (une structure) ou le tableau réseau (une ligne par structure), tels que distribués ; un autre tableau est accepté s'il porte les libellés ou les codes des indicateurs en en-tête.",
    "**Valeur inconnue** : « NC », « n.d. », « - » ou « inconnu » sont admis dans une cellule facultative (la valeur compte comme non renseignée) ; une cellule obligatoire doit contenir la valeur.",
  ]);

  h2('Principes');
  list([
    'Un retour porte sur **une structure (SIRET) et une année**. Les chiffres de périodes différentes ne sont jamais additionnés.',
    '**Une cellule vide est une donnée manquante, jamais un zéro.** Saisissez 0 quand la valeur est nulle.',
    "Exception : la ventilation des heures par secteur. Dès qu'un secteur est renseigné, un secteur laissé vide vaut 0 (la ventilation liste les secteurs travaillés).",
    "Les « dont » (femmes, RSA, QPV…) se recoupent : chacun est au plus égal au total, ils ne s'additionnent pas.",
    'Un taux est calculé, à tout niveau (structure, département, région), comme la somme de son numérateur divisée par la somme de son dénominateur, sur les retours qui renseignent tous ses termes. Un taux dont le dénominateur est nul est « sans objet ».',
  ]);

  h2('Paramètres');
  para(
    `Région configurée : **${region}** (code INSEE ${settings.regionCode}). Départements admis : ${departementsOfRegion(settings.regionCode)
      .map((d) => `${d.code} ${d.nom}`)
      .join(', ')}. La région est un paramètre : les codes 2A, 2B et d'outre-mer (971 à 976) sont admis quand la région configurée les contient.`,
  );
  h3("Durée annuelle de référence d'un ETP d'insertion");
  para('ETP réalisés = heures rémunérées ÷ durée de référence du type de SIAE. Valeurs par défaut, modifiables :');
  table(
    ['Type', 'Libellé', 'Heures par ETP (paramètre)', 'Valeur par défaut', 'Source'],
    SIAE_KINDS.map((k) => [k, SIAE_KIND_LABELS[k], String(settings.hoursPerEtp[k]), String(HOURS_PER_ETP_DEFAULTS[k].hours), HOURS_PER_ETP_DEFAULTS[k].source]),
  );
  h3('Autres paramètres de ce document');
  list([
    `Limite entre emploi durable et emploi de transition : **${p.durableEmploymentBoundary}** (voir les définitions de référence).`,
    `Petits effectifs masqués dans une version publiée : de 1 à **${diffusion.countThreshold - 1}** (voir la protection des données et la version diffusable ci-dessous).`,
  ]);
  for (const b of diffusionSettingsBlocks(diffusion)) out.push(b);
  for (const b of seriesBreaksBlocks(settings.seriesBreaks)) out.push(b);

  h2('Indicateurs collectés');
  for (const section of SECTIONS) {
    const inds = (INDICATORS as readonly IndicatorDef[]).filter((i) => i.section === section.code);
    h3(section.label);
    table(
      ['Code', 'Libellé', 'Type', 'Unité', 'Obligatoire', 'Contraintes', 'Agrégation', 'Objectifs'],
      inds.map((i) => [
        `\`${i.code}\``,
        i.label,
        VALUE_TYPE_LABELS[i.type],
        i.unit ?? '',
        i.required ? 'oui' : 'non',
        describeConstraint(i, settings) + (i.subCountOf ? ` ; au plus \`${i.subCountOf}\`` : ''),
        AGGREGATION_LABELS[i.aggregation],
        i.objectives.join(', '),
      ]),
    );
    list(inds.map((i) => `\`${i.code}\` — **${i.label}** : ${i.definition} Source habituelle : ${i.source}`));
  }

  h2('Indicateurs dérivés');
  para('Calculés, jamais saisis. Les codes des formules sont ceux des indicateurs collectés.');
  table(
    ['Code', 'Libellé', 'Formule', 'Format', 'Objectifs'],
    DERIVED.map((d) => [`\`${d.code}\``, d.label, formula(d), d.format === 'pourcentage' ? 'pourcentage' : d.unit, d.objectives.join(', ')]),
  );
  list(DERIVED.map((d) => `\`${d.code}\` — **${d.label}** : ${d.definition}`));

  h2('Règles de cohérence');
  para('Une **erreur** empêche la prise en compte du retour dans la consolidation ; un **avertissement** demande une vérification mais le retour est pris en compte.');
  table(
    ['Code', 'Gravité', 'Règle', 'Cellule signalée'],
    RULES.map((r) => [`\`${r.code}\``, r.severity, r.description, `\`${r.field}\` (${indicatorByCode(r.field)?.label ?? ''})`]),
  );

  for (const b of campaignBlocks()) out.push(b);

  h2('Définitions de référence');
  para("Les indicateurs reprennent les définitions de la remontée nationale de l'IAE (extranet de l'ASP, les emplois de l'inclusion).");
  for (const ref of officialReferences(p)) {
    h3(ref.title);
    list(ref.items);
  }

  for (const b of reconciliationBlocks(settings.reconciliation)) out.push(b);

  h2('Exemples');
  para('Les chiffres des deux exemples sont calculés par le complément lui-même (vérification puis consolidation) à partir des valeurs saisies : ils changent avec le schéma.');
  const one = workedReturn(settings);
  h3('Exemple 1 : un retour rempli');
  para('Le retour annuel d\u2019un atelier et chantier d\u2019insertion ; la vérification ne signale aucune erreur.');
  table(
    ['Code', 'Libellé', 'Valeur'],
    one.values.map((v) => [`\`${v.code}\``, indicatorByCode(v.code)?.label ?? v.code, shown(v.code, v.value)]),
  );
  para('Indicateurs dérivés de ce retour :');
  table(
    ['Code', 'Libellé', 'Calcul', 'Valeur'],
    one.derived
      // Sectors the structure did not work in would only add lines of 0 %.
      .filter((d) => d.aggregate.value.status === 'valeur' && !(d.code.startsWith('part_heures_') && d.aggregate.numerator === 0))
      .map((d) => {
        const def = derivedByCode(d.code)!;
        return [`\`${d.code}\``, def.label, `${formatNumberFr(d.aggregate.numerator ?? 0)} / ${formatNumberFr(d.aggregate.denominator ?? 0)}`, rate(d.aggregate, def.format)];
      }),
  );
  const two = workedRate(settings);
  const def = derivedByCode(two.code)!;
  h3(`Exemple 2 : ${def.label.toLowerCase()} d'un département`);
  para(
    `Trois structures du département ${two.departement} (l'atelier de l'exemple 1, une entreprise d'insertion et une association intermédiaire). Le taux du département est la somme des numérateurs divisée par la somme des dénominateurs (formule : ${formula(def)}), jamais la moyenne des taux des structures.`,
  );
  table(
    ['Structure', 'Type', 'Numérateur', 'Dénominateur', 'Taux de la structure'],
    [
      ...two.siae.map((s) => [s.nom, s.kind, formatNumberFr(s.aggregate.numerator ?? 0), formatNumberFr(s.aggregate.denominator ?? 0), rate(s.aggregate, def.format)]),
      [`**Département ${two.departement}**`, '', `**${formatNumberFr(two.departementRate.numerator ?? 0)}**`, `**${formatNumberFr(two.departementRate.denominator ?? 0)}**`, `**${rate(two.departementRate, def.format)}**`],
    ],
  );
  para(
    `Taux du département : ${formatNumberFr(two.departementRate.numerator ?? 0)} / ${formatNumberFr(two.departementRate.denominator ?? 0)} = **${rate(two.departementRate, def.format)}**. La moyenne simple des trois taux (${formatPercentFr(two.meanOfRates)}) donnerait autant de poids à une petite structure qu'à une grande : elle n'est pas utilisée.`,
  );

  h2('Objectifs de la stratégie régionale');
  para("Orientations, objectifs et sous-objectifs de la stratégie pluriannuelle de l'IAE en Ile-de-France, avec les indicateurs qui les renseignent.");
  out.push({
    kind: 'list',
    items: STRATEGY_NODES.map((node) => {
      const inds = indicatorsInforming(node);
      const title = node.level === 'orientation' ? `**${node.code}. ${node.label}**` : `${node.code}. ${node.label}`;
      return { text: `${title}${inds.length ? ` — ${inds.map((c) => `\`${c}\``).join(', ')}` : ''}`, depth: node.level === 'orientation' ? 0 : node.level === 'objectif' ? 1 : 2 };
    }),
  });

  h2('Protection des données');
  list(dataProtection(p, diffusion.countThreshold));

  h2('Glossaire');
  table(['Sigle', 'Signification'], GLOSSARY.map(([a, b]) => [a, b]));

  h2('Versions');
  h3('Politique de version');
  list(VERSIONING_POLICY);
  h3('Historique des changements');
  table(
    ['Version', 'Changements'],
    [...SCHEMA_CHANGES].reverse().map((c) => [c.version === SCHEMA_VERSION ? `**${c.version}** (${dateFr(SCHEMA_DATE)})` : c.version, c.changes.join(' ; ')]),
  );
  return out;
}
