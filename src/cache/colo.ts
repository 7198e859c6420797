/**
 * The colo's shared cache of page templates (the Cache API's `caches.default`, shared by every isolate of a data
 * centre): a cold isolate finds a page another isolate made instead of reading D1 and rendering it again. Only
 * templates are kept (per-request slots are filled after), each until the archive reads it was made from need
 * reloading, and 404s the primary itself gave, for the rest of their minute: nothing longer than a minute. Keys
 * carry the deployed version, so a deploy that changes templates never serves an old one. Missing (workers.dev has
 * no Cache API) or failing, it is a miss, never an error.
 */
import type { PageTemplate, SlotName } from '../lib/page-template.ts';

/** What a colo cache holds for a page: its template, or that there is none (404), and until when (epoch ms). */
export type ColoEntry = { template: PageTemplate; validUntil: number } | NotFoundEntry;
export type NotFoundEntry = { missing: 404; tags: string[]; validUntil: number };

/** Which page: the deployed version (templates change with it), SITE_URL and the path. */
export interface ColoKey {
  version: string;
  siteUrl: string;
  path: string;
}

export interface ColoCache {
  /** The entry for a page, or null: a miss, an expired entry, or a cache that failed. */
  get(key: ColoKey, now: number): Promise<ColoEntry | null>;
  /** Keeps an entry until its validUntil (at most a minute); the write runs after the response. */
  put(key: ColoKey, entry: ColoEntry, now: number, waitUntil: (p: Promise<unknown>) => void): void;
}

/** The longest a colo keeps a template: the freshness the site promises. */
const MAX_AGE_MS = 60_000;
const PARTS = 'X-Template-Parts';
const SLOTS = 'X-Template-Slots';
const HASH = 'X-Template-Hash';
/** The header of a stored entry that says until when it may be served (epoch ms). */
export const VALID_UNTIL = 'X-Valid-Until';
const TAGS = 'X-Template-Tags';
const MISSING = 'X-Missing';
const SLOT_NAMES: readonly SlotName[] = ['temperature', 'date'];

/** A cache that holds nothing: where there is no Cache API. */
export const NO_COLO_CACHE: ColoCache = { get: async () => null, put: () => {} };

/** The colo cache over `cache` (null: none). A key is a URL no request can name, per version, SITE_URL and path. */
export function coloCache(cache: Cache | null): ColoCache {
  if (!cache) return NO_COLO_CACHE;
  const keyOf = ({ version, siteUrl, path }: ColoKey) =>
    new Request(`https://colo-cache.invalid/${encodeURIComponent(version)}/${encodeURIComponent(siteUrl)}${path}`);
  return {
    async get(key, now) {
      try {
        const hit = await cache.match(keyOf(key));
        if (!hit) return null;
        const entry = decode(hit.headers, new Uint8Array(await hit.arrayBuffer()));
        return entry && entry.validUntil > now ? entry : null;
      } catch (error) {
        console.warn('colo cache read failed, reading D1 instead:', error instanceof Error ? error.message : error);
        return null;
      }
    },
    put(key, entry, now, waitUntil) {
      const ttl = Math.min(entry.validUntil, now + MAX_AGE_MS) - now;
      if (ttl < 1_000) return;
      const { body, headers } = encode(entry, Math.floor(ttl / 1000));
      waitUntil(
        cache.put(keyOf(key), new Response(body, { headers })).catch((error: unknown) => {
          console.warn('colo cache write failed:', error instanceof Error ? error.message : error);
        }),
      );
    },
  };
}

/** An entry as a cached response: a template's parts back to back, their sizes and slots in headers. */
function encode(entry: ColoEntry, maxAgeSeconds: number) {
  if ('missing' in entry) {
    const headers = {
      'Cache-Control': `public, max-age=${maxAgeSeconds}`,
      [MISSING]: String(entry.missing),
      [VALID_UNTIL]: String(entry.validUntil),
      [TAGS]: entry.tags.join(','),
    };
    return { body: new Uint8Array(0), headers };
  }
  const { template, validUntil } = entry;
  const size = template.parts.reduce((n, part) => n + part.length, 0);
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of template.parts) {
    body.set(part, at);
    at += part.length;
  }
  const headers = {
    'Cache-Control': `public, max-age=${maxAgeSeconds}`,
    [PARTS]: template.parts.map((part) => part.length).join(','),
    [SLOTS]: template.slots.join(','),
    [HASH]: template.hash,
    [VALID_UNTIL]: String(validUntil),
    [TAGS]: (template.tags ?? []).join(','),
  };
  return { body, headers };
}

/** The entry a cached response holds, or null when it is not one of ours (then it is a miss). */
function decode(headers: Headers, body: Uint8Array): ColoEntry | null {
  const sizes = (headers.get(PARTS) ?? '').split(',').map(Number);
  const slots = (headers.get(SLOTS) ?? '').split(',').filter(Boolean) as SlotName[];
  const hash = headers.get(HASH);
  const validUntil = Number(headers.get(VALID_UNTIL));
  const tags = (headers.get(TAGS) ?? '').split(',').filter(Boolean);
  if (headers.get(MISSING) === '404') {
    return Number.isFinite(validUntil) && body.length === 0 ? { missing: 404, tags, validUntil } : null;
  }
  const total = sizes.reduce((n, s) => n + s, 0);
  if (
    !hash ||
    !Number.isFinite(validUntil) ||
    sizes.some((s) => !Number.isInteger(s) || s < 0) ||
    total !== body.length ||
    sizes.length !== slots.length + 1 ||
    slots.some((slot) => !SLOT_NAMES.includes(slot))
  ) {
    return null;
  }
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(body.slice(at, at + size));
    at += size;
  }
  return { template: { parts, slots, hash, tags }, validUntil };
}
