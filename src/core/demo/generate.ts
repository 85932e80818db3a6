import {
  DEFAULT_SETTINGS,
  SECTORS,
  departementByCode,
  type SectorKey,
  type Settings,
  type SiaeKind,
  type SiaeReturn,
} from '../../schema/index.js';
import { allocate } from './allocate.js';
import { DIAGNOSTIC_2013 } from './diagnostic-2013.js';
import { between, intBetween, mulberry32, type Rng } from './prng.js';
import { randomSiret } from './siret.js';
import { DEMO_SECTOR_MIX } from './sector-mix.js';

type DemoKind = Exclude<SiaeKind, 'EITI'>;
const KINDS: readonly DemoKind[] = ['EI', 'ACI', 'AI', 'ETTI'];

/** Share of the region's SIAE in each département (a plausible spread; the seed gives none). */
export const DEMO_DEPARTEMENT_WEIGHTS: Readonly<Record<string, number>> = {
  '75': 0.2,
  '77': 0.09,
  '78': 0.09,
  '91': 0.11,
  '92': 0.12,
  '93': 0.18,
  '94': 0.11,
  '95': 0.1,
};

/** Residents of a QPV by département before scaling to the regional 37 % (93 above 60 %). */
const QPV_RATE: Readonly<Record<string, number>> = {
  '75': 0.36,
  '77': 0.18,
  '78': 0.22,
  '91': 0.27,
  '92': 0.28,
  '93': 0.64,
  '94': 0.34,
  '95': 0.36,
};

/** How a demo SIAE sends its return: its own form, or a row of a network's table. */
export type DemoChannel = { readonly type: 'formulaire' } | { readonly type: 'reseau'; readonly network: string };

export interface DemoSiae {
  readonly values: SiaeReturn;
  readonly channel: DemoChannel;
}

export interface DemoNetwork {
  readonly id: string;
  readonly name: string;
  readonly departement: string;
}

export interface DemoRegion {
  readonly annee: number;
  readonly siae: readonly DemoSiae[];
  readonly networks: readonly DemoNetwork[];
}

export interface DemoOptions {
  readonly seed?: number;
  readonly annee?: number;
  readonly settings?: Settings;
  /** SIAE per département that send their own form (the others go through a network). */
  readonly formsPerDepartement?: number;
}

export const DEMO_SEED = 20130;

/**
 * A region's returns following the 2013 diagnostic: 407 SIAE over the eight départements,
 * totals split with largest-remainder rounding so that the region adds up to the seed's
 * figures, every return valid (no error, no warning). Same seed, same region.
 */
