/** A Map-backed stand-in for a KV binding, for tests that also run in Node (the mutation run). */

export interface MemoryKv {
  binding: KVNamespace;
  /** Options of every put, in order. */
  puts: { key: string; value: string; options: KVNamespacePutOptions | undefined }[];
}

export function memoryKv(): MemoryKv {
  const data = new Map<string, string>();
  const puts: MemoryKv['puts'] = [];
  const binding = {
    get: async (key: string) => data.get(key) ?? null,
    put: async (key: string, value: string, options?: KVNamespacePutOptions) => {
      puts.push({ key, value, options });
      data.set(key, value);
    },
    delete: async (key: string) => {
      data.delete(key);
    },
  } as unknown as KVNamespace;
  return { binding, puts };
}
