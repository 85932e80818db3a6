import fc from 'fast-check';
import type { ReturnRecord } from '../../../src/core/records.js';
import { luhnValid, SIAE_KINDS, type PartialReturn } from '../../../src/schema/index.js';

export const DEPS = ['75', '77', '78', '91', '92', '93', '94', '95'] as const;

export function siretOf(n: number): string {
  const first13 = `4${String(n).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  throw new Error('unreachable');
}

export function rec(values: PartialReturn, file = 'f.xlsx', sheet = 'Retours', row?: number, errors = 0, warnings = 0): ReturnRecord {
  return { values, source: { file, sheet, ...(row !== undefined ? { row } : {}), cells: {} }, errors, warnings };
}

/** Plausible values of one return (not necessarily rule-abiding: consolidation does not validate). */
export const valuesArb = (siret: string): fc.Arbitrary<PartialReturn> =>
  fc
    .record({
      annee: fc.constantFrom(2024, 2025),
      departement: fc.constantFrom(...DEPS),
      type_siae: fc.constantFrom(...SIAE_KINDS),
      personnes: fc.integer({ min: 0, max: 300 }),
      femmesShare: fc.double({ min: 0, max: 1, noNaN: true }),
      rsa: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      heures: fc.integer({ min: 0, max: 200000 }),
      etpCents: fc.integer({ min: 0, max: 10000 }),
      etpConvCents: fc.integer({ min: 0, max: 10000 }),
      btpShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      exits: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
    })
    .map((v) => {
      const r: Record<string, unknown> = {
        siret,
        raison_sociale: `SIAE ${siret}`,
        annee: v.annee,
        departement: v.departement,
        type_siae: v.type_siae,
        personnes: v.personnes,
        femmes: Math.floor(v.personnes * v.femmesShare),
        heures_remunerees: v.heures,
        etp_realises: v.etpCents / 100,
        etp_conventionnes: v.etpConvCents / 100,
        sorties_emploi_durable: v.exits[0],
        sorties_emploi_transition: v.exits[1],
        sorties_positives: v.exits[2],
        autres_sorties: v.exits[3],
        sorties_retirees: v.exits[4],
      };
      if (v.rsa !== undefined) r.rsa = Math.min(v.rsa, v.personnes);
      if (v.btpShare !== undefined) {
        const btp = Math.round(v.heures * v.btpShare);
        r.heures_btp = btp;
        r.heures_nettoyage = v.heures - btp;
      }
      return r as PartialReturn;
    });

/** A set of returns with distinct SIRETs, each placed in some file and row. */
export const recordsArb = (min = 1, max = 40): fc.Arbitrary<ReturnRecord[]> =>
  fc.integer({ min, max }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => fc.tuple(valuesArb(siretOf(i + 1)), fc.integer({ min: 0, max: 3 })))).map((list) =>
      list.map(([values, file], i) => rec(values, `reseau-${file}.xlsx`, 'Retours', 10 + i)),
    ),
  );
