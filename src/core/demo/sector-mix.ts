import type { SectorKey, SiaeKind } from '../../schema/index.js';

/**
 * Split of insertion hours by sector for each kind of SIAE in the demo. The figures the 2013
 * diagnostic states are kept (ETTI 74 % BTP; ACI espaces verts 26 %, BTP 17 %, transport 11 %;
 * AI SAP 33 %, nettoyage 25 %, BTP 10 %; EI half in nettoyage + collecte-tri); the rest is
 * chosen so that the regional split gives BTP 25 %, nettoyage 15 %, espaces verts 12 %, SAP 12 %.
 */
export const DEMO_SECTOR_MIX: Record<Exclude<SiaeKind, 'EITI'>, Partial<Record<SectorKey, number>>> = {
  ETTI: { btp: 0.74, nettoyage: 0.02, espaces_verts: 0.01, transport_logistique: 0.1, industrie: 0.08, autres: 0.05 },
  ACI: {
    espaces_verts: 0.26,
    btp: 0.17,
    transport_logistique: 0.11,
    collecte_tri: 0.12,
    agriculture: 0.1,
    restauration: 0.08,
    services_personnes: 0.03,
    nettoyage: 0.02,
    autres: 0.11,
  },
  AI: {
    services_personnes: 0.33,
    nettoyage: 0.25,
    btp: 0.1,
    espaces_verts: 0.05,
    restauration: 0.05,
    commerce: 0.05,
    transport_logistique: 0.05,
    autres: 0.12,
  },
  EI: {
    nettoyage: 0.3,
    collecte_tri: 0.2,
    btp: 0.2,
    espaces_verts: 0.1,
    transport_logistique: 0.07,
    restauration: 0.04,
    services_personnes: 0.03,
    industrie: 0.03,
    autres: 0.03,
  },
};
