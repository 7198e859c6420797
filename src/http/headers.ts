/** Response headers shared by every route: security policy and caching rules. */
import { SITE_CSS } from '../render/styles.ts';

/** Content types, spelled one way everywhere. */
export const HTML_TYPE = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** News pages: browsers recheck within a minute, shared caches keep 5 minutes and may serve stale while refreshing. */
export const PAGE_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
/** JSON for apps and partners: same freshness as pages. */
export const API_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
/** Search results and the search API: a minute in any cache, never long (new articles must become findable). */
export const SEARCH_CACHE = 'public, max-age=60';
/** Error pages: short, so a newly published article is not hidden behind a cached 404. */
export const ERROR_CACHE = 'public, max-age=30, s-maxage=60';

let styleHash: Promise<string> | undefined;

/** base64 SHA-256 of the inline stylesheet, for the CSP (computed once per isolate). */
function inlineStyleHash(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(SITE_CSS)).then((buf) => {
    let bin = '';
    for (const byte of new Uint8Array(buf)) bin += String.fromCharCode(byte);
    return btoa(bin);
  });
  return styleHash;
}

/** CSP for HTML pages: no script at all, only our own inline stylesheet (by hash), images from us or https. */
export async function pagePolicy(): Promise<string> {
  return [
    "default-src 'none'",
    `style-src 'sha256-${await inlineStyleHash()}'`,
    "img-src 'self' https:",
    // Same-origin fetches only; there is no script to make them, but tools such as Lighthouse read robots.txt this way.
    "connect-src 'self'",
    "base-uri 'none'",
    // The search box submits to /search.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** CSP for AMP pages: only the AMP runtime's scripts; AMP injects its own styles at run time. */
export const AMP_POLICY = [
  "default-src 'none'",
  'script-src https://cdn.ampproject.org/',
  "style-src 'unsafe-inline'",
  "img-src 'self' https:",
  'connect-src https://cdn.ampproject.org/',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries, whatever its route or status. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
