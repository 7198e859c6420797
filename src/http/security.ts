/** Middleware: the security headers every response carries, including errors and 304s (hono/secure-headers). */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

interface SecurityOptions {
  /** The inline stylesheets pages carry: the page CSP allows exactly these, by hash, and no other style. */
  inlineStyles: readonly string[];
}

/** Hono's defaults we do not send: the site sends the same set of headers as before it used this middleware. */
const NOT_SENT = {
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  // Nothing sets X-Powered-By, so deleting it from every response would be a wasted header operation.
  removePoweredBy: false,
} satisfies Partial<SecureHeadersOptions>;

/**
 * HSTS, nosniff, referrer policy, no framing, no powerful features, and a CSP for HTML pages that allows no
 * script at all.
 *
 * Built on the first request, when the style hashes are known (WebCrypto is asynchronous, so not at startup), so
 * that the policy is a plain string: with a per-request CSP callback, secureHeaders copies and joins the policy
 * on every response. The headers overwrite (Hono's default) instead of checking for each one first, and AMP
 * pages get their policy from `ampPolicy` instead of a route header this would have to keep. The callback,
 * `overwrite: false` and X-Powered-By removal cost more per request than this configuration:
 * scripts/middleware-microbench.ts measures both.
 */
export function securityHeaders({ inlineStyles }: SecurityOptions): MiddlewareHandler {
  let middleware: MiddlewareHandler | undefined;
  let making: Promise<MiddlewareHandler> | undefined;
  const first: MiddlewareHandler = async (c, next) => {
    making ??= Promise.all(inlineStyles.map(sha256Base64)).then((hashes) =>
      secureHeaders(siteSecurity(hashes.map((h) => `'sha256-${h}'`))),
    );
    middleware = await making;
    return middleware(c, next);
  };
  return (c, next) => (middleware ?? first)(c, next);
}

/** The site's secureHeaders configuration, for the given style sources (exported for the micro-benchmark). */
export function siteSecurity(styleSrc: NonNullable<SecureHeadersOptions['contentSecurityPolicy']>['styleSrc']) {
  return {
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc,
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
    ...NOT_SENT,
  } satisfies SecureHeadersOptions;
}

/**
 * The CSP of AMP pages, which load the AMP runtime: only its scripts; AMP injects its own styles at run time.
 * Registered around `securityHeaders` on the AMP routes, so it replaces the page policy after that one is set.
 */
export function ampPolicy(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ['https://cdn.ampproject.org/'],
      styleSrc: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'https:'],
      connectSrc: ['https://cdn.ampproject.org/'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
    ...NOT_SENT,
    strictTransportSecurity: false,
    xContentTypeOptions: false,
    referrerPolicy: false,
    xFrameOptions: false,
  });
}

const encoder = new TextEncoder();

/** Base64 SHA-256 of a text's UTF-8 bytes, as CSP hash sources write it. */
async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}
