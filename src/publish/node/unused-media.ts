/**
 * Node-only: deleting the R2 objects no published article or writer uses any more, without listing the bucket on
 * every run (over the network each page of 1,000 keys is a round trip). A run notes in D1's `media_journal`
 * (migrations/0008) every object it may leave unused, before it uploads it or writes the rows that stop naming it;
 * once D1 holds its rows it deletes the noted objects nothing names and clears the notes. A run that stops first
 * leaves its notes to the next one. A `--full` run lists the whole bucket instead, and deletes whatever is unused.
 */
import type { Article, Author } from '../../content/types.ts';
import { mapLimited } from '../../lib/map-limited.ts';
import type { PublishedRow, PublishedState } from '../plan.ts';

/** R2 calls in flight at once (listings and deletions). */
const IN_FLIGHT = 8;
/** Keys noted per statement: one bound JSON array, far under D1's limits. */
const NOTES_PER_STATEMENT = 1_000;
/** Rows per read of the media every article names in a full sweep. */
const USAGE_PAGE_ROWS = 20_000;

/**
 * How an object is noted: a share card by its key, a processed image by the prefix of its variants (every one
 * is used while its source hash is).
 */
export const imagePrefix = (hash: string) => `img/${hash}/`;

/** The objects a built article names: its card, its lead photo's variants and its published body photos'. */
export function mediaOf(article: Pick<Article, 'card' | 'image' | 'bodyImages'>): string[] {
  const keys = article.card ? [article.card] : [];
  if (article.image?.media) keys.push(imagePrefix(article.image.media.hash));
  for (const size of Object.values(article.bodyImages)) if (size.hash && size.src) keys.push(imagePrefix(size.hash));
  return keys;
}

/** The objects a published row may name (its card, and the variants of every media-folder image it measured). */
const mediaOfRow = (row: PublishedRow) => [
  ...(row.card ? [row.card] : []),
  ...Object.values(row.images).flatMap((size) => (size.hash ? [imagePrefix(size.hash)] : [])),
];

/**
 * The objects this run's writes stop naming: those of published articles rebuilt without them or taken down
 * (every row but the `kept` ones), and the photos of writers replaced or removed.
 */
export function mediaLeaving(
  state: PublishedState,
  kept: ReadonlySet<string>,
  built: readonly Article[],
  stored: Iterable<{ slug: string; photo_hash: string | null }>,
  authors: readonly Author[],
): string[] {
  const after = new Map(built.map((article) => [article.slug, new Set(mediaOf(article))]));
  const leaving = new Set<string>();
  for (const row of state.rows.values()) {
    if (kept.has(row.slug)) continue;
    const named = after.get(row.slug);
    for (const key of mediaOfRow(row)) if (!named?.has(key)) leaving.add(key);
  }
  const photos = new Map(authors.map((a) => [a.slug, a.photo?.media?.hash ?? null]));
  for (const { slug, photo_hash: hash } of stored) {
    if (hash !== null && photos.get(slug) !== hash) leaving.add(imagePrefix(hash));
  }
  return [...leaving];
}

/** Notes objects the run may leave unused (one D1 call; none for no keys). Call before uploading or unnaming them. */
export async function noteMedia(db: D1Database, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < keys.length; i += NOTES_PER_STATEMENT) {
    statements.push(
      db
        .prepare('INSERT INTO media_journal (key) SELECT value FROM json_each(?1) WHERE true ON CONFLICT DO NOTHING')
        .bind(JSON.stringify(keys.slice(i, i + NOTES_PER_STATEMENT))),
    );
  }
  await db.batch(statements);
}

/**
 * Every noted object, and whether an article or writer in D1 names it. Each kind of use is looked up only among
 * the notes, in one pass over the articles; with no notes, nothing is read.
 */
export const NOTED_MEDIA_QUERY = `WITH used (key) AS (
  SELECT card FROM articles WHERE card IN (SELECT key FROM media_journal)
  UNION SELECT 'img/' || (image ->> '$.media.hash') || '/' AS k FROM articles
    WHERE image IS NOT NULL AND k IN (SELECT key FROM media_journal)
  UNION SELECT 'img/' || (b.value ->> '$.hash') || '/' AS k FROM articles AS a, json_each(a.body_images) AS b
    WHERE a.body_images <> '{}' AND b.value ->> '$.src' IS NOT NULL AND k IN (SELECT key FROM media_journal)
  UNION SELECT 'img/' || (photo ->> '$.media.hash') || '/' AS k FROM authors
    WHERE photo IS NOT NULL AND k IN (SELECT key FROM media_journal)
)
SELECT key, key IN (SELECT key FROM used) AS used FROM media_journal`;

