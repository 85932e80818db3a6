import { YEAR_MAX, YEAR_MIN } from './field-schemas.js';
import type { IndicatorDef, ValueType } from './indicator-types.js';
import type { Settings } from './settings.js';
import { SIAE_KINDS } from './siae-kinds.js';
import { departementsOfRegion, regionName } from './territory.js';

/** French names of the value types, for the spec and the templates' help. */
export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  siret: 'SIRET',
  texte: 'texte',
  type_siae: 'liste',
  departement: 'liste',
  commune: 'code INSEE',
  annexe_financiere: 'code',
  oui_non: 'oui / non',
  annee: 'année',
  entier: 'nombre entier',
  decimal: 'nombre décimal',
};

/** What a value must be, in one French phrase: shared by the spec, the templates and the checks. */
export function describeConstraint(def: IndicatorDef, settings: Settings): string {
  switch (def.type) {
    case 'siret':
      return '14 chiffres ; clé de Luhn valide (établissements de La Poste : somme des chiffres multiple de 5)';
    case 'texte':
      return '1 à 200 caractères';
    case 'type_siae':
      return `l'un de : ${SIAE_KINDS.join(', ')}`;
    case 'departement':
      return `code d'un département de la région ${regionName(settings.regionCode)} : ${departementsOfRegion(settings.regionCode)
        .map((d) => d.code)
        .join(', ')}`;
    case 'commune':
      return '5 caractères (ex. 93066 ; 2A004 en Corse), dans le département déclaré';
    case 'annexe_financiere':
      return "mesure (EI, ACI, AI, ETTI, EITI), département sur 3 caractères, année sur 2 chiffres, numéro d'ordre sur 4 chiffres, puis A et M suivis des numéros d'avenant et de modification (ex. ACI075150013A0M1)";
    case 'oui_non':
      return 'oui ou non';
    case 'annee':
      return `année entière de ${YEAR_MIN} à ${YEAR_MAX}`;
    case 'entier':
      return 'nombre entier ≥ 0';
    case 'decimal':
      return 'nombre ≥ 0 (décimales admises)';
  }
}

export const AGGREGATION_LABELS: Record<IndicatorDef['aggregation'], string> = {
  somme: 'somme',
  dimension: 'axe de regroupement',
  aucune: 'non agrégé',
};
