/**
 * The Consolider tab's campaign inputs and public version, through the real controller and the
 * real engine on real xlsx files (the network sample, an ASP extract written by ExcelJS with the
 * headers of DOMAIN.md, a consolidated workbook of an earlier run). Inside Excel, the real
 * excel-port and src/hosts/office run against the counting fake Excel and Office mock: the
 * public version goes to Excel.createWorkbook with the writer's bytes, the user's workbook is
 * never touched.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignInputs } from '../../src/apps/taskpane/campaignInputs.js';
import { PaneController } from '../../src/apps/taskpane/controller.js';
import { engine } from '../../src/apps/taskpane/engine.js';
import { createExcelPort } from '../../src/apps/taskpane/excel-port.js';
import type { Engine, PickedFile } from '../../src/apps/taskpane/ports.js';
import { readAspExtract } from '../../src/core/asp/index.js';
import { DiffusionRefusedError } from '../../src/core/diffusion/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { FakeExcel, FakeOfficeError } from '../helpers/office-fake.js';
import { aspExtractXlsx, type AspExtractSample } from '../fixtures/asp-extract.js';
import { previousYearReturnsXlsx } from '../fixtures/previous-year.js';
import { NETWORK_SAMPLE_ROWS, networkValidSample } from '../fixtures/samples.js';

const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';
const loadEngine = async () => engine;

let returns: PickedFile;
let asp: AspExtractSample;
let aspFile: PickedFile;
let previous: PickedFile;

/** Every part of an xlsx, as text: what a reader of the file could see. */
function xlsxText(bytes: Uint8Array): string {
  return Object.values(unzipSync(bytes))
    .map((b) => strFromU8(b))
    .join('\n');
}

async function consolidated(ctrl: PaneController): Promise<void> {
  ctrl.addFiles([returns]);
  expect(await ctrl.consolidate()).toBe(true);
}

beforeAll(async () => {
  returns = { name: 'reseau-valide.xlsx', bytes: new Uint8Array(readFileSync(await networkValidSample())) };
  asp = await aspExtractXlsx();
  aspFile = { name: 'asp-2025.xlsx', bytes: asp.bytes };
  // Last year's consolidation: a workbook written by the pane itself from the 2024 returns.
  const first = new PaneController({ mode: 'autonome', loadEngine });
  first.addFiles([{ name: 'reseau-2024.xlsx', bytes: await previousYearReturnsXlsx() }]);
  expect(await first.consolidate()).toBe(true);
  expect(first.state.consolidation!.periode).toBe(2024);
  const file = await first.buildDownload();
  previous = { name: 'consolidation-2024.xlsx', bytes: file!.bytes };
}, 900_000);

