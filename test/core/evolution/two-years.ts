/**
 * A hand-built two-year case, independent of the demo generator: two ACI (93 and 75) whose
 * returns for years N−1 and N are real xlsx network tables (written by ExcelJS), validated and
 * consolidated by the run. Expected changes are worked out by hand in evolution.test.ts.
 */
import { ValidationRun } from '../../../src/core/validate/run.js';
import type { GridWorkbook } from '../../../src/core/grid.js';
import type { RunInput } from '../../../src/core/run/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { networkXlsx, siretFor, validRow, type Row } from '../validate/xlsx-builders.js';

/** The rows of one year: `late` gives the year N figures, else N−1's. */
export function yearRows(annee: number, late: boolean): Row[] {
  const a = late ? { personnes: 40, femmes: 20, residents_qpv: 20 } : { personnes: 30, femmes: 12, residents_qpv: 18 };
  const b = late ? { personnes: 20, femmes: 10, residents_qpv: 10 } : { personnes: 20, femmes: 10, residents_qpv: 5 };
  return [
    validRow({ siret: siretFor(1), raison_sociale: 'ACI Alpha', departement: '93', commune_insee: '93045', annee, ...a }),
    validRow({ siret: siretFor(2), raison_sociale: 'ACI Beta', departement: '75', commune_insee: '75111', annee, ...b }),
  ];
}

export async function networkBook(rows: readonly Row[], name: string): Promise<GridWorkbook> {
  return readXlsx(await networkXlsx(rows), name);
}

export function runInput(books: readonly GridWorkbook[], extra: Partial<RunInput> = {}): RunInput {
  const run = new ValidationRun();
  for (const b of books) run.addWorkbook(b);
  return { report: run.finish(), ...extra };
}
