/** Seeded randomness for the traffic model: the bench's one PRNG and Zipf sampler (bench/random.ts), as samplers. */
import { seeded, zipfSampler } from '../random.ts';

export { seeded };

/** A sampler of ranks 0..n-1 with weight 1 / (rank + 1)^s (Zipf-like popularity). */
export function zipf(n: number, s: number): (rnd: () => number) => number {
  const draw = zipfSampler(n, s);
  return (rnd) => draw(rnd());
}

/** A sampler of items by weight. */
export function weighted<T>(items: readonly { weight: number; value: T }[]): (rnd: () => number) => T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  return (rnd) => {
    let x = rnd() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item.value;
    }
    return (items.at(-1) as { value: T }).value;
  };
}

/** An exponential gap (ms) of a Poisson process of `perSecond` arrivals a second. */
export const exponentialGapMs = (rnd: () => number, perSecond: number) => (-Math.log(1 - rnd()) / perSecond) * 1000;
