import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import regionsData from '@etalab/decoupage-administratif/data/regions.json';

/** French départements and regions, from @etalab/decoupage-administratif (INSEE codes). */
export interface Departement {
  code: string;
  nom: string;
  region: string;
}

interface RawArea {
  code: string;
  nom: string;
  region?: string;
}

const ALL_DEPARTEMENTS: readonly Departement[] = (departementsData as RawArea[])
  .filter((d): d is RawArea & { region: string } => typeof d.region === 'string')
  .map((d) => ({ code: d.code, nom: d.nom, region: d.region }));

const REGION_NAMES = new Map((regionsData as RawArea[]).map((r) => [r.code, r.nom]));

export function regionName(regionCode: string): string {
  return REGION_NAMES.get(regionCode) ?? `région ${regionCode}`;
}

export function departementsOfRegion(regionCode: string): readonly Departement[] {
  const list = ALL_DEPARTEMENTS.filter((d) => d.region === regionCode);
  if (list.length === 0) throw new Error(`Code de région inconnu : « ${regionCode} ».`);
  return list;
}

export function departementByCode(code: string): Departement | undefined {
  return ALL_DEPARTEMENTS.find((d) => d.code === code);
}

/**
 * INSEE commune codes start with the département code: two characters in metropolitan France
 * (2A/2B for Corsica), three for overseas départements (971…976).
 */
export function departementOfCommune(communeCode: string): string {
  return communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
}

/** Every French département with its region (metropolitan and overseas). */
export function allDepartements(): readonly Departement[] {
  return ALL_DEPARTEMENTS;
}
