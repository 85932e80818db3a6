import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../src/core/consolidate/index.js';
import { computeProgress, defaultPlan, progressJson, statusOf, type ActionPlan, type PlanTarget } from '../../../src/core/objectives/index.js';
import { PLAN_EXAMPLES } from '../../../src/core/templates/index.js';
import { validReturn } from '../../fixtures/returns.js';
import { rec, siretOf } from '../consolidate/arbitraries.js';

const target = (over: Partial<PlanTarget>): PlanTarget => ({
  objectif: '212',
  indicateur: 'part_femmes',
  departement: null,
  kind: null,
  valeurReference: 0.3,
  anneeReference: 2020,
  cible: 0.5,
  anneeCible: 2025,
  sens: 'hausse',
  exemple: false,
  ...over,
});
const plan = (...targets: PlanTarget[]): ActionPlan => ({ name: 'test', targets, issues: [] });
/** The region as the départements of the data: coverage complete, so the movement is the status. */
const whole = (r: ReturnType<typeof consolidate>) => ({ regionDepartements: [...new Set([...r.byPeriod.values()].flatMap((p) => [...p.byDepartement.keys()]))] });

// Two SIAE of 2025: 40 people of whom 16 women (40 %).
const result2025 = consolidate({
  records: [
    rec({ ...validReturn(), siret: siretOf(1), personnes: 30, femmes: 12, departement: '93' }),
    rec({ ...validReturn(), siret: siretOf(2), personnes: 10, femmes: 4, departement: '75', type_siae: 'EI' }, 'b.xlsx', 'Retours', 7),
  ],
});

describe('objective progress', () => {
  it('computes progress from baseline to target with the strategy label', () => {
    const [p] = computeProgress(plan(target({})), result2025, whole(result2025));
    expect(p!.valeur).toBeCloseTo(0.4, 12);
    expect(p!.progression).toBeCloseTo((0.4 - 0.3) / (0.5 - 0.3), 12);
    expect(p!.statut).toBe('en_progres');
    expect(p!.objectifLibelle).toBe("Diversifier l'offre pour favoriser l'égalité femmes-hommes");
    expect(p!.indicateurLibelle).toBe('Part des femmes');
    expect(p!.periode).toBe(2025);
    expect(progressJson(p!)).toMatchObject({ objectif: '212', statut: 'en_progres', statut_libelle: 'En progrès', perimetre: 'region', type_siae: 'toutes' });
  });

  it('gives atteint, en recul and sans donnée, in both directions', () => {
    const [reached, backward, down, downBack, noScope, noData] = computeProgress(
      plan(
        target({ cible: 0.4 }),
        target({ valeurReference: 0.45 }),
        target({ sens: 'baisse', valeurReference: 0.6, cible: 0.35 }),
        target({ sens: 'baisse', valeurReference: 0.35, cible: 0.3 }),
        target({ departement: '77' }),
        target({ indicateur: 'taux_realisation_etp', cible: 1 }),
      ),
      result2025,
      whole(result2025),
    );
    expect(reached!.statut).toBe('atteint');
    expect(backward!.statut).toBe('en_recul');
    expect(backward!.progression).toBeLessThan(0);
    expect(down!.statut).toBe('en_progres');
    expect(down!.progression).toBeCloseTo((0.4 - 0.6) / (0.35 - 0.6), 12);
    expect(downBack!.statut).toBe('en_recul');
    expect(noScope!.statut).toBe('sans_donnee');
    expect(noScope!.note).toContain('Aucun retour');
    expect(noData!.statut).toBe('en_progres'); // 19.8 / 21 ETP: a real figure
    const zero = consolidate({ records: [rec({ ...validReturn(), etp_conventionnes: 0 })] });
    const [sansObjet] = computeProgress(plan(target({ indicateur: 'taux_realisation_etp', cible: 1 })), zero);
    expect(sansObjet!.valeur).toBe('sans objet');
    expect(sansObjet!.statut).toBe('sans_donnee');
    expect(sansObjet!.note).toContain('sans objet');
  });

  it('uses the target year when present, else the latest period, and says so', () => {
    const twoYears = consolidate({
      records: [
        rec({ ...validReturn(), siret: siretOf(1), annee: 2024, personnes: 10, femmes: 1 }),
        rec({ ...validReturn(), siret: siretOf(1), annee: 2025, personnes: 10, femmes: 5 }),
      ],
    });
    const [onTarget, noTargetYear, baselineFromData] = computeProgress(
      plan(target({ anneeCible: 2024 }), target({ anneeCible: 2030 }), target({ valeurReference: undefined, anneeReference: 2024, anneeCible: 2025 })),
      twoYears,
      whole(twoYears),
    );
    expect(onTarget!.periode).toBe(2024);
    expect(onTarget!.valeur).toBeCloseTo(0.1, 12);
    expect(onTarget!.statut).toBe('en_recul');
    expect(noTargetYear!.periode).toBe(2025);
    expect(noTargetYear!.note).toContain('Pas de données 2030');
    expect(baselineFromData!.reference).toBeCloseTo(0.1, 12);
    expect(baselineFromData!.progression).toBeCloseTo((0.5 - 0.1) / (0.5 - 0.1), 12);
    expect(baselineFromData!.statut).toBe('atteint');
  });

  it('statusOf: no movement is stable, not backward; without baseline, below target is en progrès', () => {
    const t = target({});
    expect(statusOf(0.3, 0.3, t)).toBe('stable');
    // 53.04 % and 52.96 % both show « 53,0 % »: stable, not en recul.
    expect(statusOf(0.5296, 0.5304, target({ cible: 0.6 }))).toBe('stable');
    // 44.96 % shows « 45,0 % »: the target 45 % is reached as displayed.
    expect(statusOf(0.4496, 0.3, target({ cible: 0.45 }))).toBe('atteint');
    expect(statusOf(0.29, 0.3, t)).toBe('en_recul');
    expect(statusOf(0.1, null, t)).toBe('en_progres');
    expect(statusOf(0.5, 0.3, t)).toBe('atteint');
  });

  it('the default plan carries the templates example targets, with codes known to consolidation', () => {
    const d = defaultPlan();
    expect(d.targets).toHaveLength(PLAN_EXAMPLES.length);
    const progress = computeProgress(d, result2025);
    for (const p of progress) expect(p.objectifLibelle).not.toBe('');
    expect(progress.find((p) => p.target.indicateur === 'part_residents_qpv' && p.target.departement === '93')).toBeDefined();
  });
});
