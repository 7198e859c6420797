/**
 * The measurements behind two choices in src/http, as a micro-benchmark in Node of one 17 KB page (the size of an
 * article page) served by a Hono app. Prints the median time per request of each variant.
 * - conditional.ts is not hono/etag: Hono's etag middleware (SHA-1 of the body on every request) against our
 *   precomputed strong ETag, for a 200 and a 304.
 * - security.ts builds secureHeaders with a plain-string CSP that overwrites: against the per-request CSP callback
 *   with `overwrite: false` and X-Powered-By removal it replaced.
 *
 *   node --experimental-strip-types --no-warnings scripts/middleware-microbench.ts
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { Bench } from 'tinybench';
import { sendCached } from '../src/http/conditional.ts';
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

// The site's security headers (src/http/security.ts), configured both ways.
const styleHash = `'sha256-${'x'.repeat(43)}='`;
const policy = (styleSrc: (string | (() => string))[]) => ({
  defaultSrc: ["'none'"],
  styleSrc,
  imgSrc: ["'self'", 'https:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
});
const site = {
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  xContentTypeOptions: true,
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], browsingTopics: [] } as Record<string, string[]>,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};
const callbackCsp = new Hono()
  .use(secureHeaders({ contentSecurityPolicy: policy([() => styleHash]), ...site, overwrite: false }))
  .get('/', send);
const stringCsp = new Hono()
  .use(secureHeaders({ contentSecurityPolicy: policy([styleHash]), ...site, removePoweredBy: false }))
  .get('/', send);

const bench = new Bench({ time: 1000, warmup: true });
bench
  .add('hono/etag, 200', async () => void (await (await hono.request('/')).arrayBuffer()))
  .add('precomputed, 200', async () => void (await (await ours.request('/')).arrayBuffer()))
  .add('hono/etag, 304', async () => void (await hono.request('/', { headers: { 'If-None-Match': honoTag } })))
  .add('precomputed, 304', async () => void (await ours.request('/', { headers: { 'If-None-Match': ourTag } })))
  .add('no security headers', async () => void (await (await ours.request('/')).arrayBuffer()))
  .add('CSP callback, no overwrite', async () => void (await (await callbackCsp.request('/')).arrayBuffer()))
  .add('CSP string, overwrite', async () => void (await (await stringCsp.request('/')).arrayBuffer()));
await bench.run();
console.log(`page ${page.length} bytes`);
for (const task of bench.tasks) {
  const median = task.result && 'latency' in task.result ? task.result.latency.p50 : Number.NaN;
  console.log(`${task.name.padEnd(28)} ${((median ?? Number.NaN) * 1000).toFixed(1)} µs per request (median)`);
}
