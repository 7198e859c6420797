/** Answers a request for a stored media file from R2: conditional, ranged, cached forever when content-hashed. */

import { isContentHashedKey } from '../media/keys.ts';
import type { RasterType } from '../media/types.ts';
import { matchesEtag } from './conditional.ts';
import { ERROR_CACHE } from './headers.ts';
import { parseRange } from './range.ts';

/** Content-hashed files never change: a year, and browsers need not revalidate. */
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Anything else in the bucket (not written by the publisher) may change. */
const MUTABLE_CACHE = 'public, max-age=300';

/** The only types served: we store rasters. SVG in particular is never served from our origin (it can script). */
const SERVED_TYPES: ReadonlySet<string> = new Set<RasterType>(['image/avif', 'image/webp', 'image/jpeg', 'image/png']);

/** Printable key characters, no empty, `.` or `..` segment, at most 512 characters. */
const SAFE_KEY = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export interface MediaRequest {
  method: 'GET' | 'HEAD';
  key: string;
  headers: Headers;
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });

const notFound = () => text(404, 'Not found\n', { 'Cache-Control': ERROR_CACHE });

/** Headers every successful answer carries, from the stored object. */
function objectHeaders(object: R2Object, key: string): Headers {
  const headers = new Headers({
    'Content-Type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    ETag: object.httpEtag,
    'Last-Modified': object.uploaded.toUTCString(),
    'Cache-Control': isContentHashedKey(key) ? IMMUTABLE_CACHE : MUTABLE_CACHE,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  });
  return headers;
}

/** The object's answer, or null when it must not be served (unknown or non-raster type). */
function servable(object: R2Object | null): object is R2Object {
  if (!object) return false;
  const type = object.httpMetadata?.contentType;
  if (type && SERVED_TYPES.has(type)) return true;
  console.warn('media: refusing to serve', object.key, 'stored as', type ?? 'no content type');
  return false;
}

/** True when an If-Range validator allows the range: it must be our strong ETag (dates are not strong enough). */
const ifRangeAllows = (ifRange: string | null, etag: string) => ifRange === null || ifRange.trim() === etag;

async function answer(bucket: R2Bucket, { method, key, headers: request }: MediaRequest): Promise<Response> {
  if (key.length > 512 || !SAFE_KEY.test(key)) return notFound();
  const ifNoneMatch = request.get('If-None-Match');
  const range = method === 'GET' ? request.get('Range') : null;

  // The common case, a plain GET: one R2 read.
  if (method === 'GET' && ifNoneMatch === null && range === null) {
    const object = await bucket.get(key);
    if (!servable(object)) return notFound();
    const headers = objectHeaders(object, key);
    headers.set('Content-Length', String(object.size));
    return new Response((object as R2ObjectBody).body, { status: 200, headers });
  }

  // HEAD, revalidation or a range: metadata first, then the bytes only if needed.
  const meta = await bucket.head(key);
  if (!servable(meta)) return notFound();
  const headers = objectHeaders(meta, key);
  if (matchesEtag(ifNoneMatch ?? undefined, meta.httpEtag)) return new Response(null, { status: 304, headers });

  const wanted = ifRangeAllows(request.get('If-Range'), meta.httpEtag)
    ? parseRange(range ?? undefined, meta.size)
    : null;
  if (wanted === 'unsatisfiable') {
    return text(416, 'Range not satisfiable\n', {
      'Content-Range': `bytes */${meta.size}`,
      'Cache-Control': 'no-store',
    });
  }
  if (method === 'HEAD') {
    headers.set('Content-Length', String(meta.size));
    return new Response(null, { status: 200, headers });
  }
  const length = wanted ? wanted.end - wanted.start + 1 : meta.size;
  const object = await bucket.get(key, wanted ? { range: { offset: wanted.start, length } } : {});
  if (!object || !('body' in object)) return notFound();
  headers.set('Content-Length', String(length));
  if (!wanted) return new Response(object.body, { status: 200, headers });
  headers.set('Content-Range', `bytes ${wanted.start}-${wanted.end}/${meta.size}`);
  return new Response(object.body, { status: 206, headers });
}

/**
 * Serves `key` from the bucket. Unknown keys and anything not stored as a raster image are 404; an R2 failure is
 * a 503 with Retry-After, so clients and caches try again rather than keep an error.
 */
export async function serveMedia(bucket: R2Bucket, request: MediaRequest): Promise<Response> {
  try {
    return await answer(bucket, request);
  } catch (error) {
    console.error('media: R2 read failed', request.key, error);
    return text(503, 'Temporarily unavailable\n', { 'Retry-After': '10', 'Cache-Control': 'no-store' });
  }
}
