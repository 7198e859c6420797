/** Writers: /authors (every writer), /authors/<slug> and /page/N (their page and articles), their RSS feed. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { parsePage } from '../http/params.ts';
import { Hono } from '../lib/hono.ts';
import { authorListPath } from '../paths.ts';
import { authorPage, authorsPage } from '../site/authors.tsx';
import { authorRss } from '../site/feeds.ts';
import { answerDocument, answerPage, siteOf } from './answer.ts';
import { notFoundPage } from './errors.tsx';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';

async function writer(c: Context<AppEnv>, deps: AppDeps, rawPage?: string) {
  const slug = c.req.param('slug') ?? '';
  const page = rawPage === undefined ? 1 : parsePage(rawPage);
  if (page === null) return notFoundPage(c, deps);
  // One URL per page: page 1 is the writer's own page.
  if (rawPage !== undefined && page === 1) return c.redirect(authorListPath(slug), 301);
  return answerPage(c, deps, await authorPage(siteOf(c, deps), slug, page));
}

export function authorRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/authors', async (c) => answerPage(c, deps, await authorsPage(siteOf(c, deps))));
  app.get('/authors/:slug', (c) => writer(c, deps));
  app.get('/authors/:slug/page/:page', (c) => writer(c, deps, c.req.param('page')));
  app.get('/authors/:slug/feed.xml', async (c) =>
    answerDocument(c, deps, RSS_TYPE, await authorRss(siteOf(c, deps), c.req.path, c.req.param('slug'))),
  );
  return app;
}
