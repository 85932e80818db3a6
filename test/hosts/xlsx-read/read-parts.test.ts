/**
 * Hand-written packages: what other writers (Excel, LibreOffice, .NET libraries) put in
 * files and ExcelJS never does — namespace prefixes, missing references, inline and rich
 * strings, escapes, x14 validations, parts at unusual paths.
 */
import { describe, expect, it } from 'vitest';
import { cellStyle, sheetByName } from '../../../src/core/grid';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { handXlsx, worksheetXml } from './helpers';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('readXlsx on hand-written packages', () => {
  it('reads prefixed elements, rows and cells without r, inline and rich strings', () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:dimension ref="A1:D4"/><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c><x:c><x:v>1.5</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>
      <x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:r><x:rPr><x:b/><x:color rgb="FF0000"/></x:rPr><x:t xml:space="preserve">gras </x:t></x:r><x:r><x:t>fin</x:t></x:r></x:is></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
      <x:row><x:c r="B4" t="str"><x:f>A1&amp;"x"</x:f><x:v>inlinex</x:v></x:c><x:c r="D4"><x:f>1/0</x:f></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const sst = `<?xml version="1.0"?><x:sst xmlns:x="${NS}" count="2" uniqueCount="2"><x:si><x:t>partagé</x:t></x:si><x:si><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:si></x:sst>`;
    const book = readXlsx(handXlsx({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', xml: sheet }], sharedStrings: sst }), 'p.xlsx');
    expect(book.sheets[0]!.rows).toEqual([
      ['inline', 1.5, 'partagé'],
      undefined,
      [null, null, 'gras fin', 'ab'],
      [null, 'inlinex', null, null],
    ]);
  });

  it('decodes entities, _xHHHH_ escapes and skips phonetic runs', () => {
    const sst = `<sst xmlns="${NS}"><si><t>a_x000D_b</t></si><si><t>x&amp;y&lt;&#10;&#x41;&gt;&quot;&apos;</t></si><si><t>_x005F_x000D_</t></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si><si/><si><t/></si></sst>`;
    const sheet = worksheetXml(
      `<sheetData><row r="1">${[0, 1, 2, 3, 4, 5].map((i) => `<c t="s"><v>${i}</v></c>`).join('')}<c t="str"><v>t&#233;l_x0009_!</v></c></row></sheetData>`,
    );
    const book = readXlsx(handXlsx({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', xml: sheet }], sharedStrings: sst }), 'e.xlsx');
    expect(book.sheets[0]!.rows[0]).toEqual(['a\rb', 'x&y<\nA>"\'', '_x000D_', '漢字', '', '', 'tél\t!']);
  });

  it('reads number formats, booleans, errors, ISO dates and the 1904 date system', () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="9"/><xf numFmtId="164"><protection locked="0"/></xf><xf numFmtId="49"><protection locked="1" hidden="1"/></xf></cellXfs></styleSheet>`;
    const sheet = worksheetXml(
      `<sheetData><row r="2"><c r="A2" s="1"><v>100</v></c><c r="B2" s="2"><v>0.5</v></c><c r="C2" s="3"/><c r="D2" s="4" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="d"><v>2024-01-15</v></c><c r="G2" t="n"><v></v></c><c r="H2"><v/></c></row></sheetData>`,
    );
    const book = readXlsx(
      handXlsx({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', xml: sheet }], styles, workbookPr: '<workbookPr date1904="1"/>' }),
      'f.xlsx',
    );
    const ws = book.sheets[0]!;
    expect(book.date1904).toBe(true);
    expect(ws.rows[1]).toEqual([100, 0.5, null, true, { error: '#N/A' }, 45306 - 1462, null, null]);
    expect(cellStyle(book, ws, 2, 1)).toEqual({ numFmt: 'mm-dd-yy', locked: true });
    expect(cellStyle(book, ws, 2, 2)).toEqual({ numFmt: '0%', locked: true });
    expect(cellStyle(book, ws, 2, 3)).toEqual({ numFmt: 'dd/mm/yyyy\\ hh:mm', locked: false });
    expect(cellStyle(book, ws, 2, 4)).toEqual({ numFmt: '@', locked: true });
    expect(cellStyle(book, ws, 2, 5)).toEqual({ numFmt: 'General', locked: true });
    expect(Array.from(ws.styles[1]!)).toEqual([1, 2, 3, 4]);
  });

  it('reads x14 validations (cross-sheet lists), protection variants, tables at any path', () => {
    const data = worksheetXml(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="B1" t="inlineStr"><is><t>Ligne_x000a_deux</t></is></c></row></sheetData>
      <sheetProtection sheet="1" objects="1"/>
      <dataValidations count="1"><dataValidation type="textLength" allowBlank="true" sqref="A2:A9 C2:C9"><formula1>1</formula1><formula2>50</formula2></dataValidation></dataValidations>
      <tableParts count="1"><tablePart r:id="rIdT"/></tableParts>
      <extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" error="Choisissez_x000a_dans la liste"><x14:formula1><xm:f>Listes!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>B2:B100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`);
    const table = `<table xmlns="${NS}" id="1" name="Table1" displayName="Personnes" ref="A1:B3"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="Nom"/><tableColumn id="2" name="Ligne_x000a_deux"/></tableColumns></table>`;
    const legacy = worksheetXml(`<sheetData/><sheetProtection password="CC3D" sheet="true"/>`);
    const unprotected = worksheetXml(`<sheetData/><sheetProtection formatCells="0"/>`);
    const book = readXlsx(
      handXlsx({
        sheets: [
          {
            name: 'Données',
            path: 'xl/feuilles/donnees.xml',
            xml: data,
            rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="${R}/table" Target="../tableaux/t.xml"/></Relationships>`,
          },
          { name: 'Ancienne', path: 'xl/worksheets/a.xml', xml: legacy },
          { name: 'Libre', path: 'xl/worksheets/b.xml', xml: unprotected },
        ],
        extraParts: { 'xl/tableaux/t.xml': table },
        workbookExtra: `<definedNames><definedName name="version" localSheetId="1">"1.0.0"</definedName><definedName name="Liste_Types">Listes!$A$1:$A$5</definedName></definedNames>`,
      }),
      'x.xlsx',
    );
    const ws = sheetByName(book, 'Données')!;
    expect(ws.rows[0]).toEqual(['Nom', 'Ligne\ndeux']);
    expect(ws.protection).toEqual({ password: false });
    expect(sheetByName(book, 'Ancienne')!.protection).toEqual({ password: true });
    expect(sheetByName(book, 'Libre')!.protection).toBeNull();
    expect(ws.validations).toEqual([
      { sqref: 'A2:A9 C2:C9', type: 'textLength', operator: 'between', allowBlank: true, formula1: '1', formula2: '50' },
      { sqref: 'B2:B100', type: 'list', allowBlank: true, formula1: 'Listes!$A$1:$A$5', error: 'Choisissez\ndans la liste' },
    ]);
    expect(book.tables).toEqual([{ name: 'Personnes', sheet: 'Données', ref: 'A1:B3', columns: ['Nom', 'Ligne\ndeux'] }]);
    expect(book.definedNames).toEqual([
      { name: 'version', ref: '"1.0.0"', localSheet: 'Ancienne' },
      { name: 'Liste_Types', ref: 'Listes!$A$1:$A$5' },
    ]);
  });

  it('reads a big sheet streamed in many chunks exactly', () => {
    // ~6 Mo of XML: rows and cells cross the boundaries of inflated chunks many times.
    const rows: string[] = [];
    const expected: unknown[][] = [];
    for (let r = 1; r <= 20_000; r++) {
      const text = `L${r} &amp; <é>`.replace('<é>', '&lt;é&gt;');
      rows.push(
        `<row r="${r}" spans="1:4"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}"><v>${r * 1.25}</v></c><c r="D${r}" s="1" t="b"><v>${r % 2}</v></c></row>`,
      );
      expected.push([`L${r} & <é>`, r * 1.25, null, r % 2 === 1]);
    }
    const styles = `<styleSheet xmlns="${NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0"><protection locked="0"/></xf></cellXfs></styleSheet>`;
    const book = readXlsx(
      handXlsx({ sheets: [{ name: 'Grand', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${rows.join('\n')}</sheetData>`) }], styles }),
      'grand.xlsx',
    );
    const ws = book.sheets[0]!;
    expect(ws.rows).toEqual(expected);
    expect(ws.styles.every((s) => s !== undefined && s.length === 4 && s[3] === 1 && s[0] === 0)).toBe(true);
  });

  it('keeps chart sheets in place so local names point to the right sheet', () => {
    const files = handXlsx({
      sheets: [{ name: 'Données', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml('<sheetData/>') }],
      workbookExtra: '<definedNames><definedName name="n" localSheetId="0">Données!$A$1</definedName></definedNames>',
    });
    const book = readXlsx(files, 'c.xlsx');
    expect(book.definedNames).toEqual([{ name: 'n', ref: 'Données!$A$1', localSheet: 'Données' }]);
    expect(book.sheets[0]!.rows).toEqual([]);
    expect(book.styles).toEqual([{ numFmt: 'General', locked: true }]);
  });
});
