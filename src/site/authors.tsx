/**
 * Writers' pages: one writer's (photo, name, role, bio, links, then their articles newest first, 20 a page, one
 * index range of 'a:<slug>') and every writer's (/authors). An unknown writer, or a page past the last, is missing.
 */
import { AUTHORS_PATH, absoluteUrl, authorListPath } from '../paths.ts';
import { AuthorPage, AuthorsPage } from '../render/author-page.tsx';
import { type PageTemplate, renderTemplate } from '../render/document.ts';
import type { AuthorPageData, AuthorPhoto, AuthorsPageData } from '../render/page-data.ts';
import type { AuthorRecord } from '../store/authors.ts';
import { chromeOf } from './chrome.ts';
import { LIST_LIMIT } from './lists.tsx';
import { bioHtml } from './markup.ts';
import { type Missing, pageAt, rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { AUTHORS_TAG, articleTags, authorTag, chromeTags } from './tags.ts';
import { authorLink, teasersOf } from './teasers.ts';
import { viewKey } from './view-key.ts';

/** A writer's photo as pages show it: its R2 variants, with their name as the alt text. */
const photoOf = (author: AuthorRecord): AuthorPhoto =>
  author.photo?.media ? { ...author.photo.media, alt: author.name } : null;

/** Page `page` of a writer's page, or missing. */
export function authorPage(req: SiteRequest, slug: string, page: number): Promise<PageTemplate | Missing> {
  const path = authorListPath(slug, page);
  return pageAt(req, path, async () => {
    const [chrome, author, list] = await Promise.all([
      req.archive.chrome(),
      req.archive.author(slug),
      req.archive.list({ limit: LIST_LIMIT, page, author: slug }),
    ]);
    if (!author || (list.items.length === 0 && page > 1)) return { missing: 404, tags: [authorTag(slug)] };
    const shown = {
      chrome: chromeOf(chrome),
      author: { ...authorLink(author), photo: photoOf(author), links: author.links, version: author.version },
      page,
      teasers: teasersOf(req, list.items),
      hasOlder: list.hasMore,
      canonicalUrl: absoluteUrl(req.siteUrl, path),
    };
    const tags = [authorTag(slug), ...articleTags(list.items), ...chromeTags(chrome)];
    return rendered(req, viewKey('author', shown), tags, async () => {
      const { version, ...rest } = shown.author;
      const data: AuthorPageData = {
        ...shown,
        author: { ...rest, bioHtml: await bioHtml(req.caches, author.bio, version) },
      };
      return renderTemplate(<AuthorPage {...data} />);
    });
  });
}

/** Every writer, by name. */
export function authorsPage(req: SiteRequest): Promise<PageTemplate | Missing> {
  return pageAt(req, AUTHORS_PATH, async () => {
    const [chrome, authors] = await Promise.all([req.archive.chrome(), req.archive.authors()]);
    const data: AuthorsPageData = {
      chrome: chromeOf(chrome),
      authors: authors.map((a) => ({ ...authorLink(a), photo: photoOf(a) })),
      canonicalUrl: absoluteUrl(req.siteUrl, AUTHORS_PATH),
    };
    return rendered(req, viewKey('authors', data), [AUTHORS_TAG, ...chromeTags(chrome)], () =>
      renderTemplate(<AuthorsPage {...data} />),
    );
  });
}
