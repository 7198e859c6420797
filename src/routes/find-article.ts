/** Finds the article a URL names. */
import { MAX_SLUG_LENGTH, normalizeSlug } from '../content/slug.ts';
import type { Article } from '../content/types.ts';
import type { AppDeps } from '../deps.ts';

/** Looks up a slug from a URL (already percent-decoded by the router). Over-long or odd slugs simply match nothing. */
export async function findArticle(deps: AppDeps, slug: string): Promise<Article | null> {
  if (slug.length > MAX_SLUG_LENGTH * 4) return null;
  return deps.store.getArticle(normalizeSlug(slug));
}
