/**
 * The task pane's logic, without DOM: the same controller drives Excel (Office mode, through
 * the Excel host) and files (standalone mode), and the ribbon commands reuse it. Views
 * subscribe to its state; tests drive it with fake ports.
 */
import type { GridWorkbook } from '../../core/grid.js';
import type { ValidationIssue } from '../../core/records.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { isCancelled } from './cancel.js';
import { allIssues, describeLocation, isSelectable, NO_FILTER, plural, type IssueFilter } from './issues-model.js';
import type { BookSource, CampaignFiles, CampaignSlot, ConsolidationOutcome, DownloadFile, Engine, ExcelPort, Mode, PickedFile, PlanChoice, PlanInput } from './ports.js';

export type Task = 'verifier' | 'consolider' | 'ecrire' | 'diffuser';

export interface Progress {
  readonly task: Task;
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface Notice {
  readonly kind: 'info' | 'succes' | 'erreur';
  readonly text: string;
}

export interface PaneState {
  readonly busy: Task | null;
  readonly progress: Progress | null;
  /** The last result or error, per tab. */
  readonly notices: Readonly<Partial<Record<Task, Notice>>>;
  /** Files picked or dropped (standalone: what Vérifier checks; both modes: what Consolider imports). */
  readonly files: readonly PickedFile[];
  readonly report: ValidationReport | null;
  readonly filter: IssueFilter;
  /** Consolider's sources and plan. */
  readonly useWorkbook: boolean;
  readonly plan: PlanChoice;
  /** Consolider's optional campaign inputs: référentiel, ASP extract, last year's consolidation. */
  readonly campaign: CampaignFiles;
  readonly consolidation: ConsolidationOutcome | null;
  /** Where the last clicked issue is (standalone mode shows it). */
  readonly located: string | null;
}

export interface PaneDeps {
  readonly mode: Mode;
  /** The Excel host, in Office mode. */
  readonly excel?: ExcelPort;
  /** Loads the core and the xlsx host on demand (a dynamic import in the app). */
  readonly loadEngine: () => Promise<Engine>;
}

export const OPEN_WORKBOOK_LABEL = 'Classeur ouvert';

/** Consolider's notice: what was counted, and every file not counted (unreadable, ignored). */
export function consolidationNotice(outcome: ConsolidationOutcome): Notice {
  const period = outcome.periode !== undefined ? ` (période ${outcome.periode})` : '';
  const parts = [
    plural(outcome.kept, 'retour retenu', 'retours retenus'),
    `${plural(outcome.excluded, 'écarté', 'écartés')} pour erreur`,
    plural(outcome.duplicates, 'doublon compté une fois', 'doublons comptés une fois'),
  ];
  if (outcome.unreadable > 0) parts.push(plural(outcome.unreadable, 'fichier illisible', 'fichiers illisibles'));
  if (outcome.ignored.length > 0) parts.push(plural(outcome.ignored.length, 'fichier ignoré', 'fichiers ignorés'));
  const lines = [`Consolidation terminée${period} : ${parts.join(', ')}.`];
  for (const g of outcome.ignored) lines.push(g.message);
  for (const p of outcome.problems) lines.push(p);
  const campaign = outcome.campaignNotices ?? [];
  for (const c of campaign) lines.push(c.text);
  // An optional input left out makes the run incomplete too: the user chose it.
  const incomplete = outcome.verdict === 'incomplet' || campaign.some((c) => c.kind === 'erreur');
  return { kind: incomplete ? 'info' : 'succes', text: lines.join('\n') };
}

/** Any thrown value as a French sentence for the user. */
export function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // Host and reader errors are French already; anything else is said to be unexpected.
  return /[éèàçù]|\b(le|la|les|du|des|une?|est|pas)\b/i.test(message) ? message : `Erreur inattendue : ${message}`;
}

