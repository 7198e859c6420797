/**
 * Writes a publish plan to D1 through the binding API, so the Node publisher (local or remote D1 through
 * wrangler's platform proxy) and the tests (the real local D1 in workerd) run exactly the same statements.
 * Batches stay within D1's limits: at most 100 bound parameters and 100 KB per statement.
 */
import type { Article } from '../content/types.ts';
import { listsOf } from '../store/list-names.ts';
import { ARTICLE_INSERT_COLUMNS, articleValues, publishedMs } from '../store/rows.ts';
import type { PublishedState, PublishPlan } from './plan.ts';

/** D1 refuses more bound parameters than this in one statement (SQL texts here are far below its 100 KB). */
const MAX_PARAMS = 100;
/** The bound values of one batch are kept around this size, so a batch is one modest request. */
const MAX_BATCH_BYTES = 900_000;
/** D1 refuses rows over 2 MB; the content check's size limit keeps articles far below it. */
const MAX_ROW_BYTES = 2_000_000;

const UPSERT_ARTICLE = `INSERT INTO articles (${ARTICLE_INSERT_COLUMNS}) VALUES (${ARTICLE_INSERT_COLUMNS.split(',')
  .map((_, i) => `?${i + 1}`)
  .join(', ')})
ON CONFLICT (slug) DO UPDATE SET ${ARTICLE_INSERT_COLUMNS.split(', ')
  .filter((c) => c !== 'slug')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

// A new entry's seq is provisionally "newest of its list" (right for a newly published article); renumberLists
// then makes every changed list exact.
const INSERT_LISTING = `INSERT INTO listings (list, published_ms, slug, seq)
SELECT ?1, ?2, ?3, coalesce((SELECT max(seq) FROM listings WHERE list = ?1), 0) + 1`;

/** Marks a list for renumbering (in the same batch as the change to it). */
const MARK_LIST = 'INSERT INTO dirty_lists (list) VALUES (?1) ON CONFLICT (list) DO NOTHING';
/** Marks every list an article is in now, before it leaves them. */
const MARK_LISTS_OF =
  'INSERT INTO dirty_lists (list) SELECT list FROM listings WHERE slug = ?1 ON CONFLICT (list) DO NOTHING';

/** Reads what D1 holds: every article's version and every takedown. */
export async function readPublishedState(db: D1Database): Promise<PublishedState> {
  const [versions, takedowns] = await db.batch<{ slug: string; version?: string }>([
    db.prepare('SELECT slug, version FROM articles'),
    db.prepare('SELECT slug FROM takedowns'),
  ]);
  return {
    versions: new Map((versions?.results ?? []).map((r) => [r.slug, r.version ?? ''])),
    takedowns: new Set((takedowns?.results ?? []).map((r) => r.slug)),
  };
}

/** The statements that put one article (new or changed) in place, with its tags and list entries. */
function articleStatements(db: D1Database, article: Article, isNew: boolean): D1PreparedStatement[] {
  const values = articleValues(article);
  const size = values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length * 3 : 8), 0);
  if (size > MAX_ROW_BYTES) {
    throw new Error(`${article.file}: body: the article is ${Math.round(size / 1024)} KB, over D1's 2 MB per row`);
  }
  const statements = [db.prepare(UPSERT_ARTICLE).bind(...values)];
  if (isNew) statements.push(db.prepare('DELETE FROM takedowns WHERE slug = ?1').bind(article.slug));
  else {
    statements.push(db.prepare('DELETE FROM article_tags WHERE slug = ?1').bind(article.slug));
    statements.push(db.prepare(MARK_LISTS_OF).bind(article.slug));
    statements.push(db.prepare('DELETE FROM listings WHERE slug = ?1').bind(article.slug));
  }
  for (let i = 0; i < article.tags.length; i += Math.floor(MAX_PARAMS / 3)) {
    const tags = article.tags.slice(i, i + Math.floor(MAX_PARAMS / 3));
    statements.push(
      db
        .prepare(`INSERT INTO article_tags (slug, position, tag) VALUES ${tags.map(() => '(?, ?, ?)').join(', ')}`)
        .bind(...tags.flatMap((tag, j) => [article.slug, i + j, tag])),
    );
  }
  const ms = publishedMs(article);
  for (const list of listsOf(article)) {
    statements.push(db.prepare(INSERT_LISTING).bind(list, ms, article.slug));
    statements.push(db.prepare(MARK_LIST).bind(list));
  }
  return statements;
}

