/**
 * /media/* through the app, over real local R2 (wrangler's platform proxy, in a temporary folder). In Node, so that
 * the mutation run (`npm run test:mutation`) can run it over src/http/serve-media.ts and range.ts. The proxy is
 * imported and started in beforeAll, so a run that filters out every test here (most mutants) does not pay for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { memoryD1, nodeBindings } from './support/bindings.ts';

let env: Env;
let site: ReturnType<typeof testApp>;
let close = async () => {};
afterAll(() => close());

const HASHED = 'img/0123456789abcdef/800.webp';
const CARD = 'card/fedcba9876543210.jpg';
const LOOSE = 'misc/old-upload.png';
const SVG = 'img/0123456789abcdef/evil.svg';
const UNTYPED = 'img/0123456789abcdef/untyped.jpg';
/** 1000 distinct-enough bytes, so ranges can be checked byte for byte. */
const BYTES = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);

beforeAll(async () => {
  // Imported here: wrangler's platform proxy is a heavy import.
  const { temporaryR2 } = await import('./support/node-app.ts');
  const local = await temporaryR2();
  close = local.close;
  env = nodeBindings({ DB: await memoryD1(), MEDIA: local.media });
  site = testApp({ bindings: env, articles: [] });
  await env.MEDIA.put(HASHED, BYTES, { httpMetadata: { contentType: 'image/webp' } });
  await env.MEDIA.put(CARD, BYTES.slice(0, 10), { httpMetadata: { contentType: 'image/jpeg' } });
  await env.MEDIA.put(LOOSE, BYTES.slice(0, 10), { httpMetadata: { contentType: 'image/png' } });
  await env.MEDIA.put(SVG, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', {
    httpMetadata: { contentType: 'image/svg+xml' },
  });
  await env.MEDIA.put(UNTYPED, BYTES.slice(0, 10));
});

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('GET /media/:key', () => {
  it('serves a stored variant with its type, length, a strong ETag and a year of immutable caching', async () => {
    const res = await site.request(`/media/${HASHED}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(res.headers.get('Content-Length')).toBe('1000');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]+"$/);
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await bytesOf(res)).toEqual(BYTES);
  });

  it('caches share cards forever too, but not keys the publisher did not name after their content', async () => {
    expect((await site.request(`/media/${CARD}`)).headers.get('Cache-Control')).toContain('immutable');
    const loose = await site.request(`/media/${LOOSE}`);
    expect(loose.status).toBe(200);
    expect(loose.headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('answers 304 without a body when the client already has it', async () => {
    const etag = (await site.request(`/media/${HASHED}`)).headers.get('ETag') as string;
    const res = await site.request(`/media/${HASHED}`, { headers: { 'If-None-Match': `"other", ${etag}` } });
    expect(res.status).toBe(304);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    expect(await res.text()).toBe('');
  });

  it('sends the whole file when If-None-Match names another version', async () => {
    const res = await site.request(`/media/${HASHED}`, { headers: { 'If-None-Match': '"stale"' } });
    expect(res.status).toBe(200);
    expect(await bytesOf(res)).toEqual(BYTES);
  });

  it('is 404 for an unknown key, and for a key that tries to climb out', async () => {
    for (const path of ['/media/img/0123456789abcdef/1600.webp', '/media/', '/media/img/../secret', '/media/a//b']) {
      const res = await site.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type'), path).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('Cache-Control'), path).toBe('public, max-age=30, s-maxage=60');
    }
  });

  it('refuses keys the publisher never writes without reading R2: too long, odd characters', async () => {
    let reads = 0;
    const counted = {
      get: (...args: Parameters<R2Bucket['get']>) => {
        reads++;
        return env.MEDIA.get(...args);
      },
      head: (key: string) => {
        reads++;
        return env.MEDIA.head(key);
      },
    } as unknown as R2Bucket;
    const guarded = testApp({ bindings: env, articles: [], env: { MEDIA: counted } });
    for (const key of [`img/${'a'.repeat(510)}.jpg`, 'img/a%20b.jpg', 'img/a~b.jpg']) {
      for (const init of [{}, { method: 'HEAD' }]) {
        expect((await guarded.request(`/media/${key}`, init)).status, key).toBe(404);
      }
    }
    expect(reads).toBe(0);
    expect((await guarded.request(`/media/${HASHED}`)).status).toBe(200);
    expect(reads).toBe(1);
  });

  it('never serves SVG (it can run script on our origin), nor a file stored without a type', async () => {
    const svg = await site.request(`/media/${SVG}`);
    expect(svg.status).toBe(404);
    expect(svg.headers.get('Content-Type')).not.toContain('svg');
    expect(await svg.text()).not.toContain('<script>');
    expect((await site.request(`/media/${UNTYPED}`)).status).toBe(404);
  });
});

describe('Range requests', () => {
  it('sends the asked bytes with 206 and Content-Range', async () => {
    const res = await site.request(`/media/${HASHED}`, { headers: { Range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe('bytes 100-199/1000');
    expect(res.headers.get('Content-Length')).toBe('100');
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(await bytesOf(res)).toEqual(BYTES.slice(100, 200));
  });

  it('understands open-ended and suffix ranges, clamping the end to the size', async () => {
    const tail = await site.request(`/media/${HASHED}`, { headers: { Range: 'bytes=990-' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('Content-Range')).toBe('bytes 990-999/1000');
    expect(await bytesOf(tail)).toEqual(BYTES.slice(990));
    const suffix = await site.request(`/media/${HASHED}`, { headers: { Range: 'bytes=-5' } });
    expect(suffix.headers.get('Content-Range')).toBe('bytes 995-999/1000');
    expect(await bytesOf(suffix)).toEqual(BYTES.slice(995));
    const past = await site.request(`/media/${HASHED}`, { headers: { Range: 'bytes=900-5000' } });
    expect(past.headers.get('Content-Range')).toBe('bytes 900-999/1000');
  });

  it('is 416 with the size when the range starts past the end', async () => {
    const res = await site.request(`/media/${HASHED}`, { headers: { Range: 'bytes=1000-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('Content-Range')).toBe('bytes */1000');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('sends the whole file for several ranges, a bad header or a stale If-Range', async () => {
    const cases: Record<string, string>[] = [
      { Range: 'bytes=0-1,5-6' },
      { Range: 'items=0-1' },
      { Range: 'bytes=9-1' },
      { Range: 'bytes=0-9', 'If-Range': '"old"' },
    ];
    for (const headers of cases) {
      const res = await site.request(`/media/${HASHED}`, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect((await bytesOf(res)).length).toBe(1000);
    }
  });
});

describe('HEAD /media/:key', () => {
  it('gives the headers of GET without a body', async () => {
    const res = await site.request(`/media/${HASHED}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(res.headers.get('Content-Length')).toBe('1000');
    expect(res.headers.get('ETag')).toMatch(/^"/);
    expect(await res.text()).toBe('');
    expect((await site.request('/media/img/0123456789abcdef/none.jpg', { method: 'HEAD' })).status).toBe(404);
  });
});

describe('when R2 fails', () => {
  it('answers 503 with Retry-After, not 500', async () => {
    const broken = {
      get: async () => {
        throw new Error('R2 is down');
      },
      head: async () => {
        throw new Error('R2 is down');
      },
    } as unknown as R2Bucket;
    const down = testApp({ bindings: env, articles: [], env: { MEDIA: broken } });
    for (const init of [{}, { method: 'HEAD' }, { headers: { Range: 'bytes=0-1' } }]) {
      const res = await down.request(`/media/${HASHED}`, init);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
  });
});

describe('answers that are not the file', () => {
  it('are short plain text a person can read, never sniffed as something else', async () => {
    const cases: [string, RequestInit, number, string][] = [
      [`/media/img/0123456789abcdef/none.jpg`, {}, 404, 'Not found'],
      [`/media/${HASHED}`, { headers: { Range: 'bytes=1000-' } }, 416, 'Range not satisfiable'],
    ];
    for (const [path, init, status, words] of cases) {
      const res = await site.request(path, init);
      expect(res.status).toBe(status);
      expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect((await res.text()).trim()).toBe(words);
    }
    const broken = { head: async () => Promise.reject(new Error('down')) } as unknown as R2Bucket;
    const down = await testApp({ bindings: env, articles: [], env: { MEDIA: broken } }).request(`/media/${HASHED}`, {
      method: 'HEAD',
    });
    expect(down.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
  });
});

describe('If-Range', () => {
  it('honours the range when it names the current version, spaces around it or not', async () => {
    const etag = (await site.request(`/media/${HASHED}`, { method: 'HEAD' })).headers.get('ETag') ?? '';
    for (const ifRange of [etag, ` ${etag} `]) {
      const res = await site.request(`/media/${HASHED}`, { headers: { Range: 'bytes=0-9', 'If-Range': ifRange } });
      expect(res.status, ifRange).toBe(206);
      expect(await bytesOf(res)).toEqual(BYTES.slice(0, 10));
    }
  });

  it("leaves HEAD whole: a Range header on HEAD gives the whole file's headers", async () => {
    const res = await site.request(`/media/${HASHED}`, { method: 'HEAD', headers: { Range: 'bytes=0-9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe('1000');
    expect(res.headers.get('Content-Range')).toBeNull();
  });
});

describe('methods', () => {
  it('refuses writes', async () => {
    const res = await site.request(`/media/${HASHED}`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(405);
  });
});
