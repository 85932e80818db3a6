/**
 * The task pane's Office path, without a DOM: the controller drives a fake Excel host (the
 * ExcelPort the real src/hosts/office functions sit behind) with the real engine on real xlsx
 * files, so the calls the buttons make — read, validate, write the anomalies sheet, highlight,
 * select a cell, write the consolidated sheets — are checked with their arguments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, noticeFromUrl, noticeUrl } from '../../src/apps/commands/run-command.js';
import { OPEN_WORKBOOK_LABEL, PaneController } from '../../src/apps/taskpane/controller.js';
import { engine } from '../../src/apps/taskpane/engine.js';
import { allIssues, filterIssues, summarize } from '../../src/apps/taskpane/issues-model.js';
import { mayHaveOfficeHost } from '../../src/apps/taskpane/mode.js';
import type { ExcelPort } from '../../src/apps/taskpane/ports.js';
import type { GridWorkbook } from '../../src/core/grid.js';
import type { ValidationIssue } from '../../src/core/records.js';
import type { WorkbookModel } from '../../src/core/workbook-model.js';
import { ExcelHostError, OPEN_WORKBOOK_SOURCE } from '../../src/hosts/office/index.js';
import { readXlsx } from '../../src/hosts/xlsx/read/index.js';
import { networkValidSample, planSample, siaeInvalidSample } from '../fixtures/samples.js';

type Call = [string, ...unknown[]];

/** A fake Excel host: the open workbook is a real xlsx file read by the project's reader. */
function fakeExcel(book: () => Promise<GridWorkbook>, fail: Partial<Record<keyof ExcelPort, Error>> = {}) {
  const calls: Call[] = [];
  const step = async (name: keyof ExcelPort, ...args: unknown[]) => {
    calls.push([name, ...args]);
    if (fail[name]) throw fail[name];
  };
  const port: ExcelPort = {
    checkRequirements: () => {
      calls.push(['checkRequirements']);
      if (fail.checkRequirements) throw fail.checkRequirements;
    },
    readOpenWorkbook: async () => {
      await step('readOpenWorkbook');
      return book();
    },
    writeAnomaliesSheet: (issues) => step('writeAnomaliesSheet', issues),
    highlightCells: (issues) => step('highlightCells', issues),
    clearHighlights: () => step('clearHighlights'),
    selectCell: (sheet, address) => step('selectCell', sheet, address),
    writeModel: (model) => step('writeModel', model),
  };
  return { port, calls, names: () => calls.map((c) => c[0]) };
}

const openBook = (path: string) => async () => readXlsx(new Uint8Array(readFileSync(path)), OPEN_WORKBOOK_SOURCE);
const loadEngine = async () => engine;

