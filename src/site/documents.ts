/**
 * Generated documents (feeds, sitemaps, JSON): encoded and hashed once. Feeds and sitemaps are kept per path for a
 * minute (the last copy is served when D1 fails); null is a document that does not exist (404).
 */
import type { EncodedBody } from '../cache/isolate.ts';
import { hash64 } from '../lib/hash.ts';
import type { SiteRequest } from './request.ts';

const encoder = new TextEncoder();

/** A document's bytes and strong ETag. */
export function encodeDocument(text: string): EncodedBody {
  return { bytes: encoder.encode(text) as Uint8Array<ArrayBuffer>, etag: hash64(text) };
}

/** A JSON answer, encoded and hashed once. */
export const encodeJson = (value: unknown): EncodedBody => encodeDocument(JSON.stringify(value));

const NONE: EncodedBody = { bytes: new Uint8Array() as Uint8Array<ArrayBuffer>, etag: '' };

/** The document at `path`, built by `make` at most once per minute per isolate; null when `make` says there is none. */
export async function documentAt(
  req: SiteRequest,
  path: string,
  tags: readonly string[],
  make: () => Promise<string | null>,
): Promise<EncodedBody | null> {
  const body = await req.caches.documents.read(`${req.siteUrl}|${path}`, req.now, async () => {
    const text = await make();
    return text === null ? NONE : { ...encodeDocument(text), tags: [...tags] };
  });
  return body.etag === '' ? null : body;
}
