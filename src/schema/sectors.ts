/**
 * Activity sectors for the split of insertion hours. The first six are those of the regional
 * diagnostic; the others are what SIAE also report. "autres" closes the list so the split can
 * always add up to the paid hours.
 */
export const SECTORS = [
  { key: 'btp', label: 'Bâtiment et travaux publics' },
  { key: 'nettoyage', label: 'Nettoyage (hors services aux personnes)' },
  { key: 'espaces_verts', label: 'Espaces verts' },
  { key: 'services_personnes', label: 'Services aux personnes (SAP)' },
  { key: 'collecte_tri', label: 'Collecte, tri et recyclage' },
  { key: 'transport_logistique', label: 'Transport et logistique' },
  { key: 'restauration', label: 'Restauration' },
  { key: 'agriculture', label: 'Agriculture et maraîchage' },
  { key: 'industrie', label: 'Industrie' },
  { key: 'commerce', label: 'Commerce' },
  { key: 'autres', label: 'Autres secteurs' },
] as const;

export type SectorKey = (typeof SECTORS)[number]['key'];