describe('volet, chemin Office (hôte Excel simulé)', () => {
  it('nomme le classeur ouvert comme l’hôte Excel', () => {
    expect(OPEN_WORKBOOK_LABEL).toBe(OPEN_WORKBOOK_SOURCE);
  });

  it('Vérifier lit le classeur ouvert, valide, écrit la feuille des anomalies et surligne', async () => {
    const { path, expected } = await siaeInvalidSample();
    const excel = fakeExcel(openBook(path));
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    const seen: string[] = [];
    ctrl.subscribe((s) => s.progress && seen.push(`${s.progress.done}/${s.progress.total}`));
    expect(await ctrl.verify()).toBe(true);
    expect(excel.names()).toEqual(['checkRequirements', 'readOpenWorkbook', 'writeAnomaliesSheet', 'clearHighlights', 'highlightCells']);
    const report = ctrl.state.report!;
    const issues = allIssues(report);
    // The anomalies written and highlighted are exactly the report's.
    expect(excel.calls[2]![1]).toEqual(issues);
    expect(excel.calls[4]![1]).toEqual(issues);
    for (const k of expected) expect(issues.some((i) => i.cell === k.cell && i.code === k.code && i.file === OPEN_WORKBOOK_SOURCE)).toBe(true);
    expect(ctrl.state.notices.verifier).toEqual({ kind: 'succes', text: expect.stringContaining('IAE – Anomalies') as unknown as string });
    expect(seen).toContain('1/1');
    expect(ctrl.state.busy).toBeNull();
  });

  it('un clic sur une anomalie sélectionne sa cellule dans sa feuille', async () => {
    const { path, expected } = await siaeInvalidSample();
    const excel = fakeExcel(openBook(path));
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    await ctrl.verify();
    const siret = expected.find((e) => e.indicator === 'siret')!;
    const issue = allIssues(ctrl.state.report!).find((i) => i.indicator === 'siret')!;
    await ctrl.selectIssue(issue);
    expect(excel.calls.at(-1)).toEqual(['selectCell', siret.sheet, siret.cell]);
    expect(ctrl.state.located).toBe(`${OPEN_WORKBOOK_SOURCE} › ${siret.sheet} › ${siret.cell}`);
  });

  it("un échec de sélection (feuille supprimée) devient un message, sans rien d'autre", async () => {
    const { path } = await siaeInvalidSample();
    const excel = fakeExcel(openBook(path), { selectCell: new ExcelHostError("La feuille « Retour SIAE » n'existe plus dans le classeur : relancez la vérification.", 'ItemNotFound') });
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    await ctrl.verify();
    await ctrl.selectIssue(allIssues(ctrl.state.report!).find((i) => i.cell)!);
    expect(ctrl.state.notices.verifier).toEqual({ kind: 'erreur', text: "La feuille « Retour SIAE » n'existe plus dans le classeur : relancez la vérification." });
  });

  it('une anomalie sans cellule ou d’un fichier importé ne sélectionne rien mais dit où elle est', async () => {
    const excel = fakeExcel(async () => {
      throw new Error('non lu');
    });
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    const issue: ValidationIssue = { code: 'type-error', severity: 'erreur', file: 'retour.xlsx', sheet: 'Retours', cell: 'C7', message: 'x' };
    await ctrl.selectIssue(issue);
    expect(excel.names()).toEqual([]);
    expect(ctrl.state.located).toBe('retour.xlsx › Retours › C7');
  });

  it("Excel trop ancien : message français, rien n'est lu", async () => {
    const excel = fakeExcel(openBook(join('templates', 'modele-siae.xlsx')), { checkRequirements: new ExcelHostError("Votre version d'Excel est trop ancienne pour ce complément.") });
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    expect(await ctrl.verify()).toBe(false);
    expect(excel.names()).toEqual(['checkRequirements']);
    expect(ctrl.state.notices.verifier).toEqual({ kind: 'erreur', text: "Votre version d'Excel est trop ancienne pour ce complément." });
    expect(ctrl.state.busy).toBeNull();
  });

  it("une erreur d'Excel pendant l'écriture des anomalies est dite en français et libère le volet", async () => {
    const { path } = await siaeInvalidSample();
    const excel = fakeExcel(openBook(path), { writeAnomaliesSheet: new ExcelHostError('Écriture de la feuille des anomalies : Excel a refusé l’accès.', 'AccessDenied') });
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    expect(await ctrl.verify()).toBe(false);
    expect(excel.names()).toEqual(['checkRequirements', 'readOpenWorkbook', 'writeAnomaliesSheet']);
    expect(ctrl.state.notices.verifier?.kind).toBe('erreur');
    expect(ctrl.state.busy).toBeNull();
    // And the pane works again.
    const ok = fakeExcel(openBook(path));
    const again = new PaneController({ mode: 'excel', excel: ok.port, loadEngine });
    expect(await again.verify()).toBe(true);
  });

  it('Consolider : ce classeur et des fichiers importés, plan en fichier, puis écriture des feuilles', async () => {
    const { path } = await siaeInvalidSample();
    const network = await networkValidSample();
    const planPath = await planSample();
    const excel = fakeExcel(openBook(network));
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    ctrl.addFiles([{ name: 'siae-erreurs.xlsx', bytes: new Uint8Array(readFileSync(path)) }]);
    ctrl.setPlan({ kind: 'fichier', file: { name: 'plan.xlsx', bytes: new Uint8Array(readFileSync(planPath)) } });
    const progress: string[] = [];
    ctrl.subscribe((s) => s.progress?.task === 'consolider' && progress.push(`${s.progress.done}/${s.progress.total}`));
    expect(await ctrl.consolidate()).toBe(true);
    expect(progress).toEqual(expect.arrayContaining(['0/2', '1/2', '2/2']));
    const c = ctrl.state.consolidation!;
    expect(c.kept).toBe(20); // the 20 valid network rows; the erroneous form is left out
    expect(c.excluded).toBe(1);
    expect(c.planLabel).toBe('fichier « plan.xlsx »');
    expect(c.objectives.length).toBeGreaterThan(10);
    expect(c.region?.siae).toBe('20');
    expect(await ctrl.writeSheets()).toBe(true);
    const written = excel.calls.find((x) => x[0] === 'writeModel')![1] as WorkbookModel;
    expect(written).toBe(c.model);
    expect(written.sheets.map((s) => s.name)).toContain('Synthèse régionale');
    expect(ctrl.state.notices.ecrire?.kind).toBe('succes');
  });

  it('Consolider avec « feuille plan de ce classeur » sans plan : le plan par défaut, et il est dit', async () => {
    const network = await networkValidSample();
    const excel = fakeExcel(openBook(network));
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    expect(ctrl.state.plan).toEqual({ kind: 'classeur' });
    expect(await ctrl.consolidate()).toBe(true);
    // The open workbook is read once, for the data and the plan.
    expect(excel.names().filter((n) => n === 'readOpenWorkbook')).toHaveLength(1);
    expect(ctrl.state.consolidation!.planLabel).toContain('par défaut');
  });

  it("plan « fichier » choisi sans fichier : Consolider le dit avant de lire quoi que ce soit", async () => {
    const excel = fakeExcel(openBook(await networkValidSample()));
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    ctrl.setPlan({ kind: 'fichier' });
    expect(await ctrl.consolidate()).toBe(false);
    expect(ctrl.state.notices.consolider?.text).toMatch(/fichier du plan/);
    expect(excel.names()).toEqual(['checkRequirements']);
  });

  it('sans source, Consolider le dit', async () => {
    const excel = fakeExcel(openBook(join('templates', 'modele-siae.xlsx')));
    const ctrl = new PaneController({ mode: 'excel', excel: excel.port, loadEngine });
    ctrl.setUseWorkbook(false);
    expect(await ctrl.consolidate()).toBe(false);
    expect(ctrl.state.notices.consolider?.text).toMatch(/Aucune source/);
  });

  it('les commandes du ruban font ce que font les boutons et rendent un message', async () => {
    const { path } = await siaeInvalidSample();
    const verifying = fakeExcel(openBook(path));
    const v = await runCommand('verifier', verifying.port, loadEngine);
    expect(verifying.names()).toEqual(['checkRequirements', 'readOpenWorkbook', 'writeAnomaliesSheet', 'clearHighlights', 'highlightCells']);
    expect(v.kind).toBe('succes');
    expect(v.text).toMatch(/^Vérification terminée : \d+ erreurs?/);

    const consolidating = fakeExcel(openBook(await networkValidSample()));
    const c = await runCommand('consolider', consolidating.port, loadEngine);
    expect(consolidating.names()).toContain('writeModel');
    expect(c.kind).toBe('succes');
    expect(c.text).toMatch(/Consolidation terminée[\s\S]*Feuilles écrites/);

    const failing = fakeExcel(openBook(await networkValidSample()), { writeModel: new ExcelHostError('Écriture des feuilles : Excel a refusé l’accès.') });
    const f = await runCommand('consolider', failing.port, loadEngine);
    expect(f).toEqual({ kind: 'erreur', text: 'Écriture des feuilles : Excel a refusé l’accès.' });
  });

  it("le message des commandes passe par le fragment de l'URL, jamais envoyé au serveur", () => {
    const url = noticeUrl('https://localhost:3000/commands.html?x=1', { kind: 'succes', text: 'Vérification terminée : 3 erreurs & <b>' });
    expect(new URL(url).search).toBe('?avis=1');
    expect(url).not.toContain('erreurs&');
    expect(noticeFromUrl(url)).toEqual({ kind: 'succes', text: 'Vérification terminée : 3 erreurs & <b>' });
    expect(noticeFromUrl('https://localhost:3000/commands.html')).toBeUndefined();
  });
});

