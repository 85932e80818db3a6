import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellValue } from '../../../src/core/grid';
import { readXlsx } from '../../../src/hosts/xlsx/read/index';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index';
import { largeWorkbookModel } from './large-workbook';

describe('writeWorkbookModel at national scale (issue 10: no size cliff)', () => {
  it('writes the consolidated workbook of 50,000 SIAE over 2 years, and every return is listed in it', async () => {
    const model = largeWorkbookModel(50_000, 2);
    const bytes = await writeWorkbookModel(model);
    // The part names from the zip's directory, without inflating the parts (readXlsx does that next).
    const names: string[] = [];
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
    expect(names).toContain('xl/worksheets/sheet8.xml');
    const book = readXlsx(bytes, 'consolidation.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    // Every cell of the model reads back with its value (texts, numbers) from the written file.
    // (Mismatches are collected, not asserted one by one: 800,000 expect() calls take minutes.)
    const mismatches: string[] = [];
    let checked = 0;
    for (const [i, sheet] of model.sheets.entries()) {
      const read = book.sheets[i]!;
      for (const c of sheet.cells) {
        if (c.formula !== undefined || c.value === undefined || c.value === null) continue;
        const got = cellValue(read, c.row, c.col);
        if (got !== c.value && mismatches.length < 10) mismatches.push(`${sheet.name} L${c.row}C${c.col}: ${String(got)} ≠ ${String(c.value)}`);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(800_000);
    // The Sources sheet lists the 100,000 returns.
    const sources = model.sheets.find((s) => s.name === 'Sources')!;
    expect(new Set(sources.cells.map((c) => c.row)).size).toBeGreaterThan(100_000);
  });
});
