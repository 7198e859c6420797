/** Writes corpus articles into the test D1: minimal `articles` rows plus their search rows, as the publisher would. */
import { upsertSearchRow } from '../../src/search/statements.ts';
import type { CorpusArticle } from './corpus.ts';

const INSERT_ARTICLE = `INSERT INTO articles
  (id, slug, file, title, published_at, published_ms, updated_at, summary, author, source, image, tags, top,
   reading_minutes, body, body_images, version)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?7, 'المحرر', NULL, NULL, '[]', 0, 1, ?8, '{}', 'v1')`;

/** Inserts the articles with ids first, first + 1, … in order, each with its index row unless told not to. */
export async function seed(
  db: D1Database,
  articles: readonly CorpusArticle[],
  first = 1,
  { index = true } = {},
): Promise<void> {
  const statements: D1PreparedStatement[] = [];
  articles.forEach((a, i) => {
    const id = first + i;
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
    );
    if (index) statements.push(upsertSearchRow(db, { id, title: a.title, text: a.text, tags: [] }));
  });
  await db.batch(statements);
}
