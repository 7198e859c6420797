/** Reading the latest corrections across the archive (newest first), with the articles they correct. */
import type { D1Reader } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

export interface CorrectionEntry {
  /** ISO time with the Beirut offset. */
  date: string;
  /** Inline markdown. */
  text: string;
  slug: string;
  title: string;
}

// The corrections index walked newest first; each joined to its visible article by primary key.
const CORRECTIONS_SQL = `SELECT c.date, c.text, a.slug, a.title FROM corrections AS c
JOIN articles AS a ON a.slug = c.slug
WHERE c.date_ms <= ?1 AND a.published_ms <= ?1
ORDER BY c.date_ms DESC, c.slug DESC, c.position DESC LIMIT ?2 OFFSET ?3`;

/** `limit` corrections from `offset` (one more is read, to know whether a page follows). One round trip. */
export async function readCorrections(
  db: D1Reader,
  now: number,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ items: CorrectionEntry[]; hasMore: boolean }> {
  const { results } = await withTimeLimit('corrections', () =>
    db
      .prepare(CORRECTIONS_SQL)
      .bind(now, limit + 1, offset)
      .all<CorrectionEntry>(),
  );
  return { items: results.slice(0, limit), hasMore: results.length > limit };
}

/** The SQL, for query-plan tests. */
export const CORRECTIONS_QUERY = CORRECTIONS_SQL;
