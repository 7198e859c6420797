/**
 * Generated wrangler configs for the bench: the same assets, KV and vars as wrangler.toml, but
 * - `main` can point at bench/worker.ts (real site plus baseline and naive routes), and
 * - no [build] step: the bench builds content itself, so the scale runs can swap in synthetic articles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { ROOT, TMP_DIR } from './paths.ts';

/** bench: the site plus comparison routes; site: production's entry; naive: the minimal Hono + marked app. */
export type Entry = 'bench' | 'site' | 'naive';

const ENTRIES: Record<Entry, string> = {
  bench: join(ROOT, 'bench/worker.ts'),
  site: join(ROOT, 'src/index.ts'),
  naive: join(ROOT, 'bench/naive-worker.ts'),
};

/** Writes bench/results/.tmp/<name>/wrangler.json and returns its path. Wrangler keeps its local state next to it. */
export function writeWranglerConfig(name: string, entry: Entry): string {
  const real = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
  const dir = join(TMP_DIR, name);
  mkdirSync(dir, { recursive: true });
  const config = {
    name: real.name,
    main: ENTRIES[entry],
    compatibility_date: real.compatibility_date,
    compatibility_flags: real.compatibility_flags,
    assets: real.assets && { ...real.assets, directory: resolve(ROOT, real.assets.directory ?? 'public') },
    vars: real.vars,
    kv_namespaces: real.kv_namespaces.map((ns: { binding: string; id?: string }) => ({
      binding: ns.binding,
      id: ns.id,
    })),
    triggers: real.triggers,
    observability: real.observability,
    // No `tsconfig`: esbuild applies the nearest tsconfig.json (the project's) to each file, JSX settings included.
  };
  const path = join(dir, 'wrangler.json');
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}
