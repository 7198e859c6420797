/**
 * What every page's chrome shows by the clock, with no publish: the masthead date (Beirut, both calendars) and the
 * "عاجل" bar of a breaking article for 6 hours. And the top-news band never lists the article being read.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { beirutDay } from '../../src/render/masthead-date.tsx';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { recordingD1 } from '../helpers/d1.ts';

const story = (slug: string, date: string, extra = '') =>
  article(
    `content/${slug}.md`,
    `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: ${date}\ntop: true\n${extra}---\n\nنص ${slug}.\n`,
  );

/** The masthead's date line of a page. */
const dateline = (html: string) => /<p class="dateline">(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? null;
/** The breaking bar's link, or null. */
const breakingLink = (html: string) => /<aside class="breaking"[^>]*>[\s\S]*?<a href="([^"]+)"/.exec(html)?.[1] ?? null;

describe('the masthead date', () => {
  it('is formatted by the Workers runtime in the Levantine and the Umm al-Qura calendars, with Latin digits', () => {
    expect(beirutDay(Date.parse('2026-12-02T10:00:00Z'))).toEqual({
      iso: '2026-12-02',
      gregorian: 'الأربعاء، 2 كانون الأول 2026',
      hijri: '22 جمادى الآخرة 1448 هـ',
    });
    // Beirut is UTC+2 in winter: 22:30 UTC is already the next day there.
    expect(beirutDay(Date.parse('2026-12-02T22:30:00Z')).iso).toBe('2026-12-03');
  });

  it('turns over at midnight Beirut time with no publish and no D1 read, and the ETag changes with it', async () => {
    let clock = Date.parse('2026-12-02T21:59:30Z'); // 23:59:30 in Beirut
    const recorder = recordingD1(env.DB);
    const site = testApp({
      bindings: env,
      articles: [story('a', '2026-12-01T10:00:00')],
      env: { DB: recorder.db },
      now: () => clock,
    });
    await site.seed();
    const before = await site.request('/');
    const html = await before.text();
    expect(dateline(html)).toBe('الأربعاء، 2 كانون الأول 2026 · 22 جمادى الآخرة 1448 هـ');
    const reads = recorder.roundTrips;
    clock += 45_000; // 00:00:15 on Thursday, within the 50 s the isolate trusts what it read
    const after = await site.request('/');
    expect(dateline(await after.text())).toBe('الخميس، 3 كانون الأول 2026 · 23 جمادى الآخرة 1448 هـ');
    expect(recorder.roundTrips).toBe(reads);
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
    const revalidated = await site.request('/', { headers: { 'If-None-Match': before.headers.get('ETag') ?? '' } });
    expect(revalidated.status).toBe(200);
  });
});

describe('the breaking bar', () => {
  const T = Date.parse('2026-05-10T09:00:00Z'); // 12:00 in Beirut
  const articles = [
    story('older-breaking', '2026-05-10T11:00:00', 'breaking: true\n'),
    story('breaking', '2026-05-10T12:00:00', 'breaking: true\n'),
    story('quiet', '2026-05-10T12:30:00'),
    story('later-breaking', '2026-05-10T15:00:00', 'breaking: true\n'),
  ];

  it('shows the newest breaking article on every page for 6 hours, then leaves by itself', async () => {
    let clock = T + 3_600_000; // 13:00 Beirut
    const site = testApp({ bindings: env, articles, now: () => clock });
    for (const path of ['/', '/articles/quiet', '/articles/quiet/amp', '/search', '/no-such-page']) {
      const html = await (await site.request(path)).text();
      expect(breakingLink(html), path).toBe('/articles/breaking');
      expect(html.match(/<aside class="breaking"/g)?.length, path).toBe(1);
    }
    // 15:00: a later breaking article (scheduled) takes the bar, with no publish.
    clock = Date.parse('2026-05-10T12:00:30Z');
    expect(breakingLink(await (await site.request('/')).text())).toBe('/articles/later-breaking');
    // Six hours after 15:00, the bar is gone.
    clock = Date.parse('2026-05-10T18:00:01Z');
    expect(breakingLink(await (await site.request('/')).text())).toBe(null);
  });

  it("expires at its moment even inside the isolate's trust in what it read", async () => {
    const expiry = Date.parse('2026-05-10T09:00:00Z') + 6 * 3_600_000;
    let clock = expiry - 10_000;
    const site = testApp({ bindings: env, articles: articles.slice(0, 3), now: () => clock });
    expect(breakingLink(await (await site.request('/articles/quiet')).text())).toBe('/articles/breaking');
    clock = expiry + 1;
    expect(breakingLink(await (await site.request('/articles/quiet')).text())).toBe(null);
  });
});

describe('the top-news band on an article page', () => {
  it('never lists the article being read', async () => {
    const site = testApp({
      bindings: env,
      articles: [story('one', '2026-01-01T10:00:00'), story('two', '2026-01-02T10:00:00')],
      now: () => Date.parse('2026-02-01T00:00:00Z'),
    });
    const band = (html: string) => /<nav class="top-news"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const one = band(await (await site.request('/articles/one')).text());
    expect(one).toContain('href="/articles/two"');
    expect(one).not.toContain('href="/articles/one"');
    const two = band(await (await site.request('/articles/two')).text());
    expect(two).toContain('href="/articles/one"');
    expect(two).not.toContain('href="/articles/two"');
  });
});
