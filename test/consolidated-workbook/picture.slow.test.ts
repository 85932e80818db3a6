/**
 * The demo's consolidated workbook as a person sees it: written by the project's xlsx writer,
 * every sheet rendered by LibreOffice to PDF then PNG (test-artifacts/consolidation/, for people
 * to look at), and checked FROM THE WRITTEN FILE with the one text-room estimator
 * (src/core/text-layout.ts): no wrapped text needs more lines than its row holds, no header is
 * wider than its column allows, no absolute path in any part of the file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { consolidateFiles } from '../../src/apps/cli/consolidate.js';
import { demoAspExtract, demoReferentielRows, generateDemoRegion, generatePreviousDemoYear } from '../../src/core/demo/index.js';
import { fillReferentiel, fillSiaeForm, type TypedReturn } from '../../src/core/templates/index.js';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_FONT_SIZE, DEFAULT_ROW_HEIGHT, estimateRowHeight, widthForText, widthForWords } from '../../src/core/text-layout.js';
import { DEMO_NETWORKS_DIR } from '../../src/hosts/xlsx/demo-files.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';
import { siretOf } from '../core/consolidate/arbitraries.js';
import { convertWithLibreOffice, describeWithLibreOffice } from '../helpers/libreoffice.js';
import { previousDemoYear } from '../../scripts/demo-previous-year.js';
import { childrenNamed, parseXml, type XmlElement } from '../helpers/xml.js';
import { buildRunWorkbook } from '../../src/core/run/index.js';
import { sharedDemoReturns, sharedPreviousDemoReturns } from '../helpers/demo-returns.js';

const ARTIFACTS = 'test-artifacts/consolidation';

interface Cell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  readonly text: string | null;
  readonly wrap: boolean;
  readonly bold: boolean;
  readonly size: number;
}
interface Sheet {
  readonly name: string;
  readonly cells: Cell[];
  readonly widths: Map<number, number>;
  readonly heights: Map<number, number>;
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
  readonly tables: { top: number; left: number; right: number }[];
}

function a1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}
const range = (ref: string) => {
  const [a, b] = ref.split(':');
  const s = a1(a!);
  const e = a1(b ?? a!);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
};
const child = (e: XmlElement, name: string) => childrenNamed(e, name)[0];
const textOf = (e: XmlElement | undefined): string =>
  e === undefined ? '' : e.name === 't' ? rawText(e) : e.children.map(textOf).join('');
/** Text of a <t> element as written (the helper trims; spaces matter little for room). */
const rawText = (e: XmlElement) => e.text;

