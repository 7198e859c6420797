import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { matchesEtag, sendCached } from '../../src/http/conditional.ts';

const BODY = 'قلق أميركا وحلفائها';
const ETAG = '0123456789abcdef';
const QUOTED = `"${ETAG}"`;

const app = new Hono().get('/page', (c) =>
  sendCached(c, {
    body: BODY,
    etag: ETAG,
    contentType: 'text/html; charset=utf-8',
    cacheControl: 'public, max-age=60',
    headers: { 'Access-Control-Allow-Origin': '*' },
  }),
);
const get = (ifNoneMatch?: string) =>
  app.request('/page', ifNoneMatch === undefined ? {} : { headers: { 'If-None-Match': ifNoneMatch } });

describe('sendCached', () => {
  it('sends the body with a strong quoted ETag, caching rules and Vary', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(BODY);
    expect(res.headers.get('ETag')).toBe(QUOTED);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it.each([
    ['its own ETag', QUOTED],
    ['its ETag marked weak', `W/${QUOTED}`],
    ['a list holding its ETag', `"aaaa", ${QUOTED} ,"bbbb"`],
    ['*', '*'],
  ])('answers 304 without a body to a client holding %s', async (_, ifNoneMatch) => {
    const res = await get(ifNoneMatch);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    // A 304 carries what the 200 would have, so caches can update their copy.
    expect(res.headers.get('ETag')).toBe(QUOTED);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Content-Type')).toBeNull();
  });

  it.each([
    ['another ETag', '"fedcba9876543210"'],
    ['the ETag unquoted', ETAG],
    ['the ETag with a suffix', `"${ETAG}x"`],
    ['an empty header', ''],
  ])('sends the whole body to a client holding %s', async (_, ifNoneMatch) => {
    const res = await get(ifNoneMatch);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(BODY);
  });
});

describe('matchesEtag', () => {
  it('matches exactly, weakly, in lists and for *', () => {
    expect(matchesEtag(QUOTED, QUOTED)).toBe(true);
    expect(matchesEtag(`W/${QUOTED}`, QUOTED)).toBe(true);
    expect(matchesEtag(` "x",${QUOTED}`, QUOTED)).toBe(true);
    expect(matchesEtag('*', QUOTED)).toBe(true);
    expect(matchesEtag(undefined, QUOTED)).toBe(false);
    expect(matchesEtag('"x", "y"', QUOTED)).toBe(false);
    expect(matchesEtag('W/"x"', QUOTED)).toBe(false);
  });
});
