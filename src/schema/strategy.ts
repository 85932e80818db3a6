/**
 * The regional IAE strategy of Ile-de-France (shared/seed): five orientations, their numbered
 * objectives and sub-objectives. Indicators name the codes they inform; the action plan sets
 * targets on them. Labels are the strategy's own wording.
 */
export interface StrategyNode {
  readonly code: string;
  readonly label: string;
  readonly level: 'orientation' | 'objectif' | 'sous-objectif';
  readonly children: readonly StrategyNode[];
}

const leaf = (code: string, label: string): StrategyNode => ({ code, label, level: 'sous-objectif', children: [] });
const objective = (code: string, label: string, children: StrategyNode[] = []): StrategyNode => ({
  code,
  label,
  level: 'objectif',
  children,
});
const orientation = (code: string, label: string, children: StrategyNode[]): StrategyNode => ({
  code,
  label,
  level: 'orientation',
  children,
});

export const STRATEGY: readonly StrategyNode[] = [
  orientation("1", "Ancrer les activités des structures de l'IAE dans les territoires", [
    objective('11', "Saisir les opportunités d'emploi dans les territoires porteurs d'un projet de développement", [
      leaf('111', "S'impliquer sur les territoires du Grand Paris"),
      leaf('112', "Examiner l'opportunité de développer des projets IAE dans le cadre des territoires"),
      leaf('113', "Examiner l'opportunité de développer des projets IAE sur d'autres territoires atypiques"),
    ]),
    objective('12', "Assurer une offre d'insertion dans les territoires en difficulté ou dépourvus d'offre d'insertion", [
      leaf('121', 'Cibler les territoires de la politique de la ville (QPV) ou zones de revitalisation rurale (ZRR)'),
      leaf('122', 'Cibler les territoires impactés par les restructurations'),
      leaf('123', "Cibler les territoires où l'implantation des SIAE est insuffisante au regard des besoins en insertion des publics"),
    ]),
  ]),
  orientation('2', 'Organiser des parcours adaptés aux différents types de publics', [
    objective('21', "S'assurer que les publics prioritaires accèdent à l'offre d'insertion IAE", [
      leaf('211', "Connaître les publics prioritaires sur les territoires et adapter les objectifs d'insertion en leur faveur"),
      leaf('212', "Diversifier l'offre pour favoriser l'égalité femmes-hommes"),
      leaf('213', "Améliorer l'orientation et la prescription"),
    ]),
    objective('22', 'Renforcer les articulations des salariés en insertion avec le marché du travail', [
      leaf('221', 'Développer une ingénierie de parcours en fonction de la diversité des publics'),
      leaf('222', 'Développer des suites de parcours'),
      leaf('223', "Renforcer l'accès à la formation"),
    ]),
  ]),
  orientation('3', "Favoriser le développement économique et la consolidation des SIAE pour une offre d'insertion renforcée", [
    objective('31', 'Intensifier les partenariats avec les acteurs économiques', [
      leaf('311', "Promouvoir l'IAE auprès des entreprises"),
      leaf('312', 'Intensifier la coopération des SIAE avec les entreprises « classiques » ou avec les donneurs d\'ordre publics et privés'),
    ]),
    objective('32', "Développer l'accès des SIAE aux marchés publics et privés et aux achats socialement responsables", [
      leaf('321', "Prioriser les efforts sur les marchés du nouveau programme national de rénovation urbaine de l'ANRU et des marchés du Grand Paris"),
      leaf('322', "Accompagner les donneurs d'ordre"),
      leaf('323', 'Accompagner les SIAE'),
      leaf('324', "Mettre en place des réseaux d'acteurs en faveur des clauses sociales et achats responsables"),
    ]),
  ]),
  orientation('4', "Développer le secteur de l'IAE au sein de l'économie sociale et solidaire", [
    objective('41', "Développer l'offre d'insertion", [
      leaf('411', "Connaître l'offre d'insertion disponible sur les territoires"),
      leaf('412', "Accompagner le développement de l'offre d'insertion"),
      leaf('413', 'Valoriser les projets des SIAE'),
    ]),
    objective('42', 'Accompagner les SIAE dans leur développement et renforcer leur pérennité', [
      leaf('421', 'Mobiliser et diversifier les financements'),
      leaf('422', 'Renforcer les échanges de pratiques et mutualiser des fonctions'),
      leaf('423', 'Accompagner les évolutions des SIAE et développer le management et le pilotage économique'),
      leaf('424', "Ancrer les SIAE dans l'ESS"),
      leaf('425', 'Renforcer la place des salariés dans les SIAE'),
    ]),
  ]),
  orientation('5', 'Rénover la gouvernance', [
    objective('51', 'Partager les définitions des instances et réfléchir à leurs articulations'),
    objective('52', 'Conférence des financeurs'),
    objective('53', "Conseil départemental de l'IAE (CDIAE)"),
    objective('54', 'Comité technique d\'animation (CTA)'),
  ]),
];

function flatten(nodes: readonly StrategyNode[]): StrategyNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Every node of the strategy, depth first (orientation, objectives, sub-objectives). */
export const STRATEGY_NODES: readonly StrategyNode[] = flatten(STRATEGY);
const NODE_BY_CODE = new Map(STRATEGY_NODES.map((n) => [n.code, n]));

export function strategyNode(code: string): StrategyNode | undefined {
  return NODE_BY_CODE.get(code);
}