/** Every sheet of an xlsx as written: texts, wrap and font of each cell, widths, heights, merges, tables. */
function readSheets(parts: Record<string, Uint8Array>): Sheet[] {
  const xml = (path: string) => parseXml(strFromU8(parts[path]!));
  const shared = parts['xl/sharedStrings.xml'] ? childrenNamed(xml('xl/sharedStrings.xml'), 'si').map(textOf) : [];
  const styles = xml('xl/styles.xml');
  const fonts = childrenNamed(child(styles, 'fonts')!, 'font').map((f) => ({
    bold: child(f, 'b') !== undefined && child(f, 'b')!.attributes.val !== '0',
    size: Number(child(f, 'sz')?.attributes.val ?? DEFAULT_FONT_SIZE),
  }));
  const xfs = childrenNamed(child(styles, 'cellXfs')!, 'xf').map((x) => ({
    wrap: child(x, 'alignment')?.attributes.wrapText === '1' || child(x, 'alignment')?.attributes.wrapText === 'true',
    ...fonts[Number(x.attributes.fontId ?? 0)]!,
  }));
  const rels = new Map(childrenNamed(xml('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [r.attributes.Id!, r.attributes.Target!]));
  return childrenNamed(child(xml('xl/workbook.xml'), 'sheets')!, 'sheet').map((s) => {
    const target = rels.get(s.attributes['r:id']!)!.replace(/^\/?(xl\/)?/, 'xl/');
    const doc = xml(target);
    const widths = new Map<number, number>();
    for (const c of childrenNamed(child(doc, 'cols') ?? { name: '', attributes: {}, children: [], text: '' }, 'col'))
      for (let i = Number(c.attributes.min); i <= Number(c.attributes.max); i++) widths.set(i, Number(c.attributes.width));
    const heights = new Map<number, number>();
    const cells: Cell[] = [];
    for (const row of childrenNamed(child(doc, 'sheetData')!, 'row')) {
      if (row.attributes.ht) heights.set(Number(row.attributes.r), Number(row.attributes.ht));
      for (const c of childrenNamed(row, 'c')) {
        const t = c.attributes.t;
        const text = t === 's' ? shared[Number(child(c, 'v')!.text)]! : t === 'inlineStr' ? textOf(child(c, 'is')) : t === 'str' ? child(c, 'v')?.text ?? null : null;
        const xf = xfs[Number(c.attributes.s ?? 0)]!;
        cells.push({ ref: c.attributes.r!, ...a1(c.attributes.r!), text, wrap: xf.wrap, bold: xf.bold, size: xf.size });
      }
    }
    const merges = childrenNamed(child(doc, 'mergeCells') ?? { name: '', attributes: {}, children: [], text: '' }, 'mergeCell').map((m) => range(m.attributes.ref!));
    const sheetRels = `${target.replace(/worksheets\//, 'worksheets/_rels/')}.rels`;
    const tables = parts[sheetRels]
      ? childrenNamed(xml(sheetRels), 'Relationship')
          .filter((r) => r.attributes.Type!.endsWith('/table'))
          .map((r) => range(xml(`xl/${r.attributes.Target!.replace(/^(\.\.\/|\/xl\/)/, '')}`).attributes.ref!))
      : [];
    return { name: s.attributes.name!, cells, widths, heights, merges, tables };
  });
}

const widthOf = (s: Sheet, col: number) => s.widths.get(col) ?? DEFAULT_COLUMN_WIDTH;
const heightOf = (s: Sheet, row: number) => s.heights.get(row) ?? DEFAULT_ROW_HEIGHT;

let xlsxPath = '';
let parts: Record<string, Uint8Array> = {};
let sheets: Sheet[] = [];

describeWithLibreOffice('the demo consolidated workbook, as it opens', () => {
  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    // The demo region, plus what real campaigns bring: an SIAE sent twice (duplicates) and
    // a form with an error (a return left out), so « Anomalies » and « Sources » have rows.
    // Both years' returns are the ones written once for every test file (test/helpers/demo-returns.ts),
    // copied here since this test adds files beside them.
    const returns = join(ARTIFACTS, 'retours');
    const region = generateDemoRegion();
    const [sharedReturns, sharedPrevious] = await Promise.all([sharedDemoReturns(), sharedPreviousDemoReturns()]);
    cpSync(sharedReturns, returns, { recursive: true });
    // An SIAE that sent its own form as well as appearing in its network's table: a duplicate
    // (the same bytes twice would be read once, so a second file of other bytes is needed).
    const twice = region.siae.find((s) => s.channel.type === 'reseau')!;
    writeFileSync(join(returns, 'formulaire-envoye-deux-fois.xlsx'), await writeWorkbookModel(fillSiaeForm(DEFAULT_SETTINGS, twice.values as TypedReturn, { cacheHelpers: true })));
    const bad = { ...region.siae[0]!.values, siret: siretOf(999), femmes: (region.siae[0]!.values.personnes ?? 0) + 5 };
    writeFileSync(join(returns, 'formulaire-en-erreur.xlsx'), await writeWorkbookModel(fillSiaeForm(DEFAULT_SETTINGS, bad as TypedReturn, { cacheHelpers: true })));
    // The demo's year N−1, given as reference as the demo does: « Évolution » (its returns already
    // in place, the script consolidates them as `npm run demo` does).
    cpSync(sharedPrevious, join(ARTIFACTS, `retours-${generatePreviousDemoYear().annee}`), { recursive: true });
    const previous = await previousDemoYear(ARTIFACTS, () => {});
    // The demo's ASP extract, as the demo passes it: « Rapprochement ASP ».
    const aspPath = join(ARTIFACTS, 'extraction-asp.xlsx');
    writeFileSync(aspPath, await writeWorkbookModel(demoAspExtract(region).model));
    // The demo's référentiel (its SIAE and a few silent ones): « Suivi de la collecte » too.
    const referentielPath = join(ARTIFACTS, 'referentiel-siae.xlsx');
    writeFileSync(referentielPath, await writeWorkbookModel(fillReferentiel(DEFAULT_SETTINGS, region.annee, demoReferentielRows(region))));
    // Given relative to the working folder, as a user types it.
    const run = await consolidateFiles([relative(process.cwd(), returns)], {
      reference: previous.reference,
      referencePath: previous.path,
      aspPath,
      referentielPath: relative(process.cwd(), referentielPath),
    });
    // The workbook exactly as `iae consolidate` writes it (the one run's model).
    const bytes = await writeWorkbookModel(buildRunWorkbook(run));
    xlsxPath = join(ARTIFACTS, 'consolidation.xlsx');
    writeFileSync(xlsxPath, bytes);
    parts = unzipSync(bytes);
    sheets = readSheets(parts);
  }, 900_000);

  it('renders every sheet with LibreOffice to PDF, then PNG pages', async () => {
    const [pdf] = await convertWithLibreOffice(xlsxPath, 'pdf', ARTIFACTS, { timeoutMs: 300_000 });
    expect(pdf).toMatch(/\.pdf$/);
    const png = spawnSync('pdftoppm', ['-png', '-r', '60', pdf!, join(ARTIFACTS, 'page')], { encoding: 'utf8' });
    expect(png.status, png.stderr).toBe(0);
    const pages = readdirSync(ARTIFACTS).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(sheets.length);
  });

  it('has the thirteen sheets, with rows in « Anomalies » and in each table of « Sources »', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'Synthèse régionale',
      'Par département',
      'Par type de SIAE',
      'Heures par secteur',
      'Sorties',
      'Progression des objectifs',
      'Suivi de la collecte',
      'Rapprochement ASP',
      'Évolution',
      'Par réseau',
      'Données',
      'Anomalies',
      'Sources',
    ]);
    expect(sheets.find((s) => s.name === 'Anomalies')!.tables[0]!).toBeDefined();
    expect(sheets.find((s) => s.name === 'Sources')!.tables).toHaveLength(4);
  });

  it('gives every wrapped text the lines it needs: no row shorter than its text', () => {
    const short: string[] = [];
    for (const s of sheets) {
      const tall = s.merges.filter((m) => m.bottom > m.top);
      for (const c of s.cells) {
        if (!c.wrap || !c.text) continue;
        if (tall.some((m) => m.top === c.row && m.left === c.col)) continue;
        const merge = s.merges.find((m) => m.top === c.row && m.left === c.col);
        let width = widthOf(s, c.col);
        if (merge) for (let k = merge.left + 1; k <= merge.right; k++) width += widthOf(s, k);
        const needed = estimateRowHeight(c.text, width, c.size, c.bold);
        if (needed > heightOf(s, c.row) + 0.01) short.push(`${s.name}!${c.ref} (${needed} pt nécessaires, ${heightOf(s, c.row)} pt) : ${c.text.slice(0, 60)}`);
      }
    }
    expect(short).toEqual([]);
  });

  it('sizes every column to its header: no word cut, and unwrapped headers on one line', () => {
    const cut: string[] = [];
    for (const s of sheets) {
      for (const t of s.tables) {
        for (const c of s.cells.filter((x) => x.row === t.top && x.col >= t.left && x.col <= t.right)) {
          if (!c.text) continue;
          const need = c.wrap ? widthForWords(c.text, c.size, c.bold) : widthForText(c.text, c.size, c.bold);
          if (need > widthOf(s, c.col) + 0.01) cut.push(`${s.name}!${c.ref} « ${c.text} » (${need.toFixed(1)} > ${widthOf(s, c.col)})`);
        }
      }
    }
    expect(cut).toEqual([]);
  });

  it('holds no absolute path in any part of the file', () => {
    const absolute = /(^|[\s"'>(=:])(\/(home|tmp|work|Users|var|root|mnt|private)\/|[A-Za-z]:\\|\\\\[\w.-]+\\)/;
    const found = Object.entries(parts)
      .map(([name, bytes]) => [name, absolute.exec(strFromU8(bytes))?.[0]] as const)
      .filter(([, hit]) => hit !== undefined);
    expect(found).toEqual([]);
    // The file names shown are the relative ones the user gave.
    const sources = sheets.find((s) => s.name === 'Sources')!;
    // Relative to the folder given: « reseaux/reseau-75.xlsx », never the folder's own path.
    expect(sources.cells.some((c) => c.text?.startsWith(`${DEMO_NETWORKS_DIR}/`))).toBe(true);
    expect(sources.cells.some((c) => c.text?.includes('test-artifacts'))).toBe(false);
  });
});
