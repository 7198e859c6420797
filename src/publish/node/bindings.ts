/**
 * Node-only: the D1 and R2 bindings a publish run writes to. Locally, the database is the SQLite file `wrangler
 * dev` serves, opened directly (local-d1.ts: fast), and MEDIA comes from wrangler's platform proxy in the same
 * state folder; remotely, both come from the proxy. runPublish takes the opener as an argument, so tests can wrap
 * either binding with failures.
 */
import { naming } from '../fault.ts';
import { localD1File, openLocalD1 } from './local-d1.ts';
import { showPath } from './show-path.ts';

/** Where a run publishes. */
export interface BindingsWanted {
  root: string;
  remote: boolean;
  /** wrangler's --persist-to, as given (default .wrangler/state). */
  persistTo: string | undefined;
  /** The local state folder, resolved against root. */
  stateDir: string;
}

export interface PublishBindings {
  db: D1Database;
  /** How messages name the database: its file (relative to the project when inside it), or `DB (remote)`. */
  dbName: string;
  /**
   * MEDIA, opened when the run first needs it: after it holds the publish lock and knows D1 is writable. Locally,
   * that is when wrangler starts, so a run that cannot write, or must wait its turn, stops before it.
   */
  media: () => Promise<R2Bucket>;
  close: () => Promise<void>;
}

export type OpenBindings = (wanted: BindingsWanted) => Promise<PublishBindings>;

/** The local database of a state folder, opened directly; a missing or unreadable one is a PublishFault. */
export function openLocalDatabase({ root, stateDir }: Pick<BindingsWanted, 'root' | 'stateDir'>) {
  const show = (path: string) => showPath(root, path);
  const file = localD1File(stateDir, show);
  return { ...openLocalD1(file, show), dbName: show(file) };
}

/** wrangler's platform proxy (a heavy import: only runs that publish load it), its failures a PublishFault. */
async function openProxy({ root, remote, persistTo, stateDir }: BindingsWanted) {
  const { openD1 } = await import('./open-d1.ts');
  const what = remote ? 'DB and MEDIA (remote)' : `MEDIA in ${showPath(root, stateDir)}`;
  return naming('open', `${what} through wrangler's platform proxy`, () => openD1({ root, remote, persistTo }));
}

/** The real bindings. */
export const openBindings: OpenBindings = async (wanted) => {
  if (wanted.remote) {
    const proxy = await openProxy(wanted);
    return { db: proxy.db, dbName: 'DB (remote)', media: async () => proxy.media, close: proxy.close };
  }
  const local = openLocalDatabase(wanted);
  let proxy: ReturnType<typeof openProxy> | null = null;
  return {
    ...local,
    media: async () => {
      proxy ??= openProxy(wanted);
      return (await proxy).media;
    },
    close: async () => {
      await local.close();
      const opened = await proxy?.catch(() => null);
      await opened?.close();
    },
  };
};
