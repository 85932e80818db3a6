/** Reports people read in order: by sheet, row and column as numbers; the code apart from the French sentence. */
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/apps/cli/summary.js';
import { cellPosition, sortIssues } from '../../../src/core/validate/issue-order.js';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import type { ValidationIssue } from '../../../src/core/records.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { CODES, colOf, networkXlsx, siretFor, validRow } from './xlsx-builders.js';

describe('issue order', () => {
  it('reads addresses as numbers: B10 before B47, Z before AA, absolute addresses too', () => {
    expect(cellPosition('B10')).toEqual([10, 2]);
    expect(cellPosition('AA7')).toEqual([7, 27]);
    expect(cellPosition('$AB$12')).toEqual([12, 28]);
    expect(cellPosition(undefined)).toEqual([0, 0]);
    const issue = (cell: string | undefined, sheet?: string): ValidationIssue => ({ code: 'type-error', severity: 'erreur', file: 'f.xlsx', sheet, cell, message: cell ?? '' });
    const sorted = sortIssues([issue('B47', 'S'), issue('AA10', 'S'), issue('B10', 'S'), issue('Z10', 'S'), issue(undefined), issue('A1', 'T'), issue(undefined, 'S')], new Map([['S', 0], ['T', 1]]));
    expect(sorted.map((i) => `${i.sheet ?? ''}!${i.cell ?? ''}`)).toEqual(['!', 'S!', 'S!B10', 'S!Z10', 'S!AA10', 'S!B47', 'T!A1']);
  });

  it('a real table: issues come by row, then column, whatever order the checks found them in', async () => {
    const z = CODES[25]!; // column Z
    const aa = CODES[26]!; // column AA
    expect([colOf(z), colOf(aa)]).toEqual(['Z', 'AA']);
    const rows = Array.from({ length: 49 }, (_, i) => validRow({ siret: siretFor(i + 1) }));
    rows[45] = validRow({ siret: siretFor(46), femmes: 'douze' }); // row 47
    // Row 10: type errors at Z, AA and pmsmp, then rules on « dont femmes » and the paid hours (earlier columns, found last).
    rows[8] = validRow({ siret: siretFor(9), femmes: 35, [z]: 'beaucoup', [aa]: 'peu', pmsmp: 'x' });
    rows[10] = validRow({ siret: siretFor(3) }); // row 12 repeats row 4's SIRET: the duplicate is found after the row's checks
    rows[10]!.femmes = 'douze';
    const f = validateWorkbooks([readXlsx(await networkXlsx(rows), 'ordre.xlsx')]).files[0]!;
    const cells = f.issues.map((i) => i.cell);
    // Y10: the sector split no longer adds up to the paid hours once AA10 (BTP hours) is left out.
    expect(cells).toEqual([`${colOf('femmes')}10`, `${colOf('heures_remunerees')}10`, 'Z10', 'AA10', `${colOf('pmsmp')}10`, 'A12', `${colOf('femmes')}12`, `${colOf('femmes')}47`]);
    expect(f.issues.map((i) => i.code)).toEqual(['rule-violation', 'rule-violation', 'type-error', 'type-error', 'type-error', 'duplicate-row', 'type-error', 'type-error']);

    // The CLI summary lists them in that order, the code in its own column, never at the end of the sentence.
    const text = formatSummary(validateWorkbooks([readXlsx(await networkXlsx(rows), 'ordre.xlsx')]));
    const lines = text.split('\n').filter((l) => /^ {4}[A-Z]+\d+ /.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(cells);
    expect(text).toMatch(/Cellule\s+Gravité\s+Code\s+Message/);
    expect(lines[0]).toMatch(new RegExp(`^ {4}${colOf('femmes')}10\\s+ERREUR\\s+rule-violation\\s+« dont femmes »`));
    for (const l of lines) expect(l).not.toMatch(/\((rule-violation|type-error|duplicate-row)\)$/);
  });
});
