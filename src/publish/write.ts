/**
 * Writes a publish plan to D1 through the binding API, so the Node publisher (local or remote D1 through
 * wrangler's platform proxy) and the tests (the real local D1 in workerd) run exactly the same statements.
 * Batches stay within D1's limits: at most 100 bound parameters and 100 KB per statement.
 */
import type { Section } from '../content/sections.ts';
import type { Article, ArticleAuthor } from '../content/types.ts';
import { tokensToText } from '../markdown/plain-text.ts';
import { lexBody } from '../markdown/render.ts';
import { indexArticles } from '../search/statements.ts';
import { listsOf } from '../store/list-names.ts';
import { ARTICLE_INSERT_COLUMNS, articleValues, packBody, publishedMs } from '../store/rows.ts';
import { type PublishedRow, type PublishedState, type PublishPlan, placeOf } from './plan.ts';

/** D1 refuses more bound parameters than this in one statement (SQL texts here are far below its 100 KB). */
const MAX_PARAMS = 100;
/** The bound values of one batch are kept around this size, so a batch is one modest request. */
const MAX_BATCH_BYTES = 900_000;
/** Articles per batch by default (fewer when their text is large), and takedowns per batch. */
const ARTICLES_PER_BATCH = 200;
const TAKEDOWNS_PER_BATCH = 500;
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
  id: number;
  slug: string;
  file: string;
  version: string;
  source_hash: string;
  /** The lead image as `{ src, width, height, hash }` (its variants left in D1), or null. */
  image: string | null;
  /** Each local image's `{ width, height, hash }` by src (their variants left in D1). */
  body_images: string;
  published_at: string;
  tags: string;
  top: number;
  breaking: number;
  authors: string;
  card: string | null;
}

/** Rows per read of the published state: a page stays a few MB, far under D1's largest response. */
export const STATE_PAGE_ROWS = 10_000;

/**
 * A page of the published state, by row id. Images come without their variants (a photo's manifest is most of a
 * row's JSON): the publish step compares only their sizes and hashes.
 */
const STATE_PAGE = `SELECT id, slug, file, version, source_hash,
  CASE WHEN image IS NULL THEN NULL ELSE json_object('src', image ->> '$.src', 'width', image ->> '$.width',
    'height', image ->> '$.height', 'hash', image ->> '$.media.hash') END AS image,
  CASE WHEN body_images = '{}' THEN '{}' ELSE (SELECT json_group_object(key, json_object('width', value ->> '$.width',
    'height', value ->> '$.height', 'hash', value ->> '$.hash')) FROM json_each(body_images)) END AS body_images,
  published_at, tags, top, breaking, authors, card
FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2`;

/** A measured size as the publish step compares it: a missing hash is absent, not null. */
const sizeOf = ({ width, height, hash }: { width: number | null; height: number | null; hash: string | null }) => ({
  width,
  height,
  ...(hash === null ? {} : { hash }),
});

function publishedRow(r: StateRow): PublishedRow {
  const images: PublishedRow['images'] = {};
  for (const [src, size] of Object.entries(JSON.parse(r.body_images) as Record<string, Parameters<typeof sizeOf>[0]>)) {
    images[src] = sizeOf(size);
  }
  const lead = r.image === null ? null : (JSON.parse(r.image) as Parameters<typeof sizeOf>[0] & { src: string });
  if (lead?.src.startsWith('/')) images[lead.src] = sizeOf(lead);
  const place = placeOf({
    publishedAt: r.published_at,
    tags: JSON.parse(r.tags) as string[],
    top: r.top === 1,
    breaking: r.breaking === 1,
    authors: JSON.parse(r.authors) as ArticleAuthor[],
  });
  return { slug: r.slug, file: r.file, version: r.version, sourceHash: r.source_hash, card: r.card, place, images };
}

