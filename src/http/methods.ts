/**
 * Middleware: the site is read-only, so any method but GET and HEAD is answered by `reject` (a 405) before
 * routing. CORS preflight (OPTIONS) on the API is answered earlier, by hono/cors.
 *
 * Not Hono's `methodNotAllowed`: it runs the route chain first and turns a 404 into a 405 only on paths that
 * have a route, so `POST /nope` would render a 404 page and then answer 404; this answers every write with a
 * 405 without rendering anything else.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';

export function readOnly<E extends Env>(reject: (c: Context<E>) => Response | Promise<Response>): MiddlewareHandler<E> {
  return async function readOnly(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return reject(c);
  };
}
