import { describe, expect, it } from 'vitest';
import {
  consolidate,
  consolidationJson,
  figureValue,
  provenanceOf,
  provenanceOfIndicator,
  SANS_OBJET,
} from '../../../src/core/consolidate/index.js';
import type { ValidationIssue } from '../../../src/core/records.js';
import { validReturn } from '../../fixtures/returns.js';
import { rec, siretOf } from './arbitraries.js';

const base = validReturn();

describe('consolidate: figures of a group', () => {
  it('sums indicators and computes rates as sum(numerator) / sum(denominator)', () => {
    const a = { ...base, siret: siretOf(1), personnes: 30, femmes: 12, etp_realises: 10, etp_conventionnes: 10.5 };
    const b = { ...base, siret: siretOf(2), personnes: 10, femmes: 8, etp_realises: 5, etp_conventionnes: 4.5 };
    const r = consolidate({ records: [rec(a, 'a.xlsx', 'Retour SIAE'), rec(b, 'b.xlsx', 'Retours', 12)] });
    const g = r.byPeriod.get(2025)!.region;
    expect(figureValue(g, 'nombre_siae')).toBe(2);
    expect(figureValue(g, 'personnes')).toBe(40);
    expect(figureValue(g, 'part_femmes')).toBeCloseTo(20 / 40, 12); // not the mean of 0.4 and 0.8
    expect(figureValue(g, 'taux_realisation_etp')).toBeCloseTo(15 / 15, 12);
    expect(g.sums.personnes).toEqual({ value: 40, count: 2 });
  });

  it('gives sums of decimals without binary noise (10.1 + 0.2 is 10.3)', () => {
    const a = { ...base, siret: siretOf(1), etp_realises: 10.1, etp_conventionnes: 0.1 };
    const b = { ...base, siret: siretOf(2), etp_realises: 0.2, etp_conventionnes: 0.2 };
    const g = consolidate({ records: [rec(a, 'a.xlsx', 'Retour SIAE'), rec(b, 'b.xlsx', 'Retour SIAE')] }).byPeriod.get(2025)!.region;
    expect(10.1 + 0.2).not.toBe(10.3);
    expect(figureValue(g, 'etp_realises')).toBe(10.3);
    expect(figureValue(g, 'etp_conventionnes')).toBe(0.3);
  });

  it('takes a rate over the returns that give every operand, and counts them', () => {
    const a = { ...base, siret: siretOf(1), personnes: 30, rsa: 15 };
    const { rsa: _omit, ...b } = { ...base, siret: siretOf(2), personnes: 70 };
    const g = consolidate({ records: [rec(a), rec(b, 'f.xlsx', 'Retours', 3)] }).byPeriod.get(2025)!.region;
    expect(g.sums.rsa).toEqual({ value: 15, count: 1 });
    expect(g.derived.part_rsa!.count).toBe(1);
    expect(figureValue(g, 'part_rsa')).toBe(0.5); // 15 / 30, not 15 / 100
  });

  it('says "sans objet" for a zero denominator, never NaN or 0, and null without data', () => {
    const a = {
      ...base,
      siret: siretOf(1),
      etp_conventionnes: 0,
      sorties_emploi_durable: 0,
      sorties_emploi_transition: 0,
      sorties_positives: 0,
      autres_sorties: 0,
      sorties_retirees: 2,
    };
    const { pmsmp: _p, ...noPmsmp } = a;
    const g = consolidate({ records: [rec(noPmsmp)] }).byPeriod.get(2025)!.region;
    expect(figureValue(g, 'taux_realisation_etp')).toBe(SANS_OBJET);
    expect(figureValue(g, 'taux_sorties_dynamiques')).toBe(SANS_OBJET);
    expect(figureValue(g, 'sorties_total')).toBe(2);
    expect(figureValue(g, 'pmsmp')).toBeNull();
    expect(figureValue(g, 'pmsmp_par_personne')).toBeNull();
    const json = consolidationJson(consolidate({ records: [rec(noPmsmp)] }));
    expect(json.region.toutes!.taux_realisation_etp).toBe('sans objet');
    expect(JSON.stringify(json)).not.toContain('NaN');
  });

  it('groups by département × kind, département, kind and region', () => {
    const recs = [
      rec({ ...base, siret: siretOf(1), departement: '93', type_siae: 'ACI', personnes: 10 }),
      rec({ ...base, siret: siretOf(2), departement: '93', type_siae: 'EI', personnes: 20 }),
      rec({ ...base, siret: siretOf(3), departement: '75', type_siae: 'ACI', personnes: 40 }),
    ];
    const p = consolidate({ records: recs }).byPeriod.get(2025)!;
    expect(figureValue(p.region, 'personnes')).toBe(70);
    expect(figureValue(p.byDepartement.get('93'), 'personnes')).toBe(30);
    expect(figureValue(p.byKind.get('ACI'), 'personnes')).toBe(50);
    expect(figureValue(p.byDepartementKind.get('93|ACI'), 'personnes')).toBe(10);
    expect(p.byDepartementKind.has('75|EI')).toBe(false);
    const json = consolidationJson(consolidate({ records: recs }));
    expect(json.departements['93']!.toutes!.nombre_siae).toBe(2);
    expect(json.departements['93']!.EI!.personnes).toBe(20);
    expect(json.region.ACI!.personnes).toBe(50);
  });
});

