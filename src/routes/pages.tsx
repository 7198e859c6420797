/** HTML pages: the front page and article pages. Each page is rendered once per isolate, then only the temperature changes. */
import { Hono } from 'hono';
import { MAX_SLUG_LENGTH, normalizeSlug } from '../content/slug.ts';
import type { Article } from '../content/types.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { HTML_TYPE, PAGE_CACHE } from '../http/headers.ts';
import { fnv1a64 } from '../lib/hash.ts';
import { Lru } from '../lib/lru.ts';
import { absoluteUrl, articlePath } from '../paths.ts';
import { ArticlePage } from '../render/article-page.tsx';
import { articleBody } from '../render/body-cache.ts';
import { fillTemplate, type PageTemplate, renderTemplate, TEMPERATURE_SLOT } from '../render/document.ts';
import { HomePage } from '../render/home-page.tsx';
import type { NewsLink } from '../render/layout.tsx';
import { notFoundPage } from './errors.tsx';
import { temperatureHtml } from './header.ts';

const HOME_LIMIT = 20;
const TOP_LIMIT = 5;

const templates = new Lru<string, PageTemplate>(256);

async function topNews(deps: AppDeps): Promise<{ links: NewsLink[]; key: string }> {
  const { items } = await deps.store.listArticles({ limit: TOP_LIMIT, top: true });
  return {
    links: items.map((a) => ({ title: a.title, url: articlePath(a.slug) })),
    key: items.map((a) => a.version).join(','),
  };
}

/** Fills the template's temperature slot for this request and sends it with an ETag covering both parts. */
async function sendPage(
  c: Parameters<typeof temperatureHtml>[0],
  deps: AppDeps,
  template: PageTemplate,
): Promise<Response> {
  const temperature = await temperatureHtml(c, deps);
  return sendCached(c, {
    body: fillTemplate(template, temperature),
    etag: `${template.hash}-${fnv1a64(temperature)}`,
    contentType: HTML_TYPE,
    cacheControl: PAGE_CACHE,
  });
}

export function pageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const siteUrl = c.env.SITE_URL;
    const [{ items }, top] = await Promise.all([deps.store.listArticles({ limit: HOME_LIMIT }), topNews(deps)]);
    const key = `home|${siteUrl}|${top.key}|${items.map((a) => a.version).join(',')}`;
    const template = templates.getOrSet(key, () =>
      renderTemplate(
        <HomePage
          latest={items.map((article) => ({ article, url: articlePath(article.slug) }))}
          canonicalUrl={absoluteUrl(siteUrl, '/')}
          topNews={top.links}
          temperature={TEMPERATURE_SLOT}
        />,
      ),
    );
    return sendPage(c, deps, template);
  });

  app.get('/articles/:slug', async (c) => {
    const article = await findArticle(deps, c.req.param('slug'));
    if (!article) return notFoundPage(c, deps);
    const siteUrl = c.env.SITE_URL;
    const top = await topNews(deps);
    const template = templates.getOrSet(`article|${siteUrl}|${top.key}|${article.version}`, () => {
      const path = articlePath(article.slug);
      return renderTemplate(
        <ArticlePage
          article={article}
          bodyHtml={articleBody(article, 'html')}
          canonicalUrl={absoluteUrl(siteUrl, path)}
          currentPath={path}
          topNews={top.links}
          temperature={TEMPERATURE_SLOT}
        />,
      );
    });
    return sendPage(c, deps, template);
  });

  return app;
}

/** Looks up a slug from a URL (already percent-decoded by the router). Over-long or odd slugs simply match nothing. */
export async function findArticle(deps: AppDeps, slug: string): Promise<Article | null> {
  if (slug.length > MAX_SLUG_LENGTH * 4) return null;
  return deps.store.getArticle(normalizeSlug(slug));
}