export function generateDemoRegion(options: DemoOptions = {}): DemoRegion {
  const rng = mulberry32(options.seed ?? DEMO_SEED);
  const annee = options.annee ?? DIAGNOSTIC_2013.annee;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const deps = Object.keys(DEMO_DEPARTEMENT_WEIGHTS);
  const D = DIAGNOSTIC_2013;

  // 1. SIAE: count by kind (seed), spread over départements.
  interface Draft {
    kind: DemoKind;
    dep: string;
    people: number;
    etpCents: number;
    size: number;
  }
  const drafts: Draft[] = [];
  for (const kind of KINDS) {
    const counts = allocate(D.siaeByKind[kind]!, deps.map((d) => DEMO_DEPARTEMENT_WEIGHTS[d]!));
    deps.forEach((dep, i) => {
      for (let k = 0; k < counts[i]!; k++) drafts.push({ kind, dep, people: 0, etpCents: 0, size: lognormal(rng, 0.55) });
    });
  }

  // 2. People and ETP by kind (seed shares), then by SIAE.
  const peopleByKind = allocate(D.personnes, KINDS.map((k) => D.peopleShareByKind[k]!));
  const etpByKind = allocate(D.etp * 100, KINDS.map((k) => D.etpShareByKind[k]!));
  KINDS.forEach((kind, ki) => {
    const list = drafts.filter((d) => d.kind === kind);
    const people = allocate(peopleByKind[ki]!, list.map((d) => d.size));
    list.forEach((d, i) => (d.people = people[i]!));
    const etp = allocate(etpByKind[ki]!, list.map((d) => d.people * between(rng, 0.85, 1.15)));
    list.forEach((d, i) => (d.etpCents = etp[i]!));
  });
  const people = drafts.map((d) => d.people);
  const byKind = (kind: DemoKind) => drafts.map((d, i) => (d.kind === kind ? i : -1)).filter((i) => i >= 0);
  const jitter = () => drafts.map((d) => d.people * between(rng, 0.75, 1.25));

  // 3. Sub-counts: by kind where the seed gives kind figures, by département for QPV.
  const femmes = byKindTotals(drafts, people, jitter(), {
    AI: D.femmesByKind.AI!,
    ETTI: D.femmesByKind.ETTI!,
    EI: 0.3,
  }, Math.round(D.femmes * D.personnes), 'ACI');
  const rsa = byKindTotals(drafts, people, jitter(), { ACI: D.rsaByKind.ACI!, AI: 0.3, EI: 0.25 }, Math.round(D.rsa * D.personnes), 'ETTI');
  const qpv = qpvCounts(drafts, people, jitter(), Math.round(D.qpv * D.personnes));
  const detld = allocate(Math.round(D.detld * D.personnes), jitter(), people);
  const deld = allocate(Math.round(0.2 * D.personnes), jitter(), people.map((p, i) => p - detld[i]!));
  const moins26 = allocate(Math.round(0.19 * D.personnes), jitter(), people);
  const plus50 = allocate(Math.round(0.17 * D.personnes), jitter(), people.map((p, i) => p - moins26[i]!));
  const th = allocate(Math.round(0.08 * D.personnes), jitter(), people);
  const bas = allocate(Math.round(0.62 * D.personnes), jitter(), people);
  const ass = allocate(Math.round(0.05 * D.personnes), jitter(), people);
  const aah = allocate(Math.round(0.03 * D.personnes), jitter(), people);
  const justice = allocate(Math.round(0.02 * D.personnes), jitter(), people);
  const formees = allocate(Math.round(0.34 * D.personnes), jitter(), people);
  const pmsmp = allocate(Math.round(0.22 * D.personnes), jitter());

  // 4. Hours = ETP × hours per ETP of the kind (in cents of an hour, exact), split by sector.
  const hoursCents = drafts.map((d) => d.etpCents * settings.hoursPerEtp[d.kind]);
  const sectorCents = new Array<Partial<Record<SectorKey, number>>>(drafts.length);
  for (const kind of KINDS) {
    const idx = byKind(kind);
    const split = splitSectors(rng, idx.map((i) => hoursCents[i]!), DEMO_SECTOR_MIX[kind]);
    idx.forEach((i, k) => (sectorCents[i] = split[k]!));
  }

  // 5. Identity, exits, channel.
  const sirets = new Set<string>();
  const orderByDep = new Map<string, number>();
  const yy = String(annee % 100).padStart(2, '0');
  const siae: DemoSiae[] = drafts.map((d, i) => {
    let siret = randomSiret(rng);
    while (sirets.has(siret)) siret = randomSiret(rng);
    sirets.add(siret);
    const order = (orderByDep.get(d.dep) ?? 0) + 1;
    orderByDep.set(d.dep, order);
    const exits = exitCounts(rng, d.kind, d.people);
    const etp = d.etpCents / 100;
    const values: SiaeReturn = {
      siret,
      raison_sociale: structureName(d.kind, d.dep, order),
      type_siae: d.kind,
      departement: d.dep,
      annexe_financiere: `${d.kind}0${d.dep}${yy}${String(order).padStart(4, '0')}A0M0`,
      implantation_qpv: rng() < QPV_RATE[d.dep]!,
      implantation_zrr: false,
      annee,
      etp_conventionnes: Math.round((etp / between(rng, 0.9, 1.05)) * 100) / 100,
      personnes: d.people,
      femmes: femmes[i]!,
      rsa: rsa[i]!,
      ass: ass[i]!,
      aah: aah[i]!,
      travailleurs_handicapes: th[i]!,
      residents_qpv: qpv[i]!,
      residents_zrr: 0,
      moins_26_ans: moins26[i]!,
      plus_50_ans: plus50[i]!,
      deld: deld[i]!,
      detld: detld[i]!,
      bas_niveau_qualification: bas[i]!,
      sous_main_justice: justice[i]!,
      heures_remunerees: hoursCents[i]! / 100,
      etp_realises: etp,
      ...Object.fromEntries(
        SECTORS.filter((s) => (sectorCents[i]![s.key] ?? 0) > 0).map((s) => [`heures_${s.key}`, sectorCents[i]![s.key]! / 100]),
      ),
      ...exits,
      pmsmp: pmsmp[i]!,
      personnes_formees: formees[i]!,
    };
    return { values, channel: { type: 'reseau', network: '' } as DemoChannel };
  });

  // A few SIAE per département send their own form; the others go through their network:
  // the entreprises' network (EI, ETTI) or the chantiers' and associations' one (ACI, AI).
  const networks: DemoNetwork[] = [];
  const withChannels: DemoSiae[] = [];
  const formsPerDep = options.formsPerDepartement ?? 3;
  for (const dep of deps) {
    const nom = departementByCode(dep)?.nom ?? dep;
    const entreprises: DemoNetwork = { id: `reseau-entreprises-${dep}`, name: `Réseau des entreprises d'insertion – ${nom}`, departement: dep };
    const chantiers: DemoNetwork = { id: `reseau-chantiers-${dep}`, name: `Réseau des chantiers et associations intermédiaires – ${nom}`, departement: dep };
    networks.push(entreprises, chantiers);
    const ofDep = siae.map((s, i) => ({ s, i })).filter(({ s }) => s.values.departement === dep);
    const forms = new Set<number>();
    while (forms.size < Math.min(formsPerDep, ofDep.length)) forms.add(ofDep[intBetween(rng, 0, ofDep.length - 1)]!.i);
    for (const { s, i } of ofDep) {
      const channel: DemoChannel = forms.has(i)
        ? { type: 'formulaire' }
        : { type: 'reseau', network: s.values.type_siae === 'EI' || s.values.type_siae === 'ETTI' ? entreprises.id : chantiers.id };
      withChannels.push({ values: s.values, channel });
    }
  }
  return { annee, siae: withChannels, networks };
}

