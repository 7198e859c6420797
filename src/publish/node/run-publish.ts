/**
 * Node-only: one run of the publish step as a function of an explicit context (folders, mode, clock, log, how to
 * open the bindings), returning what it did or why it stopped, so tests call it directly and the script only
 * prints. A run takes the publish lock (its first D1 write), reads what D1 holds, builds what changed, puts photos
 * and share cards into R2, then writes the articles (so no row names a key R2 lacks), then gives a batch of older
 * articles without a card theirs (card-backlog.ts), then deletes the media nothing uses any more, and saves the
 * file stamps for the next run. Every object it may leave unused is noted in D1 before it is uploaded or unnamed
 * (unused-media.ts), so the deletion checks those, not the whole bucket; `--full` sweeps the whole bucket.
 */
import { resolve } from 'node:path';
import { filesOfChangedAuthors, publishAuthors, readStoredAuthors } from '../authors.ts';
import { PublishFault } from '../fault.ts';
import { type NamedBucket, namedD1, namedR2 } from '../named-bindings.ts';
import { publishArticles } from '../publish.ts';
import { purgeTagsOf } from '../purge-tags.ts';
import { readPublishedState } from '../write.ts';
import { readAuthors } from './author-files.ts';
import { type OpenBindings, openBindings as realBindings } from './bindings.ts';
import { buildChanged, type ContentFolders, checkAll, contentImages, unusedTagWarnings } from './build-changed.ts';
import { CARD_BACKLOG_DEFAULT, makeBacklogCards } from './card-backlog.ts';
import { loadStamps, type Stamps, saveStamps } from './file-stamps.ts';
import { CARD_WINDOW_MS, publishAuthorPhotos, publishMedia } from './media-publish.ts';
import { type HeldPublishLock, takePublishLock } from './publish-lock.ts';
import type { PublishReport } from './publish-report.ts';
import type { Purge } from './purge-client.ts';
import { showPath } from './show-path.ts';
import { deleteNotedMedia, mediaLeaving, noteMedia, removeUnusedMedia } from './unused-media.ts';

export type PublishMode = 'check' | 'local' | 'remote';

/** Where a run's progress lines and warnings go (the script: stdout and stderr). */
export interface PublishLog {
  info: (line: string) => void;
  warn: (line: string) => void;
}

export interface RunPublishOptions {
  /** The project folder: other paths are resolved against it, and messages name paths relative to it. */
  root: string;
  /** The articles' folder (default `content`) and the site's static files (default `public`). */
  content?: string;
  public?: string;
  /** `check` only validates; `local` and `remote` publish to that D1 and R2. */
  mode: PublishMode;
  /** wrangler's --persist-to for the local database and bucket (default .wrangler/state). */
  persistTo?: string | undefined;
  /** Read, rebuild and revalidate every file, not only the changed ones. */
  full?: boolean;
  /**
   * Share cards made per run for articles older than the 30-day window that have none, newest first (default
   * 200; 0: none). Articles in the window get theirs as they are built.
   */
  cardBacklog?: number;
  now?: () => Date;
  log?: PublishLog;
  openBindings?: OpenBindings;
  /** Purges Workers Cache by tag after the writes (see purge-client.ts); none: pages refresh within 60 s. */
  purge?: Purge | null;
}

export type PublishOutcome =
  /** `check` mode: the content passed. */
  | { kind: 'checked'; articles: number; drafts: number; warnings: string[] }
  | { kind: 'published'; report: PublishReport }
  /** Content problems (`file: field: expectation`): nothing was written. */
  | { kind: 'problems'; problems: string[] }
  /** Another publish holds the lock: nothing was written. */
  | { kind: 'busy'; message: string }
  /** The run's surroundings failed it (disk, permissions, database, R2); see PublishFault. */
  | { kind: 'fault'; fault: PublishFault };

/**
 * What a run that failed after uploading leaves in R2, for its message. Media keys are content-hashed: the next
 * publish that succeeds either names them in its articles or, unnamed, deletes them (removeUnusedMedia).
 */
