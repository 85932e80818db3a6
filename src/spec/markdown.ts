import {
  AGGREGATION_LABELS,
  DERIVED,
  HOURS_PER_ETP_DEFAULTS,
  INDICATORS,
  RULES,
  SCHEMA_VERSION,
  SECTIONS,
  SIAE_KINDS,
  SIAE_KIND_LABELS,
  STRATEGY_NODES,
  VALUE_TYPE_LABELS,
  departementsOfRegion,
  describeConstraint,
  indicatorByCode,
  regionName,
  type DerivedDef,
  type IndicatorDef,
  type Settings,
  type StrategyNode,
} from '../schema/index.js';
import { diffusionSettingsSection } from './diffusion-section.js';

/** Markdown table cell: pipes and line breaks would break the table. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];
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

/** The French spec of the indicators, for networks: generated, never edited by hand. */
export function specMarkdown(settings: Settings): string {
  const region = regionName(settings.regionCode);
  const out: string[] = [];
  out.push(`# Indicateurs IAE : spécification des indicateurs`);
  out.push('');
  out.push(`Version du schéma : **${SCHEMA_VERSION}**. Document généré par \`npm run spec\` à partir du schéma des indicateurs : ne pas le modifier à la main.`);
  out.push('');
  out.push(
    "Ce document décrit le retour annuel qu'une structure d'insertion par l'activité économique (SIAE) transmet à son réseau ou au CDIAE : chaque indicateur avec son code, son libellé, sa définition, son unité, son type, ses contraintes, sa règle d'agrégation et les objectifs de la stratégie régionale qu'il renseigne ; les indicateurs dérivés et leur formule ; les règles de cohérence vérifiées. Le schéma JSON d'un retour est publié à côté (`retour-siae.schema.json`).",
  );
  out.push('');
  out.push('## Principes');
  out.push('');
  out.push('- Un retour porte sur **une structure (SIRET) et une année**. Les chiffres de périodes différentes ne sont jamais additionnés.');
  out.push("- **Une cellule vide est une donnée manquante, jamais un zéro.** Saisissez 0 quand la valeur est nulle.");
  out.push(
    '- Exception : la ventilation des heures par secteur. Dès qu\'un secteur est renseigné, un secteur laissé vide vaut 0 (la ventilation liste les secteurs travaillés).',
  );
  out.push('- Les « dont » (femmes, RSA, QPV…) se recoupent : chacun est au plus égal au total, ils ne s\'additionnent pas.');
  out.push(
    "- Un taux est calculé, à tout niveau (structure, département, région), comme la somme de son numérateur divisée par la somme de son dénominateur, sur les retours qui renseignent tous ses termes. Un taux dont le dénominateur est nul est « sans objet ».",
  );
  out.push('');
  out.push('## Paramètres');
  out.push('');
  out.push(
    `Région configurée : **${region}** (code INSEE ${settings.regionCode}). Départements admis : ${departementsOfRegion(settings.regionCode)
      .map((d) => `${d.code} ${d.nom}`)
      .join(', ')}. La région est un paramètre : les codes 2A, 2B et d'outre-mer (971 à 976) sont admis quand la région configurée les contient.`,
  );
  out.push('');
  out.push("### Durée annuelle de référence d'un ETP d'insertion");
  out.push('');
  out.push('ETP réalisés = heures rémunérées ÷ durée de référence du type de SIAE. Valeurs par défaut, modifiables :');
  out.push('');
  appendLines(out,
    table(
      ['Type', 'Libellé', 'Heures par ETP (paramètre)', 'Valeur par défaut', 'Source'],
      SIAE_KINDS.map((k) => [
        k,
        SIAE_KIND_LABELS[k],
        String(settings.hoursPerEtp[k]),
        String(HOURS_PER_ETP_DEFAULTS[k].hours),
        HOURS_PER_ETP_DEFAULTS[k].source,
      ]),
    ),
  );
  out.push('');
  appendLines(out, diffusionSettingsSection(settings.diffusion));
  out.push('');
  out.push('## Indicateurs collectés');
  for (const section of SECTIONS) {
    const list = (INDICATORS as readonly IndicatorDef[]).filter((i) => i.section === section.code);
    out.push('');
    out.push(`### ${section.label}`);
    out.push('');
    appendLines(out,
      table(
        ['Code', 'Libellé', 'Type', 'Unité', 'Obligatoire', 'Contraintes', 'Agrégation', 'Objectifs'],
        list.map((i) => [
          `\`${i.code}\``,
          i.label,
          VALUE_TYPE_LABELS[i.type],
          i.unit ?? '',
          i.required ? 'oui' : 'non',
          describeConstraint(i, settings) + (i.subCountOf ? ` ; au plus \`${i.subCountOf}\`` : ''),
          AGGREGATION_LABELS[i.aggregation],
          i.objectives.join(', '),
        ]),
      ),
    );
    out.push('');
    for (const i of list) out.push(`- \`${i.code}\` — **${i.label}** : ${i.definition}`);
  }
  out.push('');
  out.push('## Indicateurs dérivés');
  out.push('');
  out.push('Calculés, jamais saisis. Les codes des formules sont ceux des indicateurs collectés.');
  out.push('');
  appendLines(out,
    table(
      ['Code', 'Libellé', 'Formule', 'Format', 'Objectifs'],
      DERIVED.map((d) => [`\`${d.code}\``, d.label, formula(d), d.format === 'pourcentage' ? 'pourcentage' : d.unit, d.objectives.join(', ')]),
    ),
  );
  out.push('');
  for (const d of DERIVED) out.push(`- \`${d.code}\` — **${d.label}** : ${d.definition}`);
  out.push('');
  out.push('## Règles de cohérence');
  out.push('');
  out.push("Une **erreur** empêche la prise en compte du retour dans la consolidation ; un **avertissement** demande une vérification mais le retour est pris en compte.");
  out.push('');
  appendLines(out,
    table(
      ['Code', 'Gravité', 'Règle', 'Cellule signalée'],
      RULES.map((r) => [`\`${r.code}\``, r.severity, r.description, `\`${r.field}\` (${indicatorByCode(r.field)?.label ?? ''})`]),
    ),
  );
  out.push('');
  out.push('## Objectifs de la stratégie régionale');
  out.push('');
  out.push("Orientations, objectifs et sous-objectifs de la stratégie pluriannuelle de l'IAE en Ile-de-France, avec les indicateurs qui les renseignent.");
  out.push('');
  for (const node of STRATEGY_NODES) {
    const indent = node.level === 'orientation' ? '' : node.level === 'objectif' ? '  ' : '    ';
    const inds = indicatorsInforming(node);
    const title = node.level === 'orientation' ? `**${node.code}. ${node.label}**` : `${node.code}. ${node.label}`;
    out.push(`${indent}- ${title}${inds.length ? ` — ${inds.map((c) => `\`${c}\``).join(', ')}` : ''}`);
  }
  out.push('');
  return out.join('\n');
}

/** Appends lines one by one (a spread into push has a size limit). */
function appendLines(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}
