import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('the write path does not load ExcelJS (docs/decisions/ecriture-xlsx.md)', () => {
  it('no file of src/ imports exceljs or its loader, but the loader kept for tests', () => {
    const offenders = files(SRC)
      .filter((f) => !f.endsWith(join('write', 'load-exceljs.ts')))
      .filter((f) => /from\s+['"]exceljs['"]|import\(\s*['"]exceljs['"]\s*\)|load-exceljs/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
    // The writer's own files do not even name the package.
    const writer = files(join(SRC, 'hosts/xlsx/write')).filter((f) => !f.endsWith('load-exceljs.ts'));
    expect(writer.length).toBeGreaterThan(5);
    for (const f of writer) expect(readFileSync(f, 'utf8'), relative(SRC, f)).not.toMatch(/['"]exceljs['"]/);
  });
});
