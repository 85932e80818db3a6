/**
 * Two computations measured alike on a busy, shared machine (the method of validate.bench.ts,
 * for async calls too): warmed up, then measured `runs` times each, alternating which goes first;
 * before each measure a GC and one untimed call of the same side, so that each side pays for its
 * own garbage only. Medians of CPU time (user + system of this process: other processes do not
 * count in it, the figure to judge by) and of wall time (printed alongside).
 *
 * The GC is a full one by default. For measures of a few tens of ms, ask for a young-generation
 * one (`collect: 'young'`): a forced full GC also throws away optimized code that V8 holds
 * weakly (the code of closures made per call, code that relies on hidden classes no live object
 * has any more), so each measure after it paid for recompiling on V8's background threads:
 * 10 to 25 ms of CPU in a 35 ms read of 100 small files, landing on one side or the other.
 * A real run does not collect that way: `iae validate` on those 100 files runs one full GC in
 * all (docs/decisions/vitesse-lecture-ecriture.md, session 11).
 */
export interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

/** What is collected before each measure: everything, or the young generation only (see above). */
export type Collect = 'full' | 'young';

const exposedGc = (globalThis as { gc?: (options?: { type: 'major' | 'minor' }) => void }).gc;
const gc = (collect: Collect): void => exposedGc?.({ type: collect === 'young' ? 'minor' : 'major' });

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(f: () => unknown, collect: Collect): Promise<Sample> {
  gc(collect);
  await f();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Medians of the CPU and of the wall times of samples of one side. */
const medianSample = (xs: readonly Sample[]): Sample => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });

/** Two sides: alternateAll's rounds (a then b, then b then a), under the names a and b. */
export function alternate(a: () => unknown, b: () => unknown, runs: number, warmup: number, collect: Collect = 'full'): Promise<{ a: Sample; b: Sample }> {
  return alternateAll({ a, b }, runs, warmup, collect);
}

/**
 * Several computations measured alike in one loop (alternate() for more than two): each round
 * measures every side once (GC, one untimed call, the timed call: see measure), in the given
 * order on even rounds and the reverse order on odd ones, so that no side is always measured
 * first or always after the same neighbour. Medians of CPU and wall time per side.
 */
export async function alternateAll<K extends string>(
  sides: Readonly<Record<K, () => unknown>>,
  runs: number,
  warmup: number,
  collect: Collect = 'full',
): Promise<Record<K, Sample>> {
  const names = Object.keys(sides) as K[];
  for (let k = 0; k < warmup; k++) for (const n of names) await sides[n]();
  const samples = new Map<K, Sample[]>(names.map((n) => [n, []]));
  for (let k = 0; k < runs; k++) {
    const order = k % 2 === 0 ? names : [...names].reverse();
    for (const n of order) samples.get(n)!.push(await measure(sides[n], collect));
  }
  const out = {} as Record<K, Sample>;
  for (const n of names) out[n] = medianSample(samples.get(n)!);
  return out;
}

/**
 * One computation called `runs` times in a row, as a user repeats it (no GC between calls: each
 * pays for the garbage of the one before, the steady state). Medians of CPU and wall time.
 */
export function repeated(f: () => void, runs: number): Sample {
  const samples: Sample[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    samples.push({ wall, cpu: (c.user + c.system) / 1000 });
  }
  return medianSample(samples);
}
