/**
 * The demo's référentiel: every demo SIAE with its network and a contact, plus a handful of
 * conventioned SIAE that sent nothing (so « Suivi de la collecte » has someone to chase). The
 * returns are untouched: the demo's figures stay those of the 2013 diagnostic.
 */
import { departementByCode, type SiaeKind } from '../../schema/index.js';
import type { ReferentielRow } from '../templates/index.js';
import type { DemoRegion } from './generate.js';
import { mulberry32 } from './prng.js';
import { randomSiret } from './siret.js';

/** SIAE expected but silent: a few per kind, spread over the départements, as a real campaign has. */
export const DEMO_MISSING: readonly { readonly departement: string; readonly kind: SiaeKind; readonly nom: string; readonly reseau?: string }[] = [
  { departement: '75', kind: 'ACI', nom: 'Chantier du Canal' },
  { departement: '77', kind: 'AI', nom: 'Association intermédiaire Brie Services' },
  { departement: '91', kind: 'ACI', nom: 'Jardins de la Juine' },
  { departement: '93', kind: 'EI', nom: 'Nettoyage Solidaire Saint-Denis' },
  { departement: '93', kind: 'ACI', nom: 'Ressourcerie du Canal' },
  { departement: '94', kind: 'ETTI', nom: 'Intérim Insertion Val-de-Marne' },
  { departement: '95', kind: 'ACI', nom: "Atelier Couture d'Argenteuil" },
];

const ENTREPRISES: readonly SiaeKind[] = ['EI', 'ETTI', 'EITI'];

function networkName(kind: SiaeKind, departement: string): string {
  const nom = departementByCode(departement)?.nom ?? departement;
  return ENTREPRISES.includes(kind) ? `Réseau des entreprises d'insertion – ${nom}` : `Réseau des chantiers et associations intermédiaires – ${nom}`;
}


/** The rows of the demo's « Référentiel des SIAE » (SIAE of the region, then the silent ones). */
export function demoReferentielRows(region: DemoRegion, seed = 2013): ReferentielRow[] {
  const taken = new Set(region.siae.map((s) => s.values.siret));
  const rows: ReferentielRow[] = region.siae.map((s) => ({
    siret: s.values.siret,
    ...(s.values.annexe_financiere ? { annexe: s.values.annexe_financiere } : {}),
    nom: s.values.raison_sociale,
    kind: s.values.type_siae,
    departement: s.values.departement,
    reseau: networkName(s.values.type_siae, s.values.departement),
    contact: `direction-${s.values.siret.slice(-5)}@exemple.org`,
  }));
  const rng = mulberry32(seed);
  DEMO_MISSING.forEach((m, i) => {
    const siret = randomSiret(rng, taken);
    rows.push({
      siret,
      annexe: `${m.kind}0${m.departement}${String(region.annee % 100).padStart(2, '0')}${String(9001 + i)}A0M0`,
      nom: m.nom,
      kind: m.kind,
      departement: m.departement,
      reseau: networkName(m.kind, m.departement),
      contact: `direction-${siret.slice(-5)}@exemple.org`,
    });
  });
  return rows;
}
