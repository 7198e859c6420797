/**
 * Node-only: the D1 and R2 bindings for the publish script, through wrangler's platform proxy (a stable wrangler
 * API): the local database and bucket under .wrangler/state (what `wrangler dev` serves), or the production ones
 * with `remote`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';

export interface OpenD1Options {
  root: string;
  remote: boolean;
  /** Local state folder (wrangler's --persist-to); default .wrangler/state as `wrangler dev` uses. */
  persistTo?: string | undefined;
}

/** Opens the DB and MEDIA bindings; call `close()` when done. */
export async function openD1({ root, remote, persistTo }: OpenD1Options): Promise<{
  db: D1Database;
  media: R2Bucket;
  close: () => Promise<void>;
}> {
  let configPath = join(root, 'wrangler.toml');
  let cleanup = () => {};
  if (remote) {
    // The proxy reaches production for bindings marked `remote = true`; wrangler.toml keeps them local for dev.
    configPath = join(root, '.wrangler-publish-remote.toml');
    const config = readFileSync(join(root, 'wrangler.toml'), 'utf8')
      .replace(/(\[\[d1_databases\]\]\n(?:[^[\n].*\n)*?binding = "DB"\n)/, '$1remote = true\n')
      .replace(/(\[\[r2_buckets\]\]\n(?:[^[\n].*\n)*?binding = "MEDIA"\n)/, '$1remote = true\n');
    if (config.split('remote = true').length !== 3) {
      throw new Error(
        'wrangler.toml: expected a [[d1_databases]] entry for "DB" and an [[r2_buckets]] entry for "MEDIA"',
      );
    }
    writeFileSync(configPath, config);
    cleanup = () => rmSync(configPath, { force: true });
  }
  try {
    // Local R2 objects are persisted next to the database, where `wrangler dev --persist-to` serves them from.
    const proxy = await getPlatformProxy<{ DB: D1Database; MEDIA: R2Bucket }>({
      configPath,
      remoteBindings: remote,
      persist: persistTo ? { path: join(persistTo, 'v3') } : true,
    });
    return {
      db: proxy.env.DB,
      media: proxy.env.MEDIA,
      close: async () => {
        await proxy.dispose();
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
