/**
 * Sends a body with a strong ETag, answering 304 when the client already has it.
 *
 * Not hono/etag: our pages and JSON carry a validator computed once per isolate with their bytes. Given a
 * handler that sets the ETag, hono/etag (4.12) hashes nothing, but it decides on the 304 only after the handler has
 * built the 200 response, and its 304 keeps only its list of retained headers, dropping Cache-Tag. Without an ETag
 * set it hashes every body (SHA-1); scripts/middleware-microbench.ts measures that against this.
 */
import type { Context } from 'hono';

interface CachedBody {
  body: string | Uint8Array<ArrayBuffer>;
  /** Strong validator without quotes; must change whenever the body's bytes change. */
  etag: string;
  contentType: string;
  cacheControl: string;
  headers?: Record<string, string>;
}

/** True when an If-None-Match header lists this ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** 200 with the body, or 304 when If-None-Match holds its ETag; either way with the validator and caching rules. */
export function sendCached(c: Context, { body, etag, contentType, cacheControl, headers = {} }: CachedBody): Response {
  const quoted = `"${etag}"`;
  const common = { ETag: quoted, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding', ...headers };
  if (matchesEtag(c.req.header('If-None-Match'), quoted)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(body, { status: 200, headers: { 'Content-Type': contentType, ...common } });
}
