/** The SQL that writes the search index, as statements the publish step adds to its D1 batches. */
import { type IndexableText, type SearchColumns, searchColumns } from './index-rows.ts';
import { MIN_PREFIX, TERM_KIND } from './query.ts';

/** Replaces (or creates) an article's index row by its id: ?1 id, ?2 title, ?3 body, ?4 title_stem, ?5 body_stem. */
const UPSERT_SEARCH_ROW_SQL =
  'INSERT OR REPLACE INTO article_search (rowid, title, body, title_stem, body_stem) VALUES (?1, ?2, ?3, ?4, ?5)';

/**
 * The same by slug, for a batch that has just inserted the article and does not know its id: ?1 slug, then as
 * above. Writes nothing when no article has that slug.
 */
const UPSERT_SEARCH_ROW_BY_SLUG_SQL =
  'INSERT OR REPLACE INTO article_search (rowid, title, body, title_stem, body_stem) ' +
  'SELECT id, ?2, ?3, ?4, ?5 FROM articles WHERE slug = ?1';

/** Removes an article's index row: ?1 id. (Deleting the `articles` row does this too, through a trigger.) */
const DELETE_SEARCH_ROW_SQL = 'DELETE FROM article_search WHERE rowid = ?1';

/** Adds index writes to `search_terms` (migrations/0009): ?1 a JSON array of [kind, term, articles]. */
const COUNT_TERMS_SQL = `INSERT INTO search_terms (kind, term, docs)
SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]' FROM json_each(?1) WHERE true
ON CONFLICT (kind, term) DO UPDATE SET docs = docs + excluded.docs`;
/** Terms per counting statement: its JSON stays around 60 KB. */
const TERMS_PER_STATEMENT = 2_000;

/** The statement that (re)indexes one article whose `articles.id` is known. */
export function upsertSearchRow(db: D1Database, article: IndexableText & { id: number }): D1PreparedStatement {
  const c = searchColumns(article);
  return db.prepare(UPSERT_SEARCH_ROW_SQL).bind(article.id, c.title, c.body, c.titleStem, c.bodyStem);
}

/** The statement that (re)indexes one article by slug; put it after the article's upsert in the same batch. */
export function upsertSearchRowBySlug(db: D1Database, article: IndexableText & { slug: string }): D1PreparedStatement {
  return upsertBySlug(db, article.slug, searchColumns(article));
}

/**
 * The statements that (re)index a group of articles by slug, after their upserts in the same batch: one row each,
 * then their terms counted into `search_terms` (how many of them hold each term), which bounds prefix search.
 */
export function indexArticles(db: D1Database, articles: readonly (IndexableText & { slug: string })[]) {
  const counts = new Map<string, number>();
  const count = (kind: number, text: string) => {
    for (const term of new Set(text.split(' '))) {
      // Only a term longer than the shortest prefix can complete one.
      if (term.length <= MIN_PREFIX) continue;
      const key = `${kind} ${term}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  const rows = articles.map((article) => {
    const c = searchColumns(article);
    count(TERM_KIND.exact, `${c.title} ${c.body}`);
    count(TERM_KIND.stem, `${c.titleStem} ${c.bodyStem}`);
    return upsertBySlug(db, article.slug, c);
  });
  const entries = [...counts].map(([key, n]) => {
    const space = key.indexOf(' ');
    return [Number(key.slice(0, space)), key.slice(space + 1), n];
  });
  const terms: D1PreparedStatement[] = [];
  for (let i = 0; i < entries.length; i += TERMS_PER_STATEMENT) {
    terms.push(db.prepare(COUNT_TERMS_SQL).bind(JSON.stringify(entries.slice(i, i + TERMS_PER_STATEMENT))));
  }
  return [...rows, ...terms];
}

function upsertBySlug(db: D1Database, slug: string, c: SearchColumns): D1PreparedStatement {
  return db.prepare(UPSERT_SEARCH_ROW_BY_SLUG_SQL).bind(slug, c.title, c.body, c.titleStem, c.bodyStem);
}

/** The statement that removes one article from the index. */
export function deleteSearchRow(db: D1Database, id: number): D1PreparedStatement {
  return db.prepare(DELETE_SEARCH_ROW_SQL).bind(id);
}
