/**
 * Writes content/site.yaml's sections to D1: the `sections` rows (nav order, names, tags) and each section's list
 * in `listings`, gathered from its tags' lists. Only what changed is written, in one batch (one transaction): a
 * reader sees the old sections or the new ones, each list whole and numbered.
 */
import type { Section } from '../content/sections.ts';
import { listName, TAG_LIST_PREFIX } from '../store/list-names.ts';
import { renumberMarked } from './write.ts';

interface SectionRow {
  slug: string;
  name: string;
  position: number;
  tags: string;
}

/** What a run changed: sections whose list was rebuilt (new, or other tags) or dropped, and whether any row changed. */
export interface SectionsWritten {
  rebuilt: string[];
  removed: string[];
  changed: boolean;
}

/** Writes `sections` (in nav order) over what D1 holds. */
export async function publishSections(db: D1Database, sections: readonly Section[]): Promise<SectionsWritten> {
  const { results } = await db.prepare('SELECT slug, name, position, tags FROM sections').all<SectionRow>();
  const stored = new Map(results.map((row) => [row.slug, row]));
  const rows = sections.map((s, position) => ({ slug: s.slug, name: s.name, position, tags: JSON.stringify(s.tags) }));
  const rebuilt = rows.filter((row) => stored.get(row.slug)?.tags !== row.tags).map((row) => row.slug);
  const removed = [...stored.keys()].filter((slug) => !rows.some((row) => row.slug === slug));
  const changed =
    rebuilt.length > 0 ||
    removed.length > 0 ||
    rows.some((row) => {
      const before = stored.get(row.slug);
      return before?.name !== row.name || before.position !== row.position;
    });
  if (!changed) return { rebuilt, removed, changed };

  const statements: D1PreparedStatement[] = [
    db.prepare('DELETE FROM sections'),
    ...rows.map((row) =>
      db
        .prepare('INSERT INTO sections (slug, name, position, tags) VALUES (?1, ?2, ?3, ?4)')
        .bind(row.slug, row.name, row.position, row.tags),
    ),
    ...removed.map((slug) => db.prepare('DELETE FROM listings WHERE list = ?1').bind(listName({ section: slug }))),
  ];
  for (const slug of rebuilt) {
    const list = listName({ section: slug });
    const tags = rows.find((row) => row.slug === slug)?.tags ?? '[]';
    statements.push(
      db.prepare('DELETE FROM listings WHERE list = ?1').bind(list),
      // The union of the section's tag lists (an article with two of its tags once), numbered below.
      db
        .prepare(
          `INSERT INTO listings (list, published_ms, slug, seq)
SELECT DISTINCT ?1, published_ms, slug, 0 FROM listings WHERE list IN (SELECT ?2 || value FROM json_each(?3))`,
        )
        .bind(list, TAG_LIST_PREFIX, tags),
      // A mark without a start: the whole list is numbered.
      db
        .prepare(
          'INSERT INTO dirty_lists (list) VALUES (?1) ON CONFLICT (list) DO UPDATE SET from_ms = NULL, from_slug = NULL',
        )
        .bind(list),
    );
  }
  await db.batch([...statements, ...renumberMarked(db)]);
  return { rebuilt, removed, changed };
}