/** The statements that take an article down: it leaves every list and answers 410 from now on. */
function takedownStatements(db: D1Database, slug: string, removedAt: string): D1PreparedStatement[] {
  return [
    db.prepare(MARK_LISTS_OF).bind(slug),
    db.prepare('DELETE FROM listings WHERE slug = ?1').bind(slug),
    db.prepare('DELETE FROM article_tags WHERE slug = ?1').bind(slug),
    db.prepare('DELETE FROM articles WHERE slug = ?1').bind(slug),
    db
      .prepare('INSERT INTO takedowns (slug, removed_at) VALUES (?1, ?2) ON CONFLICT (slug) DO NOTHING')
      .bind(slug, removedAt),
  ];
}

/**
 * Renumbers `seq` in every list marked dirty (by inserts, moves and takedowns), oldest entry 1, so page numbers map
 * to seq ranges again; each list is renumbered and unmarked in one batch. Marks survive an interrupted publish, so
 * the next run finishes the job.
 */
export async function renumberLists(db: D1Database): Promise<number> {
  const { results } = await db.prepare('SELECT list FROM dirty_lists').all<{ list: string }>();
  const lists = results.map((r) => r.list);
  const chunkSize = Math.floor((MAX_PARAMS - 1) / 2);
  for (let i = 0; i < lists.length; i += chunkSize) {
    const chunk = lists.slice(i, i + chunkSize);
    const params = chunk.map(() => '?').join(', ');
    await db.batch([
      db
        .prepare(
          `UPDATE listings SET seq = r.n FROM (
  SELECT list, published_ms, slug, row_number() OVER (PARTITION BY list ORDER BY published_ms, slug) AS n
  FROM listings WHERE list IN (${params})) AS r
WHERE listings.list = r.list AND listings.published_ms = r.published_ms AND listings.slug = r.slug AND listings.seq <> r.n`,
        )
        .bind(...chunk),
      db.prepare(`DELETE FROM dirty_lists WHERE list IN (${params})`).bind(...chunk),
    ]);
  }
  return lists.length;
}

export type WriteProgress = (written: number, total: number) => void;

/**
 * Writes the plan: changed articles in batches (each article's statements stay in one batch, so a reader never
 * sees an article without its tags), then takedowns. Lists are renumbered afterwards by renumberLists.
 */
export async function writePlan(
  db: D1Database,
  plan: PublishPlan,
  { removedAt, onProgress }: { removedAt: string; onProgress?: WriteProgress },
): Promise<void> {
  const groups: D1PreparedStatement[][] = [
    ...plan.added.map((a) => articleStatements(db, a, true)),
    ...plan.updated.map((a) => articleStatements(db, a, false)),
    ...plan.removed.map((slug) => takedownStatements(db, slug, removedAt)),
  ];
  const sizes = [...plan.added, ...plan.updated].map((a) => a.body.length * 3 + 2_000);
  let batch: D1PreparedStatement[] = [];
  let bytes = 0;
  let written = 0;
  for (const [i, group] of groups.entries()) {
    const groupBytes = sizes[i] ?? 200;
    if (batch.length > 0 && (bytes + groupBytes > MAX_BATCH_BYTES || batch.length + group.length > 500)) {
      await db.batch(batch);
      onProgress?.(written, groups.length);
      batch = [];
      bytes = 0;
    }
    batch.push(...group);
    bytes += groupBytes;
    written++;
  }
  if (batch.length > 0) await db.batch(batch);
  onProgress?.(written, groups.length);
}
