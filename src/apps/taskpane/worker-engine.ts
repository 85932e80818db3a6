/**
 * The engine through a Web Worker (worker.ts): the page sends file bytes and settings, the
 * worker reads, checks, consolidates and writes, and answers with plain data. The page's thread
 * only renders, so it stays responsive whatever the file. Cancelling ends the worker at once
 * (even inside a huge file); the next run starts a new one.
 *
 * File bytes are lent, not copied: a picked file's buffer is transferred to the worker and
 * transferred back with the answer, then put back in its PickedFile. When a cancelled or
 * crashed worker keeps them, they are read again from the picked File (`blob`). Bytes that
 * have no File to come back from are copied instead, so nothing the user picked is ever lost.
 *
 * Nothing heavy here (types only from the core): this file is part of the page's initial script.
 */
import type { GridWorkbook } from '../../core/grid.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { RunCancelled } from './cancel.js';
import type { BookSource, CampaignFiles, ConsolidationOutcome, DownloadFile, Engine, GatheredSources, PickedFile, ProgressFn } from './ports.js';
import { CAMPAIGN_ORDER, type WireSource, type WorkerMessage, type WorkerRequest } from './worker-protocol.js';

/** How long a new worker may take to load its script and answer before the page computes itself. */
export const WORKER_START_TIMEOUT_MS = 30_000;

export const WORKER_CRASH_MESSAGE =
  'Le calcul s\u2019est arrêté de façon inattendue (mémoire du navigateur insuffisante ?). Vos fichiers sont toujours là ; retirez le plus gros et réessayez.';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = Distribute<WorkerRequest>;

interface Pending {
  readonly resolve: (m: WorkerMessage & { type: 'done' }) => void;
  readonly reject: (e: Error) => void;
  readonly progress?: ProgressFn;
}

/** A file as lent: what the worker gets, and whether its bytes left this thread. */
interface Loan {
  readonly original: PickedFile;
  readonly wire: PickedFile;
  readonly transferred: boolean;
}

function lend(file: PickedFile): Loan {
  const { bytes } = file;
  const whole = bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength;
  const transferred = whole && file.blob !== undefined && bytes.byteLength > 0;
  return { original: file, wire: { name: file.name, bytes: transferred ? bytes : bytes.slice() }, transferred };
}

/** Puts lent bytes back into their PickedFile (the same object the pane's state holds). */
function giveBack(loan: Loan, bytes: Uint8Array): void {
  (loan.original as { bytes: Uint8Array }).bytes = bytes;
}

/** After a worker ended with the bytes: read them again from the picked File. */
async function recover(loans: readonly Loan[]): Promise<void> {
  await Promise.all(
    loans
      .filter((l) => l.transferred && l.original.bytes.byteLength === 0 && l.original.blob)
      .map(async (l) => {
        try {
          giveBack(l, new Uint8Array(await l.original.blob!.arrayBuffer()));
        } catch {
          // The file changed or vanished on disk: its entry stays, empty; the next check says so.
        }
      }),
  );
}

