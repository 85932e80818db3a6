import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  evaluateRules,
  isValidSiret,
  makeReturnSchema,
  type Settings,
} from '../../src/schema/index.js';
import { validReturn } from '../fixtures/returns.js';

const schema = makeReturnSchema();

/** The French messages zod gives for each field path. */
function issuesOf(input: unknown, s = schema): Map<string, string[]> {
  const r = s.safeParse(input);
  const map = new Map<string, string[]>();
  if (r.success) return map;
  for (const i of r.error.issues) {
    const key = i.path.join('.');
    map.set(key, [...(map.get(key) ?? []), i.message]);
  }
  return map;
}

describe('return schema', () => {
  it('accepts a complete valid return', () => {
    const r = schema.safeParse(validReturn());
    expect(r.success).toBe(true);
    expect(evaluateRules(validReturn(), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('accepts a return with only the required indicators', () => {
    const { commune_insee, annexe_financiere, implantation_qpv, implantation_zrr, ass, aah, residents_zrr, bas_niveau_qualification, sous_main_justice, pmsmp, personnes_formees, heures_btp, heures_espaces_verts, ...required } =
      validReturn();
    expect(schema.safeParse(required).success).toBe(true);
    // …but the missing split of hours is worth a warning.
    expect(evaluateRules(required, DEFAULT_SETTINGS).map((v) => v.rule)).toEqual(['heures_secteurs_renseignees']);
  });

  it('rejects a SIRET with a bad checksum, naming the field', () => {
    const issues = issuesOf({ ...validReturn(), siret: '44212345000012' });
    expect([...issues.keys()]).toEqual(['siret']);
    expect(issues.get('siret')?.[0]).toMatch(/^« SIRET » n'est pas un numéro valide \(clé de contrôle incorrecte\)/);
  });

  it('rejects a SIRET that is not 14 digits', () => {
    expect(issuesOf({ ...validReturn(), siret: '4421234500001' }).get('siret')?.[0]).toContain('exactement 14 chiffres');
    expect(issuesOf({ ...validReturn(), siret: '4421234500001A' }).get('siret')?.[0]).toContain('exactement 14 chiffres');
  });

  it('accepts a La Poste SIRET that fails Luhn but whose digit sum is a multiple of 5', () => {
    const laPoste = '35600000000015'; // digit sum 20, Luhn fails
    expect(isValidSiret(laPoste)).toBe(true);
    expect(schema.safeParse({ ...validReturn(), siret: laPoste }).success).toBe(true);
    // The digit-sum exception is La Poste's alone.
    expect(isValidSiret('35700000000015')).toBe(false);
    expect(isValidSiret('35600000000016')).toBe(false);
  });

  it('rejects a département outside the configured region, naming the field and the region', () => {
    const issues = issuesOf({ ...validReturn(), departement: '13', commune_insee: undefined });
    expect(issues.get('departement')?.[0]).toBe(
      "« Département » : « 13 » n'est pas un département de la région Île-de-France (codes admis : 75, 77, 78, 91, 92, 93, 94, 95).",
    );
  });

  it('accepts Corsica and overseas départements when that region is configured', () => {
    const corse: Settings = { ...DEFAULT_SETTINGS, regionCode: '94' };
    const corseSchema = makeReturnSchema(corse);
    expect(corseSchema.safeParse({ ...validReturn(), departement: '2A', commune_insee: '2A004' }).success).toBe(true);
    expect(corseSchema.safeParse({ ...validReturn(), departement: '2B', commune_insee: undefined }).success).toBe(true);
    expect(issuesOf({ ...validReturn(), departement: '93', commune_insee: undefined }, corseSchema).get('departement')?.[0]).toContain(
      'région Corse',
    );
    const reunion = makeReturnSchema({ ...DEFAULT_SETTINGS, regionCode: '04' });
    expect(reunion.safeParse({ ...validReturn(), departement: '974', commune_insee: '97411' }).success).toBe(true);
    // The commune must lie in the département, with three-character overseas prefixes.
    expect(issuesOf({ ...validReturn(), departement: '974', commune_insee: '97209' }, reunion).get('commune_insee')?.[0]).toBe(
      "La commune 97209 n'est pas dans le département 974 : corrigez le code commune ou le département.",
    );
  });

  it('rejects a negative count, naming the field', () => {
    const issues = issuesOf({ ...validReturn(), pmsmp: -2 });
    expect(issues.get('pmsmp')).toEqual([
      '« Immersions (PMSMP) » ne peut pas être négatif : indiquez un nombre supérieur ou égal à 0.',
    ]);
    expect(issuesOf({ ...validReturn(), personnes: 12.5 }).get('personnes')?.[0]).toBe(
      '« Personnes en insertion » doit être un nombre entier, sans décimale.',
    );
  });

  it('a negative total does not cascade into the rules that use it', () => {
    const issues = issuesOf({ ...validReturn(), personnes: -1 });
    expect([...issues.keys()]).toEqual(['personnes']);
  });

  it('rejects women > total, naming the field', () => {
    const issues = issuesOf({ ...validReturn(), femmes: 31 });
    expect([...issues.keys()]).toEqual(['femmes']);
    expect(issues.get('femmes')?.[0]).toBe(
      "« dont femmes » (31) dépasse le nombre de personnes en insertion (30) : un « dont » ne peut pas dépasser le total, corrigez l'un des deux.",
    );
  });

  it('rejects sector hours that do not add up to the paid hours, beyond the tolerance', () => {
    const issues = issuesOf({ ...validReturn(), heures_btp: 8000 });
    expect(issues.get('heures_remunerees')?.[0]).toBe(
      'Les heures ventilées par secteur totalisent 18\u202f000 h alors que les heures rémunérées sont de 18\u202f200 h (écart 200 h, tolérance 18,2 h) : corrigez la ventilation ou le total.',
    );
    // Within the tolerance (the larger of 1 h and 0.1 %): accepted.
    expect(schema.safeParse({ ...validReturn(), heures_btp: 8190 }).success).toBe(true);
    expect(schema.safeParse({ ...validReturn(), heures_btp: 8181 }).success).toBe(false);
  });

  it('rejects exits > people, naming the field', () => {
    const issues = issuesOf({ ...validReturn(), autres_sorties: 25 });
    expect(issues.get('sorties_emploi_durable')?.[0]).toBe(
      'Le total des sorties (35) dépasse le nombre de personnes en insertion (30) : vérifiez les sorties et le nombre de personnes.',
    );
  });

  it('rejects disjoint classes that exceed the total', () => {
    const issues = issuesOf({ ...validReturn(), deld: 20, detld: 15 });
    expect(issues.get('detld')?.[0]).toContain('DELD + DETLD (35) dépasse le nombre de personnes en insertion (30)');
  });

  it('names each missing required field', () => {
    const { personnes, annee, ...rest } = validReturn();
    const issues = issuesOf(rest);
    expect(issues.get('personnes')).toEqual(['« Personnes en insertion » est obligatoire : renseignez-le.']);
    expect(issues.get('annee')).toEqual(['« Année » est obligatoire : renseignez-le.']);
  });

  it('rejects an unknown indicator and a wrong type, in French', () => {
    expect(issuesOf({ ...validReturn(), inconnu: 3 }).get('')?.[0]).toBe('Indicateur inconnu : inconnu.');
    expect(issuesOf({ ...validReturn(), femmes: '12' }).get('femmes')?.[0]).toBe('« dont femmes » doit être un nombre entier.');
    expect(issuesOf({ ...validReturn(), type_siae: 'SCOP' }).get('type_siae')?.[0]).toBe(
      '« Type de SIAE » doit être l\'un de : EI, ACI, AI, ETTI, EITI.',
    );
  });
});

describe('warnings of the cross-field rules', () => {
  const rulesOf = (patch: Record<string, unknown>) => evaluateRules({ ...validReturn(), ...patch }, DEFAULT_SETTINGS);

  it('warns when ETP réalisés are far from hours ÷ the kind\'s reference', () => {
    const v = rulesOf({ etp_realises: 12 });
    expect(v.map((x) => [x.rule, x.severity, x.field])).toEqual([['etp_coherents_avec_heures', 'avertissement', 'etp_realises']]);
    expect(v[0]?.message).toBe(
      'ETP réalisés (12) éloignés de heures rémunérées ÷ 1\u202f820 h (10 ETP attendus pour une ACI) : vérifiez les ETP ou les heures.',
    );
    // The reference is a setting.
    const custom = { ...DEFAULT_SETTINGS, hoursPerEtp: { ...DEFAULT_SETTINGS.hoursPerEtp, ACI: 1517 } };
    expect(evaluateRules({ ...validReturn(), etp_realises: 12 }, custom)).toEqual([]);
  });

  it('warns on a taux de réalisation above 120 %', () => {
    expect(rulesOf({ etp_conventionnes: 8 }).map((v) => v.rule)).toEqual(['taux_realisation_plausible']);
  });

  it('errors on hours without people and warns on people without hours', () => {
    expect(rulesOf({ personnes: 0, femmes: 0, rsa: 0, ass: 0, aah: 0, travailleurs_handicapes: 0, residents_qpv: 0, moins_26_ans: 0, plus_50_ans: 0, deld: 0, detld: 0, bas_niveau_qualification: 0, sous_main_justice: 0, personnes_formees: 0, sorties_emploi_durable: 0, sorties_emploi_transition: 0, sorties_positives: 0, autres_sorties: 0, sorties_retirees: 0 }).map((v) => v.rule)).toEqual([
      'heures_avec_personnes',
    ]);
    expect(rulesOf({ heures_remunerees: 0, heures_btp: 0, heures_espaces_verts: 0, etp_realises: 0 }).map((v) => v.rule)).toEqual([
      'personnes_avec_heures',
    ]);
  });

  it('warns on more hours per person than a full-time post', () => {
    expect(rulesOf({ personnes: 8, femmes: 2, rsa: 2, ass: 1, aah: 1, travailleurs_handicapes: 1, residents_qpv: 2, moins_26_ans: 1, plus_50_ans: 1, deld: 1, detld: 2, bas_niveau_qualification: 2, sous_main_justice: 1, personnes_formees: 2, sorties_emploi_durable: 1, sorties_emploi_transition: 1, sorties_positives: 1, autres_sorties: 1, sorties_retirees: 0 }).map((v) => v.rule)).toEqual([
      'heures_par_personne_plausibles',
    ]);
  });
});
