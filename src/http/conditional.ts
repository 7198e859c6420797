/** Sends a body with a strong ETag, answering 304 when the client already has it. */
import type { Context } from 'hono';

export interface CachedBody {
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

export function sendCached(c: Context, { body, etag, contentType, cacheControl, headers = {} }: CachedBody): Response {
  const quoted = `"${etag}"`;
  const common = { ETag: quoted, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding', ...headers };
  if (matchesEtag(c.req.header('If-None-Match'), quoted)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(body, { status: 200, headers: { 'Content-Type': contentType, ...common } });
}
