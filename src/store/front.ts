/**
 * What the front page reads besides the chrome, in one round trip: the newest articles ("آخر الأخبار") and the
 * newest articles of every section, each an index range of its list.
 */

import type { ArticleMeta } from '../content/types.ts';
import { newestFirst } from './articles.ts';
import { listName } from './list-names.ts';
import { type ListResult, listResult, listStatement, type PageRow } from './lists.ts';
import { META_COLUMNS, type MetaRow, metaFromRow } from './rows.ts';
import type { D1Reader } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

export interface FrontRead {
  latest: ListResult;
  /** Each section's newest articles, newest first, by slug. */
  blocks: Map<string, ArticleMeta[]>;
}

/**
 * The newest `perSection` entries of each section's list, in one statement: a short index range per section,
 * whatever the size of the section (a UNION ALL of one bounded range each, like related articles).
 */
export function sectionBlocksSql(sections: number): string {
  return Array.from(
    { length: sections },
    (_, i) => `SELECT ?${i + 3} AS section, ${META_COLUMNS} FROM (SELECT slug FROM listings
  WHERE list = ?${i + 3} AND published_ms <= ?1 ORDER BY published_ms DESC, slug DESC LIMIT ?2) AS p
JOIN articles AS a ON a.slug = p.slug`,
  ).join('\nUNION ALL\n');
}

/** Reads the front page's lists: one D1 round trip. `sections`: slugs, in nav order (at most 97). */
export async function readFront(
  db: D1Reader,
  now: number,
  { sections, latest, perSection }: { sections: readonly string[]; latest: number; perSection: number },
): Promise<FrontRead> {
  const latestQuery = { limit: latest };
  const statements = [listStatement(db, latestQuery, now)];
  if (sections.length > 0) {
    statements.push(
      db
        .prepare(sectionBlocksSql(sections.length))
        .bind(now, perSection, ...sections.map((slug) => listName({ section: slug }))),
    );
  }
  const [list, blockRows] = await withTimeLimit('front page', () =>
    db.batch<PageRow | (MetaRow & { section: string })>(statements),
  );
  const blocks = new Map<string, ArticleMeta[]>(sections.map((slug) => [slug, []]));
  for (const row of (blockRows?.results ?? []) as (MetaRow & { section: string })[]) {
    blocks.get(row.section.slice(listName({ section: '' }).length))?.push(metaFromRow(row));
  }
  for (const articles of blocks.values()) articles.sort(newestFirst);
  return { latest: listResult(latestQuery, (list?.results ?? []) as PageRow[]), blocks };
}
