import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxReadError } from '../../../src/hosts/xlsx/read';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-file';
import { excelBytes } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-read-file-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Feuille').addRow(['Structure', 12]);
  writeFileSync(join(dir, 'retour.xlsx'), await excelBytes(wb));
  writeFileSync(join(dir, 'vide.xlsx'), new Uint8Array(0));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fileError(path: string, limits?: Parameters<typeof readXlsxFile>[1]): Promise<XlsxReadError> {
  const err = await readXlsxFile(path, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof XlsxReadError)) throw new Error(`XlsxReadError attendue, obtenu ${String(err)}`);
  return err;
}

describe('readXlsxFile', () => {
  it('reads a workbook from disk, naming it by its base name', async () => {
    const book = await readXlsxFile(join(dir, 'retour.xlsx'));
    expect(book.source).toBe('retour.xlsx');
    expect(book.sheets[0]!.rows).toEqual([['Structure', 12]]);
  });

  it('says when the file does not exist', async () => {
    const err = await fileError(join(dir, 'absent.xlsx'));
    expect(err.reason).toBe('introuvable');
    expect(err.message).toBe('absent.xlsx : fichier introuvable. Vérifiez le nom et le dossier du fichier.');
  });

  it('says when the path is a folder', async () => {
    const err = await fileError(dir);
    expect(err.reason).toBe('inaccessible');
    expect(err.message).toContain("c'est un dossier");
  });

  it('checks the size before reading and passes the content checks on', async () => {
    const big = await fileError(join(dir, 'retour.xlsx'), { maxFileBytes: 100 });
    expect(big.reason).toBe('trop-volumineux');
    expect(big.message).toMatch(/^retour\.xlsx : .*la limite est de 100 octets/);
    expect((await fileError(join(dir, 'vide.xlsx'))).reason).toBe('vide');
  });
});
