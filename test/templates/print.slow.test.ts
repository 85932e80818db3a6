/**
 * Templates people can print: each sheet converted to PDF by LibreOffice, read back with
 * pdftotext / pdfinfo (poppler-utils), and rendered to PNG in test-artifacts/modeles/ to look at.
 * - the Mode d'emploi: every sentence found whole (nothing cut at the right margin);
 * - the network table: A4 landscape pages at full size, header rows repeated on every page;
 * - the SIAE form: a 60-character name whole in the value column, a single « % » per share.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INSTRUCTIONS_SHEET, NETWORK_SHEET, REFERENTIEL_SHEET, SIAE_SHEET, TEMPLATE_KINDS, type TemplateKind } from '../../src/core/template-layout.js';
import { buildTemplate, fillReferentiel, fillSiaeForm, NEUTRAL_SEND_BACK, type TypedReturn } from '../../src/core/templates/index.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { writeWorkbookModel } from '../../src/hosts/xlsx/write/index.js';
import { DEFAULT_SETTINGS, INDICATORS, SECTIONS } from '../../src/schema/index.js';
import { validReturn } from '../fixtures/returns.js';
import { convertManyWithLibreOffice, describeWithLibreOffice } from '../helpers/libreoffice.js';

const dir = mkdtempSync(join(tmpdir(), 'iae-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'modeles');
const LO_TIMEOUT = 900_000;

/** The workbook reduced to one sheet (names pointing elsewhere dropped): its PDF holds only that sheet. */
function onlySheet(model: WorkbookModel, name: string): WorkbookModel {
  return { sheets: model.sheets.filter((s) => s.name === name), ...(model.properties ? { properties: model.properties } : {}) };
}

const REFERENTIEL_ROWS = Array.from({ length: 120 }, (_, i) => ({
  siret: `4${String(i).padStart(13, '0')}`,
  annexe: `ACI075250${String(i).padStart(3, '0')}A0M1`,
  nom: `Association intercommunale pour l’insertion n° ${i}`,
  kind: 'ACI',
  departement: '75',
  reseau: 'Chantier école Île-de-France',
  contact: `direction-${i}@exemple.org, 01 23 45 67 89`,
}));
const LONG_NAME = 'Association intercommunale pour l’insertion du Val-de-Marne 94';

/** Every workbook this file prints, by base name: written and printed in one LibreOffice start (beforeAll). */
function printedModels(): [string, WorkbookModel][] {
  const siaeValues = { ...validReturn(), raison_sociale: LONG_NAME, implantation_qpv: 'oui', implantation_zrr: 'non' } as TypedReturn;
  return [
    ...TEMPLATE_KINDS.map((kind): [string, WorkbookModel] => [`mode-emploi-${kind}`, onlySheet(buildTemplate(kind, DEFAULT_SETTINGS), INSTRUCTIONS_SHEET)]),
    ['reseau-retours', onlySheet(buildTemplate('reseau', DEFAULT_SETTINGS), NETWORK_SHEET)],
    ['referentiel', onlySheet(fillReferentiel(DEFAULT_SETTINGS, 2025, REFERENTIEL_ROWS), REFERENTIEL_SHEET)],
    ['siae-rempli', onlySheet(fillSiaeForm(DEFAULT_SETTINGS, siaeValues, { cacheHelpers: true }), SIAE_SHEET)],
  ];
}
const pdfs = new Map<string, string>();

function pdfOf(base: string): string {
  const pdf = pdfs.get(base);
  expect(pdf, `${base}.pdf absent`).toBeDefined();
  return pdf!;
}

/** Text of each page (pdftotext separates pages with a form feed). */
function pages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f').slice(0, -1);
}

function pageSizes(pdf: string, count: number): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

function png(pdf: string, name: string, first: number, last: number): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', String(first), '-l', String(last), pdf, join(ARTIFACTS, name)]);
}

