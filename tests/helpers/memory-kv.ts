/**
 * A Map-backed KV binding for tests that also run in Node (the mutation run), recording every put and counting
 * reads. `failing`: reads or writes throw, as a rate-limited or over-quota namespace does.
 */
export function memoryKv(failing: { get?: boolean; put?: boolean } = {}) {
  const data = new Map<string, string>();
  const puts: { key: string; value: string; options: KVNamespacePutOptions | undefined }[] = [];
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
  } as unknown as KVNamespace;
  return { binding, puts, gets: () => gets };
}
