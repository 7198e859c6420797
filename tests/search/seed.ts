/** Writes corpus articles into the test D1: minimal `articles` rows plus their search rows, as the publisher would. */
import { upsertSearchRow } from '../../src/search/statements.ts';
import type { CorpusArticle } from './corpus.ts';

const INSERT_ARTICLE = `INSERT INTO articles
  (id, slug, file, title, published_at, published_ms, updated_at, summary, author, source, image, tags, top,
   reading_minutes, body, body_images, version)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?7, 'المحرر', NULL, NULL, '[]', 0, 1, ?8, '{}', 'v1')`;

/** Inserts the articles with ids 1, 2, … in the given order, each with its index row, in one batch. */
export async function seed(db: D1Database, articles: readonly CorpusArticle[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const statements: D1PreparedStatement[] = [];
  articles.forEach((a, i) => {
    const id = i + 1;
    ids.set(a.slug, id);
    statements.push(
      db
        .prepare(INSERT_ARTICLE)
        .bind(
          id,
          a.slug,
          `content/${a.slug}.md`,
          a.title,
          a.publishedAt,
          Date.parse(a.publishedAt),
          a.text.slice(0, 100),
          a.text,
        ),
      upsertSearchRow(db, { id, title: a.title, text: a.text }),
    );
  });
  await db.batch(statements);
  return ids;
}
