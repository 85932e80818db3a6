/** « Suivi de la collecte » writes what the référentiel says as text, never as a formula. */
import { describe, expect, it } from 'vitest';
import { computeCompleteness, type Referentiel } from '../../../src/core/campaign/index.js';
import { consolidate } from '../../../src/core/consolidate/index.js';
import { SHEET_SUIVI, suiviSheet } from '../../../src/core/consolidated-workbook/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { siretOf } from './campaign-builder.js';

describe('« Suivi de la collecte »', () => {
  it('writes names, networks and contacts that look like formulas as plain text', async () => {
    const referentiel: Referentiel = {
      file: 'ref.xlsx',
      origin: 'modele',
      periode: 2025,
      entries: [{ siret: siretOf(1), nom: '=HYPERLINK("http://x","clic")', kind: 'ACI', departement: '93', reseau: '+33 réseau', contact: '@moi <b>gras</b>', source: { file: 'ref.xlsx', sheet: 'SIAE attendues', row: 7 } }],
      issues: [],
    };
    const c = computeCompleteness({ referentiel, result: consolidate({ records: [], issues: [], files: [] }), records: [], regionCode: '11' });
    const book = readXlsx(await writeWorkbookModel({ sheets: [suiviSheet(c)] }), 'suivi.xlsx');
    const values = book.sheets.find((s) => s.name === SHEET_SUIVI)!.rows.flatMap((r) => r ?? []);
    for (const text of ['=HYPERLINK("http://x","clic")', '+33 réseau', '@moi <b>gras</b>', 'manquant']) expect(values).toContain(text);
    expect(suiviSheet(c).cells.some((cell) => cell.formula !== undefined)).toBe(false);
  });
});
