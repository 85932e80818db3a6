import { SOURCES } from '../sources.js';

function exitClass<const C extends string>(code: C, label: string, definition: string, objectives: readonly string[]) {
  return {
    code,
    label,
    definition,
    section: 'sorties',
    type: 'entier',
    unit: 'sorties',
    required: true,
    aggregation: 'somme',
    source: SOURCES.sorties,
    objectives,
  } as const;
}

/** Exit classes of the national reporting; their sum is every exit of the period. */
export const SORTIES = [
  exitClass(
    'sorties_emploi_durable',
    'Sorties vers un emploi durable',
    'Sorties en CDI, CDD ou intérim de 6 mois ou plus, titularisation dans la fonction publique, création d\'entreprise.',
    ['22', '222'],
  ),
  exitClass(
    'sorties_emploi_transition',
    'Sorties vers un emploi de transition',
    'Sorties en CDD ou intérim de moins de 6 mois, contrat aidé chez un employeur de droit commun.',
    ['22', '222'],
  ),
  exitClass(
    'sorties_positives',
    'Sorties positives',
    'Entrées en formation qualifiante ou pré-qualifiante, embauches dans une autre SIAE.',
    ['22', '222', '223'],
  ),
  exitClass('autres_sorties', 'Autres sorties', 'Sorties vers le chômage, l\'inactivité, sans nouvelles…', ['22']),
  exitClass(
    'sorties_retirees',
    'Sorties retirées',
    'Sorties retirées du calcul des taux (retrait des sorties constatées) : déménagement, maladie, décès…',
    ['22'],
  ),
] as const;
