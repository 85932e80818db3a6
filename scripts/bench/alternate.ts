/**
 * Two computations measured alike on a busy, shared machine (the method of validate.bench.ts,
 * for async calls too): warmed up, then measured `runs` times each, alternating which goes first;
 * before each measure a full GC and one untimed call of the same side, so that each side pays
 * for its own garbage only. Medians of CPU time (user + system of this process: other processes
 * do not count in it, the figure to judge by) and of wall time (printed alongside).
 */
export interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(f: () => unknown): Promise<Sample> {
  gc();
  await f();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export async function alternate(a: () => unknown, b: () => unknown, runs: number, warmup: number): Promise<{ a: Sample; b: Sample }> {
  for (let k = 0; k < warmup; k++) {
    await a();
    await b();
  }
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let k = 0; k < runs; k++) {
    if (k % 2 === 0) {
      as.push(await measure(a));
      bs.push(await measure(b));
    } else {
      bs.push(await measure(b));
      as.push(await measure(a));
    }
  }
  const med = (xs: Sample[]): Sample => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
  return { a: med(as), b: med(bs) };
}

/**
 * One computation called `runs` times in a row, as a user repeats it (no GC between calls: each
 * pays for the garbage of the one before, the steady state). Medians of CPU and wall time.
 */
export function repeated(f: () => void, runs: number): Sample {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}