/** Every key under `prefix`, page by page. */
async function listAll(bucket: R2Bucket, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) });
    for (const { key } of page.objects) keys.push(key);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** Deletes `keys` from R2, up to 1,000 a call (R2's most), several calls at once. */
async function deleteAll(bucket: R2Bucket, keys: readonly string[]): Promise<void> {
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += 1000) chunks.push(keys.slice(i, i + 1000));
  await mapLimited(chunks, IN_FLIGHT, (chunk) => bucket.delete(chunk));
}

/**
 * Deletes the noted objects nothing in D1 names, then clears the notes. Run after the D1 writes, so nothing
 * published points at a deleted key. Returns how many objects were deleted. One D1 read when nothing was noted.
 */
export async function deleteNotedMedia(bucket: R2Bucket, db: D1Database): Promise<number> {
  const { results } = await db.prepare(NOTED_MEDIA_QUERY).all<{ key: string; used: number }>();
  if (results.length === 0) return 0;
  const unused = results.filter((row) => row.used === 0).map((row) => row.key);
  // A note names a card or a photo's prefix, which R2 may not hold (the run that noted it stopped before).
  const stored = (await mapLimited(unused, IN_FLIGHT, (key) => listAll(bucket, key))).flat();
  await deleteAll(bucket, stored);
  await db.prepare('DELETE FROM media_journal').run();
  return stored.length;
}

interface UsageRow {
  id: number;
  card: string | null;
  lead: string | null;
  /** JSON array of the hashes of the published body images. */
  body: string | null;
}

/** A page of the media every article names, by row id. */
const USAGE_PAGE = `SELECT id, card, image ->> '$.media.hash' AS lead,
  CASE WHEN body_images = '{}' THEN NULL ELSE (SELECT json_group_array(value ->> '$.hash') FROM json_each(body_images)
    WHERE value ->> '$.hash' IS NOT NULL AND value ->> '$.src' IS NOT NULL) END AS body
FROM articles WHERE id > ?1 AND (card IS NOT NULL OR image IS NOT NULL OR body_images <> '{}') ORDER BY id LIMIT ?2`;

/**
 * The full sweep: deletes every R2 object under `img/` and `card/` that no article or writer in D1 uses (replaced
 * photos, removed articles, changed headlines, and whatever else the bucket holds), then clears the notes, which
 * it covers. Lists the whole bucket: for `--full` runs. Returns how many objects were deleted. D1 is read only
 * when R2 holds something.
 */
export async function removeUnusedMedia(bucket: R2Bucket, db: D1Database): Promise<number> {
  const stored = (await mapLimited(['img/', 'card/'], 2, (prefix) => listAll(bucket, prefix))).flat();
  if (stored.length === 0) {
    await db.prepare('DELETE FROM media_journal').run();
    return 0;
  }
  const page = (after: number) => db.prepare(USAGE_PAGE).bind(after, USAGE_PAGE_ROWS);
  const [authors, first] = await db.batch<{ hash: string | null } | UsageRow>([
    db.prepare("SELECT photo ->> '$.media.hash' AS hash FROM authors WHERE photo IS NOT NULL"),
    page(0),
  ]);
  const used = new Set<string>();
  for (const { hash } of (authors?.results ?? []) as { hash: string | null }[]) if (hash) used.add(hash);
  let results = (first?.results ?? []) as UsageRow[];
  for (;;) {
    for (const row of results) {
      if (row.card) used.add(row.card);
      if (row.lead) used.add(row.lead);
      for (const hash of row.body ? (JSON.parse(row.body) as string[]) : []) used.add(hash);
    }
    const last = results.at(-1);
    if (results.length < USAGE_PAGE_ROWS || last === undefined) break;
    results = (await page(last.id).all<UsageRow>()).results;
  }
  // A variant is used while its image's hash is (`img/<hash>/<width>.<ext>`), a card while its key is.
  const unused = stored.filter((key) => !used.has(key.startsWith('img/') ? (key.split('/')[1] ?? '') : key));
  await deleteAll(bucket, unused);
  await db.prepare('DELETE FROM media_journal').run();
  return unused.length;
}
