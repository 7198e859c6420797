/** D1 answered with an error, or not within the time limit: the caller serves what it has, or a 503. */

/** How long one D1 round trip may take before the request gives up on it. */
const QUERY_TIME_LIMIT_MS = 2_000;

/** The archive could not be read. Never shown to readers as such: routes turn it into stale pages or a 503. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}

/** Runs one D1 call with a time limit; any failure becomes StoreUnavailable, with the cause kept for the log. */
export async function withTimeLimit<T>(what: string, run: () => Promise<T>, ms = QUERY_TIME_LIMIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (cause) {
    throw new StoreUnavailable(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  } finally {
    clearTimeout(timer);
  }
}
