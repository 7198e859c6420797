/** The one ExecutionContext stand-in for calling `app.fetch` directly, in workerd or in Node. */

export interface TestExecutionContext {
  ctx: ExecutionContext;
  /** Promises handed to waitUntil and not yet settled by `settle`. */
  pending: Promise<unknown>[];
  /** Waits for the background work started so far, as the runtime would after the response. */
  settle(): Promise<void>;
}

export function executionContext(): TestExecutionContext {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (promise: Promise<unknown>) => {
      pending.push(promise);
    },
    passThroughOnException: () => {},
    props: {},
  } as unknown as ExecutionContext;
  return {
    ctx,
    pending,
    async settle() {
      await Promise.all(pending.splice(0));
    },
  };
}