/**
 * Reads what D1 holds: every article's version, source hash, card and measured images, and every takedown. The
 * articles come in pages of `pageRows` by row id (one call each over the network, each response a few MB), the
 * first with the takedowns.
 */
export async function readPublishedState(db: D1Database, pageRows = STATE_PAGE_ROWS): Promise<PublishedState> {
  const page = (after: number) => db.prepare(STATE_PAGE).bind(after, pageRows);
  const [first, takedowns] = await db.batch<StateRow | { slug: string }>([
    page(0),
    db.prepare('SELECT slug FROM takedowns'),
  ]);
  const rows = new Map<string, PublishedRow>();
  let results = (first?.results ?? []) as StateRow[];
  for (;;) {
    for (const r of results) rows.set(r.slug, publishedRow(r));
    const last = results.at(-1);
    if (results.length < pageRows || last === undefined) break;
    results = (await page(last.id).all<StateRow>()).results;
  }
  return { rows, takedowns: new Set(((takedowns?.results ?? []) as { slug: string }[]).map((r) => r.slug)) };
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

/**
 * Marks the lists `slugs` are in for renumbering from their entries' positions: a list's mark keeps the lowest
 * position marked in the batch (or none: a mark from an older run renumbers the whole list).
 */
const markLists = (db: D1Database, slugs: string[]) =>
  forSlugs(
    db,
    (
      p,
    ) => `INSERT INTO dirty_lists (list, from_ms, from_slug) SELECT list, published_ms, slug FROM listings WHERE slug IN (${p})
ON CONFLICT (list) DO UPDATE SET from_ms = excluded.from_ms, from_slug = excluded.from_slug
WHERE dirty_lists.from_ms IS NOT NULL AND (excluded.from_ms, excluded.from_slug) < (dirty_lists.from_ms, dirty_lists.from_slug)`,
    slugs,
  );

/** Takes articles out of every list they are in, marking those lists for renumbering first. */
const leaveLists = (db: D1Database, slugs: string[]) => [
  ...markLists(db, slugs),
  ...forSlugs(db, (p) => `DELETE FROM listings WHERE slug IN (${p})`, slugs),
];

/**
 * Renumbers `seq` in every marked list from its mark up (entries below it keep theirs, the first one marked
 * follows the entry just below), then clears the marks. It ends every batch that changes a list: each batch is
 * one transaction, so a reader, or a run killed between batches, only ever sees lists numbered 1..n with
 * `total` the seq of the newest visible entry. Appending the newest articles renumbers only the new entries.
 */
const RENUMBER_MARKED = [
  // An upsert driven by the marked ranges alone: each renumbered entry is one primary-key lookup, and the lists
  // are read only from their marks up (an UPDATE joined to the ranges lets SQLite scan the whole table).
  `WITH marks AS MATERIALIZED (
  SELECT d.list, coalesce(d.from_ms, -9223372036854775808) AS from_ms, coalesce(d.from_slug, '') AS from_slug,
    coalesce((SELECT p.seq FROM listings AS p WHERE p.list = d.list AND (p.published_ms, p.slug) < (d.from_ms, d.from_slug)
      ORDER BY p.published_ms DESC, p.slug DESC LIMIT 1), 0) AS base
  FROM dirty_lists AS d
)
INSERT INTO listings (list, published_ms, slug, seq)
SELECT l.list, l.published_ms, l.slug, m.base + row_number() OVER (PARTITION BY l.list ORDER BY l.published_ms, l.slug)
FROM marks AS m CROSS JOIN listings AS l ON l.list = m.list AND (l.published_ms, l.slug) >= (m.from_ms, m.from_slug)
WHERE true
ON CONFLICT (list, published_ms, slug) DO UPDATE SET seq = excluded.seq WHERE listings.seq <> excluded.seq`,
  'DELETE FROM dirty_lists',
];
export const renumberMarked = (db: D1Database) => RENUMBER_MARKED.map((sql) => db.prepare(sql));

/** The SQL of the in-batch renumbering, for query-plan tests. */
export const RENUMBER_QUERY = RENUMBER_MARKED[0] as string;

/**
 * The statements that put a group of articles (new or changed) in place, with their tags and list entries. New
 * list entries are numbered in the same batch (see RENUMBER_MARKED). `bodies`: each article's body as stored, by
 * slug (`packBody`).
 */
function articleStatements(
  db: D1Database,
  articles: Article[],
  { updated, moved, hashOf, sections }: BatchContext,
  bodies: ReadonlyMap<string, Uint8Array>,
): D1PreparedStatement[] {
  for (const article of articles) {
    // The body's text, not its stored size: an article this large is refused before it is compressed.
    const values = articleValues(article, '', article.body);
    const size = values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length * 3 : 8), 0);
    if (size > MAX_ROW_BYTES) {
      throw new Error(`${article.file}: body: the article is ${Math.round(size / 1024)} KB, over D1's 2 MB per row`);
    }
  }
  const changed = articles.filter((a) => updated.has(a.slug)).map((a) => a.slug);
  const added = articles.filter((a) => !updated.has(a.slug)).map((a) => a.slug);
  // An edit that keeps the article's time, tags and top flag keeps its list entries: no list is renumbered.
  const relisted = articles.filter((a) => !updated.has(a.slug) || moved.has(a.slug));
  const movedSlugs = changed.filter((slug) => moved.has(slug));
  const listRows = relisted.flatMap((article) =>
    listsOf(article, sections).map((list) => [list, publishedMs(article), article.slug]),
  );
  return [
    ...multiRow(
      db,
      (rows) => `${UPSERT_ARTICLES} ${rows} ${ON_CONFLICT_UPDATE}`,
      articles.map((a) => articleValues(a, hashOf(a), bodies.get(a.slug) ?? a.body)),
      ARTICLE_WIDTH,
    ),
    ...forSlugs(db, (p) => `DELETE FROM takedowns WHERE slug IN (${p})`, added),
    ...forSlugs(db, (p) => `DELETE FROM article_tags WHERE slug IN (${p})`, changed),
    ...forSlugs(db, (p) => `DELETE FROM corrections WHERE slug IN (${p})`, changed),
    ...leaveLists(db, movedSlugs),
    ...multiRow(
      db,
      (rows) => `INSERT INTO article_tags (slug, position, tag) VALUES ${rows}`,
      articles.flatMap((a) => a.tags.map((tag, i) => [a.slug, i, tag])),
      3,
    ),
    ...multiRow(
      db,
      (rows) => `INSERT INTO corrections (slug, position, date_ms, date, text) VALUES ${rows}`,
      articles.flatMap((a) => a.corrections.map((c, i) => [a.slug, i, Date.parse(c.date), c.date, c.text])),
      5,
    ),
    ...multiRow(
      db,
      (rows) =>
        `INSERT INTO listings (list, published_ms, slug, seq) SELECT column1, column2, column3, 0 FROM (VALUES ${rows})`,
      listRows,
      3,
    ),
    ...markLists(
      db,
      relisted.map((a) => a.slug),
    ),
    ...(relisted.length > 0 ? renumberMarked(db) : []),
    // Each article's search index row, replaced in the same batch as the article (after its upsert), and its terms.
    ...indexArticles(
      db,
      articles.map((a) => ({
        slug: a.slug,
        title: a.title,
        // Readers find an article by its tags and by its writers' names, indexed with the headline.
        tags: [...a.tags, ...a.authors.map((author) => author.name)],
        text: tokensToText(lexBody(a.body)),
      })),
    ),
  ];
}