export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<(state: PaneState) => void>();
  private engine: Promise<Engine> | undefined;
  private loaded: Engine | undefined;
  /** Aborted by cancel(): the running check or consolidation stops (see cancel.ts). */
  private abort: AbortController | undefined;
  /** Files still being read after a pick or a drop (each settles to its failure, if any): a run waits for them. */
  private readonly picking = new Set<Promise<string | undefined>>();

  constructor(private readonly deps: PaneDeps) {
    this.current = {
      busy: null,
      progress: null,
      notices: {},
      files: [],
      report: null,
      filter: NO_FILTER,
      useWorkbook: deps.mode === 'excel',
      plan: deps.mode === 'excel' ? { kind: 'classeur' } : { kind: 'defaut' },
      campaign: {},
      consolidation: null,
      located: null,
    };
  }

  get mode(): Mode {
    return this.deps.mode;
  }

  /** An indicator's French label once the engine is loaded (reports only exist after that). */
  indicatorLabel(code: string): string {
    return this.loaded?.indicatorLabel(code) ?? code;
  }

  get state(): PaneState {
    return this.current;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<PaneState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  private notify(task: Task, notice: Notice | undefined): void {
    const notices = { ...this.current.notices };
    if (notice) notices[task] = notice;
    else delete notices[task];
    this.set({ notices });
  }

  private loadEngine(): Promise<Engine> {
    // A failed load (network hiccup on a chunk) is retried on the next click.
    this.engine ??= this.deps.loadEngine().then(
      (engine) => (this.loaded = engine),
      (e: unknown) => {
        this.engine = undefined;
        throw e;
      },
    );
    return this.engine;
  }

  /**
   * A pick or a drop whose bytes are being read: Vérifier and Consolider wait for it before they
   * look at the chosen files (a large file takes a moment; the button can be clicked before).
   */
  reading(read: Promise<unknown>, task: Task): void {
    const settled = read.then(
      () => undefined,
      (e: unknown) => errorText(e),
    );
    this.picking.add(settled);
    void settled.then((failure) => {
      this.picking.delete(settled);
      // A file the browser cannot read (moved or deleted since it was chosen) is said at once; a
      // run waiting for it also stops on it (picksRead), with the same words.
      if (failure) this.notify(task, { kind: 'erreur', text: failure });
    });
  }

  /** Resolves once every pick under way is read (its files given to the controller); fails if one could not be. */
  private async picksRead(): Promise<void> {
    const seen = new Set<Promise<string | undefined>>();
    const failures: string[] = [];
    while ([...this.picking].some((p) => !seen.has(p))) {
      const pending = [...this.picking].filter((p) => !seen.has(p));
      for (const p of pending) seen.add(p);
      for (const failure of await Promise.all(pending)) if (failure) failures.push(failure);
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  }

  /** Adds picked files; a file of the same name replaces the previous one. */
  addFiles(files: readonly PickedFile[]): void {
    const byName = new Map(this.current.files.map((f) => [f.name, f]));
    for (const f of files) byName.set(f.name, f);
    this.set({ files: [...byName.values()] });
  }

  removeFile(name: string): void {
    this.set({ files: this.current.files.filter((f) => f.name !== name) });
  }

  setFilter(filter: Partial<IssueFilter>): void {
    this.set({ filter: { ...this.current.filter, ...filter } });
  }

  setUseWorkbook(useWorkbook: boolean): void {
    this.set({ useWorkbook: this.deps.excel ? useWorkbook : false });
  }

  setPlan(plan: PlanChoice): void {
    this.set({ plan });
  }

  /** Sets (a file) or removes (undefined) one of the campaign's optional inputs. */
  setCampaignFile(slot: CampaignSlot, file: PickedFile | undefined): void {
    const campaign: Partial<Record<CampaignSlot, PickedFile>> = { ...this.current.campaign };
    if (file) campaign[slot] = file;
    else delete campaign[slot];
    this.set({ campaign });
  }

  /** Stops the running check or consolidation; its notice says so and earlier results stay. */
  cancel(): void {
    this.abort?.abort();
  }

  /**
   * Runs `work` as `task`: one task at a time, progress reset, errors turned into a French notice,
   * a cancelled run into an information.
   */
  private async run(task: Task, work: (signal: AbortSignal) => Promise<Notice>): Promise<boolean> {
    if (this.current.busy) return false;
    const abort = (this.abort = new AbortController());
    this.set({ busy: task, progress: { task, done: 0, total: 0, label: '' } });
    this.notify(task, undefined);
    try {
      const notice = await work(abort.signal);
      this.set({ busy: null, progress: null });
      this.notify(task, notice);
      return true;
    } catch (e) {
      this.set({ busy: null, progress: null });
      this.notify(task, isCancelled(e) ? { kind: 'info', text: (e as Error).message } : { kind: 'erreur', text: errorText(e) });
      return false;
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private progress(task: Task) {
    return (done: number, total: number, label: string) => this.set({ progress: { task, done, total, label } });
  }

  private openWorkbookSource(excel: ExcelPort): BookSource {
    return { kind: 'open', name: OPEN_WORKBOOK_LABEL, read: () => excel.readOpenWorkbook() };
  }

  private requireExcel(): ExcelPort {
    const excel = this.deps.excel;
    if (!excel) throw new Error("Cette action n'est possible que dans Excel.");
    excel.checkRequirements();
    return excel;
  }

  /** Vérifier: the open workbook (Excel) or the picked files (standalone). */
  verify(): Promise<boolean> {
    return this.run('verifier', async (signal) => {
      await this.picksRead();
      const excel = this.deps.excel ? this.requireExcel() : undefined;
      const sources: BookSource[] = excel ? [this.openWorkbookSource(excel)] : this.current.files.map((file) => ({ kind: 'file', file }));
      if (sources.length === 0) throw new Error('Choisissez d\u2019abord un ou plusieurs classeurs (.xlsx) à vérifier.');
      const engine = await this.loadEngine();
      const report = await engine.check(sources, this.progress('verifier'), signal);
      this.set({ report, filter: NO_FILTER, located: null });
      const issues = allIssues(report);
      const counts = `${plural(report.stats.errors, 'erreur', 'erreurs')}, ${plural(report.stats.warnings, 'avertissement', 'avertissements')}`;
      if (excel) {
        await excel.writeAnomaliesSheet(issues);
        await excel.clearHighlights();
        await excel.highlightCells(issues);
        return { kind: 'succes', text: `Vérification terminée : ${counts}. La liste est aussi dans la feuille « IAE – Anomalies ».` };
      }
      return { kind: 'succes', text: `Vérification terminée : ${plural(report.stats.files, 'fichier', 'fichiers')}, ${counts}.` };
    });
  }

  /** A click on an issue: Excel selects its cell; standalone mode says where it is. */
  async selectIssue(issue: ValidationIssue): Promise<void> {
    const where = describeLocation(issue);
    if (!this.deps.excel) {
      this.set({ located: where });
      return;
    }
    if (!isSelectable(issue) || issue.file !== OPEN_WORKBOOK_LABEL) {
      this.set({ located: where });
      return;
    }
    try {
      await this.deps.excel.selectCell(issue.sheet, issue.cell);
      this.set({ located: where });
    } catch (e) {
      this.notify('verifier', { kind: 'erreur', text: errorText(e) });
    }
  }

  async clearHighlights(): Promise<void> {
    if (!this.deps.excel) return;
    try {
      await this.deps.excel.clearHighlights();
      this.notify('verifier', { kind: 'info', text: 'Surlignage des cellules en erreur retiré.' });
    } catch (e) {
      this.notify('verifier', { kind: 'erreur', text: errorText(e) });
    }
  }

  /** Consolider: reads and checks the sources, then consolidates them against the plan. */
  consolidate(): Promise<boolean> {
    return this.run('consolider', async (signal) => {
      await this.picksRead();
      const excel = this.deps.excel ? this.requireExcel() : undefined;
      const sources: BookSource[] = [];
      let openBook: Promise<GridWorkbook> | undefined;
      const readOpen = () => (openBook ??= excel!.readOpenWorkbook());
      if (excel && this.current.useWorkbook) sources.push({ kind: 'open', name: OPEN_WORKBOOK_LABEL, read: readOpen });
      for (const file of this.current.files) sources.push({ kind: 'file', file });
      // Only name the controls this mode shows: standalone mode has no « Ce classeur » box.
      if (sources.length === 0)
        throw new Error(excel ? 'Aucune source : cochez « Ce classeur » ou importez des fichiers de retours (.xlsx).' : 'Aucune source : importez des fichiers de retours (.xlsx).');
      if (this.current.plan.kind === 'fichier' && !this.current.plan.file) throw new Error('Choisissez le fichier du plan d\u2019actions (.xlsx), ou une autre option de plan.');
      const engine = await this.loadEngine();
      const { report, ignored } = await engine.gather(sources, this.progress('consolider'), signal);
      const plan = this.current.plan;
      let planArg: PlanInput;
      if (plan.kind === 'fichier' && plan.file) planArg = { file: plan.file, label: `fichier « ${plan.file.name} »` };
      else if (plan.kind === 'classeur' && excel) planArg = { book: await readOpen(), label: 'feuille plan de ce classeur', fallbackToDefault: true };
      else planArg = { label: '' }; // the run's rule: the only plan among the sources, else the default plan
      // The only plan among the sources is read again by the engine from what the pane holds (no second pick).
      const open = openBook ? await openBook : undefined;
      const outcome = await engine.consolidate(report, planArg, { ignored, files: this.current.files, ...(open ? { open } : {}), campaign: this.current.campaign }, signal);
      this.set({ consolidation: outcome, report, filter: NO_FILTER });
      return consolidationNotice(outcome);
    });
  }

  /** Office mode: writes the consolidated sheets into the open workbook. */
  writeSheets(): Promise<boolean> {
    return this.run('ecrire', async () => {
      const excel = this.requireExcel();
      const outcome = this.current.consolidation;
      if (!outcome) throw new Error('Lancez d\u2019abord la consolidation.');
      this.set({ progress: { task: 'ecrire', done: 0, total: 1, label: 'Écriture des feuilles' } });
      await excel.writeModel(outcome.model);
      return { kind: 'succes', text: `Feuilles écrites dans le classeur (${plural(outcome.model.sheets.length, 'feuille', 'feuilles')}).` };
    });
  }

  /** Standalone mode: the consolidated workbook as xlsx bytes, written in the browser. */
  async buildDownload(): Promise<{ name: string; bytes: Uint8Array } | undefined> {
    let out: { name: string; bytes: Uint8Array } | undefined;
    await this.run('ecrire', async () => {
      const outcome = this.current.consolidation;
      if (!outcome) throw new Error('Lancez d\u2019abord la consolidation.');
      this.set({ progress: { task: 'ecrire', done: 0, total: 1, label: 'Écriture du classeur' } });
      const engine = await this.loadEngine();
      const bytes = await engine.writeXlsx(outcome.model);
      out = { name: `consolidation-iae${outcome.periode !== undefined ? `-${outcome.periode}` : ''}.xlsx`, bytes };
      return { kind: 'succes', text: `Classeur consolidé prêt : ${out.name}.` };
    });
    return out;
  }

  /**
   * « Version diffusable »: the public version of the last consolidation. Inside Excel it opens
   * as a NEW workbook (never the user's); standalone, or when this Excel cannot open one, the
   * file is returned for the page to offer as a download. A refused audit is the notice.
   */
  async publicVersion(): Promise<DownloadFile | undefined> {
    let out: DownloadFile | undefined;
    await this.run('diffuser', async () => {
      const outcome = this.current.consolidation;
      if (!outcome) throw new Error('Lancez d\u2019abord la consolidation.');
      this.set({ progress: { task: 'diffuser', done: 0, total: 1, label: 'Masquage des petits effectifs et audit du secret' } });
      const engine = await this.loadEngine();
      const file = await engine.publicXlsx(outcome.runId);
      const summary = file.summary ? ` (${file.summary})` : '';
      const excel = this.deps.excel;
      if (excel?.openInNewWorkbook) {
        const opened = await excel.openInNewWorkbook(file.bytes);
        if (opened === 'ouvert') return { kind: 'succes', text: `Version diffusable ouverte dans un nouveau classeur${summary} ; votre classeur n\u2019a pas été modifié. Enregistrez-la sous ${file.name}.` };
      }
      out = file;
      if (excel) return { kind: 'info', text: `Cette version d\u2019Excel ne peut pas ouvrir un nouveau classeur (ExcelApi 1.8) : la version diffusable est proposée en téléchargement, ${file.name}${summary}. Votre classeur n\u2019a pas été modifié.` };
      return { kind: 'succes', text: `Version diffusable prête : ${file.name}${summary}.` };
    });
    return out;
  }
}
