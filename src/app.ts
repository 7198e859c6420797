/** Builds the Hono app from its dependencies: Hono's middleware configured for the site, routes, 404 and errors. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from './deps.ts';
import { API_CORS } from './http/headers.ts';
import { readOnly } from './http/methods.ts';
import { securityHeaders } from './http/security.ts';
import { SITE_CSS } from './render/styles.ts';
import { articleApiRoutes } from './routes/articles-api.ts';
import { internalError, methodNotAllowed, notFoundPage } from './routes/errors.tsx';
import { pageRoutes } from './routes/pages.tsx';
import { weatherRoutes } from './routes/weather-api.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders({ inlineStyles: [SITE_CSS] }));
  app.use('/api/*', cors(API_CORS));
  app.use(readOnly<AppEnv>((c) => methodNotAllowed(c, deps)));
  app.route('/', pageRoutes(deps));
  app.route('/', weatherRoutes(deps));
  app.route('/', articleApiRoutes(deps));
  app.notFound((c) => notFoundPage(c, deps));
  app.onError((error, c) => {
    console.error('unhandled error', c.req.method, c.req.path, error);
    return internalError(c, deps);
  });
  return app;
}
