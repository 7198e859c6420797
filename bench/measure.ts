/** Timing helpers: medians over rounds, so a burst of load elsewhere on the machine spoils one round, not the figure. */

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

/** Median over `rounds` of the mean time (ms) of `iterations` calls of `run`. */
export async function perCall(run: () => Promise<unknown>, { rounds = 5, iterations = 200 } = {}): Promise<number> {
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) await run();
    results.push((performance.now() - started) / iterations);
  }
  return median(results);
}

/**
 * Median per-call times of two functions measured in alternating rounds (so both see the same machine), and the
 * ratio a/b.
 */
export async function sideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  { rounds = 7, iterations = 2000 } = {},
): Promise<{ a: number; b: number; ratio: number }> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ta.push(await perCall(a, { rounds: 1, iterations }));
    tb.push(await perCall(b, { rounds: 1, iterations }));
  }
  const ratios = ta.map((t, i) => t / (tb[i] as number));
  return { a: median(ta), b: median(tb), ratio: median(ratios) };
}

export const ms = (value: number) => (value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`);
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
