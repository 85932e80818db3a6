import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../../src/core/workbook-model';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index';
import { loadExcelJS } from '../../../src/hosts/xlsx/write/load-exceljs';

const model = (print: NonNullable<WorkbookModel['sheets'][number]['print']>): WorkbookModel => ({
  sheets: [{ name: "Retours d'IAE", cells: [{ row: 1, col: 1, value: 'SIRET' }], print }],
});

describe('print titles', () => {
  it('repeats identification columns and header rows on every printed page, as Excel writes them', async () => {
    const bytes = await writeWorkbookModel(model({ orientation: 'landscape', fitToWidth: false, titleRows: '1:3', titleColumns: 'A:B' }));
    const xml = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Retours d&apos;&apos;IAE&apos;!$A:$B,&apos;Retours d&apos;&apos;IAE&apos;!$1:$3</definedName>`);
    // Another program reads both back.
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ps = wb.worksheets[0]!.pageSetup;
    expect(ps.printTitlesColumn).toBe('A:B');
    expect(ps.printTitlesRow).toBe('1:3');
  });

  it('refuses a range that is not columns, in French', async () => {
    await expect(writeWorkbookModel(model({ orientation: 'portrait', fitToWidth: true, titleColumns: '1:2' }))).rejects.toThrow(/Colonnes à répéter à l'impression invalides « 1:2 »/);
  });
});
