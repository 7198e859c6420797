/** Middleware: the site is read-only, so anything but GET/HEAD (and CORS preflight on the API) gets 405 with Allow. */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { apiError, errorPage, isApi } from '../routes/errors.tsx';

export function readOnly(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function readOnly(c, next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    if (isApi(c.req.path)) {
      if (method === 'OPTIONS') {
        return new Response(null, {
          status: 204,
          headers: {
            Allow: 'GET, HEAD, OPTIONS',
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
            'Access-Control-Allow-Headers': 'If-None-Match',
            'Access-Control-Max-Age': '86400',
          },
        });
      }
      return apiError(c, 405, 'method_not_allowed', `${method} is not allowed; use GET or HEAD`, {
        Allow: 'GET, HEAD, OPTIONS',
      });
    }
    return errorPage(c, deps, 405, { Allow: 'GET, HEAD' });
  };
}
