/**
 * Gives the page a frame only after some work, not before every file: a setTimeout(0) per
 * file costs a 4 ms clamp each time (100 small files: 0.4 s of waiting for 0.2 s of work).
 * After `budgetMs` of work since the last yield, `maybeYield` lets the browser paint and handle
 * input, with scheduler.yield() where the browser has it, else a MessageChannel message (not
 * clamped like setTimeout).
 */
export const YIELD_BUDGET_MS = 40;

type Scheduler = { yield?: () => Promise<void> };

/** One macrotask turn: scheduler.yield() when present, else a MessageChannel post. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class Yielder {
  private last: number;

  constructor(
    private readonly budgetMs = YIELD_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly yieldNow: () => Promise<void> = yieldToPage,
  ) {
    this.last = now();
  }

  /** Yields when `budgetMs` of work have passed since the last yield; resolves at once otherwise. */
  async maybeYield(): Promise<boolean> {
    if (this.now() - this.last < this.budgetMs) return false;
    await this.yieldNow();
    this.last = this.now();
    return true;
  }
}