function leftInR2(keys: readonly string[]): string {
  const named = keys.slice(0, 3).join(', ');
  const more = keys.length > 3 ? `, and ${keys.length - 3} more` : '';
  return `${keys.length} object(s) this run uploaded to MEDIA (${named}${more}) stay there unused until the next successful publish uses or deletes them`;
}

/**
 * Purges the tags of what changed: how many, or null when there is no purge configured or nothing to purge. A
 * failed purge is a warning, not a fault: what is published stands, and no page is kept past 60 s anyway.
 */
async function purgeChanged(purge: Purge | null | undefined, tags: string[], warn: (line: string) => void) {
  if (!purge || tags.length === 0) return null;
  try {
    await purge(tags);
    return tags.length;
  } catch (error) {
    warn(
      `Workers Cache purge failed (${error instanceof Error ? error.message : String(error)}): published all the same; cached pages refresh within 60 s.`,
    );
    return null;
  }
}

const quiet: PublishLog = { info: () => {}, warn: () => {} };

/** Runs the publish step. Throws only for a bug; every failure a user can act on is an outcome. */
export async function runPublish(options: RunPublishOptions): Promise<PublishOutcome> {
  const { root, mode, full = false, cardBacklog = CARD_BACKLOG_DEFAULT, now = () => new Date(), log = quiet } = options;
  const folders: ContentFolders = { root, content: options.content ?? 'content', public: options.public ?? 'public' };
  const images = contentImages(folders);
  if (mode === 'check') {
    const { problems, warnings, files, articles } = await checkAll(folders, images, now().getTime());
    if (problems.length > 0) return { kind: 'problems', problems };
    for (const line of warnings) log.warn(line);
    return { kind: 'checked', articles: articles.length, drafts: files.length - articles.length, warnings };
  }
  const started = now().getTime();
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    log.warn(line);
  };
  const remote = mode === 'remote';
  const stateDir = resolve(root, options.persistTo ?? '.wrangler/state');
  let opened: Awaited<ReturnType<OpenBindings>>;
  try {
    opened = await (options.openBindings ?? realBindings)({ root, remote, persistTo: options.persistTo, stateDir });
  } catch (error) {
    if (error instanceof PublishFault) return { kind: 'fault', fault: error };
    throw error;
  }
  const db = namedD1(opened.db, opened.dbName);
  let media: NamedBucket | undefined;
  let lock: HeldPublishLock | undefined;
  try {
    const lockPath = resolve(stateDir, 'publish.lock');
    const attempt = await takePublishLock({
      db,
      dbName: opened.dbName,
      lockFile: remote ? null : { path: lockPath, shown: showPath(root, lockPath) },
      now,
      warn,
    });
    if ('busy' in attempt) return { kind: 'busy', message: attempt.busy };
    lock = attempt.held;
    // Stamps live next to the database they describe: the local state folder, or .wrangler/ for the remote one.
    const stampsFile = remote
      ? resolve(root, '.wrangler/content-stamps.remote.json')
      : resolve(stateDir, 'content-stamps.json');
    const state = await readPublishedState(db);
    const stamps: Stamps = full ? new Map() : loadStamps(stampsFile);
    // Writers first: an article whose writer was renamed or removed is rebuilt with them, whatever its stamp.
    const authorFiles = readAuthors(root, folders.content, images.measure);
    const storedAuthors = await readStoredAuthors(db);
    const forced = await filesOfChangedAuthors(db, storedAuthors, authorFiles.authors);
    const built = await buildChanged(folders, images, state, stamps, {
      full,
      now: now().getTime(),
      authors: authorFiles,
      forced,
    });
    if ('problems' in built) return { kind: 'problems', problems: built.problems };
    const { articles, authors, site, selection, files, skipped, seen } = built;

    // Photos and share cards go to R2 first: an article row never names a key R2 does not hold.
    lock.check();
    media = namedR2(await opened.media(), 'MEDIA');
    const at = now();
    // Noted in D1 before they go up: if the run stops before naming them, the next one deletes them.
    const beforeUpload = (keys: string[]) => noteMedia(db, keys);
    const withMedia = await publishMedia(media.bucket, articles, images.readMedia, {
      cardsSince: at.getTime() - CARD_WINDOW_MS,
      keepCards: new Set([...state.rows.values()].flatMap((row) => (row.card ? [row.card] : []))),
      beforeUpload,
    });
    const writers = await publishAuthorPhotos(media.bucket, authors, images.readMedia, { beforeUpload });
    // What the rows about to be written stop naming, noted before they are.
    await noteMedia(
      db,
      mediaLeaving(state, new Set(selection.kept.keys()), withMedia.articles, storedAuthors.values(), writers.authors),
    );
    // Before the articles that name them: a byline never links to a page that does not exist yet.
    const authorsWritten = await publishAuthors(db, writers.authors, storedAuthors);
    let lastReport = now().getTime();
    const held = lock;
    const plan = await publishArticles(db, withMedia.articles, {
      now: at,
      state,
      kept: new Set(selection.kept.keys()),
      sourceHashes: selection.sourceHashes,
      site,
      onProgress: (written, total) => {
        held.check();
        if (now().getTime() - lastReport < 5_000) return;
        lastReport = now().getTime();
        log.info(`  ${written} / ${total} written`);
      },
    });
    for (const line of await unusedTagWarnings(db, folders, site)) warn(line);
    // After the D1 writes, so the backlog includes older articles built in this run, and rows match content/.
    const backlog = await makeBacklogCards(db, media.bucket, images.readMedia, {
      limit: cardBacklog,
      beforeUpload,
      check: () => held.check(),
      onProgress: (made, total) => {
        if (now().getTime() - lastReport < 5_000) return;
        lastReport = now().getTime();
        log.info(`  ${made} / ${total} share card(s) made`);
      },
    });
    // Only after the D1 writes: nothing published still points at what is deleted.
    const deleted = full ? await removeUnusedMedia(media.bucket, db) : await deleteNotedMedia(media.bucket, db);
    const published = new Map(
      [...seen].flatMap(([path, stamp]) => {
        const hash = selection.sourceHashes.get(path);
        return hash ? [[path, { stamp, hash }]] : [];
      }),
    );
    try {
      saveStamps(stampsFile, published, stamps);
    } catch (error) {
      // What is published stands; only the next run's shortcut is lost.
      warn(
        `Could not save ${stampsFile} (${(error as Error).message}): published all the same; the next run may read unchanged files again.`,
      );
    }
    // Last: once D1 holds the new state, so no cache refills with the old one.
    const purged = await purgeChanged(
      options.purge,
      purgeTagsOf({
        before: state,
        result: plan,
        sections: site?.sections ?? [],
        authors: authorsWritten,
      }),
      warn,
    );
    const report: PublishReport = {
      where: remote ? 'remote D1 and R2' : 'local D1 and R2',
      plan,
      drafts: selection.toBuild.length - articles.length,
      media: {
        uploaded: withMedia.stats.uploaded + writers.stats.uploaded + backlog.drawn,
        processed: withMedia.stats.processed + writers.stats.processed,
        deleted,
      },
      cards: { made: withMedia.stats.cards + backlog.made, backlog: backlog.left },
      files: { read: files.length, skipped: skipped.length },
      purged,
      seconds: (now().getTime() - started) / 1000,
      warnings,
    };
    return { kind: 'published', report };
  } catch (error) {
    if (!(error instanceof PublishFault)) throw error;
    const uploaded = media?.uploaded() ?? [];
    return { kind: 'fault', fault: uploaded.length > 0 ? error.withNote(leftInR2(uploaded)) : error };
  } finally {
    await lock?.release();
    await opened.close().catch((error: unknown) => warn(`Could not close ${opened.dbName}: ${String(error)}`));
  }
}
