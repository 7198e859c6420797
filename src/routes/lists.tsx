/**
 * Pages of lists: the front page's archive (/page/N), tag pages (/tags/<tag>, /tags/<tag>/page/N) and section
 * pages (/sections/<slug>, /sections/<slug>/page/N). Page 1 has no number: /page/1 and …/page/1 redirect to it.
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { parsePage } from '../http/params.ts';
import { Hono } from '../lib/hono.ts';
import { type ListTarget, listPage, targetPath } from '../site/lists.tsx';
import { tagFromUrl } from '../site/url-values.ts';
import { answerPage, siteOf } from './answer.ts';
import { notFoundPage } from './errors.tsx';

/** Page `rawPage` (from the URL; absent is 1) of a list, a redirect for page 1 written out, or a 404. */
async function listAnswer(c: Context<AppEnv>, deps: AppDeps, target: ListTarget | null, rawPage?: string) {
  const page = rawPage === undefined ? 1 : parsePage(rawPage);
  if (target === null || page === null) return notFoundPage(c, deps);
  // One URL per page: page 1 is the list's own page.
  if (rawPage !== undefined && page === 1) return c.redirect(targetPath(target, 1), 301);
  return answerPage(c, deps, await listPage(siteOf(c, deps), target, page));
}

const tagTarget = (raw: string): ListTarget | null => {
  const tag = tagFromUrl(raw);
  return tag === null ? null : { kind: 'tag', tag };
};

export function listRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/page/:page', (c) => listAnswer(c, deps, { kind: 'archive' }, c.req.param('page')));
  app.get('/tags/:tag', (c) => listAnswer(c, deps, tagTarget(c.req.param('tag'))));
  app.get('/tags/:tag/page/:page', (c) => listAnswer(c, deps, tagTarget(c.req.param('tag')), c.req.param('page')));
  app.get('/sections/:slug', (c) => listAnswer(c, deps, { kind: 'section', slug: c.req.param('slug') }));
  app.get('/sections/:slug/page/:page', (c) =>
    listAnswer(c, deps, { kind: 'section', slug: c.req.param('slug') }, c.req.param('page')),
  );
  return app;
}
