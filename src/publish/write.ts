/**
 * Writes a publish plan to D1 through the binding API, so the Node publisher (local or remote D1 through
 * wrangler's platform proxy) and the tests (the real local D1 in workerd) run exactly the same statements.
 * Batches stay within D1's limits: at most 100 bound parameters and 100 KB per statement.
 */
import type { Article, LeadImage } from '../content/types.ts';
import { tokensToText } from '../markdown/plain-text.ts';
import { lexBody } from '../markdown/render.ts';
import { upsertSearchRowBySlug } from '../search/statements.ts';
import { listsOf } from '../store/list-names.ts';
import { ARTICLE_INSERT_COLUMNS, articleValues, publishedMs } from '../store/rows.ts';
import { type PublishedRow, type PublishedState, type PublishPlan, placeOf } from './plan.ts';

/** D1 refuses more bound parameters than this in one statement (SQL texts here are far below its 100 KB). */
const MAX_PARAMS = 100;
/** The bound values of one batch are kept around this size, so a batch is one modest request. */
const MAX_BATCH_BYTES = 900_000;
/** D1 refuses rows over 2 MB; the content check's size limit keeps articles far below it. */
const MAX_ROW_BYTES = 2_000_000;

const ARTICLE_WIDTH = ARTICLE_INSERT_COLUMNS.split(', ').length;
const UPSERT_ARTICLES = `INSERT INTO articles (${ARTICLE_INSERT_COLUMNS}) VALUES`;
// Upserts keep the row (and its id); a replace would give the article a new id.
const ON_CONFLICT_UPDATE = `ON CONFLICT (slug) DO UPDATE SET ${ARTICLE_INSERT_COLUMNS.split(', ')
  .filter((c) => c !== 'slug')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

interface StateRow {
  slug: string;
  file: string;
  version: string;
  source_hash: string;
  image: string | null;
  body_images: string;
  published_at: string;
  tags: string;
  top: number;
  card: string | null;
}

/** Reads what D1 holds: every article's version, source hash, card and measured images, and every takedown. */
export async function readPublishedState(db: D1Database): Promise<PublishedState> {
  const [articles, takedowns] = await db.batch<StateRow>([
    db.prepare(
      'SELECT slug, file, version, source_hash, image, body_images, published_at, tags, top, card FROM articles',
    ),
    db.prepare('SELECT slug FROM takedowns'),
  ]);
  const rows = new Map<string, PublishedRow>();
  for (const r of articles?.results ?? []) {
    const images: PublishedRow['images'] = JSON.parse(r.body_images);
    const lead = r.image === null ? null : (JSON.parse(r.image) as LeadImage);
    if (lead?.src.startsWith('/')) {
      images[lead.src] = { width: lead.width, height: lead.height, ...(lead.media ? { hash: lead.media.hash } : {}) };
    }
    const place = placeOf({ publishedAt: r.published_at, tags: JSON.parse(r.tags) as string[], top: r.top === 1 });
    rows.set(r.slug, {
      slug: r.slug,
      file: r.file,
      version: r.version,
      sourceHash: r.source_hash,
      card: r.card,
      place,
      images,
    });
  }
  return { rows, takedowns: new Set((takedowns?.results ?? []).map((r) => r.slug)) };
}

/** `count` rows of `width` placeholders each, for a multi-row VALUES clause. */
const rowsOf = (count: number, width: number) =>
  Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');

/** Splits `rows` into statements of as many rows as 100 bound parameters allow. */
function multiRow(
  db: D1Database,
  sql: (placeholders: string) => string,
  rows: unknown[][],
  width: number,
): D1PreparedStatement[] {
  const perStatement = Math.floor(MAX_PARAMS / width);
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    statements.push(db.prepare(sql(rowsOf(chunk.length, width))).bind(...chunk.flat()));
  }
  return statements;
}

/** Statements naming each slug once, in groups of up to 100 parameters. */
const forSlugs = (db: D1Database, sql: (params: string) => string, slugs: string[]) =>
  multiRow(
    db,
    (p) => sql(p.replaceAll('(?)', '?')),
    slugs.map((slug) => [slug]),
    1,
  );

/** Takes articles out of every list they are in, marking those lists for renumbering first. */
const leaveLists = (db: D1Database, slugs: string[]) => [
  ...forSlugs(
    db,
    (p) =>
      `INSERT INTO dirty_lists (list) SELECT list FROM listings WHERE slug IN (${p}) ON CONFLICT (list) DO NOTHING`,
    slugs,
  ),
  ...forSlugs(db, (p) => `DELETE FROM listings WHERE slug IN (${p})`, slugs),
];

/**
 * The statements that put a group of articles (new or changed) in place, with their tags and list entries. New
 * list entries get seq 0 and mark their list dirty; renumberLists then numbers them.
 */
function articleStatements(
  db: D1Database,
  articles: Article[],
  updated: Set<string>,
  moved: Set<string>,
  hashOf: (article: Article) => string,
): D1PreparedStatement[] {
  for (const article of articles) {
    const size = articleValues(article, '').reduce<number>((n, v) => n + (typeof v === 'string' ? v.length * 3 : 8), 0);
    if (size > MAX_ROW_BYTES) {
      throw new Error(`${article.file}: body: the article is ${Math.round(size / 1024)} KB, over D1's 2 MB per row`);
    }
  }
  const changed = articles.filter((a) => updated.has(a.slug)).map((a) => a.slug);
  const added = articles.filter((a) => !updated.has(a.slug)).map((a) => a.slug);
  // An edit that keeps the article's time, tags and top flag keeps its list entries: no list is renumbered.
  const relisted = articles.filter((a) => !updated.has(a.slug) || moved.has(a.slug));
  const movedSlugs = changed.filter((slug) => moved.has(slug));
  const lists = new Set<string>();
  const listRows: unknown[][] = [];
  for (const article of relisted) {
    for (const list of listsOf(article)) {
      lists.add(list);
      listRows.push([list, publishedMs(article), article.slug]);
    }
  }
  return [
    ...multiRow(
      db,
      (rows) => `${UPSERT_ARTICLES} ${rows} ${ON_CONFLICT_UPDATE}`,
      articles.map((a) => articleValues(a, hashOf(a))),
      ARTICLE_WIDTH,
    ),
    ...forSlugs(db, (p) => `DELETE FROM takedowns WHERE slug IN (${p})`, added),
    ...forSlugs(db, (p) => `DELETE FROM article_tags WHERE slug IN (${p})`, changed),
    ...leaveLists(db, movedSlugs),
    ...multiRow(
      db,
      (rows) => `INSERT INTO article_tags (slug, position, tag) VALUES ${rows}`,
      articles.flatMap((a) => a.tags.map((tag, i) => [a.slug, i, tag])),
      3,
    ),
    ...multiRow(
      db,
      (rows) =>
        `INSERT INTO listings (list, published_ms, slug, seq) SELECT column1, column2, column3, 0 FROM (VALUES ${rows})`,
      listRows,
      3,
    ),
    ...multiRow(
      db,
      (rows) => `INSERT INTO dirty_lists (list) VALUES ${rows} ON CONFLICT (list) DO NOTHING`,
      [...lists].map((l) => [l]),
      1,
    ),
    // Each article's search index row, replaced in the same batch as the article (after its upsert).
    ...articles.map((a) =>
      upsertSearchRowBySlug(db, { slug: a.slug, title: a.title, tags: a.tags, text: tokensToText(lexBody(a.body)) }),
    ),
  ];
}

