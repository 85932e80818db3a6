import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellValue } from '../../../src/core/grid';
import type { SheetModel } from '../../../src/core/workbook-model';
import { readXlsx } from '../../../src/hosts/xlsx/read/index';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index';
import { parseXml, type XmlElement } from '../../helpers/xml';

/**
 * The worksheet is written in one buffer, its head (with the dimension) before the cells
 * (session 7): the dimension is found from the cells, range styles, table headers and row
 * heights before any cell is written, and the buffer, sized from the cell count, still grows
 * when the cells need more.
 */
async function worksheet(sheet: SheetModel): Promise<{ xml: string; root: XmlElement; bytes: Uint8Array }> {
  const bytes = await writeWorkbookModel({ sheets: [sheet] });
  const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
  return { xml, root: parseXml(xml), bytes };
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);

describe('worksheet head written before the cells', () => {
  it('gives the dimension of what is written, whatever sets the last row or column', async () => {
    const cases: [SheetModel, string][] = [
      [{ name: 'Vide', cells: [] }, 'A1'],
      [{ name: 'Cellules', cells: [{ row: 2, col: 3, value: 1 }, { row: 5, col: 2, value: 'x' }] }, 'A1:C5'],
      // A row height alone below the cells: an empty <row> is written, so it counts.
      [{ name: 'Hauteur', cells: [{ row: 1, col: 1, value: 1 }], rowHeights: [{ row: 9, height: 30 }] }, 'A1:A9'],
      [{ name: 'Style', cells: [{ row: 1, col: 1, value: 1 }], rangeStyles: [{ range: 'B2:F3', style: { bold: true } }] }, 'A1:F3'],
      [{ name: 'Tableau', cells: [{ row: 4, col: 1, value: 1 }], tables: [{ name: 'T', topLeft: 'B2', columns: ['a', 'b', 'c'], rowCount: 1 }] }, 'A1:D4'],
      [{ name: 'Hauteur seule', cells: [], rowHeights: [{ row: 3, height: 20 }] }, 'A1:A3'],
    ];
    for (const [sheet, ref] of cases) {
      const { root, xml } = await worksheet(sheet);
      expect(child(root, 'dimension')?.attributes.ref, sheet.name).toBe(ref);
      // The head comes first, then the cells, then the rest, as CT_Worksheet orders them.
      const names = root.children.map((c) => c.name);
      expect(names.indexOf('dimension'), sheet.name).toBeLessThan(names.indexOf('sheetData'));
      expect(names.indexOf('sheetData'), sheet.name).toBeLessThan(names.indexOf('pageMargins'));
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '), sheet.name).toBe(true);
    }
  });

  it('grows the buffer past its estimate for long formula results, and reads back every value', async () => {
    // A formula's cached text is written in the cell itself (t="str"), not as a shared string.
    const long = (c: string) => c.repeat(30_000);
    const cells = [
      ...Array.from({ length: 2_000 }, (_, i) => ({ row: i + 1, col: 1, value: i })),
      ...['é', 'x', '€'].map((c, i) => ({ row: i + 1, col: 2, value: long(c), formula: `=REPT("${c}",30000)` })),
    ];
    const { root, bytes, xml } = await worksheet({ name: 'Long', cells, tabColor: '1F4E79', columns: [{ width: 12 }] });
    // More bytes than the buffer was sized for (4096 + 48 per cell): it had to grow.
    expect(new TextEncoder().encode(xml).length).toBeGreaterThan(4096 + 48 * cells.length);
    expect(child(root, 'dimension')?.attributes.ref).toBe('A1:B2000');
    expect(child(root, 'sheetPr')).toBeDefined();
    expect(child(root, 'cols')).toBeDefined();
    const sheet = readXlsx(bytes, 'long.xlsx').sheets[0]!;
    expect(cellValue(sheet, 2000, 1)).toBe(1999);
    expect(cellValue(sheet, 1, 2)).toBe(long('é'));
    expect(cellValue(sheet, 2, 2)).toBe(long('x'));
    expect(cellValue(sheet, 3, 2)).toBe(long('€'));
  });
});
