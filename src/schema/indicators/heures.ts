import { SOURCES } from '../sources.js';
import { SECTORS, type SectorKey } from '../sectors.js';

/** One "hours in sector X" indicator; the sectors' list lives in sectors.ts. */
interface SectorHoursDef {
  readonly code: `heures_${SectorKey}`;
  readonly label: string;
  readonly definition: string;
  readonly section: 'heures';
  readonly type: 'decimal';
  readonly unit: 'heures';
  readonly required: false;
  readonly aggregation: 'somme';
  readonly source: string;
  readonly objectives: readonly string[];
  readonly group: 'heures_secteurs';
}

const SECTOR_HOURS: readonly SectorHoursDef[] = SECTORS.map((s): SectorHoursDef => ({
  code: `heures_${s.key}` as const,
  label: `Heures : ${s.label.charAt(0).toLowerCase()}${s.label.slice(1)}`,
  definition: `Heures d'insertion rémunérées réalisées dans le secteur « ${s.label} ». Les heures des secteurs renseignés doivent totaliser les heures rémunérées ; un secteur laissé vide vaut 0 dès qu'un autre secteur est renseigné.`,
  section: 'heures',
  type: 'decimal',
  unit: 'heures',
  required: false,
  aggregation: 'somme',
  source: SOURCES.secteurs,
  objectives: ['11', '412'],
  group: 'heures_secteurs',
}));

export const HEURES = [
  {
    code: 'heures_remunerees',
    label: "Heures d'insertion rémunérées",
    definition: "Total des heures rémunérées aux salariés en insertion sur la période (heures de travail et de formation rémunérées).",
    section: 'heures',
    type: 'decimal',
    unit: 'heures',
    required: true,
    aggregation: 'somme',
    source: SOURCES.paie,
    objectives: ['411'],
  },
  {
    code: 'etp_realises',
    label: 'ETP réalisés',
    definition:
      "Équivalents temps plein d'insertion réalisés : heures rémunérées divisées par la durée annuelle de référence d'un poste à temps plein pour le type de SIAE.",
    section: 'heures',
    type: 'decimal',
    unit: 'ETP',
    required: true,
    aggregation: 'somme',
    source: SOURCES.etp,
    objectives: ['411', '423'],
  },
  ...SECTOR_HOURS,
] as const;