describe('volet, détection du mode et modèle des anomalies', () => {
  const none = { search: '', windowName: '', sessionHostInfo: null, external: {}, agaveHost: undefined };
  it('un navigateur ordinaire est en mode autonome sans attendre Office.js', () => {
    expect(mayHaveOfficeHost(none)).toBe(false);
    expect(mayHaveOfficeHost({ ...none, windowName: 'autre' })).toBe(false);
  });
  it("les signes qu'Office donne à une page de complément", () => {
    expect(mayHaveOfficeHost({ ...none, search: '?_host_Info=Excel$Win32$16.01$fr-FR$$$$0' })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, windowName: JSON.stringify({ hostInfo: 'Excel|Web|16.00' }) })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, sessionHostInfo: 'Excel$Mac$16.00' })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, external: { GetHostInfo: () => 'x' } })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, agaveHost: {} })).toBe(true);
  });

  it('résumé par feuille et filtres sur un rapport réel', async () => {
    const { path, expected } = await siaeInvalidSample();
    const report = await engine.check([{ kind: 'file', file: { name: 'a.xlsx', bytes: new Uint8Array(readFileSync(path)) } }], () => {});
    const s = summarize(report);
    expect(s.errors).toBe(report.stats.errors);
    expect(s.bySheet.reduce((n, c) => n + c.errors, 0)).toBe(allIssues(report).filter((i) => i.severity === 'erreur' && i.code !== 'too-many-issues').length);
    const errors = filterIssues(allIssues(report), { severity: 'erreur', sheet: '', indicator: '' });
    expect(errors.length).toBeGreaterThanOrEqual(expected.length);
    expect(filterIssues(allIssues(report), { severity: '', sheet: '', indicator: 'pmsmp' }).map((i) => i.code)).toEqual(['type-error']);
  });
});

