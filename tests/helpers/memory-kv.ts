/** A Map-backed stand-in for a KV binding, for tests that also run in Node (the mutation run). */

export interface MemoryKv {
  binding: KVNamespace;
  /** Options of every put, in order. */
  puts: { key: string; value: string; options: KVNamespacePutOptions | undefined }[];
  /** How many reads it has answered (or refused). */
  gets: () => number;
}

/** `failing`: reads or writes throw, as a rate-limited or over-quota namespace does. */
export function memoryKv(failing: { get?: boolean; put?: boolean } = {}): MemoryKv {
  const data = new Map<string, string>();
  const puts: MemoryKv['puts'] = [];
  let gets = 0;
  const binding = {
    get: async (key: string) => {
      gets += 1;
      if (failing.get) throw new Error('KV GET failed: 429 Too Many Requests');
      return data.get(key) ?? null;
    },
    put: async (key: string, value: string, options?: KVNamespacePutOptions) => {
      puts.push({ key, value, options });
      if (failing.put) throw new Error('KV PUT failed: 10048 free usage limit exceeded');
      data.set(key, value);
    },
    delete: async (key: string) => {
      data.delete(key);
    },
  } as unknown as KVNamespace;
  return { binding, puts, gets: () => gets };
}
