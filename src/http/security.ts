/** Middleware: security headers on every response, including errors and 304s. */
import type { MiddlewareHandler } from 'hono';
import { pagePolicy, SECURITY_HEADERS } from './headers.ts';

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // Routes with their own policy (AMP) set it; everything else gets the strict page policy.
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', await pagePolicy());
  };
}
