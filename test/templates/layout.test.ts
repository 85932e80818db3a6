/**
 * What a person filling the committed templates sees: rows tall enough for their wrapped text,
 * input cells told apart by their fill, a form narrow enough to print. Read back from the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../scripts/templates.js';
import { INSTRUCTIONS_SHEET, NETWORK_SHEET, SIAE_SHEET, TEMPLATE_FILES, type TemplateKind } from '../../src/core/template-layout.js';
import { FORM_COLS, NETWORK_LAYOUT, SIAE_HELPERS, siaeFormLayout } from '../../src/core/templates/index.js';
import { DEFAULT_ROW_HEIGHT, estimateRowHeight, withRowHeights, wrappedLines } from '../../src/core/text-layout.js';
import { COLORS } from '../../src/core/templates/styles.js';
import { loadExcelJS } from '../../src/hosts/xlsx/write/load-exceljs.js';

describe('estimateRowHeight', () => {
  it('keeps the default height for a line that fits, grows with the text', () => {
    expect(estimateRowHeight('SIRET', 40)).toBe(DEFAULT_ROW_HEIGHT);
    const two = estimateRowHeight('mot '.repeat(15), 40); // 60 characters, 43 per line
    const four = estimateRowHeight('mot '.repeat(40), 40);
    expect(two).toBeGreaterThan(DEFAULT_ROW_HEIGHT * 2 - 1);
    expect(four).toBeGreaterThan(two);
    expect(four).toBeGreaterThanOrEqual(4 * DEFAULT_ROW_HEIGHT);
  });

  it('fits more characters per line in smaller fonts and fewer in narrower columns', () => {
    const text = 'Nombre de personnes distinctes ayant eu un contrat ou une mission d’insertion au moins un jour sur la période.';
    expect(estimateRowHeight(text, 30, 9)).toBeLessThan(estimateRowHeight(text, 30, 11));
    expect(estimateRowHeight(text, 20)).toBeGreaterThan(estimateRowHeight(text, 60));
  });

  it('wraps on words, breaks words longer than a line, counts explicit line breaks', () => {
    expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2);
    expect(wrappedLines('a'.repeat(25), 10)).toBe(3);
    expect(wrappedLines('un\ndeux\ntrois', 80)).toBe(3);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('sizes merged cells on their total width and keeps heights already given', () => {
    const long = 'texte '.repeat(30);
    const sheet = withRowHeights({
      name: 'F',
      columns: [{ width: 20 }, { width: 20 }, { width: 20 }],
      cells: [
        { row: 1, col: 1, value: long, style: { wrap: true } },
        { row: 2, col: 1, value: long, style: { wrap: true } },
        { row: 3, col: 1, value: long }, // not wrapped: overflows, no height
        { row: 4, col: 1, value: long, style: { wrap: true } },
      ],
      merges: ['A2:C2'],
      rowHeights: [{ row: 4, height: 99 }],
    });
    const h = new Map(sheet.rowHeights!.map((r) => [r.row, r.height]));
    expect(h.get(1)).toBe(estimateRowHeight(long, 20));
    expect(h.get(2)).toBe(estimateRowHeight(long, 60));
    expect(h.get(2)!).toBeLessThan(h.get(1)!);
    expect(h.has(3)).toBe(false);
    expect(h.get(4)).toBe(99);
  });
});

const books = {} as Record<TemplateKind, Workbook>;
beforeAll(async () => {
  const ExcelJS = await loadExcelJS();
  for (const kind of Object.keys(TEMPLATE_FILES) as TemplateKind[]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind])) as unknown as ArrayBuffer);
    books[kind] = wb;
  }
});
const sheet = (kind: TemplateKind, name: string): Worksheet => {
  const ws = books[kind].getWorksheet(name);
  if (!ws) throw new Error(`feuille ${name} absente de ${kind}`);
  return ws;
};
const text = (ws: Worksheet, row: number, col: number): string => {
  const v = ws.getCell(row, col).value;
  return typeof v === 'string' ? v : '';
};
const fillOf = (ws: Worksheet, address: string): string | undefined => {
  const fill = ws.getCell(address).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
};

describe('Modèle SIAE as filled by a person', () => {
  it('gives the row of a long help text a height above the default, enough for its lines', () => {
    const ws = sheet('siae', SIAE_SHEET);
    const helpWidth = ws.getColumn(FORM_COLS.help).width!;
    const layout = siaeFormLayout();
    const rows = Object.values(layout.inputs).map((l) => l.row);
    const longest = rows.reduce((a, b) => (text(ws, b, FORM_COLS.help).length > text(ws, a, FORM_COLS.help).length ? b : a));
    const help = text(ws, longest, FORM_COLS.help);
    expect(help.length).toBeGreaterThan(200);
    expect(ws.getRow(longest).height).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
    expect(ws.getRow(longest).height).toBeGreaterThanOrEqual(estimateRowHeight(help, helpWidth, 9));
    // Every line whose help takes several lines at its width has room for them.
    for (const row of rows) {
      const needed = estimateRowHeight(text(ws, row, FORM_COLS.help), helpWidth, 9);
      if (needed > DEFAULT_ROW_HEIGHT) expect(ws.getRow(row).height, `ligne ${row}`).toBeGreaterThanOrEqual(needed);
    }
  });

  // Issue 13: the value column holds a 60-character name, so the form prints in landscape
  // (five columns on an A4 landscape width at a readable scale; the print test looks at it).
  it('keeps the help column narrow and wrapped, the value column wide enough for a 60-character name, printed landscape on the page width', () => {
    const ws = sheet('siae', SIAE_SHEET);
    expect(ws.getColumn(FORM_COLS.help).width).toBeLessThanOrEqual(60);
    expect(ws.getColumn(FORM_COLS.value).width).toBeGreaterThanOrEqual(60);
    const total = [1, 2, 3, 4, 5].reduce((s, c) => s + (ws.getColumn(c).width ?? 0), 0);
    expect(total).toBeLessThanOrEqual(170);
    expect(ws.getCell(siaeFormLayout().inputs.siret.row, FORM_COLS.help).alignment?.wrapText).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('fills input cells pale yellow and unlocked, computed cells grey, and says so at the top', () => {
    const ws = sheet('siae', SIAE_SHEET);
    const layout = siaeFormLayout();
    for (const line of Object.values(layout.inputs)) {
      expect(fillOf(ws, line.address), line.address).toBe(`FF${COLORS.input}`);
      expect(ws.getCell(line.address).protection?.locked).toBe(false);
      expect(ws.getCell(line.address).border?.top?.style).toBe('thin');
    }
    expect(layout.helpers).toHaveLength(SIAE_HELPERS.length);
    for (const h of layout.helpers) {
      expect(fillOf(ws, h.address), h.address).toBe(`FF${COLORS.computed}`);
      expect(ws.getCell(h.address).font?.italic).toBe(true);
    }
    expect(text(ws, 2, 1)).toMatch(/cases jaunes/);
    expect(text(ws, 2, 1)).toMatch(/cases grises « Calculé »/);
  });
});

describe.each(['siae', 'reseau', 'plan'] as const)('instructions of %s', (kind) => {
  it('uses one wrapped column without merges, each long paragraph on a row tall enough', () => {
    const ws = sheet(kind, INSTRUCTIONS_SHEET);
    expect(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges)).toEqual([]);
    const width = ws.getColumn(1).width!;
    expect(width).toBeLessThanOrEqual(90);
    let long = 0;
    ws.eachRow((row, r) => {
      const t = text(ws, r, 1);
      if (t.length > width * 1.5) {
        long++;
        expect(ws.getCell(r, 1).alignment?.wrapText, `ligne ${r}`).toBe(true);
        expect(row.height, `ligne ${r} : ${t.slice(0, 40)}`).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
      }
    });
    expect(long).toBeGreaterThan(5);
    expect(text(ws, 1, 1) + ws.getSheetValues().flat().join(' ')).toMatch(/cases jaunes encadrées sont à remplir/);
  });
});

describe('Modèle réseau / département as filled by a person', () => {
  it('gives the header row the height of its wrapped labels and heads the sender block', () => {
    const ws = sheet('reseau', NETWORK_SHEET);
    const L = NETWORK_LAYOUT;
    expect(ws.getRow(L.headerRow).height).toBeGreaterThan(2 * DEFAULT_ROW_HEIGHT);
    expect(text(ws, L.senderFirstRow - 1, L.senderLabelCol)).toBe('Émetteur du fichier');
    expect(fillOf(ws, ws.getCell(L.senderFirstRow, L.senderValueCol).address)).toBe(`FF${COLORS.input}`);
    expect(fillOf(ws, ws.getCell(L.firstDataRow, 1).address)).toBe(`FF${COLORS.input}`);
    expect(text(ws, 2, 1)).toMatch(/^Cases jaunes à remplir/);
  });
});

describe('printing', () => {
  // Issue 13: the network table, fitted to one page width, printed unreadably small; it prints
  // at full size on A4 landscape pages instead, its header rows repeated on each.
  it('every visible sheet of every template prints on one page width, but the network table at full size', () => {
    for (const kind of Object.keys(TEMPLATE_FILES) as TemplateKind[]) {
      for (const ws of books[kind].worksheets.filter((w) => w.state === 'visible' && !(kind === 'reseau' && w.name === NETWORK_SHEET))) {
        expect(ws.pageSetup, `${kind} › ${ws.name}`).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      }
    }
    const net = sheet('reseau', NETWORK_SHEET).pageSetup;
    expect(net).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(net.fitToPage).toBeFalsy();
    expect(net.printTitlesRow).toBe(`${NETWORK_LAYOUT.sectionRow}:${NETWORK_LAYOUT.headerRow}`);
  });
});
