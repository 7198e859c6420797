/**
 * HTML and AMP pages: the front page, article pages and their AMP versions. Each page is rendered once per
 * isolate into a template; per request only the temperature is filled in.
 */
import { type Context, Hono } from 'hono';
import type { Article } from '../content/types.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { AMP_POLICY, HTML_TYPE, PAGE_CACHE } from '../http/headers.ts';
import { Lru } from '../lib/lru.ts';
import { absoluteUrl, articlePath, articleUrls } from '../paths.ts';
import { renderAmpDocument } from '../render/amp-page.tsx';
import { ArticlePage } from '../render/article-page.tsx';
import { articleBody } from '../render/body-cache.ts';
import type { NewsLink } from '../render/chrome.tsx';
import { type PageTemplate, renderTemplate, TEMPERATURE_SLOT, templateFromHtml } from '../render/document.ts';
import { HomePage } from '../render/home-page.tsx';
import { notFoundPage } from './errors.tsx';
import { findArticle } from './find-article.ts';
import { filledPage } from './header.ts';

const HOME_LIMIT = 20;
const TOP_LIMIT = 5;

const templates = new Lru<string, PageTemplate>(64);
const articleTemplates = new Lru<string, Promise<PageTemplate>>(256);

async function topNews(deps: AppDeps): Promise<{ links: NewsLink[]; key: string }> {
  const { items } = await deps.store.listArticles({ limit: TOP_LIMIT, top: true });
  return {
    links: items.map((a) => ({ title: a.title, url: articlePath(a.slug) })),
    key: items.map((a) => a.version).join(','),
  };
}

/** Fills the template's temperature slot for this request and sends it with an ETag covering both parts. */
async function sendPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  template: PageTemplate,
  headers?: Record<string, string>,
): Promise<Response> {
  const { body, etag } = await filledPage(c, deps, template);
  return sendCached(c, {
    body,
    etag,
    contentType: HTML_TYPE,
    cacheControl: PAGE_CACHE,
    ...(headers ? { headers } : {}),
  });
}

type ArticleFlavor = 'html' | 'amp';

/** Renders an article page of either flavor into a template (once per article version and isolate). */
const renderArticle: Record<
  ArticleFlavor,
  (article: Article, siteUrl: string, topNews: NewsLink[]) => Promise<PageTemplate>
> = {
  html: async (article, siteUrl, topNews) =>
    renderTemplate(
      <ArticlePage
        article={article}
        bodyHtml={await articleBody(article, 'html')}
        urls={articleUrls(siteUrl, article)}
        currentPath={articlePath(article.slug)}
        topNews={topNews}
        temperature={TEMPERATURE_SLOT}
      />,
    ),
  amp: async (article, siteUrl, topNews) =>
    templateFromHtml(
      renderAmpDocument({
        article,
        bodyAmp: await articleBody(article, 'amp'),
        urls: articleUrls(siteUrl, article),
        topNews,
        temperature: TEMPERATURE_SLOT,
      }),
    ),
};

async function articlePage(c: Context<AppEnv>, deps: AppDeps, flavor: ArticleFlavor, slug: string): Promise<Response> {
  const article = await findArticle(deps, slug);
  if (!article) return notFoundPage(c, deps);
  const siteUrl = c.env.SITE_URL;
  const top = await topNews(deps);
  const template = await articleTemplates.getOrSetAsync(`${flavor}|${siteUrl}|${top.key}|${article.version}`, () =>
    renderArticle[flavor](article, siteUrl, top.links),
  );
  // AMP pages load the AMP runtime: they get their own policy.
  return sendPage(c, deps, template, flavor === 'amp' ? { 'Content-Security-Policy': AMP_POLICY } : undefined);
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

  app.get('/articles/:slug', (c) => articlePage(c, deps, 'html', c.req.param('slug')));
  app.get('/articles/:slug/amp', (c) => articlePage(c, deps, 'amp', c.req.param('slug')));

  return app;
}