describe('volet autonome, fichiers encore en lecture', () => {
  const later = () => {
    let settle!: (ok: boolean) => void;
    const gate = new Promise<boolean>((resolve) => (settle = resolve));
    return { gate, open: () => settle(true), fail: () => settle(false) };
  };
  const unreadable = new Error('Le fichier « perdu.xlsx » n\u2019a pas pu être lu (déplacé, supprimé ou modifié depuis son choix) : choisissez-le de nouveau.');

  it('Vérifier et Consolider attendent les fichiers choisis dont la lecture n’est pas finie', async () => {
    const bytes = new Uint8Array(readFileSync(await networkValidSample()));
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    // A pick still reading: its file reaches the controller only after the click.
    const pick = later();
    ctrl.reading(pick.gate.then(() => ctrl.addFiles([{ name: 'reseau.xlsx', bytes }])), 'verifier');
    const verified = ctrl.verify();
    await new Promise((r) => setTimeout(r, 20));
    expect(ctrl.state.busy).toBe('verifier');
    pick.open();
    expect(await verified).toBe(true);
    expect(ctrl.state.report?.files.map((f) => f.file)).toEqual(['reseau.xlsx']);

    // The same for a campaign input picked just before Consolider.
    const asp = later();
    ctrl.reading(asp.gate.then(() => ctrl.setCampaignFile('asp', { name: 'extrait.xlsx', bytes: new Uint8Array([1, 2, 3]) })), 'consolider');
    const consolidated = ctrl.consolidate();
    setTimeout(asp.open, 20);
    expect(await consolidated).toBe(true);
    expect(ctrl.state.consolidation?.campaignNotices?.map((n) => n.text).join('\n')).toContain('extrait.xlsx');
  });

  it('un fichier que le navigateur ne peut pas lire est dit, et la consolidation qui l’attendait s’arrête dessus', async () => {
    const bytes = new Uint8Array(readFileSync(await networkValidSample()));
    const ctrl = new PaneController({ mode: 'autonome', loadEngine });
    ctrl.addFiles([{ name: 'reseau.xlsx', bytes }]);
    // Outside any run: said at once, in the task's notice.
    const lost = later();
    ctrl.reading(lost.gate.then(() => Promise.reject(unreadable)), 'verifier');
    lost.fail();
    await new Promise((r) => setTimeout(r, 0));
    expect(ctrl.state.notices.verifier).toEqual({ kind: 'erreur', text: unreadable.message });

    // During a run that waits for it: the run stops with the same words, nothing consolidated.
    const pending = later();
    ctrl.reading(pending.gate.then(() => Promise.reject(unreadable)), 'consolider');
    const run = ctrl.consolidate();
    setTimeout(pending.fail, 20);
    expect(await run).toBe(false);
    expect(ctrl.state.notices.consolider).toEqual({ kind: 'erreur', text: unreadable.message });
    expect(ctrl.state.consolidation).toBeNull();
    // A failure already said does not stop the next run.
    expect(await ctrl.consolidate()).toBe(true);
    expect(ctrl.state.consolidation).not.toBeNull();
  });
});