/** The statements that take articles down: they leave every list and answer 410 from now on. */
function takedownStatements(db: D1Database, slugs: string[], removedAt: string): D1PreparedStatement[] {
  return [
    ...leaveLists(db, slugs),
    ...forSlugs(db, (p) => `DELETE FROM article_tags WHERE slug IN (${p})`, slugs),
    ...forSlugs(db, (p) => `DELETE FROM corrections WHERE slug IN (${p})`, slugs),
    ...forSlugs(db, (p) => `DELETE FROM articles WHERE slug IN (${p})`, slugs),
    ...multiRow(
      db,
      (rows) => `INSERT INTO takedowns (slug, removed_at) VALUES ${rows} ON CONFLICT (slug) DO NOTHING`,
      slugs.map((slug) => [slug, removedAt]),
      2,
    ),
    ...renumberMarked(db),
  ];
}

/**
 * Renumbers the lists a run from before in-batch numbering left marked (its marks outlived the run), in one batch.
 * Costs one read when there is nothing to repair. Returns how many lists were marked.
 */
export async function renumberLists(db: D1Database): Promise<number> {
  const marked = (await db.prepare('SELECT count(*) AS n FROM dirty_lists').first<number>('n')) ?? 0;
  if (marked > 0) await db.batch(renumberMarked(db));
  return marked;
}

