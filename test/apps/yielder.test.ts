/** The pane yields by time, not by file: a frame after ~40 ms of work, none before. */
import { describe, expect, it } from 'vitest';
import { Yielder, yieldToPage, YIELD_BUDGET_MS } from '../../src/apps/taskpane/yielder.js';

describe('Yielder', () => {
  it('yields only once the work since the last yield exceeds the budget', async () => {
    let now = 0;
    let yields = 0;
    const y = new Yielder(40, () => now, async () => {
      yields++;
    });
    // 100 files of 1 ms each: 2 yields (at 40 and 80 ms), not 100.
    for (let i = 0; i < 100; i++) {
      await y.maybeYield();
      now += 1;
    }
    expect(yields).toBe(2);
    // One long file: the next call yields at once.
    now += 500;
    expect(await y.maybeYield()).toBe(true);
    expect(await y.maybeYield()).toBe(false);
    expect(YIELD_BUDGET_MS).toBeGreaterThanOrEqual(30);
    expect(YIELD_BUDGET_MS).toBeLessThanOrEqual(50);
  });

  it('does not use a timer (whose nested calls the browser clamps to 4 ms)', async () => {
    const original = globalThis.setTimeout;
    globalThis.setTimeout = (() => {
      throw new Error('setTimeout used');
    }) as unknown as typeof setTimeout;
    try {
      for (let i = 0; i < 5; i++) await yieldToPage();
    } finally {
      globalThis.setTimeout = original;
    }
  });

  it('uses scheduler.yield when the browser has it', async () => {
    let called = 0;
    const g = globalThis as { scheduler?: { yield?: () => Promise<void> } };
    const before = g.scheduler;
    g.scheduler = { yield: async () => void called++ };
    try {
      await yieldToPage();
    } finally {
      g.scheduler = before;
    }
    expect(called).toBe(1);
  });

  it('lets a pending macrotask run: the page can paint and take input', async () => {
    let ran = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      ran = true;
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    await yieldToPage();
    await yieldToPage();
    expect(ran).toBe(true);
  });
});
