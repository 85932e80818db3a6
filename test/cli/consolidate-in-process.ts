import { main } from '../../src/apps/cli/main.js';

/** `iae consolidate …` run in this process, its output and exit code captured. */
export async function consolidateCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['consolidate', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
