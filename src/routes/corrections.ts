/** Corrections across the archive: /corrections, /corrections/page/N (newest first) and their RSS feed. */
import type { AppDeps, AppEnv } from '../deps.ts';
import { parsePage } from '../http/params.ts';
import { Hono } from '../lib/hono.ts';
import { CORRECTIONS_PATH } from '../paths.ts';
import { correctionsPage, correctionsRss } from '../site/corrections.tsx';
import { answerDocument, answerPage, siteOf } from './answer.ts';
import { notFoundPage } from './errors.tsx';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';

export function correctionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/corrections', async (c) => answerPage(c, deps, await correctionsPage(siteOf(c, deps), 1)));
  app.get('/corrections/page/:page', async (c) => {
    const page = parsePage(c.req.param('page'));
    if (page === null) return notFoundPage(c, deps);
    if (page === 1) return c.redirect(CORRECTIONS_PATH, 301);
    return answerPage(c, deps, await correctionsPage(siteOf(c, deps), page));
  });
  app.get('/corrections/feed.xml', async (c) =>
    answerDocument(c, deps, RSS_TYPE, await correctionsRss(siteOf(c, deps))),
  );
  return app;
}
