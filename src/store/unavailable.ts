/** D1 answered with an error, or not within the time limit: the caller serves what it has, or a 503. */

/** How long one D1 round trip may take before the request gives up on it. */
const QUERY_TIME_LIMIT_MS = 2_000;
/** The first pause before reading again after a transient failure; each retry waits twice as long. */
const FIRST_PAUSE_MS = 20;

/** The archive could not be read. Never shown to readers as such: routes turn it into stale pages or a 503. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}

/**
 * Failures that a read can simply try again: the ones D1's documentation calls transient, and the local D1's
 * answers while a publish holds its file's write lock (SQLITE_BUSY, "Failed to get session commit token:
 * internal error"). Reads are idempotent; production D1 already retries them itself.
 */
const TRANSIENT =
  /SQLITE_BUSY|internal error|Network connection lost|storage caused object to be reset|reset because its code was updated/;
const isTransient = (error: unknown) => error instanceof Error && TRANSIENT.test(error.message);

/**
 * Runs one D1 read with a time limit, trying again after a transient failure (with a growing pause) while time
 * is left; any failure becomes StoreUnavailable, with the cause kept for the log.
 */
export async function withTimeLimit<T>(what: string, run: () => Promise<T>, ms = QUERY_TIME_LIMIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expired = false;
  let lastFailure = '';
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new Error(`no answer within ${ms} ms${lastFailure && ` (last: ${lastFailure})`}`));
    }, ms);
  });
  const attempt = async (): Promise<T> => {
    for (let pause = FIRST_PAUSE_MS; ; pause *= 2) {
      try {
        return await run();
      } catch (error) {
        if (!isTransient(error) || expired) throw error;
        lastFailure = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      if (expired) throw new Error('gave up');
    }
  };
  try {
    return await Promise.race([attempt(), timeout]);
  } catch (cause) {
    throw new StoreUnavailable(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  } finally {
    clearTimeout(timer);
  }
}
