import { describe, expect, it } from 'vitest';
import { cellStyle, cellValue, sheetByName } from '../../../src/core/grid.js';
import { readOpenWorkbook } from '../../../src/hosts/office/read-workbook.js';
import { FakeExcel } from '../../helpers/office-fake.js';

function seeded(): FakeExcel {
  const f = new FakeExcel();
  f.addSheet({
    name: 'Retour SIAE',
    rows: [
      ['Indicateur', 'Valeur', 'Date'],
      ['ETP', 12.5, 45292],
      ['Taux', { error: '#DIV/0!' }, null],
      ['Part', 0.25, true],
    ],
    formats: [[], [undefined, '0.00', 'dd/mm/yyyy'], [], [undefined, '0%']],
  });
  f.addSheet({ name: 'IAE_meta', visibility: 'VeryHidden', rows: [['siae', '1.0.0']] });
  f.addSheet({ name: 'Vide' });
  f.names.push({ name: 'IAE_MODELE', formula: '=IAE_meta!$A$1' }, { name: 'IAE_VERSION_SCHEMA', formula: '="1.0.0"' });
  f.sheet('Retour SIAE')!.names.push({ name: 'IAE_etp', formula: "='Retour SIAE'!$B$2" });
  f.sheet('Retour SIAE')!.tables.push({ name: 'IAE_Retours', address: 'A1:C4' });
  return f;
}

describe('readOpenWorkbook', () => {
  it('reads sheets, visibility, values, errors, number formats, names and tables', async () => {
    const f = seeded();
    const book = await readOpenWorkbook(f.ctx);
    expect(book.source).toBe('Classeur ouvert');
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Retour SIAE', 'visible'],
      ['IAE_meta', 'veryHidden'],
      ['Vide', 'visible'],
    ]);
    const s = sheetByName(book, 'Retour SIAE')!;
    expect(cellValue(s, 2, 2)).toBe(12.5);
    expect(cellValue(s, 3, 2)).toEqual({ error: '#DIV/0!' });
    expect(cellValue(s, 3, 3)).toBeNull();
    expect(cellValue(s, 4, 3)).toBe(true);
    expect(cellValue(s, 1, 1)).toBe('Indicateur');
    expect(cellStyle(book, s, 2, 3).numFmt).toBe('dd/mm/yyyy');
    expect(cellStyle(book, s, 4, 2).numFmt).toBe('0%');
    expect(cellStyle(book, s, 2, 2).numFmt).toBe('0.00');
    expect(cellStyle(book, s, 1, 1).numFmt).toBe('General');
    // One style per distinct number format, General first.
    expect(book.styles.map((x) => x.numFmt)).toEqual(['General', '0.00', 'dd/mm/yyyy', '0%']);
    expect(book.definedNames).toEqual([
      { name: 'IAE_MODELE', ref: 'IAE_meta!$A$1' },
      { name: 'IAE_VERSION_SCHEMA', ref: '"1.0.0"' },
      { name: 'IAE_etp', ref: "'Retour SIAE'!$B$2", localSheet: 'Retour SIAE' },
    ]);
    expect(book.tables).toEqual([{ name: 'IAE_Retours', sheet: 'Retour SIAE', ref: 'A1:C4', columns: ['Indicateur', 'Valeur', 'Date'] }]);
    expect(sheetByName(book, 'Vide')!.rows).toEqual([]);
    // 2 syncs of structure + 1 for all the (small) blocks.
    expect(f.syncCount).toBe(3);
  });

  it('places a used range that does not start at A1 at its real rows and columns', async () => {
    const f = new FakeExcel();
    const rows: (number | null)[][] = [[], [], [], [null, null, 7, 8]];
    f.addSheet({ name: 'Décalée', rows });
    const book = await readOpenWorkbook(f.run);
    const s = book.sheets[0]!;
    expect(cellValue(s, 4, 3)).toBe(7);
    expect(cellValue(s, 4, 4)).toBe(8);
    expect(cellValue(s, 1, 1)).toBeNull();
  });

  it('reads in row blocks, several loads per sync, each response under the budget', async () => {
    const f = new FakeExcel();
    const rows = Array.from({ length: 3000 }, (_, r) => [`SIAE ${r}`, r, r * 1.5, r % 2 === 0]);
    f.addSheet({ name: 'Retours', rows });
    f.addSheet({ name: 'Petite', rows: [['x']] });
    const budget = 50_000;
    const book = await readOpenWorkbook(f.ctx, { batchBytes: budget });
    const s = sheetByName(book, 'Retours')!;
    expect(s.rows.length).toBe(3000);
    expect(cellValue(s, 3000, 1)).toBe('SIAE 2999');
    expect(cellValue(s, 1234, 3)).toBe(1233 * 1.5);
    expect(cellValue(sheetByName(book, 'Petite')!, 1, 1)).toBe('x');
    const blockSyncs = f.syncs.slice(2);
    expect(blockSyncs.length).toBeGreaterThan(3);
    // Never a sync per row: far fewer syncs than rows.
    expect(blockSyncs.length).toBeLessThan(3000 / 50);
    for (const s2 of blockSyncs) expect(s2.responseBytes).toBeLessThan(budget * 1.25);
  });

  it('budget: a 50,000 × 50 sheet is read in 1 MB responses, about one sync per MB', async () => {
    const f = new FakeExcel();
    const rows = Array.from({ length: 50_000 }, (_, r) => Array.from({ length: 50 }, (_, c) => (c === 0 ? `7500${r}` : c === 1 ? `SIAE n° ${r}` : r + c / 100)));
    f.addSheet({ name: 'Grand', rows });
    const book = await readOpenWorkbook(f.ctx);
    const s = book.sheets[0]!;
    expect(s.rows.length).toBe(50_000);
    expect(cellValue(s, 50_000, 50)).toBe(49_999 + 49 / 100);
    const totalResponse = f.syncs.reduce((a, b) => a + b.responseBytes, 0);
    // Documented budget (docs/excel-host.md): responses < 1 MB each (cap 5 MB), and no more
    // syncs than 2 + the data's weight in MB, with 30% slack for the estimate and its margin.
    expect(f.maxResponseBytes).toBeLessThan(1_000_000);
    expect(f.syncCount).toBeLessThanOrEqual(2 + Math.ceil((totalResponse / 1_000_000) * 1.3) + 1);
    console.log(`lecture 50 000 × 50 : ${f.syncCount} synchronisations, réponse max ${(f.maxResponseBytes / 1e6).toFixed(2)} Mo, total ${(totalResponse / 1e6).toFixed(1)} Mo`);
  }, 900_000);

  it('turns an Office.js failure into a French error', async () => {
    const f = seeded();
    f.failAt = { sync: 2, code: 'AccessDenied' };
    await expect(readOpenWorkbook(f.ctx)).rejects.toThrow(/^Lecture du classeur ouvert impossible : Excel a refusé l'accès/);
  });
});
