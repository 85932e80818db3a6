/**
 * Hostile or mistaken inputs: each gets its own reason and a French message naming the file,
 * never a crash, a hang or an exhausted memory.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, XlsxReadError, type ReadLimits } from '../../../src/hosts/xlsx/read';
import { excelBytes, handXlsx, noise, worksheetXml } from './helpers';

function readError(bytes: Uint8Array, source = 'modele.xlsx', limits?: Partial<ReadLimits>): XlsxReadError {
  try {
    readXlsx(bytes, source, limits);
  } catch (err) {
    if (err instanceof XlsxReadError) return err;
    throw err;
  }
  throw new Error('le fichier a été lu sans erreur');
}

function expectReason(err: XlsxReadError, reason: XlsxReadError['reason'], source = 'modele.xlsx'): void {
  expect(err.reason).toBe(reason);
  expect(err.code).toBe('unreadable-file');
  expect(err.source).toBe(source);
  expect(err.message.startsWith(`${source} : `)).toBe(true);
}

let valid: Uint8Array;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Feuille');
  for (let r = 1; r <= 200; r++) ws.addRow([`Ligne ${r}`, r, r * 0.5, `Texte ${r % 7}`]);
  valid = await excelBytes(wb);
});

describe('readXlsx refuses what is not a readable workbook', () => {
  it('an empty file', () => {
    const err = readError(new Uint8Array(0));
    expectReason(err, 'vide');
    expect(err.message).toContain('vide');
  });

  it('random bytes', () => {
    const bytes = noise(4096);
    bytes[0] = 0x13; // not "PK", not a CFB or PDF signature
    const err = readError(bytes);
    expectReason(err, 'pas-un-zip');
    expect(err.message).toContain("n'est pas un classeur Excel");
  });

  it('a truncated xlsx', () => {
    const err = readError(valid.subarray(0, Math.floor(valid.length / 2)));
    expectReason(err, 'corrompu');
    expect(err.message).toContain('endommagé');
  });

  it('an xlsx whose compressed sheet data is garbage', () => {
    const bytes = handXlsx({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${'<row><c><v>1</v></c></row>'.repeat(500)}</sheetData>`) }] });
    // Overwrite the sheet's compressed data (found after its local header name) with 0xFF:
    // deflate block type 3 does not exist.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = 0; i < bytes.length && at < 0; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && name.every((b, k) => bytes[i + 30 + k] === b)) at = i;
    expect(at).toBeGreaterThanOrEqual(0);
    const start = at + 30 + name.length + (bytes[at + 28]! | (bytes[at + 29]! << 8));
    const broken = bytes.slice();
    broken.fill(0xff, start, start + 16);
    const err = readError(broken);
    expectReason(err, 'corrompu');
    expect(err.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a CSV renamed .xlsx, in UTF-8 or Windows-1252', () => {
    expectReason(readError(strToU8('structure;siret;heures\nACI Jardins;12345678901234;1820\n'), 'export.xlsx'), 'csv', 'export.xlsx');
    const latin1 = Uint8Array.from([...'nom;ville\nLéa;Créteil\n'].map((c) => c.charCodeAt(0)));
    const err = readError(latin1, 'export.xlsx');
    expectReason(err, 'csv', 'export.xlsx');
    expect(err.message).toContain('CSV');
  });

  it('a real password-protected workbook', () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/chiffre.xlsx', import.meta.url)));
    const err = readError(bytes);
    expectReason(err, 'chiffre');
    expect(err.message).toBe(
      'modele.xlsx : ce fichier est protégé par un mot de passe (chiffré). Enregistrez-en une copie sans mot de passe puis recommencez.',
    );
  });

  it('a Word document and a binary workbook in zip form', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    });
    const err = readError(docx, 'rapport.xlsx');
    expectReason(err, 'pas-un-classeur', 'rapport.xlsx');
    expect(err.message).toContain('document Word (.docx)');
    const xlsb = zipSync({ 'xl/workbook.bin': new Uint8Array(8) });
    expect(readError(xlsb).message).toContain('.xlsb');
    expect(readError(zipSync({ 'photo.jpg': new Uint8Array(8) })).message).toContain('archive zip');
  });

  it('a workbook part that is not XML', () => {
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a"') });
    const err = readError(bytes);
    expectReason(err, 'corrompu');
    expect(err.message).toContain('xl/workbook.xml');
  });

  it('a cell reference beyond column XFD', () => {
    const bytes = handXlsx({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>') }] });
    expectReason(readError(bytes), 'corrompu');
  });
});

describe('readXlsx enforces its limits', () => {
  it('file size, before anything else', () => {
    const err = readError(valid, 'gros.xlsx', { maxFileBytes: 1000 });
    expectReason(err, 'trop-volumineux', 'gros.xlsx');
    expect(err.message).toMatch(/la limite est de 1\u00a0000 octets|la limite est de 1000 octets/);
  });

  it('a zip bomb: a tiny part that inflates hundreds of times its size', () => {
    // 40 Mo of one character compress to ~40 ko: refused after a few Mo come out (see read-declared-size).
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024).fill(0x20),
    }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const err = readError(bomb, 'bombe.xlsx');
    expectReason(err, 'trop-volumineux', 'bombe.xlsx');
    expect(err.message).toContain('bombe zip');
    expect(err.message).toContain('xl/worksheets/sheet1.xml');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('the total of uncompressed bytes', () => {
    const err = readError(valid, 'modele.xlsx', { maxUncompressedBytes: 20_000 });
    expectReason(err, 'trop-volumineux');
    expect(err.message).toContain('dépasse 19,5 ko');
  });

  it('the number of cells of the workbook, naming the sheet', () => {
    const err = readError(valid, 'modele.xlsx', { maxCells: 500 });
    expectReason(err, 'trop-volumineux');
    expect(err.message).toMatch(/plus de 500 cellules \(limite atteinte dans la feuille « Feuille »\)/);
    expect(readXlsx(valid, 'modele.xlsx', { maxCells: 800 }).sheets[0]!.rows).toHaveLength(200);
  });

  it('cells far to the right count for the columns they span', () => {
    // 400 rows × one cell in column XFD: 6.5 million slots, over the default 6 million.
    const rows = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    const bytes = handXlsx({ sheets: [{ name: 'Loin', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${rows}</sheetData>`) }] });
    const err = readError(bytes);
    expectReason(err, 'trop-volumineux');
    expect(err.message).toContain('« Loin »');
  });

  it('rejects invalid limits', () => {
    expect(() => readXlsx(valid, 'modele.xlsx', { maxCells: -1 })).toThrow(RangeError);
  });
});

describe('readXlsx reads hostile text as plain text', () => {
  it('formula-like, HTML and control text come back verbatim as strings', () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>=HYPERLINK("http://x")</t></si><si><t>&lt;img src=x onerror=alert(1)&gt;</t></si><si><t>+1+cmd|' /C calc'!A0</t></si></sst>`;
    const sheet = worksheetXml('<sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>7</v></c></row></sheetData>');
    const book = readXlsx(handXlsx({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', xml: sheet }], sharedStrings: sst }), 'x.xlsx');
    // An index outside the table is a blank, not a crash.
    expect(book.sheets[0]!.rows[0]).toEqual(['=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>', "+1+cmd|' /C calc'!A0", null]);
  });

  it('a DOCTYPE with entities is never expanded', () => {
    const wbXml = `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&lol2;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(wbXml),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(worksheetXml('<sheetData/>')),
    });
    expect(readXlsx(bytes, 'x.xlsx').sheets[0]!.name).toBe('&lol2;');
  });
});
