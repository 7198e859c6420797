/** Finds the article a URL names: found (and published by now), taken down, or nothing. */

import { MAX_SLUG_LENGTH, normalizeSlug } from '../content/slug.ts';
import type { Article, ArticleMeta } from '../content/types.ts';
import type { Archive } from './archive.ts';

export type FoundArticle =
  | { kind: 'found'; article: Article; related: ArticleMeta[] }
  | { kind: 'gone' }
  | { kind: 'missing'; confirmedAt?: number };

/**
 * Looks up a slug from a URL (already percent-decoded by the router), in any normalization form. An article
 * scheduled for later is missing until its minute; over-long or odd slugs simply match nothing.
 */
export async function findArticle(archive: Archive, slug: string, now: number): Promise<FoundArticle> {
  if (slug.length > MAX_SLUG_LENGTH * 4) return { kind: 'missing' };
  const lookup = await archive.article(normalizeSlug(slug));
  if (lookup.kind !== 'found') return lookup;
  if (lookup.publishedMs > now) return { kind: 'missing' };
  return { kind: 'found', article: lookup.article, related: lookup.related };
}
