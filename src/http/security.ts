/** Middleware: the security headers every response carries, including errors and 304s (hono/secure-headers). */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

interface SecurityOptions {
  /** The inline stylesheets pages carry: the page CSP allows exactly these, by hash, and no other style. */
  inlineStyles: readonly string[];
}

/**
 * HSTS, nosniff, referrer policy, no framing, no powerful features, and a CSP for HTML pages that allows no
 * script at all. A route with its own policy (AMP pages) sets Content-Security-Policy itself and keeps it.
 */
export function securityHeaders({ inlineStyles }: SecurityOptions): MiddlewareHandler {
  // Hashed once, on the first request (WebCrypto is asynchronous, so not at startup); secureHeaders then reads it.
  let hashing: Promise<string> | undefined;
  let styleSources = '';
  const styleSrc = () => styleSources;
  const headers = secureHeaders({
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
  return async function securityHeaders(c, next) {
    if (!styleSources) {
      hashing ??= Promise.all(inlineStyles.map(sha256Base64)).then((all) => all.map((h) => `'sha256-${h}'`).join(' '));
      styleSources = await hashing;
    }
    return headers(c, next);
  };
}

const encoder = new TextEncoder();

/** Base64 SHA-256 of a text's UTF-8 bytes, as CSP hash sources write it. */
async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}
