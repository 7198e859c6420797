/**
 * An R2 bucket in memory, with the calls the publish step makes (head, get, put, list, delete): every call is
 * recorded, and `failPut` can fail a put as R2 would (a 503, a dropped connection), for the fault tests.
 */

interface Stored {
  bytes: Uint8Array;
  contentType: string | undefined;
}

export interface MemoryR2 {
  bucket: R2Bucket;
  objects: Map<string, Stored>;
  /** Every call, in order: `put card/….png`, `head img/…`, `list img/`. */
  calls: string[];
}

const bytesOf = (value: unknown): Uint8Array =>
  typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value as ArrayBuffer);

/** `failPut(key, n)`: the error the n-th put (1-based) throws instead of storing `key`, if any. */
export function memoryR2({
  failPut = () => undefined,
}: {
  failPut?: (key: string, n: number) => Error | undefined;
} = {}): MemoryR2 {
  const objects = new Map<string, Stored>();
  const calls: string[] = [];
  let puts = 0;
  const bucket = {
    head: async (key: string) => {
      calls.push(`head ${key}`);
      return objects.has(key) ? { key } : null;
    },
    get: async (key: string) => {
      calls.push(`get ${key}`);
      const stored = objects.get(key);
      if (!stored) return null;
      return {
        key,
        text: async () => new TextDecoder().decode(stored.bytes),
        arrayBuffer: async () => stored.bytes.slice().buffer,
      };
    },
    put: async (key: string, value: unknown, options?: R2PutOptions) => {
      calls.push(`put ${key}`);
      const error = failPut(key, ++puts);
      if (error) throw error;
      const contentType = (options?.httpMetadata as R2HTTPMetadata | undefined)?.contentType;
      objects.set(key, { bytes: bytesOf(value), contentType });
      return { key };
    },
    list: async ({ prefix = '' }: R2ListOptions = {}) => {
      calls.push(`list ${prefix}`);
      const keys = [...objects.keys()].filter((key) => key.startsWith(prefix)).sort();
      return { objects: keys.map((key) => ({ key })), truncated: false, delimitedPrefixes: [] };
    },
    delete: async (keys: string | string[]) => {
      for (const key of [keys].flat()) {
        calls.push(`delete ${key}`);
        objects.delete(key);
      }
    },
  };
  return { bucket: bucket as unknown as R2Bucket, objects, calls };
}
