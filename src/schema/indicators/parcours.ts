import { SOURCES } from '../sources.js';
export const PARCOURS = [
  {
    code: 'pmsmp',
    label: 'Immersions (PMSMP)',
    definition:
      'Nombre de périodes de mise en situation en milieu professionnel (PMSMP) réalisées par les salariés en insertion sur la période.',
    section: 'parcours',
    type: 'entier',
    unit: 'immersions',
    required: false,
    aggregation: 'somme',
    source: SOURCES.parcours,
    objectives: ['221'],
  },
  {
    code: 'personnes_formees',
    label: 'Personnes formées',
    definition: "Nombre de personnes en insertion ayant suivi au moins une action de formation sur la période.",
    section: 'parcours',
    type: 'entier',
    unit: 'personnes',
    required: false,
    aggregation: 'somme',
    source: SOURCES.parcours,
    objectives: ['223'],
    subCountOf: 'personnes',
  },
] as const;
