/** The SQL that writes the search index, as statements the publish step adds to its D1 batches. */
import { type IndexableText, searchColumns } from './index-rows.ts';

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

/** The statement that (re)indexes one article whose `articles.id` is known. */
export function upsertSearchRow(db: D1Database, article: IndexableText & { id: number }): D1PreparedStatement {
  const c = searchColumns(article);
  return db.prepare(UPSERT_SEARCH_ROW_SQL).bind(article.id, c.title, c.body, c.titleStem, c.bodyStem);
}

/** The statement that (re)indexes one article by slug; put it after the article's upsert in the same batch. */
export function upsertSearchRowBySlug(db: D1Database, article: IndexableText & { slug: string }): D1PreparedStatement {
  const c = searchColumns(article);
  return db.prepare(UPSERT_SEARCH_ROW_BY_SLUG_SQL).bind(article.slug, c.title, c.body, c.titleStem, c.bodyStem);
}

/** The statement that removes one article from the index. */
export function deleteSearchRow(db: D1Database, id: number): D1PreparedStatement {
  return db.prepare(DELETE_SEARCH_ROW_SQL).bind(id);
}