describe('consolidate: exclusions, warnings, duplicates, periods', () => {
  it('leaves out returns with errors, with their reasons, and keeps those with warnings', () => {
    const issues: ValidationIssue[] = [
      { code: 'rule-violation', severity: 'erreur', file: 'r.xlsx', sheet: 'Retours', row: 11, cell: 'M11', message: 'Femmes > personnes.' },
      { code: 'rule-violation', severity: 'avertissement', file: 'r.xlsx', sheet: 'Retours', row: 12, cell: 'Q12', message: 'ETP éloignés.' },
    ];
    const r = consolidate({
      records: [
        rec({ ...base, siret: siretOf(1) }, 'r.xlsx', 'Retours', 11, 1),
        rec({ ...base, siret: siretOf(2) }, 'r.xlsx', 'Retours', 12, 0, 1),
      ],
      issues,
    });
    expect(r.kept.map((k) => k.values.siret)).toEqual([siretOf(2)]);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0]!.reasons).toEqual(['M11 : Femmes > personnes.']);
    expect(r.sources).toEqual([{ file: 'r.xlsx', returns: 2, kept: 1, excluded: 1, duplicatesDropped: 0, errors: 1, warnings: 1 }]);
    expect(figureValue(r.byPeriod.get(2025)!.region, 'nombre_siae')).toBe(1);
  });

  it('counts a SIAE given twice once, by the documented rule, and reports it', () => {
    const v = { ...base, siret: siretOf(7), personnes: 30 };
    const network = rec({ ...v, personnes: 31 }, 'z-reseau.xlsx', 'Retours', 14);
    const form = rec(v, 'a-siae.xlsx', 'Retour SIAE');
    const r = consolidate({ records: [network, form] });
    expect(figureValue(r.byPeriod.get(2025)!.region, 'personnes')).toBe(30); // the form wins over the network row
    expect(r.duplicates).toHaveLength(1);
    expect(r.duplicates[0]!.reason).toContain('formulaire');
    expect(r.anomalies.find((a) => a.code === 'duplicate-row')).toMatchObject({ file: 'z-reseau.xlsx', row: 14, severity: 'avertissement' });

    // Fewer errors first: a faulty form loses to a valid network row.
    const r2 = consolidate({ records: [rec(v, 'a-siae.xlsx', 'Retour SIAE', undefined, 2), network] });
    expect(figureValue(r2.byPeriod.get(2025)!.region, 'personnes')).toBe(31);
    expect(r2.excluded).toHaveLength(0);

    // Same kind of source: the last file in name order wins.
    const r3 = consolidate({ records: [rec({ ...v, personnes: 40 }, 'reseau-v2.xlsx', 'Retours', 9), rec(v, 'reseau-v1.xlsx', 'Retours', 9)] });
    expect(figureValue(r3.byPeriod.get(2025)!.region, 'personnes')).toBe(40);
  });

  it('never adds different periods, and says plainly when a run mixes them', () => {
    const r = consolidate({
      records: [rec({ ...base, siret: siretOf(1), annee: 2024, personnes: 10 }), rec({ ...base, siret: siretOf(1), annee: 2025, personnes: 20 })],
    });
    expect(r.periods).toEqual([2024, 2025]);
    expect(r.mixedPeriods).toBe(true);
    expect(r.duplicates).toHaveLength(0); // same SIRET, other year: not a duplicate
    expect(figureValue(r.byPeriod.get(2024)!.region, 'personnes')).toBe(10);
    expect(figureValue(r.byPeriod.get(2025)!.region, 'personnes')).toBe(20);
    expect(r.periodNotice).toMatch(/plusieurs années \(2024, 2025\).*jamais additionnés/);
    expect(r.anomalies.some((a) => a.code === 'mixed-periods')).toBe(true);
    const json = consolidationJson(r);
    expect(json.periodes).toEqual([2024, 2025]);
    expect(json.periode).toBe(2025);
    expect(json.region.toutes!.personnes).toBe(20);
    expect(json.par_periode['2024']!.region.toutes!.personnes).toBe(10);
  });

  it('lists the returns and cells that fed each aggregate', () => {
    const a = rec({ ...base, siret: siretOf(1), departement: '93' }, 'a.xlsx', 'Retour SIAE');
    const withCells = { ...a, source: { ...a.source, cells: { personnes: 'C12' } } };
    const b = rec({ ...base, siret: siretOf(2), departement: '75' }, 'b.xlsx', 'Retours', 8);
    const r = consolidate({ records: [b, withCells] });
    const p = r.byPeriod.get(2025)!;
    expect(provenanceOf(r, p.byDepartement.get('93')!).map((s) => s.file)).toEqual(['a.xlsx']);
    expect(provenanceOf(r, p.region).map((s) => `${s.file}:${s.row ?? ''}`).sort()).toEqual(['a.xlsx:', 'b.xlsx:8']);
    expect(provenanceOfIndicator(r, p.byDepartement.get('93')!, 'personnes')).toEqual([{ file: 'a.xlsx', sheet: 'Retour SIAE', cell: 'C12' }]);
  });
});
