/**
 * HTML and AMP pages: the front page, article pages and their AMP versions, read from the D1 archive. Each page is
 * rendered once per isolate into a template keyed by the versions of what it shows; per request only the
 * temperature is filled in.
 */
import type { Context } from 'hono';
import type { Article, ArticleMeta } from '../content/types.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { HTML_TYPE, PAGE_CACHE } from '../http/headers.ts';
import { Hono } from '../lib/hono.ts';
import { absoluteUrl, articlePath, articleUrls } from '../paths.ts';
import { renderAmpDocument } from '../render/amp-page.tsx';
import { ArticlePage } from '../render/article-page.tsx';
import type { NewsLink } from '../render/chrome.tsx';
import { type PageTemplate, renderTemplate, TEMPERATURE_SLOT, templateFromHtml } from '../render/document.ts';
import { HomePage } from '../render/home-page.tsx';
import { type Archive, openArchive } from '../store/archive.ts';
import { articleBody } from './bodies.ts';
import { gonePage, notFoundPage } from './errors.tsx';
import { findArticle } from './find-article.ts';
import { filledPage } from './temperature.ts';

/** Articles per page on the front page, its archive and tag pages. */
export const LIST_LIMIT = 20;
const TOP_LIMIT = 5;

/** The archive for this request, and the request's time. */
export function requestArchive(c: Context<AppEnv>, deps: AppDeps): { archive: Archive; now: number } {
  const now = deps.now();
  return { archive: openArchive(c.env.DB, deps.caches, now), now };
}

/** A cache key part naming exactly which versions of which articles a page shows. */
export const versionsKey = (articles: readonly ArticleMeta[]) => articles.map((a) => a.version).join(',');

/** The "أهم الأخبار" list every page shows. */
export async function topNews(archive: Archive): Promise<{ links: NewsLink[]; key: string }> {
  const { items } = await archive.list({ limit: TOP_LIMIT, top: true });
  return { links: items.map((a) => ({ title: a.title, url: articlePath(a.slug) })), key: versionsKey(items) };
}

/**
 * Sends the page at this URL. `make` reads the archive and answers the page's template, or a finished response (a
 * 404 or 410, not kept). The template is kept for the URL until one of the archive reads it was made from needs
 * reloading; until then a request costs one map lookup and the temperature fill, with no read and no key built.
 */
export async function sendPageAt(
  c: Context<AppEnv>,
  deps: AppDeps,
  make: (archive: Archive, now: number) => Promise<PageTemplate | Response>,
): Promise<Response> {
  const now = deps.now();
  const url = `${c.env.SITE_URL}|${c.req.path}`;
  const known = deps.caches.pagesByUrl.get(url);
  if (known && now < known.validUntil) return sendPage(c, deps, known.template);
  const archive = openArchive(c.env.DB, deps.caches, now);
  const made = await make(archive, now);
  if (made instanceof Response) return made;
  deps.caches.pagesByUrl.set(url, { template: made, validUntil: archive.validUntil() });
  return sendPage(c, deps, made);
}

/** Fills the template's temperature slot for this request and sends it with an ETag covering both parts. */
async function sendPage(c: Context<AppEnv>, deps: AppDeps, template: PageTemplate): Promise<Response> {
  const { body, etag } = await filledPage(c, deps, template);
  return sendCached(c, { body, etag, contentType: HTML_TYPE, cacheControl: PAGE_CACHE });
}

type ArticleFlavor = 'html' | 'amp';

interface ArticleView {
  article: Article;
  related: ArticleMeta[];
  siteUrl: string;
  topNews: NewsLink[];
}

/** Renders an article page of either flavor into a template (once per version of what it shows, per isolate). */
const renderArticle: Record<ArticleFlavor, (deps: AppDeps, view: ArticleView) => Promise<PageTemplate>> = {
  html: async (deps, { article, related, siteUrl, topNews }) =>
    renderTemplate(
      <ArticlePage
        article={article}
        related={related}
        bodyHtml={await articleBody(deps.caches, article, 'html')}
        urls={articleUrls(siteUrl, article)}
        currentPath={articlePath(article.slug)}
        topNews={topNews}
        temperature={TEMPERATURE_SLOT}
      />,
    ),
  amp: async (deps, { article, related, siteUrl, topNews }) =>
    templateFromHtml(
      renderAmpDocument({
        article,
        related,
        bodyAmp: await articleBody(deps.caches, article, 'amp'),
        urls: articleUrls(siteUrl, article),
        topNews,
        temperature: TEMPERATURE_SLOT,
      }),
    ),
};

function articlePage(c: Context<AppEnv>, deps: AppDeps, flavor: ArticleFlavor, slug: string): Promise<Response> {
  return sendPageAt(c, deps, async (archive, now) => {
    // The article and the top-news list: two D1 round trips at most, in parallel, none when the isolate has both.
    const [found, top] = await Promise.all([findArticle(archive, slug, now), topNews(archive)]);
    if (found.kind === 'gone') return gonePage(c, deps);
    if (found.kind === 'missing') return notFoundPage(c, deps);
    const { article, related } = found;
    const siteUrl = c.env.SITE_URL;
    const key = `${flavor}|${siteUrl}|${top.key}|${versionsKey(related)}|${article.slug}|${article.version}`;
    return deps.caches.pages.get(key, () =>
      renderArticle[flavor](deps, { article, related, siteUrl, topNews: top.links }),
    );
  });
}

export function pageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) =>
    sendPageAt(c, deps, async (archive) => {
      const siteUrl = c.env.SITE_URL;
      const [{ items, hasMore }, top] = await Promise.all([archive.list({ limit: LIST_LIMIT }), topNews(archive)]);
      const key = `home|${siteUrl}|${top.key}|${versionsKey(items)}|${hasMore}`;
      return deps.caches.pages.get(key, async () =>
        renderTemplate(
          <HomePage
            latest={items.map((article) => ({ article, url: articlePath(article.slug) }))}
            canonicalUrl={absoluteUrl(siteUrl, '/')}
            hasOlder={hasMore}
            topNews={top.links}
            temperature={TEMPERATURE_SLOT}
          />,
        ),
      );
    }),
  );
  app.get('/articles/:slug', (c) => articlePage(c, deps, 'html', c.req.param('slug')));
  app.get('/articles/:slug/amp', (c) => articlePage(c, deps, 'amp', c.req.param('slug')));

  return app;
}
