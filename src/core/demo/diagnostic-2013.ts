import type { SectorKey, SiaeKind } from '../../schema/index.js';

/**
 * The 2013 diagnostic of the regional strategy (shared seed, "Diagnostic de l'IAE en
 * Ile-de-France"): the reference the demo reproduces and prints beside our figures.
 * Shares are fractions. Only the figures the text states are here.
 */
export const DIAGNOSTIC_2013 = {
  annee: 2013,
  siae: 407,
  /** EI and ACI as stated, ETTI 23 (« passées de 15 à 23 »), AI the rest of 407 (78, the text's 19 %). */
  siaeByKind: { EI: 154, ACI: 152, AI: 78, ETTI: 23 } as Partial<Record<SiaeKind, number>>,
  /** "AI 19 %, ETTI 6 %" of the SIAE. */
  siaeShareByKind: { AI: 0.19, ETTI: 0.06 } as Partial<Record<SiaeKind, number>>,
  /** "plus de 28 000 personnes". */
  personnes: 28000,
  etp: 7055,
  peopleShareByKind: { AI: 0.55, EI: 0.1, ACI: 0.21, ETTI: 0.14 } as Partial<Record<SiaeKind, number>>,
  etpShareByKind: { AI: 0.32, EI: 0.22, ACI: 0.28, ETTI: 0.17 } as Partial<Record<SiaeKind, number>>,
  femmes: 0.42,
  femmesByKind: { AI: 0.56, ETTI: 0.1 } as Partial<Record<SiaeKind, number>>,
  /** "un tiers des effectifs". */
  rsa: 1 / 3,
  rsaByKind: { ACI: 0.53 } as Partial<Record<SiaeKind, number>>,
  qpv: 0.37,
  /** "plus de 60 %" in Seine-Saint-Denis. */
  qpvByDepartement: { '93': 0.6 } as Record<string, number>,
  /** "42 % … en recherche d'emploi depuis plus de deux ans". */
  detld: 0.42,
  hoursBySector: { btp: 0.25, nettoyage: 0.15, espaces_verts: 0.12, services_personnes: 0.12 } as Partial<Record<SectorKey, number>>,
  hoursBySectorByKind: {
    ETTI: { btp: 0.74 },
    ACI: { espaces_verts: 0.26, btp: 0.17, transport_logistique: 0.11 },
    AI: { services_personnes: 0.33, nettoyage: 0.25, btp: 0.1 },
  } as Partial<Record<SiaeKind, Partial<Record<SectorKey, number>>>>,
  /** "près de la moitié de leurs heures d'insertion dans le nettoyage et la collecte-tri". */
  eiNettoyageCollecte: 0.5,
} as const;
