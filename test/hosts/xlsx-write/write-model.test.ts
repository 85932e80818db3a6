import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbook, Worksheet } from 'exceljs';
import type { WorkbookModel } from '../../../src/core/workbook-model';
import { loadExcelJS } from '../../../src/hosts/xlsx/write/load-exceljs';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index';
import { parseXml, type XmlElement } from '../../helpers/xml';
import { FULL_MODEL, TRICKY_TEXTS } from './full-model';

let bytes: Uint8Array;
let parts: Record<string, Uint8Array>;
let wb: Workbook;

const part = (path: string): string => {
  const p = parts[path];
  if (!p) throw new Error(`missing part ${path}`);
  return strFromU8(p);
};
const sheet = (name: string): Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`missing sheet ${name}`);
  return ws;
};
const find = (el: XmlElement, name: string): XmlElement[] =>
  el.name === name ? [el] : el.children.flatMap((c) => find(c, name));

beforeAll(async () => {
  bytes = await writeWorkbookModel(FULL_MODEL);
  parts = unzipSync(bytes);
  const ExcelJS = await loadExcelJS();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

describe('writeWorkbookModel: contents read back with ExcelJS', () => {
  it('writes sheets in order with their visibility and tab colour', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Saisie IAE', 'visible'],
      ['Tableau', 'visible'],
      ['Paramètres', 'veryHidden'],
      ['Masquée', 'hidden'],
    ]);
    expect(sheet('Saisie IAE').properties.tabColor).toEqual({ argb: 'FF1F4E79' });
  });

  it('writes values, formulas with and without cached results', () => {
    const ws = sheet('Saisie IAE');
    expect(ws.getCell('A3').value).toBe('EI Alpha');
    expect(ws.getCell('B3').value).toBe(12);
    expect(ws.getCell('C3').value).toBe(1500.5);
    expect(ws.getCell('B6').value).toBe(true);
    expect(ws.getCell('D3').value).toEqual({ formula: 'B3+C3', result: 1512.5 });
    expect(ws.getCell('D4').formula).toBe('B4+C4');
    expect(sheet('Tableau').getCell('C4').value).toEqual({ formula: 'C2-C3', result: 4 });
  });

  it('keeps formula-like and HTML-like text as plain string cells', () => {
    const ws = sheet('Saisie IAE');
    TRICKY_TEXTS.forEach((t, i) => {
      const cell = ws.getCell(11 + i, 1);
      expect(cell.value).toBe(t);
      expect(cell.formula).toBeUndefined();
    });
    const xml = part('xl/worksheets/sheet1.xml');
    // Rows 11..16 hold only shared-string cells, no <f> element.
    const rows = xml.match(/<row r="1[1-6]"[^>]*>.*?<\/row>/g) ?? [];
    expect(rows).toHaveLength(TRICKY_TEXTS.length);
    for (const r of rows) {
      expect(r).toMatch(/t="s"/);
      expect(r).not.toMatch(/<f>/);
    }
    expect(part('xl/sharedStrings.xml')).toContain('&lt;b&gt;gras&lt;/b&gt;&lt;script&gt;');
  });

  it('applies cell styles, merged over range styles', () => {
    const ws = sheet('Saisie IAE');
    const title = ws.getCell('A1');
    expect(title.font).toMatchObject({ bold: true, size: 14, color: { argb: 'FFFFFFFF' } });
    expect(title.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } });
    expect(title.alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('B2').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('B2').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('A5').font).toMatchObject({ italic: true });
    expect(ws.getCell('A5').alignment).toMatchObject({ vertical: 'top', indent: 1 });
    // Range style (unlocked input, fill, border) merged with the cell's own numFmt.
    const c3 = ws.getCell('C3');
    expect(c3.numFmt).toBe('#,##0.00');
    expect(c3.protection).toMatchObject({ locked: false });
    expect(c3.fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(c3.border).toMatchObject({ top: { style: 'thin' } });
    // Range style on cells the model does not list.
    expect(ws.getCell('C6').protection).toMatchObject({ locked: false });
    expect(ws.getCell('D6').numFmt).toBe('0.0');
    // Outside ranges: Excel's default, locked.
    expect(ws.getCell('A3').protection?.locked ?? true).toBe(true);
  });

  it('writes column widths, hidden columns, merges and frozen panes', () => {
    const ws = sheet('Saisie IAE');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(14);
    expect(ws.getColumn(5).hidden).toBe(true);
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  });

  it('writes notes and hyperlinks, internal links without an external relationship', () => {
    const ws = sheet('Saisie IAE');
    expect(ws.getCell('A3').note).toBe('Entreprise d’insertion');
    expect(ws.getCell('A9').value).toMatchObject({ text: 'Documentation', hyperlink: 'https://example.org/iae' });
    const xml = part('xl/worksheets/sheet1.xml');
    expect(xml).toContain(`<hyperlink ref="A8" location="&apos;Tableau&apos;!A1"/>`);
    const rels = part('xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels).toContain('Target="https://example.org/iae" TargetMode="External"');
    expect(rels).not.toContain('Tableau');
  });

  it('writes bounded data validations with operators, prompts and stop errors', () => {
    const ws = sheet('Saisie IAE') as Worksheet & { dataValidations: { model: Record<string, Record<string, unknown>> } };
    // ExcelJS reads validations back cell by cell.
    const dv = ws.dataValidations.model;
    expect(dv['B7']).toBeUndefined();
    expect(dv['B6']).toEqual(dv['B3']);
    expect(dv['B3']).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: 'Salariés',
      prompt: 'Nombre entier positif',
      showErrorMessage: true,
      errorStyle: 'stop', // ST_DataValidationErrorStyle: stop | warning | information
      errorTitle: 'Valeur refusée',
      error: 'Saisir un entier ≥ 0',
    });
    expect(dv['C6']).toMatchObject({ type: 'decimal', formulae: [0, 100000], allowBlank: true });
    expect(dv['A3']).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [40] });
    expect(dv['A6']?.allowBlank).toBeFalsy();
    expect(dv['E4']).toMatchObject({ type: 'list', formulae: ['"EI,ACI,AI,ETTI,EITI"'], errorTitle: 'Type' });
    // A multi-range validation stays one element (relative formulas anchored on its first cell).
    const sqrefs = [...part('xl/worksheets/sheet1.xml').matchAll(/<dataValidation\b[^>]*sqref="([^"]*)"/g)].map((m) => m[1]);
    expect(sqrefs.sort()).toEqual(['A3:A6', 'B3:B6', 'C3:C6', 'E3:E6', 'F3:F6 H3:H6']);
    for (const s of sqrefs) for (const r of s!.split(' ')) expect(r).toMatch(/^[A-Z]+[0-9]+:[A-Z]+[0-9]+$/);
  });

  it('writes conditional formats with fill and font colours', () => {
    type Cf = { ref: string; rules: ({ style: Record<string, unknown> } & Record<string, unknown>)[] };
    const cfs = (sheet('Saisie IAE') as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(['B3:B6', 'C3:C6', 'A3:A6', 'A11:A16']);
    expect(cfs[0]!.rules[0]).toMatchObject({ type: 'cellIs', operator: 'lessThan', formulae: ['0'] });
    expect(cfs[0]!.rules[0]!.style).toMatchObject({ fill: { bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } });
    expect(cfs[1]!.rules[0]).toMatchObject({ type: 'expression', formulae: ['C3>1000'] });
    expect(cfs[1]!.rules[0]!.style).toMatchObject({ font: { bold: true, color: { argb: 'FF006100' } } });
    expect(cfs[2]!.rules[0]).toMatchObject({ type: 'containsText', operator: 'containsText' });
    const xml = part('xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<cfRule type="containsText" [^>]*operator="containsText" text="EI"><formula>NOT\(ISERROR\(SEARCH\(&quot;EI&quot;,A3\)\)\)<\/formula>/);
    // Quotes in the searched text are doubled inside the formula, single in the text attribute.
    expect(xml).toMatch(/text="x&quot;, virgule"><formula>NOT\(ISERROR\(SEARCH\(&quot;x&quot;&quot;, virgule&quot;,A11\)\)\)<\/formula>/);
  });

  it('writes tables with their name, columns and every data row', () => {
    const table = sheet('Tableau').getTable('T_Structures') as unknown as { table: { ref: string; columns: { name: string }[]; style: { theme: string } } };
    expect(table).toBeDefined();
    const xml = part('xl/tables/table1.xml');
    expect(xml).toMatch(/name="T_Structures" displayName="T_Structures" ref="A1:C4"/);
    expect(xml).toContain('<autoFilter ref="A1:C4">');
    expect([...xml.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(['Structure', 'Type', 'Salariés']);
    expect(xml).toContain('tableStyleInfo name="TableStyleLight9"');
    // Header cells hold the column names; data cells the model's values.
    expect(sheet('Tableau').getRow(1).values).toEqual([undefined, 'Structure', 'Type', 'Salariés']);
    expect(sheet('Tableau').getCell('A3').value).toBe('Beta');
  });

  it('protects sheets without password, allowing selection, column formatting and filters', () => {
    const ws = sheet('Saisie IAE') as Worksheet & { sheetProtection: Record<string, unknown> | null };
    expect(ws.sheetProtection).toMatchObject({ sheet: true, formatColumns: true, autoFilter: true });
    expect(ws.sheetProtection?.hashValue).toBeUndefined();
    expect(ws.sheetProtection?.selectLockedCells).not.toBe(false);
    expect(ws.sheetProtection?.selectUnlockedCells).not.toBe(false);
    expect((sheet('Tableau') as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
  });

  it('writes the print setup: A4, orientation, one page wide, title rows', () => {
    const ps = sheet('Saisie IAE').pageSetup;
    expect(ps).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(part('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Saisie IAE&apos;!$1:$2</definedName>`);
  });

  it('writes workbook defined names, references and constants', () => {
    const xml = part('xl/workbook.xml');
    expect(xml).toContain('<definedName name="IAE_VERSION">&quot;1.0.0&quot;</definedName>');
    expect(xml).toContain('<definedName name="IAE_SAISIE">&apos;Saisie IAE&apos;!$B$3:$D$6</definedName>');
    expect(wb.definedNames.getRanges('IAE_SAISIE').ranges).toEqual(["'Saisie IAE'!$B$3:$D$6"]);
  });

  it('writes document properties with fixed dates', () => {
    expect(wb.title).toBe('Modèle de test');
    expect(wb.subject).toBe('Indicateurs IAE');
    expect(wb.creator).toBe('Indicateurs IAE');
    expect(wb.created.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('writeWorkbookModel: charts', () => {
  const chartTypes = () =>
    Object.keys(parts)
      .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
      .sort()
      .map((p) => {
        const root = parseXml(part(p));
        const plot = find(root, 'c:plotArea')[0]!.children.find((c) => /Chart$/.test(c.name))!;
        return {
          kind: plot.name,
          barDir: find(plot, 'c:barDir')[0]?.attributes.val,
          grouping: find(plot, 'c:grouping')[0]?.attributes.val,
          overlap: find(plot, 'c:overlap')[0]?.attributes.val,
          title: find(root, 'a:t').map((t) => t.text).join(''),
          refs: find(plot, 'c:f').map((f) => f.text),
        };
      });

  it('writes one well-formed chart part per ChartModel, pointing at the sheet ranges', () => {
    expect(chartTypes()).toEqual([
      { kind: 'c:barChart', barDir: 'col', grouping: 'clustered', overlap: undefined, title: 'Salariés par structure', refs: ["'Saisie IAE'!$A$3:$A$5", "'Saisie IAE'!$B$3:$B$5"] },
      {
        kind: 'c:barChart',
        barDir: 'col',
        grouping: 'stacked',
        overlap: '100',
        title: 'Salariés et heures',
        refs: ["'Saisie IAE'!$A$3:$A$5", "'Saisie IAE'!$B$3:$B$5", "'Saisie IAE'!$A$3:$A$5", "'Saisie IAE'!$C$3:$C$5"],
      },
      { kind: 'c:pieChart', barDir: undefined, grouping: undefined, overlap: undefined, title: 'Répartition', refs: ["'Tableau'!$B$2:$B$4", "'Tableau'!$C$2:$C$4"] },
      { kind: 'c:barChart', barDir: 'bar', grouping: 'clustered', overlap: undefined, title: 'Barres', refs: ["'Tableau'!$A$2:$A$4", "'Tableau'!$C$2:$C$4"] },
    ]);
  });

  it('anchors charts in drawings linked from the sheets, with content types', () => {
    const drawing = parseXml(part('xl/drawings/drawing1.xml'));
    const anchors = find(drawing, 'xdr:twoCellAnchor');
    expect(anchors).toHaveLength(2);
    const cell = (el: XmlElement) => ({ col: Number(find(el, 'xdr:col')[0]!.text), row: Number(find(el, 'xdr:row')[0]!.text) });
    // G2 → N16 inclusive: 0-based from (6,1), to the next cell's corner (14,16).
    expect(cell(find(anchors[0]!, 'xdr:from')[0]!)).toEqual({ col: 6, row: 1 });
    expect(cell(find(anchors[0]!, 'xdr:to')[0]!)).toEqual({ col: 14, row: 16 });
    expect(part('xl/drawings/_rels/drawing1.xml.rels')).toMatch(/Id="rId1" Type="[^"]*\/chart" Target="..\/charts\/chart1.xml"/);
    expect(part('xl/drawings/_rels/drawing1.xml.rels')).toMatch(/Id="rId2" Type="[^"]*\/chart" Target="..\/charts\/chart2.xml"/);
    expect(part('xl/drawings/_rels/drawing2.xml.rels')).toMatch(/Target="..\/charts\/chart4.xml"/);
    // Sheet → drawing, and <drawing> placed before legacyDrawing / tableParts (schema order).
    const s1 = part('xl/worksheets/sheet1.xml');
    const rId = /<drawing r:id="(rId\d+)"\/>/.exec(s1)![1];
    expect(part('xl/worksheets/_rels/sheet1.xml.rels')).toContain(`Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    expect(s1.indexOf('<drawing ')).toBeGreaterThan(s1.indexOf('<pageSetup '));
    expect(s1.indexOf('<drawing ')).toBeLessThan(s1.indexOf('<legacyDrawing '));
    const s2 = part('xl/worksheets/sheet2.xml');
    expect(s2.indexOf('<drawing ')).toBeLessThan(s2.indexOf('<tableParts'));
    const ct = part('[Content_Types].xml');
    for (const n of [1, 2, 3, 4]) expect(ct).toContain(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    for (const n of [1, 2]) expect(ct).toContain(`<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    // Every part of the package is well-formed XML.
    for (const p of Object.keys(parts).filter((k) => /\.(xml|rels)$/.test(k))) expect(() => parseXml(part(p)), p).not.toThrow();
  });
});

describe('writeWorkbookModel: determinism and input errors', () => {
  it('gives the same bytes for the same model, in sorted zip order', async () => {
    const again = await writeWorkbookModel(FULL_MODEL);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const names = Object.keys(parts);
    expect(names).toEqual([...names].sort());
    expect(names.some((n) => n.endsWith('/'))).toBe(false);
  });

  it('does not depend on the time zone (zip times are local times)', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Asia/Tokyo', 'America/New_York']) {
        process.env.TZ = tz;
        expect(Buffer.from(await writeWorkbookModel(FULL_MODEL)).equals(Buffer.from(bytes)), tz).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('changes the bytes when the model changes', async () => {
    const other: WorkbookModel = { ...FULL_MODEL, properties: { title: 'Autre' } };
    expect(Buffer.from(await writeWorkbookModel(other)).equals(Buffer.from(bytes))).toBe(false);
  });

  const rejects = async (model: WorkbookModel, message: RegExp) => expect(writeWorkbookModel(model)).rejects.toThrow(message);

  it('refuses unbounded ranges, bad links and bad names with French messages', async () => {
    await rejects(
      { sheets: [{ name: 'F', cells: [], validations: [{ range: 'A:A', type: 'whole', formulae: ['0'], allowBlank: true }] }] },
      /Validation de données : plage « A:A » invalide ou non bornée \(feuille « F »\)/,
    );
    await rejects({ sheets: [{ name: 'F', cells: [{ row: 1, col: 1, value: 'x', hyperlink: 'javascript:alert(1)' }] }] }, /Lien non autorisé .*feuille « F », cellule A1/);
    await rejects({ sheets: [{ name: 'F', cells: [{ row: 2, col: 3, value: 'x', hyperlink: '#Nulle part' }] }] }, /Lien interne invalide .*cellule C2/);
    await rejects({ sheets: [{ name: 'A/B', cells: [] }] }, /Nom de feuille invalide « A\/B »/);
    await rejects({ sheets: [{ name: 'F', cells: [] }], definedNames: [{ name: 'A1', ref: '1' }] }, /Nom défini invalide « A1 »/);
    await rejects({ sheets: [{ name: 'F', cells: [], tabColor: 'rouge' }] }, /Couleur invalide : « rouge »/);
    await rejects({ sheets: [{ name: 'F', cells: [{ row: 1, col: 1, value: 1 }, { row: 1, col: 1, value: 2 }] }] }, /Cellule définie deux fois \(feuille « F », cellule A1\)/);
    await rejects({ sheets: [{ name: 'F', visibility: 'veryHidden', cells: [] }] }, /au moins une feuille visible/);
    await rejects(
      { sheets: [{ name: 'F', cells: [], tables: [{ name: 'T_A', topLeft: 'A1', columns: ['x'], rowCount: 1 }] }], definedNames: [{ name: 't_a', ref: '1' }] },
      /Nom défini « t_a » identique au nom d'un tableau/,
    );
    await rejects(
      {
        sheets: [
          { name: 'F', cells: [], tables: [{ name: 'T_A', topLeft: 'A1', columns: ['x'], rowCount: 1 }] },
          { name: 'G', cells: [], tables: [{ name: 'T_A', topLeft: 'A1', columns: ['x'], rowCount: 1 }] },
        ],
      },
      /Nom de tableau en double « T_A » \(feuille « G »\)/,
    );
    await rejects({ sheets: [{ name: 'F', cells: [{ row: 0, col: 1, value: 1 }] }] }, /Cellule hors de la feuille : ligne 0, colonne 1 \(feuille « F »\)/);
  });
});

describe('writeWorkbookModel: row heights', () => {
  const model: WorkbookModel = {
    sheets: [
      {
        name: 'Hauteurs',
        columns: [{ width: 20 }],
        cells: [
          { row: 1, col: 1, value: 'Titre' },
          { row: 2, col: 1, value: 'Un texte long qui passe sur plusieurs lignes une fois renvoyé à la ligne.', style: { wrap: true } },
        ],
        // Row 4 holds no cell: the height alone must still be written.
        rowHeights: [
          { row: 2, height: 47.25 },
          { row: 4, height: 30 },
        ],
      },
    ],
  };

  it('writes each height as a custom row height, read back by ExcelJS, other rows keep the default', async () => {
    const written = await writeWorkbookModel(model);
    const xml = strFromU8(unzipSync(written)['xl/worksheets/sheet1.xml']!);
    const rows = find(parseXml(xml), 'row');
    const byNumber = new Map(rows.map((r) => [r.attributes.r, r.attributes]));
    expect(byNumber.get('2')).toMatchObject({ ht: '47.25', customHeight: '1' });
    expect(byNumber.get('4')).toMatchObject({ ht: '30', customHeight: '1' });
    expect(byNumber.get('1')?.ht).toBeUndefined();
    const ExcelJS = await loadExcelJS();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(written) as unknown as ArrayBuffer);
    const ws = back.getWorksheet('Hauteurs')!;
    expect(ws.getRow(2).height).toBe(47.25);
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.getRow(1).height).toBeUndefined();
  });

  it('refuses invalid or repeated heights with French messages', async () => {
    const sheetWith = (rowHeights: { row: number; height: number }[]): WorkbookModel => ({ sheets: [{ name: 'F', cells: [], rowHeights }] });
    await expect(writeWorkbookModel(sheetWith([{ row: 2, height: 0 }]))).rejects.toThrow(/Hauteur de la ligne 2 invalide : 0 .*feuille « F »/);
    await expect(writeWorkbookModel(sheetWith([{ row: 2, height: 500 }]))).rejects.toThrow(/Hauteur de la ligne 2 invalide : 500/);
    await expect(writeWorkbookModel(sheetWith([{ row: 2, height: Number.NaN }]))).rejects.toThrow(/Hauteur de la ligne 2 invalide/);
    await expect(writeWorkbookModel(sheetWith([{ row: 0, height: 20 }]))).rejects.toThrow(/numéro de ligne 0 invalide \(feuille « F »\)/);
    await expect(writeWorkbookModel(sheetWith([{ row: 3, height: 20 }, { row: 3, height: 25 }]))).rejects.toThrow(/Hauteur de la ligne 3 définie deux fois/);
  });
});

describe('writeWorkbookModel: chart number format and explicit colours', () => {
  const model: WorkbookModel = {
    sheets: [
      {
        name: 'Graphiques',
        cells: [
          { row: 1, col: 1, value: 'EI' }, { row: 1, col: 2, value: 1200 }, { row: 1, col: 3, value: 5 },
          { row: 2, col: 1, value: 'ACI' }, { row: 2, col: 2, value: 34000 }, { row: 2, col: 3, value: 7 },
          { row: 3, col: 1, value: 'AI' }, { row: 3, col: 2, value: 560 }, { row: 3, col: 3, value: 9 },
        ],
        charts: [
          { type: 'pie', title: 'Camembert', categories: 'A1:A3', series: [{ name: 'Heures', values: 'B1:B3' }], from: 'E1', to: 'K10', valueFormat: '#,##0', colors: ['1F4E79', '#c00000', '70AD47'] },
          { type: 'stackedColumn', title: 'Colonnes', categories: 'A1:A3', series: [{ name: 'Heures', values: 'B1:B3' }, { name: 'Sorties', values: 'C1:C3' }], from: 'E12', to: 'K22', valueFormat: '#,##0', colors: ['1F4E79', 'ED7D31'] },
          { type: 'bar', title: 'Sans réglage', categories: 'A1:A3', series: [{ name: 'Heures', values: 'B1:B3' }], from: 'E24', to: 'K34' },
        ],
      },
    ],
  };
  let charts: XmlElement[];
  beforeAll(async () => {
    const p = unzipSync(await writeWorkbookModel(model));
    charts = [1, 2, 3].map((n) => parseXml(strFromU8(p[`xl/charts/chart${n}.xml`]!)));
  });
  const fill = (el: XmlElement) => find(find(el, 'c:spPr')[0]!, 'a:srgbClr')[0]!.attributes.val;

  it('colours each slice of a pie, in category order, with solid fills', () => {
    const ser = find(charts[0]!, 'c:ser')[0]!;
    const points = find(ser, 'c:dPt');
    expect(points.map((p) => find(p, 'c:idx')[0]!.attributes.val)).toEqual(['0', '1', '2']);
    expect(points.map(fill)).toEqual(['1F4E79', 'C00000', '70AD47']);
    // CT_PieSer order: tx, then dPt, then cat and val.
    const names = ser.children.map((c) => c.name);
    expect(names.indexOf('c:dPt')).toBeGreaterThan(names.indexOf('c:tx'));
    expect(names.lastIndexOf('c:dPt')).toBeLessThan(names.indexOf('c:cat'));
  });

  it('colours each series of a bar chart, and formats the value axis and data labels', () => {
    const series = find(charts[1]!, 'c:ser');
    expect(series.map(fill)).toEqual(['1F4E79', 'ED7D31']);
    for (const s of series) expect(s.children.map((c) => c.name).slice(0, 5)).toEqual(['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative']);
    const valAx = find(charts[1]!, 'c:valAx')[0]!;
    expect(find(valAx, 'c:numFmt')[0]!.attributes).toEqual({ formatCode: '#,##0', sourceLinked: '0' });
    const labels = find(find(charts[1]!, 'c:barChart')[0]!, 'c:dLbls')[0]!;
    expect(find(labels, 'c:numFmt')[0]!.attributes).toEqual({ formatCode: '#,##0', sourceLinked: '0' });
    expect(find(labels, 'c:showVal')[0]!.attributes.val).toBe('1');
    expect(find(find(charts[0]!, 'c:pieChart')[0]!, 'c:dLbls')[0]).toBeDefined();
  });

  it('leaves colours and formats to the program when the model sets none', () => {
    expect(find(charts[2]!, 'c:spPr')).toHaveLength(0);
    expect(find(charts[2]!, 'c:dLbls')).toHaveLength(0);
    expect(find(find(charts[2]!, 'c:valAx')[0]!, 'c:numFmt')[0]!.attributes).toEqual({ formatCode: 'General', sourceLinked: '1' });
  });

  it('refuses an invalid colour with a French message naming the chart and sheet', async () => {
    const bad: WorkbookModel = { sheets: [{ ...model.sheets[0]!, charts: [{ ...model.sheets[0]!.charts![0]!, colors: ['bleu'] }] }] };
    await expect(writeWorkbookModel(bad)).rejects.toThrow(/Graphique « Camembert » \(feuille « Graphiques »\) : couleur invalide « bleu »/);
  });
});

describe('writeWorkbookModel: numbers XML cannot hold as such', () => {
  it('writes NaN and infinities as a visible #NUM! error, -0 as 0, and keeps full precision', async () => {
    const written = await writeWorkbookModel({
      sheets: [
        {
          name: 'N',
          cells: [
            { row: 1, col: 1, value: Number.NaN },
            { row: 1, col: 2, value: Number.POSITIVE_INFINITY },
            { row: 1, col: 3, value: -0 },
            { row: 1, col: 4, value: 0.1 + 0.2 },
            { row: 1, col: 5, value: 1e-300 },
          ],
        },
      ],
    });
    const cells = find(parseXml(strFromU8(unzipSync(written)['xl/worksheets/sheet1.xml']!)), 'c');
    expect(cells.map((c) => [c.attributes.r, c.attributes.t, find(c, 'v')[0]!.text])).toEqual([
      ['A1', 'e', '#NUM!'],
      ['B1', 'e', '#NUM!'],
      ['C1', undefined, '0'],
      ['D1', undefined, '0.30000000000000004'],
      ['E1', undefined, '1e-300'],
    ]);
  });
});
