/** A live coverage that ends by its live_end: the badge leaves every list, and JSON-LD gives the end, with no publish. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Author } from '../../src/content/types.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { RANA } from '../helpers/fixtures.ts';

const WRITER: Author = { ...RANA, file: 'content/authors/rana-haddad.md', photo: null, links: [], bio: 'سيرة.' };
const ENDING = article(
  'content/ending.md',
  '---\ntitle: تغطية تنتهي\nslug: ending\ndate: 2026-03-11T08:00:00\nlive: true\nlive_end: 2026-03-12T01:00:00\ntags: [بيروت]\nauthors: [rana-haddad]\n---\n\nمقدمة.\n\n## 08:30 أول تحديث\n\nنص.\n',
  { authors: new Map([[RANA.slug, RANA]]), now: Date.parse('2026-03-11T20:00:00Z') },
);
const jsonLd = (text: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? 'null') as Record<
    string,
    unknown
  >;

describe('a live coverage with live_end', () => {
  it('shows the badge in lists only while open, and ends at live_end without a publish', async () => {
    let now = Date.parse('2026-03-11T22:59:30Z'); // 00:59:30 in Beirut: open for 30 s more
    const site = testApp({ bindings: env, articles: [ENDING], authors: [WRITER], now: () => now });
    const badge = async (path: string) =>
      /<span class="live">مباشر<\/span>/.test(await (await site.request(path)).text());
    for (const path of ['/authors/rana-haddad', '/tags/بيروت', '/']) expect(await badge(path), path).toBe(true);
    const open = jsonLd(await (await site.request('/articles/ending')).text());
    expect(open['@type']).toBe('LiveBlogPosting');
    expect(open.coverageEndTime).toBe('2026-03-12T01:00:00+02:00');
    now = Date.parse('2026-03-11T23:00:01Z'); // 01:00:01 in Beirut: ended, within the 50 s the isolate trusts its reads
    for (const path of ['/authors/rana-haddad', '/tags/بيروت', '/']) expect(await badge(path), path).toBe(false);
    const body = (await (await site.request('/api/articles/ending')).json()) as { live: { active: boolean } };
    expect(body.live.active).toBe(false);
  });
});
