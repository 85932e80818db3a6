import { consolidate, type DerivedAggregate } from '../core/consolidate/index.js';
import type { CellValue, GridWorkbook } from '../core/grid.js';
import type { ReturnRecord } from '../core/records.js';
import { validateWorkbooks } from '../core/validate/index.js';
import { DERIVED, INDICATORS, derivedByCode, type IndicatorDef, type Settings } from '../schema/index.js';

/**
 * The spec's worked examples, computed by the add-in's own code (validation then consolidation)
 * from returns written as an SIAE types them: the figures in the document are what the tools give.
 */

type Typed = Readonly<Record<string, string | number | null>>;

/** A filled return of an ACI: every required figure, a few optional ones, booleans as « oui » / « non ». */
export const EXAMPLE_RETURN: Typed = {
  siret: '44212345000011',
  raison_sociale: 'Association Exemple Insertion',
  type_siae: 'ACI',
  departement: '93',
  commune_insee: '93066',
  annexe_financiere: 'ACI093250013A0M1',
  implantation_qpv: 'oui',
  implantation_zrr: 'non',
  annee: 2025,
  etp_conventionnes: 12,
  personnes: 30,
  femmes: 12,
  rsa: 16,
  ass: 2,
  aah: 1,
  travailleurs_handicapes: 3,
  residents_qpv: 18,
  residents_zrr: 0,
  moins_26_ans: 5,
  plus_50_ans: 6,
  deld: 8,
  detld: 12,
  bas_niveau_qualification: 20,
  sous_main_justice: 1,
  heures_remunerees: 20020,
  etp_realises: 11,
  heures_espaces_verts: 12020,
  heures_btp: 8000,
  sorties_emploi_durable: 3,
  sorties_emploi_transition: 4,
  sorties_positives: 2,
  autres_sorties: 5,
  sorties_retirees: 1,
  pmsmp: 14,
  personnes_formees: 9,
};

/** Three SIAE of one département for the département-level rate: the ACI above, an EI and an AI. */
export const EXAMPLE_DEPARTEMENT: readonly Typed[] = [
  EXAMPLE_RETURN,
  {
    ...EXAMPLE_RETURN,
    siret: '44212345000029',
    raison_sociale: 'Entreprise Exemple Nettoyage',
    type_siae: 'EI',
    annexe_financiere: 'EI093250021A0M1',
    etp_conventionnes: 8,
    heures_remunerees: 12040,
    etp_realises: 8,
    heures_espaces_verts: null,
    heures_btp: null,
    heures_nettoyage: 12040,
    sorties_emploi_durable: 5,
    sorties_emploi_transition: 1,
    sorties_positives: 0,
    autres_sorties: 2,
    sorties_retirees: 0,
  },
  {
    ...EXAMPLE_RETURN,
    siret: '44212345000037',
    raison_sociale: 'Association Exemple Services',
    type_siae: 'AI',
    annexe_financiere: 'AI093250034A0M1',
    personnes: 60,
    femmes: 33,
    rsa: 20,
    residents_qpv: 25,
    bas_niveau_qualification: 30,
    etp_conventionnes: 9,
    heures_remunerees: 14463,
    etp_realises: 9,
    heures_espaces_verts: null,
    heures_btp: null,
    heures_services_personnes: 14463,
    sorties_emploi_durable: 4,
    sorties_emploi_transition: 10,
    sorties_positives: 1,
    autres_sorties: 15,
    sorties_retirees: 3,
  },
];

const CODES = (INDICATORS as readonly IndicatorDef[]).map((d) => d.code);

/** The returns as a network table in memory: header row of labels, one row per return (read by its headers). */
function tableOf(returns: readonly Typed[]): GridWorkbook {
  const rows: CellValue[][] = [(INDICATORS as readonly IndicatorDef[]).map((d) => d.label)];
  for (const r of returns) rows.push(CODES.map((c) => r[c] ?? null));
  return {
    source: 'exemple.xlsx',
    sheets: [{ name: 'Retours', visibility: 'visible', rows, styles: [], validations: [], protection: null }],
    styles: [],
    definedNames: [],
    tables: [],
    date1904: false,
  };
}

/** Validates the returns with the add-in's validator; an example that does not pass is a defect of the spec. */
function validated(returns: readonly Typed[], settings: Settings): ReturnRecord[] {
  const report = validateWorkbooks([tableOf(returns)], settings);
  const problems = report.files.flatMap((f) => f.issues);
  if (problems.length > 0 || report.stats.records !== returns.length)
    throw new Error(`Exemple de la spécification non valide : ${problems.map((p) => `${p.cell ?? ''} ${p.message}`).join(' ; ')}`);
  return report.files.flatMap((f) => [...f.records]);
}

export interface WorkedReturn {
  /** Values as read by validation, in form order. */
  readonly values: readonly { readonly code: string; readonly value: number | boolean | string }[];
  /** Derived indicators of this one return (consolidation of a single return). */
  readonly derived: readonly { readonly code: string; readonly aggregate: DerivedAggregate }[];
}

/** Example 1: one filled return, checked, with its derived indicators. */
export function workedReturn(settings: Settings): WorkedReturn {
  const record = validated([EXAMPLE_RETURN], settings)[0]!;
  const values = CODES.flatMap((code) => {
    const v = record.values[code as keyof typeof record.values];
    return v === undefined ? [] : [{ code, value: v }];
  });
  const period = consolidate({ records: [record] }).byPeriod.get(Number(EXAMPLE_RETURN.annee))!;
  const derived = DERIVED.filter((d) => d.kind === 'ratio').map((d) => ({ code: d.code, aggregate: period.region.derived[d.code]! }));
  return { values, derived };
}

export interface WorkedRate {
  readonly code: string;
  readonly departement: string;
  /** Per SIAE: name, kind, numerator and denominator sums of the rate, and its own rate. */
  readonly siae: readonly { readonly nom: string; readonly kind: string; readonly aggregate: DerivedAggregate }[];
  /** The département's rate, computed by consolidation (sum of numerators over sum of denominators). */
  readonly departementRate: DerivedAggregate;
  /** The plain mean of the SIAE's rates, to show it is not the département's rate. */
  readonly meanOfRates: number;
}

/** Example 2: the dynamic exits rate of a département, as consolidation computes it. */
export function workedRate(settings: Settings, code = 'taux_sorties_dynamiques'): WorkedRate {
  const records = validated(EXAMPLE_DEPARTEMENT, settings);
  const def = derivedByCode(code)!;
  const siae = records.map((r) => {
    const one = consolidate({ records: [r] }).byPeriod.get(Number(r.values.annee))!.region;
    return { nom: String(r.values.raison_sociale), kind: String(r.values.type_siae), aggregate: one.derived[def.code]! };
  });
  const departement = String(EXAMPLE_RETURN.departement);
  const all = consolidate({ records }).byPeriod.get(Number(EXAMPLE_RETURN.annee))!;
  const departementRate = all.byDepartement.get(departement)!.derived[def.code]!;
  let sum = 0;
  for (const s of siae) sum += s.aggregate.value.status === 'valeur' ? s.aggregate.value.value : 0;
  return { code, departement, siae, departementRate, meanOfRates: sum / siae.length };
}
