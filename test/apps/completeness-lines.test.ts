/**
 * The Consolider tab's completeness lines on a real run: a référentiel and returns written as
 * real xlsx files (the campaign tests' builder), the same words as the CLI's summary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { completenessLines } from '../../src/apps/taskpane/completeness-lines.js';
import { completenessLines as cliLines, readReferentiel } from '../../src/core/campaign/index.js';
import { runConsolidation, type ConsolidationRun } from '../../src/core/run/index.js';
import { validateWorkbooks } from '../../src/core/validate/run.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';
import { networkBook, referentielBook, returnOf, siretOf, type TestSiae } from '../core/campaign/campaign-builder.js';

const S = (n: number, kind: TestSiae['kind'], departement: string): TestSiae => ({ siret: siretOf(n), nom: `SIAE ${n}`, kind, departement });
const expected = [S(1, 'ACI', '75'), S(2, 'ACI', '75'), S(3, 'EI', '93'), S(4, 'AI', '93'), S(5, 'AI', '93')];

let withList: ConsolidationRun;
let without: ConsolidationRun;
beforeAll(async () => {
  // 75: both returned, one with errors; 93: one of three returned.
  const books = [await networkBook([returnOf(expected[0]!), returnOf(expected[1]!, { broken: true }), returnOf(expected[3]!)], 'reseau.xlsx')];
  const report = validateWorkbooks(books, DEFAULT_SETTINGS);
  const referentiel = readReferentiel(await referentielBook(expected), DEFAULT_SETTINGS)!;
  withList = runConsolidation({ report, referentiel });
  without = runConsolidation({ report });
}, 120_000);

describe('complétude dans l’onglet Consolider : une ligne par département, puis la région', () => {
  it('rien sans référentiel', () => {
    expect(completenessLines(without)).toBeUndefined();
  });

  it('les mots du résumé de la ligne de commande, département par département puis la région', () => {
    const lines = completenessLines(withList)!;
    expect(lines.map((l) => l.code)).toEqual(['75', '93', '']);
    expect(lines.map((l) => l.text)).toEqual(cliLines(withList.completeness!));
    expect(lines[0]!.text).toBe('75 Paris : 2 attendues, 2 reçues (1 retenue, 1 écartée), 0 manquante ; 50 % retenues');
    expect(lines[1]!.text).toBe('93 Seine-Saint-Denis : 3 attendues, 1 reçue (1 retenue), 2 manquantes ; 33 % retenues');
    expect(lines[2]!.text).toBe('Région : 5 attendues, 3 reçues (2 retenues, 1 écartée), 2 manquantes ; 40 % retenues');
  });
});
