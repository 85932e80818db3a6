/**
 * Office.js errors (OfficeExtension.Error, with a `code`) turned into French messages the
 * task pane can show as is.
 */

/** An error whose message is French and meant for the user; `code` keeps Excel's code. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly code: string = 'IaeError',
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ExcelHostError';
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: "Un élément attendu (feuille, tableau, nom) est introuvable : il a peut-être été renommé ou supprimé pendant l'opération.",
  ItemAlreadyExists: 'Un élément du même nom existe déjà dans le classeur.',
  InvalidArgument: 'Excel a refusé une valeur ou une adresse transmise par le complément.',
  InvalidReference: 'Une référence de cellule ou de plage est invalide.',
  InvalidOperation: "Excel a refusé l'opération dans l'état actuel du classeur.",
  InvalidOperationInCellEditMode:
    "Une cellule est en cours de modification : validez-la (touche Entrée) ou appuyez sur Échap, puis relancez l'opération.",
  AccessDenied: "Excel a refusé l'accès : le classeur ou la structure est peut-être protégé, ou ouvert en lecture seule.",
  ApiNotFound: "Cette version d'Excel ne propose pas une fonction dont le complément a besoin : mettez Excel à jour.",
  Conflict: "Le classeur a été modifié en même temps par quelqu'un d'autre : relancez l'opération.",
  RequestPayloadSizeLimitExceeded: "La requête envoyée à Excel dépasse la taille permise (5 Mo sur Excel pour le web).",
  ResponsePayloadSizeLimitExceeded: "La réponse d'Excel dépasse la taille permise (5 Mo sur Excel pour le web).",
  GeneralException: "Excel a signalé une erreur interne pendant l'opération.",
  ActivityLimitReached: "Excel a atteint sa limite d'activité : patientez quelques secondes puis relancez l'opération.",
  Unauthenticated: "L'authentification auprès d'Excel a échoué : rouvrez le classeur.",
  UnsupportedOperation: "Cette opération n'est pas prise en charge par cette version d'Excel.",
  NotImplemented: "Cette opération n'est pas prise en charge par cette version d'Excel.",
  InsertDeleteConflict: "L'insertion ou la suppression a échoué à cause d'un conflit avec d'autres cellules (fusion, tableau).",
  FilteredRangeConflict: "L'opération est impossible sur une plage filtrée : retirez le filtre puis relancez.",
  ServiceNotAvailable: "Le service Excel est momentanément indisponible : réessayez dans un instant.",
};

/** Excel's error code when `e` looks like an OfficeExtension.Error, else undefined. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Any thrown value → ExcelHostError with a French message, prefixed with what was being done. */
export function toFrenchError(e: unknown, doing?: string): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = officeErrorCode(e) ?? 'Unknown';
  const base = MESSAGES[code] ?? `Erreur inattendue d'Excel (${code}).`;
  const where = (e as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  const detail = where ? ` (emplacement : ${where})` : '';
  return new ExcelHostError(doing ? `${doing} : ${base}${detail}` : `${base}${detail}`, code, e);
}

/** Runs an Excel batch function with the given runner and rethrows any failure in French. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run, only when the Office.js runtime is loaded. */
export const excelRun: ExcelRunner = (batch) => {
  if (typeof Excel === 'undefined') {
    return Promise.reject(new ExcelHostError("Le complément doit s'exécuter dans Excel (Office.js n'est pas chargé).", 'NoHost'));
  }
  return Excel.run(batch);
};

/** Either a request context already open or a runner (Excel.run or a test's fake). */
export type ExcelTarget = Excel.RequestContext | ExcelRunner;

export async function withContext<T>(target: ExcelTarget, doing: string, fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return typeof target === 'function' ? await target(fn) : await fn(target);
  } catch (e) {
    throw toFrenchError(e, doing);
  }
}

/** `runWithExcel(fn)`: Excel.run with French errors — what the task pane and commands call. */
export function runWithExcel<T>(fn: (context: Excel.RequestContext) => Promise<T>, doing = "L'opération dans Excel a échoué"): Promise<T> {
  return withContext(excelRun, doing, fn);
}

/** Runs batches in order, one after the other, without a syntactic loop around context.sync(). */
export function inSequence<T>(items: readonly T[], step: (item: T, index: number) => Promise<void>): Promise<void> {
  return items.reduce<Promise<void>>((prev, item, i) => prev.then(() => step(item, i)), Promise.resolve());
}
