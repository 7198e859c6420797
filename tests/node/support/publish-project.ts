/**
 * A throwaway project for runPublish in-process: content/ with articles dated the day before the test clock
 * (so each gets a share card: one R2 upload), an empty public/, and a migrated local state folder (local-state.ts);
 * and the opener that gives runPublish that folder's real database with an in-memory R2: no wrangler.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenBindings, openLocalDatabase } from '../../../src/publish/node/bindings.ts';
import { type RunPublishOptions, runPublish } from '../../../src/publish/node/run-publish.ts';
import { localState } from './local-state.ts';

/** The tests' clock: the articles are a day older, inside the 30-day window in which cards are drawn. */
export const NOW = new Date('2025-03-01T12:01:05Z');

export const article = (slug: string, body = 'نص الخبر.') =>
  `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: 2025-02-28T10:00:00\nsummary: ملخص ${slug}\n---\n\n${body}\n`;

export interface PublishProject {
  root: string;
  /** The state folder (`state`, under root) and its database file. */
  stateDir: string;
  dbFile: string;
  write: (slug: string, text?: string) => void;
  remove: (slug: string) => void;
  /** runPublish in local mode over this project, at NOW, with its warnings and progress collected. */
  publish: (options: Partial<RunPublishOptions>) => ReturnType<typeof runPublish>;
  log: { info: string[]; warn: string[] };
  close: () => void;
}

export function publishProject(slugs: string[] = ['a']): PublishProject {
  const root = mkdtempSync(join(tmpdir(), 'run-publish-'));
  mkdirSync(join(root, 'content'));
  mkdirSync(join(root, 'public'));
  const stateDir = join(root, 'state');
  const dbFile = localState(stateDir);
  const write = (slug: string, text = article(slug)) => writeFileSync(join(root, 'content', `${slug}.md`), text);
  for (const slug of slugs) write(slug);
  const log = { info: [] as string[], warn: [] as string[] };
  return {
    root,
    stateDir,
    dbFile,
    write,
    remove: (slug) => rmSync(join(root, 'content', `${slug}.md`)),
    log,
    publish: (options) =>
      runPublish({
        root,
        mode: 'local',
        persistTo: 'state',
        now: () => NOW,
        log: { info: (line) => log.info.push(line), warn: (line) => log.warn.push(line) },
        ...options,
      }),
    close: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The real local database of the run's state folder (found and opened as a publish opens it), passed through
 * `adapt` (a test's failure injection), with `media` as MEDIA.
 */
export function localOpener(media: R2Bucket, adapt: (db: D1Database) => Promise<D1Database> | D1Database = (db) => db) {
  const open: OpenBindings = async (wanted) => {
    const local = openLocalDatabase(wanted);
    return { ...local, db: await adapt(local.db), media: async () => media };
  };
  return open;
}
