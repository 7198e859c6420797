/** HTML and AMP pages: the front page, and article pages with their AMP versions. */
import type { AppDeps, AppEnv } from '../deps.ts';
import { Hono } from '../lib/hono.ts';
import { articlePage } from '../site/article.tsx';
import { frontPage } from '../site/front.tsx';
import { answerPage, siteOf } from './answer.ts';

export function pageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => answerPage(c, deps, await frontPage(siteOf(c, deps))));
  app.get('/articles/:slug', async (c) =>
    answerPage(c, deps, await articlePage(siteOf(c, deps), 'html', c.req.param('slug'))),
  );
  app.get('/articles/:slug/amp', async (c) =>
    answerPage(c, deps, await articlePage(siteOf(c, deps), 'amp', c.req.param('slug'))),
  );
  return app;
}
