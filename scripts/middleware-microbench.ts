/**
 * The measurements behind two choices in src/http, as a micro-benchmark in Node of one 17 KB page (the size of an
 * article page) served by a Hono app. Each pair runs in alternating rounds (bench/measure.ts), so both sides see the
 * same machine; prints the median time per request of each and their ratio.
 * - conditional.ts is not hono/etag: Hono's etag middleware hashing the body (SHA-1, what it does when the handler
 *   sets no ETag) against our precomputed strong ETag, for a 200 and a 304.
 * - security.ts builds secureHeaders with a plain-string CSP that overwrites: against the per-request CSP callback
 *   with `overwrite: false` and X-Powered-By removal it replaced.
 *
 *   node --experimental-strip-types --no-warnings scripts/middleware-microbench.ts
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { ms, sideBySide } from '../bench/measure.ts';
import { sendCached } from '../src/http/conditional.ts';
import { siteSecurity } from '../src/http/security.ts';
import { hashBytes } from '../src/lib/hash.ts';

const page = new TextEncoder().encode(`<!DOCTYPE html>${'<p>قلق أميركا وحلفائها إزاء قمة كيم بوتين</p>'.repeat(200)}`);
const precomputed = hashBytes(page);
const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=60' };
const send = (c: Parameters<typeof sendCached>[0]) =>
  sendCached(c, {
    body: page.slice(),
    etag: precomputed,
    contentType: headers['Content-Type'],
    cacheControl: headers['Cache-Control'],
  });

const hono = new Hono().use(etag()).get('/', (c) => c.body(page.slice(), 200, headers));
const ours = new Hono().get('/', send);
const honoTag = (await hono.request('/')).headers.get('ETag') ?? '';
const ourTag = (await ours.request('/')).headers.get('ETag') ?? '';

// The site's security headers (src/http/security.ts), as configured and as they were before.
const styleHash = `'sha256-${'x'.repeat(43)}='`;
const callbackCsp = new Hono()
  .use(secureHeaders({ ...siteSecurity([() => styleHash]), overwrite: false, removePoweredBy: true }))
  .get('/', send);
const stringCsp = new Hono().use(secureHeaders(siteSecurity([styleHash]))).get('/', send);

const get = (app: Hono, headers?: Record<string, string>) => async () =>
  void (await (await app.request('/', { headers })).arrayBuffer());
const pairs: [string, () => Promise<void>, string, () => Promise<void>][] = [
  ['hono/etag, 200', get(hono), 'precomputed, 200', get(ours)],
  [
    'hono/etag, 304',
    get(hono, { 'If-None-Match': honoTag }),
    'precomputed, 304',
    get(ours, { 'If-None-Match': ourTag }),
  ],
  ['CSP callback, no overwrite', get(callbackCsp), 'CSP string, overwrite', get(stringCsp)],
];
console.log(`page ${page.length} bytes`);
for (const [nameA, a, nameB, b] of pairs) {
  const result = await sideBySide(a, b, { rounds: 9, iterations: 2000 });
  console.log(`${nameA}: ${ms(result.a)} vs ${nameB}: ${ms(result.b)} → ${result.ratio.toFixed(2)}×`);
}
