/**
 * `items` mapped by an async function with at most `limit` calls in flight: over the network, a run of calls
 * that do not depend on each other costs a few round trips instead of one each.
 */

/**
 * The results of `run` over `items`, in their order. After a call fails no new one starts; the calls already in
 * flight are awaited (so nothing is still running when the caller hears of it), then the first failure is thrown.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await run(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
