/** Middleware: the security headers every response carries, including errors and 304s (hono/secure-headers). */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { sha256Base64 } from '../lib/sha256.ts';

interface SecurityOptions {
  /** The inline stylesheets pages carry: the page CSP allows exactly these, by hash, and no other style. */
  inlineStyles: readonly string[];
}

/**
 * HSTS, nosniff, referrer policy, no framing, no powerful features, and a CSP for HTML pages that allows no
 * script at all. A route with its own policy (AMP pages) sets Content-Security-Policy itself and keeps it.
 */
export function securityHeaders({ inlineStyles }: SecurityOptions): MiddlewareHandler {
  // Hashed on the first request rather than at startup; the same for every request after it.
  let styleSources: string | undefined;
  const styleSrc = () => {
    styleSources ??= inlineStyles.map((css) => `'sha256-${sha256Base64(css)}'`).join(' ');
    return styleSources;
  };
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: [styleSrc],
      imgSrc: ["'self'", 'https:'],
      // Same-origin fetches only; there is no script to make them, but tools such as Lighthouse read robots.txt so.
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      // The header's search box submits to /search.
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xContentTypeOptions: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], browsingTopics: [] },
    // Hono's other defaults are off: the site sends the same set of headers as before it used this middleware.
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    overwrite: false,
  });
}
