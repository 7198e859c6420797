/**
 * What every page's chrome reads from D1, in one round trip: the sections (nav bar), the newest top articles
 * (the top-news band, and the front page's lead and top stories) and the newest breaking article.
 */

import type { Section } from '../content/sections.ts';
import type { ArticleMeta } from '../content/types.ts';
import { type ListResult, listResult, listStatement, type PageRow } from './lists.ts';
import type { D1Reader } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

/** How long a breaking article leads the "عاجل" bar after its time. */
export const BREAKING_WINDOW_MS = 6 * 3_600_000;
/** How many of the newest breaking articles the chrome reads. */
const BREAKING_READ = 5;

export interface ChromeRead {
  /** In nav order. */
  sections: Section[];
  /** The newest top articles, newest first. */
  top: ListResult;
  /**
   * What the "عاجل" bar shows: a breaking article whose live coverage is open (the newest such), else the newest
   * breaking article published within BREAKING_WINDOW_MS before now, or null.
   */
  breaking: ArticleMeta | null;
  /** The bar's article is live now. */
  breakingLive: boolean;
  /**
   * When what was read changes by the clock alone (the bar's article expires, a scheduled breaking article
   * appears), or null: whatever shows it must be rebuilt by then.
   */
  changesAt: number | null;
}

interface SectionRow {
  slug: string;
  name: string;
  tags: string;
}

const SECTIONS_SQL = 'SELECT slug, name, tags FROM sections ORDER BY position';

/** Reads the chrome: one D1 round trip (a batch of three reads). `topLimit`: how many top articles. */
export async function readChrome(db: D1Reader, now: number, topLimit: number): Promise<ChromeRead> {
  const topQuery = { top: true, limit: topLimit };
  // A few: an open live coverage among them leads the bar even when newer breaking articles follow it.
  const breakingQuery = { breaking: true as const, limit: BREAKING_READ };
  const [sections, top, breaking] = await withTimeLimit('chrome', () =>
    db.batch<SectionRow | PageRow>([
      db.prepare(SECTIONS_SQL),
      listStatement(db, topQuery, now),
      listStatement(db, breakingQuery, now),
    ]),
  );
  const newest = listResult(breakingQuery, (breaking?.results ?? []) as PageRow[]);
  const liveEnd = (a: ArticleMeta) =>
    a.live ? (a.live.end === null ? Number.POSITIVE_INFINITY : Date.parse(a.live.end)) : 0;
  const live = newest.items.find((a) => liveEnd(a) > now) ?? null;
  const candidate = newest.items[0] ?? null;
  const expiresAt = candidate ? Date.parse(candidate.publishedAt) + BREAKING_WINDOW_MS : null;
  const shown = live ?? (expiresAt !== null && expiresAt > now ? candidate : null);
  const shownUntil = live ? liveEnd(live) : shown ? expiresAt : null;
  const topResult = listResult(topQuery, (top?.results ?? []) as PageRow[]);
  const moments = [shownUntil, newest.nextScheduledMs, topResult.nextScheduledMs].filter(
    (t): t is number => t !== null && Number.isFinite(t),
  );
  return {
    sections: ((sections?.results ?? []) as SectionRow[]).map((r) => ({
      slug: r.slug,
      name: r.name,
      tags: JSON.parse(r.tags) as string[],
    })),
    top: topResult,
    breaking: shown,
    breakingLive: live !== null,
    changesAt: moments.length > 0 ? Math.min(...moments) : null,
  };
}