/** The statements that take articles down: they leave every list and answer 410 from now on. */
function takedownStatements(db: D1Database, slugs: string[], removedAt: string): D1PreparedStatement[] {
  return [
    ...leaveLists(db, slugs),
    ...forSlugs(db, (p) => `DELETE FROM article_tags WHERE slug IN (${p})`, slugs),
    ...forSlugs(db, (p) => `DELETE FROM articles WHERE slug IN (${p})`, slugs),
    ...multiRow(
      db,
      (rows) => `INSERT INTO takedowns (slug, removed_at) VALUES ${rows} ON CONFLICT (slug) DO NOTHING`,
      slugs.map((slug) => [slug, removedAt]),
      2,
    ),
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
 * Writes the plan in batches of articles (each article's row, tags and list entries in one batch, so a reader
 * never sees an article without its tags), then takedowns. Lists are renumbered afterwards by renumberLists.
 */
export async function writePlan(
  db: D1Database,
  plan: PublishPlan,
  {
    removedAt,
    sourceHashes = new Map(),
    onProgress,
  }: { removedAt: string; sourceHashes?: ReadonlyMap<string, string>; onProgress?: WriteProgress },
): Promise<void> {
  const hashOf = (a: Article) => sourceHashes.get(a.file) ?? '';
  const updated = new Set(plan.updated.map((a) => a.slug));
  // New articles get row ids in publication order: the search index ranks its newest candidates by id.
  const added = [...plan.added].sort((a, b) => publishedMs(a) - publishedMs(b) || (a.slug < b.slug ? -1 : 1));
  const articles = [...added, ...plan.updated];
  const total = articles.length + plan.removed.length;
  let group: Article[] = [];
  let bytes = 0;
  let written = 0;
  const flush = async () => {
    if (group.length === 0) return;
    await db.batch(articleStatements(db, group, updated, plan.moved, hashOf));
    written += group.length;
    onProgress?.(written, total);
    group = [];
    bytes = 0;
  };
  for (const article of articles) {
    // The row, and about three copies of its text in the search index.
    const size = article.body.length * 6 + 2_000;
    if (group.length > 0 && (bytes + size > MAX_BATCH_BYTES || group.length >= 200)) await flush();
    group.push(article);
    bytes += size;
  }
  await flush();
  for (let i = 0; i < plan.removed.length; i += 500) {
    await db.batch(takedownStatements(db, plan.removed.slice(i, i + 500), removedAt));
    written += Math.min(500, plan.removed.length - i);
    onProgress?.(written, total);
  }
}