describe('volet : les entrées facultatives de la campagne', () => {
  it('lit le référentiel, l’extrait ASP et la consolidation précédente, et les passe au calcul', () => {
    const read = (f: PickedFile) => readXlsx(f.bytes, f.name);
    const inputs = readCampaignInputs({ referentiel: aspFile, asp: aspFile, reference: previous }, read);
    // The extract is the one the core reads from the same bytes, every row and figure.
    expect(inputs.asp).toEqual(readAspExtract(readXlsx(asp.bytes, 'asp-2025.xlsx')));
    expect(inputs.asp!.rows).toHaveLength(asp.rows);
    expect(inputs.reference!.file).toBe('consolidation-2024.xlsx');
    expect(inputs.reference!.book.sheets.map((s) => s.name)).toContain('Synthèse régionale');
    const r = inputs.referentiel!;
    expect(r.origin).toBe('asp');
    expect(r.periode).toBe(2025);
    expect(r.entries.map((e) => e.siret).sort()).toEqual([...NETWORK_SAMPLE_ROWS.slice(0, 12).map((x) => x.siret as string), ...asp.onlyInExtract].sort());
    expect(r.entries[0]).toMatchObject({ kind: NETWORK_SAMPLE_ROWS[0]!.type_siae, departement: NETWORK_SAMPLE_ROWS[0]!.departement, source: { file: 'asp-2025.xlsx', sheet: 'BenefSorties', row: 4 } });
    expect(inputs.notices.map((n) => [n.slot, n.kind])).toEqual([
      ['referentiel', 'info'],
      ['asp', 'info'],
      ['reference', 'info'],
    ]);
    expect(inputs.notices[1]!.text).toBe(`Extrait ASP : « asp-2025.xlsx », ${asp.rows} lignes lues (feuille « BenefSorties »).`);
  });

  it('consolide avec les trois entrées, chacune nommée dans le message', async () => {
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    ctrl.setCampaignFile('referentiel', aspFile);
    ctrl.setCampaignFile('asp', aspFile);
    ctrl.setCampaignFile('reference', previous);
    await consolidated(ctrl);
    const notice = ctrl.state.notices.consolider!;
    expect(notice.kind).toBe('succes');
    expect(notice.text).toContain('Référentiel des SIAE : « asp-2025.xlsx »');
    expect(notice.text).toContain(`Extrait ASP : « asp-2025.xlsx », ${asp.rows} lignes lues`);
    expect(notice.text).toContain('Consolidation de l’an dernier : « consolidation-2024.xlsx » pris comme année de comparaison.');
    expect(ctrl.state.consolidation!.kept).toBe(NETWORK_SAMPLE_ROWS.length);
    // The views of the campaign: the reconciliation's summary and its flagged gaps, year over year.
    const outcome = ctrl.state.consolidation!;
    // This extract's differences are all within the tolerances (the lines themselves: test/core/reconcile).
    expect(outcome.reconciliation).toEqual({
      summary: `Rapprochement ASP (« asp-2025.xlsx », année(s) 2025) : 12 SIAE rapprochée(s), 0 écart(s) à vérifier sur 0 SIAE, 8 SIAE dans les retours seulement, ${asp.onlyInExtract.length} dans l'extraction seulement.`,
      flagged: [],
      more: 0,
    });
    expect(outcome.evolution).toMatch(/^Évolution 2024 → 2025/);
    // Removing an input: the next run goes without it.
    ctrl.setCampaignFile('asp', undefined);
    expect(Object.keys(ctrl.state.campaign).sort()).toEqual(['reference', 'referentiel']);
    expect(await ctrl.consolidate()).toBe(true);
    expect(ctrl.state.consolidation!.campaignNotices!.map((n) => n.slot)).toEqual(['referentiel', 'reference']);
  });

  it('une entrée inutilisable : un message en français qui nomme le fichier, et la consolidation continue', async () => {
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    ctrl.setCampaignFile('referentiel', { name: `${IMG_PAYLOAD}.xlsx`, bytes: new Uint8Array([1, 2, 3, 4]) });
    ctrl.setCampaignFile('asp', { name: 'pas-un-extrait.xlsx', bytes: returns.bytes });
    ctrl.setCampaignFile('reference', { name: 'retours-2024.xlsx', bytes: returns.bytes });
    await consolidated(ctrl);
    const outcome = ctrl.state.consolidation!;
    expect(outcome.kept).toBe(NETWORK_SAMPLE_ROWS.length);
    const notices = outcome.campaignNotices!;
    expect(notices.map((n) => [n.slot, n.kind])).toEqual([
      ['referentiel', 'erreur'],
      ['asp', 'erreur'],
      ['reference', 'erreur'],
    ]);
    expect(notices[0]!.text).toMatch(/^Référentiel des SIAE : <img src=x onerror=alert\(1\)>\.xlsx : .*La consolidation continue sans ce fichier\.$/s);
    expect(notices[1]!.text).toMatch(/^Extrait ASP : pas-un-extrait\.xlsx : ce classeur n’est pas un extrait ASP reconnu.*La consolidation continue sans rapprochement\.$/);
    expect(notices[2]!.text).toMatch(/^Consolidation de l’an dernier : retours-2024\.xlsx : ce n[’']est pas un classeur consolidé par Indicateurs IAE.*sans comparaison avec l’an dernier\.$/);
    // The run is said incomplete (an input the user chose was left out), every line in the notice.
    expect(ctrl.state.notices.consolider!.kind).toBe('info');
    for (const n of notices) expect(ctrl.state.notices.consolider!.text).toContain(n.text);
  });
});

describe('volet : la version diffusable', () => {
  const realExcel = (globalThis as { Excel?: unknown }).Excel;
  afterEach(() => {
    (globalThis as { Excel?: unknown }).Excel = realExcel;
  });

  it('en mode autonome : un fichier …-diffusable.xlsx sans aucun SIRET, nom de SIAE ni nom de fichier', async () => {
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    await consolidated(ctrl);
    const file = await ctrl.publicVersion();
    expect(file!.name).toBe('consolidation-iae-2025-diffusable.xlsx');
    const book = readXlsx(file!.bytes, file!.name);
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Lisez-moi', 'Personnes', 'Sorties']));
    const text = xlsxText(file!.bytes);
    for (const r of NETWORK_SAMPLE_ROWS) {
      expect(text).not.toContain(r.siret as string);
      expect(text).not.toContain(r.raison_sociale as string);
    }
    expect(text).not.toContain('reseau-valide');
    expect(ctrl.state.notices.diffuser).toEqual({ kind: 'succes', text: expect.stringMatching(/^Version diffusable prête : consolidation-iae-2025-diffusable\.xlsx \(\d[\d\u202f\u00a0]* effectifs masqués sur \d[\d\u202f\u00a0]*, audit du secret réussi\)\.$/) as unknown as string });
  });

  /** Excel with the user's workbook, the real Excel port over it, Excel.createWorkbook recorded. */
  async function inExcel(createWorkbook?: (b64?: string) => Promise<void>) {
    const f = new FakeExcel();
    f.addSheet({ name: 'Mes données', rows: [['à garder', 42], ['=SOMME(A1)', 'texte']] });
    const created: string[] = [];
    (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(f.ctx) };
    const office = new OfficeMockObject({ context: { requirements: { isSetSupported: () => true } } }) as unknown as typeof Office;
    const creator = createWorkbook ? { createWorkbook: async (b64?: string) => {
      created.push(b64 ?? '');
      await createWorkbook(b64);
    } } : {};
    const port = await createExcelPort(office, creator);
    const ctrl = new PaneController({ mode: 'excel', excel: port, loadEngine });
    ctrl.setUseWorkbook(false);
    await consolidated(ctrl);
    const before = f.snapshot();
    f.resetCounters();
    return { f, ctrl, created, before };
  }

  it('dans Excel : un NOUVEAU classeur ouvert par Excel.createWorkbook avec les octets de l’écrivain, le classeur de l’utilisateur intact', async () => {
    const { f, ctrl, created, before } = await inExcel(async () => {});
    const download = await ctrl.publicVersion();
    expect(download).toBeUndefined();
    expect(created).toHaveLength(1);
    const bytes = new Uint8Array(Buffer.from(created[0]!, 'base64'));
    expect(Buffer.from(bytes).toString('base64')).toBe(created[0]);
    const book = readXlsx(bytes, 'nouveau.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Lisez-moi', 'Personnes', 'Parts des publics', 'Heures et ETP', 'Sorties']));
    const text = xlsxText(bytes);
    for (const r of NETWORK_SAMPLE_ROWS) expect(text).not.toContain(r.siret as string);
    // Not one request to the user's workbook, and nothing in it changed.
    expect(f.syncCount).toBe(0);
    expect(f.snapshot()).toEqual(before);
    expect(ctrl.state.notices.diffuser!.kind).toBe('succes');
    expect(ctrl.state.notices.diffuser!.text).toMatch(/^Version diffusable ouverte dans un nouveau classeur .*votre classeur n’a pas été modifié/);
  });

  it('dans un Excel sans Excel.createWorkbook : message en français et téléchargement à la place', async () => {
    const { f, ctrl, before } = await inExcel();
    const download = await ctrl.publicVersion();
    expect(download!.name).toBe('consolidation-iae-2025-diffusable.xlsx');
    expect(readXlsx(download!.bytes, download!.name).sheets.length).toBeGreaterThan(3);
    expect(ctrl.state.notices.diffuser).toEqual({ kind: 'info', text: expect.stringMatching(/^Cette version d’Excel ne peut pas ouvrir un nouveau classeur \(ExcelApi 1\.8\) : la version diffusable est proposée en téléchargement/) as unknown as string });
    expect(f.syncCount).toBe(0);
    expect(f.snapshot()).toEqual(before);
  });

  it('Excel refuse d’ouvrir le classeur : le message d’Excel en français, rien d’autre', async () => {
    const { f, ctrl, before } = await inExcel(async () => {
      throw new FakeOfficeError('AccessDenied', 'refus');
    });
    expect(await ctrl.publicVersion()).toBeUndefined();
    expect(ctrl.state.notices.diffuser).toEqual({
      kind: 'erreur',
      text: "Ouverture de la version diffusable dans un nouveau classeur impossible : Excel a refusé l'accès : le classeur ou la structure est peut-être protégé, ou ouvert en lecture seule.",
    });
    expect(f.snapshot()).toEqual(before);
  });

  it('un audit refusé : le message de refus, aucun fichier, aucun classeur ouvert', async () => {
    const refused = new DiffusionRefusedError([{ table: 'Personnes', row: '93', col: 'ACI', lower: 2, upper: 3, required: 4, ok: false }]);
    const refusing: Engine = { ...engine, publicXlsx: () => Promise.reject(refused) };
    const created: string[] = [];
    const ctrl = new PaneController({
      mode: 'excel',
      excel: {
        checkRequirements: () => {},
        readOpenWorkbook: () => Promise.reject(new Error('non lu')),
        writeAnomaliesSheet: async () => {},
        highlightCells: async () => {},
        clearHighlights: async () => {},
        selectCell: async () => {},
        writeModel: async () => {},
        openInNewWorkbook: async (b) => {
          created.push(String(b.length));
          return 'ouvert';
        },
      },
      loadEngine: async () => refusing,
    });
    ctrl.setUseWorkbook(false);
    ctrl.setPlan({ kind: 'defaut' });
    await consolidated(ctrl);
    expect(await ctrl.publicVersion()).toBeUndefined();
    expect(created).toEqual([]);
    expect(ctrl.state.notices.diffuser).toEqual({ kind: 'erreur', text: refused.message });
    expect(refused.message).toMatch(/^Version diffusable refusée : 1 cellule\(s\) masquée\(s\)/);
  });
});
