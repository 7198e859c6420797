/** Reading writers from D1: one writer's page data, and all of them for the index (a few dozen rows). */

import type { Author } from '../content/types.ts';
import type { D1Reader } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

/** A writer as D1 holds them, with the version that names what their page shows. */
export interface AuthorRecord extends Omit<Author, 'file'> {
  version: string;
}

interface AuthorRow {
  slug: string;
  name: string;
  role: string | null;
  photo: string | null;
  links: string;
  bio: string;
  version: string;
}

const COLUMNS = 'slug, name, role, photo, links, bio, version';

const fromRow = (row: AuthorRow): AuthorRecord => ({
  slug: row.slug,
  name: row.name,
  role: row.role,
  photo: row.photo === null ? null : (JSON.parse(row.photo) as Author['photo']),
  links: JSON.parse(row.links) as string[],
  bio: row.bio,
  version: row.version,
});

/** One writer by slug, or null. One round trip. */
export async function readAuthor(db: D1Reader, slug: string): Promise<AuthorRecord | null> {
  const row = await withTimeLimit('author', () =>
    db.prepare(`SELECT ${COLUMNS} FROM authors WHERE slug = ?1`).bind(slug).first<AuthorRow>(),
  );
  return row ? fromRow(row) : null;
}

/** Every writer, by name. One round trip. */
export async function readAuthors(db: D1Reader): Promise<AuthorRecord[]> {
  const { results } = await withTimeLimit('authors', () =>
    db.prepare(`SELECT ${COLUMNS} FROM authors ORDER BY name, slug`).all<AuthorRow>(),
  );
  return results.map(fromRow);
}