describeWithLibreOffice('templates printed to PDF by LibreOffice', () => {
  beforeAll(async () => {
    const sources = new Map<string, string>();
    for (const [base, model] of printedModels()) {
      const xlsx = join(dir, `${base}.xlsx`);
      writeFileSync(xlsx, await writeWorkbookModel(model));
      sources.set(base, xlsx);
    }
    const converted = await convertManyWithLibreOffice([...sources.values()], 'pdf', join(dir, 'pdf'), { timeoutMs: LO_TIMEOUT });
    for (const [base, xlsx] of sources) pdfs.set(base, converted.get(xlsx)![0]!);
  }, LO_TIMEOUT * 2);

  it.each(TEMPLATE_KINDS)("the %s template's Mode d'emploi prints every sentence whole, in portrait", (kind: TemplateKind) => {
    const model = buildTemplate(kind, DEFAULT_SETTINGS);
    const pdf = pdfOf(`mode-emploi-${kind}`);
    png(pdf, `mode-emploi-${kind}`, 1, 1);
    const text = flat(pages(pdf).join(' '));
    const sentences = model.sheets.find((s) => s.name === INSTRUCTIONS_SHEET)!.cells.map((c) => flat(String(c.value ?? ''))).filter(Boolean);
    expect(sentences.length).toBeGreaterThan(20);
    for (const s of sentences) expect(text, `phrase coupée ou absente : « ${s} »`).toContain(s);
    expect(text).toContain(NEUTRAL_SEND_BACK);
    expect(text).not.toMatch(/\[[^\]]*préciser[^\]]*\]/);
    for (const size of pageSizes(pdf, 20)) expect(size.height).toBeGreaterThan(size.width);
  }, LO_TIMEOUT);

  it('the network table prints on readable A4 landscape pages, header rows repeated on each', () => {
    const model = buildTemplate('reseau', DEFAULT_SETTINGS);
    const pdf = pdfOf('reseau-retours');
    const texts = pages(pdf);
    png(pdf, 'reseau-retours', 1, 3);
    // Full size: the table's 50-odd columns need several pages across (fitted to one page
    // width they printed unreadably small).
    const lastLabel = flat(INDICATORS[INDICATORS.length - 1]!.label);
    expect(flat(texts[0]!), 'le tableau est réduit à une seule page de large').not.toContain(lastLabel);
    expect(texts.some((t) => flat(t).includes(lastLabel))).toBe(true);
    const sizes = pageSizes(pdf, texts.length);
    expect(sizes).toHaveLength(texts.length);
    for (const [i, size] of sizes.entries()) {
      expect(size.width, `page ${i + 1}`).toBeGreaterThan(size.height);
      expect(Math.round(size.width), `page ${i + 1} : A4`).toBe(842);
    }
    // Every page repeats the code and header rows (a section's merged label prints on the page
    // where the section starts).
    const codes = [...INDICATORS.map((d) => d.code), 'controles'];
    expect(SECTIONS.some((s) => texts[0]!.includes(s.label))).toBe(true);
    for (const [i, t] of texts.entries()) {
      const words = new Set(t.split(/\s+/));
      expect(codes.some((c) => words.has(c)), `page ${i + 1} sans ligne des codes ni intitulés`).toBe(true);
    }
    // The identification columns are declared for repetition (rendered by the writer).
    expect(model.sheets.find((s) => s.name === NETWORK_SHEET)!.print?.titleColumns).toBe('A:B');
  }, LO_TIMEOUT);

  it('the référentiel prints its seven columns on A4 landscape pages, the header row repeated on each', () => {
    const rows = REFERENTIEL_ROWS;
    const pdf = pdfOf('referentiel');
    const texts = pages(pdf);
    png(pdf, 'referentiel', 1, 2);
    expect(texts.length).toBeGreaterThan(1);
    for (const [i, t] of texts.entries()) {
      for (const h of ['SIRET', 'Raison sociale', 'Département', 'Réseau']) expect(flat(t), `page ${i + 1} sans l'en-tête « ${h} »`).toContain(h);
    }
    const all = flat(texts.join(' '));
    for (const r of [rows[0]!, rows[119]!]) for (const v of [r.nom, r.contact]) expect(all).toContain(v);
    for (const size of pageSizes(pdf, texts.length)) expect(size.width).toBeGreaterThan(size.height);
  }, LO_TIMEOUT);

  it('the SIAE form prints a 60-character name whole and shares with a single « % »', () => {
    const name = LONG_NAME;
    expect(name.length).toBeGreaterThanOrEqual(60);
    const pdf = pdfOf('siae-rempli');
    png(pdf, 'siae-formulaire', 1, 2);
    const text = pages(pdf).join('\n');
    expect(text).toContain(name);
    expect(text).toMatch(/\d%|\d %/); // shares are printed as percentages…
    expect(text).not.toMatch(/%\s*%/); // …once
    for (const size of pageSizes(pdf, 10)) expect(size.width).toBeGreaterThan(size.height);
  }, LO_TIMEOUT);
});
