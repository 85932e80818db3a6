/**
 * A run stopped by the user (the Annuler button). Both transports throw it: the in-page engine
 * between files, the worker engine at once (it ends the worker). The controller shows its
 * message as information, not as an error, and keeps the previous results.
 */
export const CANCELLED_MESSAGE = 'Calcul annulé à votre demande : les résultats précédents sont conservés.';

export class RunCancelled extends Error {
  constructor() {
    super(CANCELLED_MESSAGE);
    this.name = 'RunCancelled';
  }
}

export const isCancelled = (e: unknown): boolean => e instanceof Error && e.name === 'RunCancelled';

/** Throws RunCancelled when `signal` has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunCancelled();
}