function lognormal(rng: Rng, sigma: number): number {
  // Box–Muller; floor the weight so that no SIAE is tiny.
  const u = Math.max(rng(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  return Math.max(Math.exp(sigma * z), 0.35);
}

/** Kind totals from kind rates (one kind takes the rest so the region hits its total), then per SIAE. */
function byKindTotals(
  drafts: readonly { kind: DemoKind }[],
  people: readonly number[],
  weights: readonly number[],
  rates: Partial<Record<DemoKind, number>>,
  regionTotal: number,
  restKind: DemoKind,
): number[] {
  const out = new Array<number>(drafts.length).fill(0);
  let used = 0;
  const totals = new Map<DemoKind, number>();
  for (const kind of KINDS) {
    if (kind === restKind) continue;
    const p = sumAt(people, drafts, kind);
    const t = Math.round(rates[kind]! * p);
    totals.set(kind, t);
    used += t;
  }
  totals.set(restKind, regionTotal - used);
  for (const kind of KINDS) {
    const idx = drafts.map((d, i) => (d.kind === kind ? i : -1)).filter((i) => i >= 0);
    const parts = allocate(totals.get(kind)!, idx.map((i) => weights[i]!), idx.map((i) => people[i]!));
    idx.forEach((i, k) => (out[i] = parts[k]!));
  }
  return out;
}

function sumAt(values: readonly number[], drafts: readonly { kind: DemoKind }[], kind: DemoKind): number {
  return drafts.reduce((s, d, i) => (d.kind === kind ? s + values[i]! : s), 0);
}

/** QPV residents: département rates scaled (93 kept) so the region has its 37 %. */
function qpvCounts(drafts: readonly { dep: string }[], people: readonly number[], weights: readonly number[], regionTotal: number): number[] {
  const deps = Object.keys(QPV_RATE);
  const peopleOf = (dep: string) => drafts.reduce((s, d, i) => (d.dep === dep ? s + people[i]! : s), 0);
  const fixed = Math.round(QPV_RATE['93']! * peopleOf('93'));
  const others = deps.filter((d) => d !== '93');
  const otherTotals = allocate(regionTotal - fixed, others.map((d) => QPV_RATE[d]! * peopleOf(d)));
  const totals = new Map<string, number>([['93', fixed], ...others.map((d, k) => [d, otherTotals[k]!] as [string, number])]);
  const out = new Array<number>(drafts.length).fill(0);
  for (const dep of deps) {
    const idx = drafts.map((d, i) => (d.dep === dep ? i : -1)).filter((i) => i >= 0);
    const parts = allocate(totals.get(dep)!, idx.map((i) => weights[i]!), idx.map((i) => people[i]!));
    idx.forEach((i, k) => (out[i] = parts[k]!));
  }
  return out;
}

/**
 * Splits each SIAE's hours over a few sectors so that the kind's total per sector follows its
 * mix: a sparse random pattern fitted by iterative proportional fitting, then rounded per SIAE
 * with largest remainders (each SIAE's sectors add up exactly to its paid hours).
 */
function splitSectors(rng: Rng, rowTotals: readonly number[], mix: Partial<Record<SectorKey, number>>): Partial<Record<SectorKey, number>>[] {
  const sectors = Object.keys(mix) as SectorKey[];
  const shares = sectors.map((s) => mix[s]!);
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const colTotals = shares.map((s) => s * total);
  const m = rowTotals.map(() => sectors.map(() => 0));
  rowTotals.forEach((_, r) => {
    const picks = intBetween(rng, 2, 4);
    for (let k = 0; k < picks; k++) m[r]![pickWeighted(rng, shares)]! += between(rng, 0.5, 1.5);
  });
  sectors.forEach((_, c) => {
    if (m.every((row) => row[c] === 0)) m[rowTotals.indexOf(rowTotals.reduce((a, b) => Math.max(a, b), -Infinity))]![c] = 1;
  });
  for (let iter = 0; iter < 200; iter++) {
    m.forEach((row, r) => {
      const s = row.reduce((a, b) => a + b, 0);
      if (s > 0) row.forEach((v, c) => (row[c] = (v * rowTotals[r]!) / s));
    });
    sectors.forEach((_, c) => {
      const s = m.reduce((a, row) => a + row[c]!, 0);
      if (s > 0) m.forEach((row) => (row[c] = (row[c]! * colTotals[c]!) / s));
    });
  }
  return m.map((row, r) => {
    const parts = allocate(rowTotals[r]!, row);
    const out: Partial<Record<SectorKey, number>> = {};
    sectors.forEach((s, c) => {
      if (parts[c]! > 0) out[s] = parts[c]!;
    });
    return out;
  });
}

function pickWeighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

const EXIT_RATE: Record<DemoKind, number> = { EI: 0.42, ACI: 0.45, AI: 0.3, ETTI: 0.38 };
const EXIT_SPLIT = { sorties_emploi_durable: 0.24, sorties_emploi_transition: 0.22, sorties_positives: 0.13, autres_sorties: 0.35, sorties_retirees: 0.06 };

function exitCounts(rng: Rng, kind: DemoKind, people: number) {
  const total = Math.min(people, Math.round(people * EXIT_RATE[kind] * between(rng, 0.8, 1.2)));
  const keys = Object.keys(EXIT_SPLIT) as (keyof typeof EXIT_SPLIT)[];
  const parts = allocate(total, keys.map((k) => EXIT_SPLIT[k] * between(rng, 0.7, 1.3)));
  return Object.fromEntries(keys.map((k, i) => [k, parts[i]!])) as Record<keyof typeof EXIT_SPLIT, number>;
}

const NAME_PARTS: Record<DemoKind, readonly string[]> = {
  EI: ['Net Services Solidaires', 'Recyclerie', 'Bâtir Ensemble', 'Propreté Insertion', 'Tri Valorisation'],
  ACI: ['Jardins partagés', 'Chantier Nature', 'Régie de quartier', 'Atelier Vélo Solidaire', 'Maraîchage Bio'],
  AI: ['Association Emploi Services', 'Coup de Main', 'Services aux Familles', 'Travail Partagé', 'Entraide Emploi'],
  ETTI: ['Intérim Insertion', 'Tremplin Intérim', 'Intérim Solidaire', 'BTP Intérim Insertion', 'Passerelle Travail'],
};

function structureName(kind: DemoKind, dep: string, order: number): string {
  const parts = NAME_PARTS[kind];
  const nom = departementByCode(dep)?.nom ?? dep;
  return `${parts[order % parts.length]} ${nom} ${order}`;
}