export type WriteProgress = (written: number, total: number) => void;

/** What every batch of a plan needs to know. */
interface BatchContext {
  updated: Set<string>;
  moved: Set<string>;
  hashOf: (article: Article) => string;
  /** The sections an article's lists are computed with (content/site.yaml). */
  sections: readonly Section[];
}

/**
 * Writes the plan in batches of articles (each article's row, tags and list entries in one batch, so a reader
 * never sees an article without its tags), then takedowns. Every batch leaves every list whole and numbered: a
 * reader sees the archive as it was before a batch or after it, and a run cut off between batches leaves a
 * consistent archive that the next run completes.
 */
export async function writePlan(
  db: D1Database,
  plan: PublishPlan,
  {
    removedAt,
    sourceHashes = new Map(),
    onProgress,
    perBatch = ARTICLES_PER_BATCH,
    sections = [],
  }: {
    removedAt: string;
    sourceHashes?: ReadonlyMap<string, string>;
    onProgress?: WriteProgress;
    /** At most this many articles (and takedowns) per batch: smaller batches are shorter transactions. */
    perBatch?: number;
    /** The site's sections: new and moved articles join the lists of theirs. */
    sections?: readonly Section[];
  },
): Promise<void> {
  const context: BatchContext = {
    updated: new Set(plan.updated.map((a) => a.slug)),
    moved: plan.moved,
    hashOf: (a) => sourceHashes.get(a.file) ?? '',
    sections,
  };
  // New articles get row ids in publication order: the search index ranks its newest candidates by id.
  const added = [...plan.added].sort((a, b) => publishedMs(a) - publishedMs(b) || (a.slug < b.slug ? -1 : 1));
  const articles = [...added, ...plan.updated];
  const total = articles.length + plan.removed.length;
  let group: Article[] = [];
  let bytes = 0;
  let written = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const bodies = new Map(await Promise.all(group.map(async (a) => [a.slug, await packBody(a.body)] as const)));
    await db.batch(articleStatements(db, group, context, bodies));
    written += group.length;
    onProgress?.(written, total);
    group = [];
    bytes = 0;
  };
  for (const article of articles) {
    // The row, and about three copies of its text in the search index.
    const size = article.body.length * 6 + 2_000;
    if (group.length > 0 && (bytes + size > MAX_BATCH_BYTES || group.length >= perBatch)) await flush();
    group.push(article);
    bytes += size;
  }
  await flush();
  const takedowns = Math.min(perBatch, TAKEDOWNS_PER_BATCH);
  for (let i = 0; i < plan.removed.length; i += takedowns) {
    await db.batch(takedownStatements(db, plan.removed.slice(i, i + takedowns), removedAt));
    written += Math.min(takedowns, plan.removed.length - i);
    onProgress?.(written, total);
  }
}
