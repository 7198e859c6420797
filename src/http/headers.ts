/** Header values spelled once: content types, caching rules and the API's CORS policy. */

/** Content types, spelled one way everywhere. */
export const HTML_TYPE = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * News pages, feeds, sitemaps and their JSON for apps and partners: no cache, browser or shared (Workers Cache, a
 * proxy), keeps them past a minute, so a correction or a take-down reaches every reader within the 60 s the site
 * promises, purge or not (a purge after a publish only makes it sooner). A shared cache may serve a stale copy
 * while we fail (stale-if-error), never while we answer.
 */
export const PAGE_CACHE = 'public, max-age=60, s-maxage=60, stale-if-error=600';
/** The temperature for apps: it changes every 10 minutes, so shared caches keep it no longer than browsers. */
export const WEATHER_CACHE = 'public, max-age=60, s-maxage=60';
/** Search results and the search API: a minute in any cache, never long (new articles must become findable). */
export const SEARCH_CACHE = 'public, max-age=60';
/** Error pages: short, so a newly published article is not hidden behind a cached 404. */
export const ERROR_CACHE = 'public, max-age=30, s-maxage=60';
/** Answers that must never be reused: failures on our side. */
export const NO_STORE = 'no-store';

/** CORS for the JSON API: any origin may read it; only reads, revalidated with If-None-Match. */
export const API_CORS: {
  origin: string;
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
} = {
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match'],
  /** A web app keeping its own copy can read the ETag to send it back as If-None-Match. */
  exposeHeaders: ['ETag'],
  /** Browsers may cache a preflight answer for a day. */
  maxAge: 86_400,
};
