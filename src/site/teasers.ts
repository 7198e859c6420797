/** Articles as lists show them: headline links, and the "مباشر" badge while a live coverage is open. */
import type { ArticleMeta } from '../content/types.ts';
import { articlePath, authorPath } from '../paths.ts';
import type { AuthorLink, Teaser } from '../render/page-data.ts';
import type { SiteRequest } from './request.ts';

/**
 * Whether an article's live coverage is open at the request's time. A page that shows the badge is rebuilt at the
 * coverage's end: the moment is noted with the archive, so the template is not kept past it.
 */
export function liveNow(req: SiteRequest, article: Pick<ArticleMeta, 'live'>): boolean {
  const { live } = article;
  if (!live) return false;
  if (live.end === null) return true;
  const end = Date.parse(live.end);
  req.archive.changesAt(end);
  return end > req.now;
}

/** An article as a list shows it. */
export const teaserOf = (req: SiteRequest, article: ArticleMeta): Teaser => ({
  article,
  url: articlePath(article.slug),
  ...(liveNow(req, article) ? { live: true } : {}),
});

/** Articles as a list shows them. */
export const teasersOf = (req: SiteRequest, articles: readonly ArticleMeta[]): Teaser[] =>
  articles.map((article) => teaserOf(req, article));

/** A writer as bylines and pages link them. */
export const authorLink = (author: { slug: string; name: string; role: string | null }): AuthorLink => ({
  slug: author.slug,
  name: author.name,
  role: author.role,
  url: authorPath(author.slug),
});
