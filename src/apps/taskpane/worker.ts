/**
 * The engine's Web Worker: reading, validation, consolidation and writing run here, off the
 * page's thread, with the very functions the page would call (engine.ts). Each request is
 * answered once (done or error) with the lent file bytes given back; progress is sent at most
 * every PROGRESS_INTERVAL_MS. Cancelling ends this worker (worker-engine.ts), so no check is needed here.
 */
import { createEngine, indicatorLabel } from './engine.js';
import type { BookSource, PickedFile } from './ports.js';
import { CAMPAIGN_ORDER, PROGRESS_INTERVAL_MS, type WorkerMessage, type WorkerRequest, type WorkerResult } from './worker-protocol.js';

let busyMs: number | undefined;
const engine = createEngine({ yields: false, onBusy: (ms) => (busyMs = ms) });

/** Answers with `message`, the lent buffers transferred back (each buffer once). */
function send(message: WorkerMessage, files: readonly Uint8Array[] = []): void {
  const transfer = [...new Set(files.map((f) => f.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
  postMessage(message, { transfer });
}

/** The files a request lends, in a fixed order (the page restores them in that order). */
function lent(request: WorkerRequest): PickedFile[] {
  switch (request.op) {
    case 'check':
    case 'gather':
      return request.sources.flatMap((s) => (s.kind === 'file' ? [s.file] : []));
    case 'consolidate':
      return [...(request.plan.file ? [request.plan.file] : []), ...(request.files ?? []), ...CAMPAIGN_ORDER.flatMap((slot) => (request.campaign?.[slot] ? [request.campaign[slot]] : []))];
    case 'read':
      return [request.file];
    default:
      return [];
  }
}

/** The indicator codes named by the issues of a result, with their French labels. */
function labelsOf(result: WorkerResult): Record<string, string> {
  const labels: Record<string, string> = {};
  const add = (issues: readonly { indicator?: string }[]) => {
    for (const i of issues) if (i.indicator && !(i.indicator in labels)) labels[i.indicator] = indicatorLabel(i.indicator);
  };
  if (result && typeof result === 'object') {
    const report = 'files' in result && 'stats' in result ? result : 'report' in result ? result.report : undefined;
    if (report) for (const f of report.files) add(f.issues);
    if ('anomalies' in result) add(result.anomalies);
  }
  return labels;
}

async function answer(request: WorkerRequest, progress: (done: number, total: number, label: string) => void): Promise<WorkerResult> {
  const toSource = (s: (WorkerRequest & { op: 'check' })['sources'][number]): BookSource =>
    s.kind === 'file' ? s : { kind: 'open', name: s.name, read: async () => s.book };
  switch (request.op) {
    case 'ping':
      return null;
    case 'check':
      return engine.check(request.sources.map(toSource), progress);
    case 'gather':
      return engine.gather(request.sources.map(toSource), progress);
    case 'consolidate':
      return engine.consolidate(request.report, request.plan, {
        ignored: request.ignored,
        ...(request.files ? { files: request.files } : {}),
        ...(request.open ? { open: request.open } : {}),
        ...(request.campaign ? { campaign: request.campaign } : {}),
        ...(request.settings ? { settings: request.settings } : {}),
      });
    case 'public':
      return engine.publicXlsx(request.runId);
    case 'read':
      return engine.readFile(request.file);
    case 'write':
      return engine.writeXlsx(request.model);
  }
}

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const files = lent(request);
  let last = -Infinity;
  // The first and last steps always; between them, at most one message per interval.
  const progress = (done: number, total: number, label: string) => {
    const now = performance.now();
    if (done !== 0 && done !== total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    send({ id: request.id, type: 'progress', done, total, label });
  };
  busyMs = undefined;
  answer(request, progress).then(
    (result) => {
      const bytes = result instanceof Uint8Array ? [result] : result && typeof result === 'object' && 'bytes' in result && result.bytes instanceof Uint8Array ? [result.bytes] : [];
      send({ id: request.id, type: 'done', result, files: files.map((f) => f.bytes), labels: labelsOf(result), ...(busyMs !== undefined ? { busyMs } : {}) }, [...files.map((f) => f.bytes), ...bytes]);
    },
    (e: unknown) => send({ id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e), files: files.map((f) => f.bytes) }, files.map((f) => f.bytes)),
  );
};
