import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DERIVED,
  INDICATORS,
  RULES,
  STRATEGY_NODES,
  derivedValue,
  effectiveNumber,
  indicatorByCode,
  strategyNode,
  type IndicatorDef,
} from '../../src/schema/index.js';
import { validReturn } from '../fixtures/returns.js';

const all = INDICATORS as readonly IndicatorDef[];

describe('indicator definitions', () => {
  it('have unique, stable ASCII snake_case codes', () => {
    const codes = [...all.map((i) => i.code), ...DERIVED.map((d) => d.code)];
    for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('each carry a French label, a definition and objectives that exist in the strategy', () => {
    for (const i of all) {
      expect(i.label.length, i.code).toBeGreaterThan(2);
      expect(i.definition.length, i.code).toBeGreaterThan(15);
      for (const o of i.objectives) expect(strategyNode(o), `${i.code} → ${o}`).toBeDefined();
    }
    for (const d of DERIVED) for (const o of d.objectives) expect(strategyNode(o), `${d.code} → ${o}`).toBeDefined();
  });

  it('cover what the foundation asks for', () => {
    const codes = new Set(all.map((i) => i.code));
    for (const c of [
      'siret', 'raison_sociale', 'type_siae', 'departement', 'commune_insee', 'implantation_qpv', 'implantation_zrr', 'annee', 'etp_conventionnes',
      'personnes', 'femmes', 'rsa', 'ass', 'aah', 'travailleurs_handicapes', 'residents_qpv', 'residents_zrr', 'moins_26_ans', 'plus_50_ans', 'deld', 'detld', 'bas_niveau_qualification', 'sous_main_justice',
      'heures_remunerees', 'etp_realises', 'heures_btp', 'heures_nettoyage', 'heures_espaces_verts', 'heures_services_personnes', 'heures_collecte_tri', 'heures_transport_logistique', 'heures_autres',
      'sorties_emploi_durable', 'sorties_emploi_transition', 'sorties_positives', 'autres_sorties', 'sorties_retirees', 'pmsmp', 'personnes_formees',
    ]) expect(codes.has(c), c).toBe(true);
    expect(indicatorByCode('femmes')?.objectives).toContain('212');
  });

  it('derived indicators and rules only name indicators that exist', () => {
    for (const d of DERIVED) for (const c of [...d.numerator, ...d.denominator]) expect(indicatorByCode(c), `${d.code} → ${c}`).toBeDefined();
    for (const r of RULES) expect(indicatorByCode(r.field), r.code).toBeDefined();
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    // Every public has its share, every sector its share of hours.
    for (const i of all.filter((x) => x.section === 'personnes' && x.subCountOf)) expect(DERIVED.some((d) => d.code === `part_${i.code}`)).toBe(true);
    for (const i of all.filter((x) => x.group === 'heures_secteurs')) expect(DERIVED.some((d) => d.numerator[0] === i.code)).toBe(true);
  });

  it('the strategy tree has its five orientations and every numbered objective of the seed', () => {
    const codes = STRATEGY_NODES.map((n) => n.code);
    expect(codes.filter((c) => c.length === 1)).toEqual(['1', '2', '3', '4', '5']);
    expect(codes.filter((c) => c.length === 2)).toEqual(['11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53', '54']);
    expect(codes.filter((c) => c.length === 3)).toEqual([
      '111', '112', '113', '121', '122', '123', '211', '212', '213', '221', '222', '223',
      '311', '312', '321', '322', '323', '324', '411', '412', '413', '421', '422', '423', '424', '425',
    ]);
    expect(strategyNode('212')?.label).toBe("Diversifier l'offre pour favoriser l'égalité femmes-hommes");
  });
});

describe('derived values', () => {
  const ret = validReturn();
  const def = (code: string) => DERIVED.find((d) => d.code === code)!;
  const value = (code: string, r: Record<string, unknown> = ret) => {
    const d = def(code);
    const sum = (codes: readonly string[]) =>
      codes.reduce<number | undefined>((acc, c) => {
        const v = effectiveNumber(r, c);
        return acc === undefined || v === undefined ? undefined : acc + v;
      }, 0);
    return derivedValue(d, sum(d.numerator), d.kind === 'ratio' ? sum(d.denominator) : undefined);
  };

  it('computes shares, rates and sums from their declared operands', () => {
    expect(value('part_femmes')).toEqual({ status: 'valeur', value: 12 / 30 });
    expect(value('taux_sorties_dynamiques')).toEqual({ status: 'valeur', value: 9 / 14 });
    expect(value('taux_emploi_durable')).toEqual({ status: 'valeur', value: 3 / 14 });
    expect(value('taux_realisation_etp')).toEqual({ status: 'valeur', value: 10 / 10.5 });
    expect(value('sorties_total')).toEqual({ status: 'valeur', value: 15 });
    expect(value('part_heures_btp')).toEqual({ status: 'valeur', value: 8200 / 18200 });
  });

  it('a blank sector is 0 once the split is given, missing otherwise', () => {
    expect(value('part_heures_nettoyage')).toEqual({ status: 'valeur', value: 0 });
    const { heures_btp, heures_espaces_verts, ...noSplit } = ret;
    expect(value('part_heures_nettoyage', noSplit)).toEqual({ status: 'sans_donnee' });
  });

  it('a rate over a zero denominator is "sans objet", a missing operand "sans donnée"', () => {
    const zeroExits = { ...ret, sorties_emploi_durable: 0, sorties_emploi_transition: 0, sorties_positives: 0, autres_sorties: 0, sorties_retirees: 2 };
    expect(value('taux_sorties_dynamiques', zeroExits)).toEqual({ status: 'sans_objet' });
    const { pmsmp, ...noPmsmp } = ret;
    expect(value('pmsmp_par_personne', noPmsmp)).toEqual({ status: 'sans_donnee' });
  });

  it('settings default to Ile-de-France and the documented hours per ETP', () => {
    expect(DEFAULT_SETTINGS.regionCode).toBe('11');
    expect(DEFAULT_SETTINGS.hoursPerEtp).toEqual({ ACI: 1820, EI: 1505, AI: 1607, ETTI: 1600, EITI: 1607 });
  });
});
