/**
 * Splits an integer total into integer parts proportional to weights (largest remainder), so
 * that the parts add up exactly to the total — the region then shows the seed's figures.
 * With caps, no part exceeds its cap (the excess goes to parts with room, by weight).
 */
export function allocate(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (caps && caps.reduce((a, b) => a + b, 0) < total) {
    throw new Error(`Répartition impossible : ${total} dépasse la somme des plafonds.`);
  }
  const out = new Array<number>(n).fill(0);
  let remaining = total;
  let open = weights.map((w, i) => (caps && caps[i]! <= 0 ? -1 : i)).filter((i) => i >= 0);
  // Each round shares what is left among parts under their cap; a few rounds suffice.
  for (let round = 0; remaining > 0 && open.length > 0 && round < 50; round++) {
    const wsum = open.reduce((s, i) => s + Math.max(weights[i]!, 0), 0);
    const share = (i: number) => (wsum > 0 ? (remaining * Math.max(weights[i]!, 0)) / wsum : remaining / open.length);
    const floors = open.map((i) => Math.floor(share(i)));
    let left = remaining - floors.reduce((a, b) => a + b, 0);
    const order = open.map((i, k) => ({ i, k, frac: share(i) - floors[k]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
    const add = new Map<number, number>();
    open.forEach((i, k) => add.set(i, floors[k]!));
    for (const o of order) {
      if (left <= 0) break;
      add.set(o.i, add.get(o.i)! + 1);
      left--;
    }
    remaining = 0;
    for (const i of open) {
      let give = add.get(i)!;
      if (caps) {
        const room = caps[i]! - out[i]!;
        if (give > room) {
          remaining += give - room;
          give = room;
        }
      }
      out[i]! += give;
    }
    open = open.filter((i) => !caps || out[i]! < caps[i]!);
  }
  if (remaining > 0) throw new Error(`Répartition incomplète : ${remaining} non réparti(s).`);
  return out;
}
