/**
 * A D1 database and an R2 bucket as the publish step meets them over the network (`--remote`): every call costs a
 * round trip of `latencyMs`, counted in virtual time, with no real sleeping. A D1 batch is one call, and so is each
 * statement's all/first/run/raw; each R2 head/get/put/list/delete is one.
 *
 * The virtual clock is real time plus the waits: a call does its (local, fast) work, then waits `latencyMs` of
 * virtual time from when that work is done. Waiting calls are released when the event loop has nothing else to do (setImmediate), by moving
 * the clock to the earliest pending call's end: calls made one after another cost one latency each, calls in
 * flight together cost one latency for the lot. Work in another thread while a call waits (sharp drawing a card)
 * is not overlapped with the wait, so a concurrent run is never credited with more overlap than it had.
 */

/** What the calls cost so far. */
export interface NetworkTally {
  d1: number;
  r2: Record<'head' | 'get' | 'put' | 'list' | 'delete', number>;
  /** The largest response of one D1 call (JSON of its result sets, UTF-8 bytes), and the SQL that produced it. */
  largest: { bytes: number; sql: string };
  /** The longest SQL text and the most bound parameters of any one statement (D1: 100 KB, 100 parameters). */
  longestSql: number;
  mostParams: number;
}

export interface SimulatedNetwork {
  d1: (db: D1Database) => D1Database;
  r2: (bucket: R2Bucket) => R2Bucket;
  /** Virtual milliseconds (performance.now() plus every wait so far). */
  now: () => number;
  tally: () => NetworkTally;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

export function simulatedNetwork(latencyMs: number): SimulatedNetwork {
  let offset = 0;
  const now = () => performance.now() + offset;
  const waiting: { end: number; release: () => void }[] = [];
  let scheduled = false;
  const tick = () => {
    scheduled = false;
    const earliest = Math.min(...waiting.map((w) => w.end));
    if (earliest > now()) offset += earliest - now();
    const at = now();
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i] as (typeof waiting)[number];
      if (w.end <= at) {
        waiting.splice(i, 1);
        w.release();
      }
    }
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(tick);
  };
  // The latency comes on top of the call's own work (D1 running the query), not during it.
  const roundTrip = async <T>(call: () => Promise<T>): Promise<T> => {
    const result = await call();
    await new Promise<void>((release) => {
      waiting.push({ end: now() + latencyMs, release });
      schedule();
    });
    return result;
  };

  const tally: NetworkTally = {
    d1: 0,
    r2: { head: 0, get: 0, put: 0, list: 0, delete: 0 },
    largest: { bytes: 0, sql: '' },
    longestSql: 0,
    mostParams: 0,
  };
  const response = (value: unknown, sql: string) => {
    const bytes = bytesOf(value);
    if (bytes > tally.largest.bytes) tally.largest = { bytes, sql: sql.replace(/\s+/g, ' ').slice(0, 120) };
  };

  const d1 = (db: D1Database): D1Database => {
    const inner = new WeakMap<object, { statement: D1PreparedStatement; sql: string }>();
    const statement = (prepared: D1PreparedStatement, sql: string, params: number): D1PreparedStatement => {
      tally.longestSql = Math.max(tally.longestSql, Buffer.byteLength(sql));
      tally.mostParams = Math.max(tally.mostParams, params);
      const single = <T>(run: () => Promise<T>) =>
        roundTrip(async () => {
          tally.d1++;
          const result = await run();
          response(result, sql);
          return result;
        });
      const wrapped = {
        bind: (...values: unknown[]) => statement(prepared.bind(...values), sql, values.length),
        all: () => single(() => prepared.all()),
        first: (column?: string) => single(() => (column === undefined ? prepared.first() : prepared.first(column))),
        run: () => single(() => prepared.run()),
        raw: () => single(() => prepared.raw()),
      } as unknown as D1PreparedStatement;
      inner.set(wrapped, { statement: prepared, sql });
      return wrapped;
    };
    return {
      prepare: (sql: string) => statement(db.prepare(sql), sql, 0),
      batch: (list: D1PreparedStatement[]) =>
        roundTrip(async () => {
          tally.d1++;
          const results = await db.batch(list.map((s) => inner.get(s)?.statement ?? s));
          response(
            results.map((r) => r.results),
            list.map((s) => inner.get(s)?.sql ?? '').join('; '),
          );
          return results;
        }),
      exec: (sql: string) =>
        roundTrip(async () => {
          tally.d1++;
          return db.exec(sql);
        }),
    } as unknown as D1Database;
  };

  const r2 = (bucket: R2Bucket): R2Bucket => {
    const call =
      <A extends unknown[], T>(op: keyof NetworkTally['r2'], run: (...args: A) => Promise<T>) =>
      (...args: A) =>
        roundTrip(() => {
          tally.r2[op]++;
          return run(...args);
        });
    return {
      head: call('head', (key: string) => bucket.head(key)),
      get: call('get', (key: string) => bucket.get(key)),
      put: call('put', (key: string, value: Parameters<R2Bucket['put']>[1], options?: R2PutOptions) =>
        bucket.put(key, value, options),
      ),
      list: call('list', (options?: R2ListOptions) => bucket.list(options)),
      delete: call('delete', (keys: string | string[]) => bucket.delete(keys)),
    } as unknown as R2Bucket;
  };

  return {
    d1,
    r2,
    now,
    tally: () => structuredClone(tally),
  };
}

/**
 * An R2 bucket in memory that pages its listings as R2 does (at most 1,000 keys a page, `limit` fewer), so a
 * listing of 100,000 keys costs its 100 calls.
 */
export function pagedMemoryR2(): { bucket: R2Bucket; objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  // Sorted once per change, so paging through 100,000 keys costs the bench no more than R2 would.
  let sorted: string[] | null = null;
  const firstAtOrAfter = (keys: string[], from: string) => {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((keys[mid] as string) < from) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const bucket = {
    head: async (key: string) => (objects.has(key) ? { key } : null),
    get: async (key: string) => {
      const bytes = objects.get(key);
      return bytes ? { key, text: async () => new TextDecoder().decode(bytes) } : null;
    },
    put: async (key: string, value: unknown) => {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value as ArrayBuffer);
      if (!objects.has(key)) sorted = null;
      objects.set(key, bytes);
      return { key };
    },
    list: async ({ prefix = '', cursor, limit = 1000 }: R2ListOptions = {}) => {
      sorted ??= [...objects.keys()].sort();
      const start = firstAtOrAfter(sorted, cursor && cursor > prefix ? `${cursor}\0` : prefix);
      const page: string[] = [];
      let i = start;
      for (; i < sorted.length && page.length < Math.min(limit, 1000); i++) {
        const key = sorted[i] as string;
        if (!key.startsWith(prefix)) break;
        page.push(key);
      }
      const truncated = i < sorted.length && (sorted[i] as string).startsWith(prefix);
      return { objects: page.map((key) => ({ key })), truncated, ...(truncated ? { cursor: page.at(-1) } : {}) };
    },
    delete: async (keys: string | string[]) => {
      for (const key of [keys].flat()) if (objects.delete(key)) sorted = null;
    },
  };
  return { bucket: bucket as unknown as R2Bucket, objects };
}
