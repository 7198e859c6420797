/** Builds the Hono app from its dependencies: Hono's middleware configured for the site, routes, 404 and errors. */
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './deps.ts';
import { API_CORS } from './http/headers.ts';
import { ampPolicy, securityHeaders } from './http/security.ts';
import { Hono } from './lib/hono.ts';
import { BodyLimitError } from './markdown/limits.ts';
import { SITE_CSS } from './render/styles.ts';
import { articleApiRoutes } from './routes/articles-api.ts';
import { authorRoutes } from './routes/authors.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { internalError, lastResortError, methodNotAllowed, notFoundPage, unavailablePage } from './routes/errors.tsx';
import { feedRoutes } from './routes/feeds.ts';
import { listRoutes } from './routes/lists.tsx';
import { mediaRoutes } from './routes/media.ts';
import { pageRoutes } from './routes/pages.tsx';
import { purgeRoutes } from './routes/purge.ts';
import { searchRoutes } from './routes/search.tsx';
import { sitemapRoutes } from './routes/sitemaps.ts';
import { weatherRoutes } from './routes/weather-api.ts';
import { StoreUnavailable } from './store/unavailable.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Registered first, so it runs last: AMP pages replace the page policy with their own.
  app.use('/articles/:slug/amp', ampPolicy());
  app.use(securityHeaders({ inlineStyles: [SITE_CSS] }));
  app.use('/api/*', cors(API_CORS));
  app.route('/', pageRoutes(deps));
  app.route('/', listRoutes(deps));
  app.route('/', authorRoutes(deps));
  app.route('/', correctionRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', sitemapRoutes(deps));
  app.route('/', weatherRoutes(deps));
  app.route('/', articleApiRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', mediaRoutes());
  app.route('/', purgeRoutes(deps));
  // Every route but POST /_purge is a GET (Hono answers HEAD from it): anything else matches no route and is a 405.
  app.notFound((c) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? notFoundPage(c, deps) : methodNotAllowed(c, deps),
  );
  app.onError(async (error, c) => {
    try {
      return await errorAnswer(error, c, deps);
    } catch (failure) {
      console.error('the error answer failed too', c.req.method, c.req.path, failure);
      return lastResortError(c);
    }
  });
  return app;
}

/** The answer for an error a route let through: a 503 when the archive is unreachable, else a logged 500. */
function errorAnswer(error: Error, c: Context<AppEnv>, deps: AppDeps): Response | Promise<Response> {
  // Hono's middleware (bearer-auth) answers a refused request by throwing its answer.
  if (error instanceof HTTPException) return error.getResponse();
  if (error instanceof StoreUnavailable) {
    console.error('archive unavailable', c.req.method, c.req.path, error.message);
    return unavailablePage(c, deps);
  }
  if (error instanceof BodyLimitError) {
    // Content that reached D1 without the content check: refused before marked could burn the CPU limit.
    console.error('article body over the render limits', c.req.path, `line ${error.line ?? '?'}: ${error.message}`);
  } else console.error('unhandled error', c.req.method, c.req.path, error);
  return internalError(c, deps);
}