export class WorkerEngine implements Engine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly labels = new Map<string, string>();

  constructor(private readonly spawn: () => Worker) {}

  /** Starts the worker and waits for its first answer; rejects when it cannot start (CSP, no script). */
  async start(timeoutMs = WORKER_START_TIMEOUT_MS): Promise<this> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Le calcul en arrière-plan ne démarre pas.')), timeoutMs);
    });
    try {
      await Promise.race([this.request({ op: 'ping' }, []), timeout]);
      return this;
    } catch (e) {
      this.stop(e instanceof Error ? e : new Error(String(e)));
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    // A script that cannot load, an exception outside a request, or a crash (out of memory).
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop(new Error(WORKER_CRASH_MESSAGE));
    };
    worker.onmessageerror = () => this.stop(new Error(WORKER_CRASH_MESSAGE));
    this.worker = worker;
    return worker;
  }

  /** Ends the worker; every pending request rejects with `reason`. */
  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }

  private receive(message: WorkerMessage): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === 'progress') {
      p.progress?.(message.done, message.total, message.label);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') p.resolve(message);
    else {
      const error = new Error(message.message);
      (error as { files?: readonly Uint8Array[] }).files = message.files;
      p.reject(error);
    }
  }

  /**
   * Sends one request with its files lent; resolves with the answer once the bytes are back.
   * `signal` ends the worker at once: the request rejects with RunCancelled.
   */
  private async request(request: Request, loans: readonly Loan[], progress?: ProgressFn, signal?: AbortSignal): Promise<WorkerMessage & { type: 'done' }> {
    if (signal?.aborted) throw new RunCancelled();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const transfer = [...new Set(loans.filter((l) => l.transferred).map((l) => l.wire.bytes.buffer as ArrayBuffer))];
    const answer = new Promise<WorkerMessage & { type: 'done' }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(progress ? { progress } : {}) });
    });
    const onAbort = () => this.stop(new RunCancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ ...request, id } as WorkerRequest, { transfer });
    const restore = (files: readonly Uint8Array[] | undefined) =>
      loans.forEach((l, i) => {
        const back = files?.[i];
        if (l.transferred && back) giveBack(l, back);
      });
    try {
      const done = await answer;
      // For the bench: when the answer reached the page (what follows is the page's rendering).
      performance.mark('iae-reponse-travailleur');
      restore(done.files);
      for (const [code, label] of Object.entries(done.labels)) this.labels.set(code, label);
      if (done.busyMs !== undefined) performance.measure('iae-calcul-travailleur', { start: Math.max(0, performance.now() - done.busyMs), duration: done.busyMs });
      return done;
    } catch (e) {
      restore((e as { files?: readonly Uint8Array[] }).files);
      await recover(loans);
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async wireSources(sources: readonly BookSource[]): Promise<{ wire: WireSource[]; loans: Loan[] }> {
    const wire: WireSource[] = [];
    const loans: Loan[] = [];
    for (const s of sources) {
      if (s.kind === 'file') {
        const loan = lend(s.file);
        loans.push(loan);
        wire.push({ kind: 'file', file: loan.wire });
      } else wire.push({ kind: 'book', name: s.name, book: await s.read() }); // Excel's open workbook, read by Office.js here
    }
    return { wire, loans };
  }

  async check(sources: readonly BookSource[], progress: ProgressFn, signal?: AbortSignal): Promise<ValidationReport> {
    const { wire, loans } = await this.wireSources(sources);
    return (await this.request({ op: 'check', sources: wire }, loans, progress, signal)).result as ValidationReport;
  }

  async gather(sources: readonly BookSource[], progress: ProgressFn, signal?: AbortSignal): Promise<GatheredSources> {
    const { wire, loans } = await this.wireSources(sources);
    return (await this.request({ op: 'gather', sources: wire }, loans, progress, signal)).result as GatheredSources;
  }

  async consolidate(report: ValidationReport, plan: Parameters<Engine['consolidate']>[1], inputs: Parameters<Engine['consolidate']>[2] = { ignored: [] }, signal?: AbortSignal): Promise<ConsolidationOutcome> {
    const planLoan = plan.file ? lend(plan.file) : undefined;
    const fileLoans = (inputs.files ?? []).map(lend);
    const campaignLoans = CAMPAIGN_ORDER.flatMap((slot) => {
      const f = inputs.campaign?.[slot];
      return f ? [{ slot, loan: lend(f) }] : [];
    });
    const campaign: Partial<Record<(typeof CAMPAIGN_ORDER)[number], PickedFile>> = {};
    for (const c of campaignLoans) campaign[c.slot] = c.loan.wire;
    const request: Request = {
      op: 'consolidate',
      report,
      plan: { label: plan.label, ...(plan.book ? { book: plan.book } : {}), ...(planLoan ? { file: planLoan.wire } : {}), ...(plan.fallbackToDefault ? { fallbackToDefault: true } : {}) },
      ignored: inputs.ignored,
      ...(inputs.files ? { files: fileLoans.map((l) => l.wire) } : {}),
      ...(inputs.open ? { open: inputs.open } : {}),
      ...(campaignLoans.length > 0 ? { campaign: campaign as CampaignFiles } : {}),
      ...(inputs.settings ? { settings: inputs.settings } : {}),
    };
    const loans = [...(planLoan ? [planLoan] : []), ...fileLoans, ...campaignLoans.map((c) => c.loan)];
    return (await this.request(request, loans, undefined, signal)).result as ConsolidationOutcome;
  }

  async publicXlsx(runId: number | undefined): Promise<DownloadFile> {
    return (await this.request({ op: 'public', runId }, [])).result as DownloadFile;
  }

  async readFile(file: PickedFile): Promise<GridWorkbook> {
    const loan = lend(file);
    return (await this.request({ op: 'read', file: loan.wire }, [loan])).result as GridWorkbook;
  }

  async writeXlsx(model: Parameters<Engine['writeXlsx']>[0]): Promise<Uint8Array> {
    return (await this.request({ op: 'write', model }, [])).result as Uint8Array;
  }

  indicatorLabel(code: string): string {
    return this.labels.get(code) ?? code;
  }
}

/** The worker transport, started; rejects when no worker can run here (the caller then computes in the page). */
export function startWorkerEngine(spawn: () => Worker, timeoutMs?: number): Promise<Engine> {
  if (typeof Worker === 'undefined') return Promise.reject(new Error('Web Workers indisponibles'));
  return new WorkerEngine(spawn).start(timeoutMs);
}
