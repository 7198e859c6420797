/**
 * Writes the writers of content/authors/ to D1: a row per author (what their page shows), rewritten when its
 * version changes, deleted when their file is gone. Their articles carry their name and role, so the run must
 * rebuild the articles of an author renamed or removed (see `authorChanges`).
 */
import type { Author } from '../content/types.ts';
import { hash64 } from '../lib/hash.ts';
import { listName } from '../store/list-names.ts';

interface StoredAuthor {
  slug: string;
  name: string;
  role: string | null;
  version: string;
  /** The hash of their photo's variants in R2 (`img/<hash>/…`), when it has any. */
  photo_hash: string | null;
}

/** An author's version: changes whenever anything their page shows does. */
export const authorVersion = (author: Author) => hash64(JSON.stringify(author));

/** What D1 holds of every author. */
export async function readStoredAuthors(db: D1Database): Promise<Map<string, StoredAuthor>> {
  const { results } = await db
    .prepare("SELECT slug, name, role, version, photo ->> '$.media.hash' AS photo_hash FROM authors")
    .all<StoredAuthor>();
  return new Map(results.map((row) => [row.slug, row]));
}

/**
 * The files of published articles whose bylines change with this run's authors: those naming an author who was
 * renamed, given another role, or removed (their rebuild then names the missing author as a content problem).
 */
export async function filesOfChangedAuthors(
  db: D1Database,
  stored: ReadonlyMap<string, StoredAuthor>,
  authors: readonly Author[],
): Promise<Set<string>> {
  const current = new Map(authors.map((a) => [a.slug, a]));
  const changed = [...stored.values()]
    .filter((row) => {
      const now = current.get(row.slug);
      return !now || now.name !== row.name || now.role !== row.role;
    })
    .map((row) => listName({ author: row.slug }));
  if (changed.length === 0) return new Set();
  const { results } = await db
    .prepare(
      'SELECT a.file FROM listings AS l JOIN articles AS a ON a.slug = l.slug WHERE l.list IN (SELECT value FROM json_each(?1))',
    )
    .bind(JSON.stringify(changed))
    .all<{ file: string }>();
  return new Set(results.map((r) => r.file));
}

/** Writes new and changed authors and deletes removed ones, in one batch. Returns the slugs of both. */
export async function publishAuthors(
  db: D1Database,
  authors: readonly Author[],
  stored: ReadonlyMap<string, StoredAuthor>,
): Promise<{ written: string[]; removed: string[] }> {
  const changed = authors.filter((a) => stored.get(a.slug)?.version !== authorVersion(a));
  const removed = [...stored.keys()].filter((slug) => !authors.some((a) => a.slug === slug));
  const written = changed.map((a) => a.slug);
  if (written.length === 0 && removed.length === 0) return { written, removed };
  await db.batch([
    ...removed.map((slug) => db.prepare('DELETE FROM authors WHERE slug = ?1').bind(slug)),
    ...changed.map((a) =>
      db
        .prepare(
          `INSERT INTO authors (slug, file, name, role, photo, links, bio, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (slug) DO UPDATE SET file = excluded.file, name = excluded.name, role = excluded.role,
  photo = excluded.photo, links = excluded.links, bio = excluded.bio, version = excluded.version`,
        )
        .bind(
          a.slug,
          a.file,
          a.name,
          a.role,
          a.photo === null ? null : JSON.stringify(a.photo),
          JSON.stringify(a.links),
          a.bio,
          authorVersion(a),
        ),
    ),
  ]);
  return { written, removed };
}
