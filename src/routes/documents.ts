/** Sending generated documents (feeds, sitemaps, robots.txt): encoded and hashed once, then ETag/304 per request. */
import type { Context } from 'hono';
import type { EncodedBody } from '../cache/isolate.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { PAGE_CACHE } from '../http/headers.ts';
import { hash64 } from '../lib/hash.ts';

const encoder = new TextEncoder();

/** A document's bytes and strong ETag. */
export function encodeDocument(text: string): EncodedBody {
  return { bytes: encoder.encode(text) as Uint8Array<ArrayBuffer>, etag: hash64(text) };
}

/**
 * Sends the document at this path, built by `make` at most once per minute per isolate (the last copy is served
 * when D1 fails), with the pages' cache headers.
 */
export async function sendDocument(
  c: Context<AppEnv>,
  deps: AppDeps,
  contentType: string,
  make: (now: number) => Promise<string | null>,
  onMissing: () => Response | Promise<Response>,
): Promise<Response> {
  const now = deps.now();
  const key = `${c.env.SITE_URL}|${c.req.path}`;
  const missing = { bytes: new Uint8Array() as Uint8Array<ArrayBuffer>, etag: '' };
  const body = await deps.caches.documents.read(key, now, async () => {
    const text = await make(now);
    return text === null ? missing : encodeDocument(text);
  });
  if (body.etag === '') return onMissing();
  return sendCached(c, { body: body.bytes, etag: body.etag, contentType, cacheControl: PAGE_CACHE });
}
