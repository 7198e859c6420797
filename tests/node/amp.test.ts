import { raw } from 'hono/html';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ArticleMeta } from '../../src/content/types.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { ampPath, articlePath, articleUrls } from '../../src/paths.ts';
import { renderAmpDocument } from '../../src/render/amp-page.tsx';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { withFixtureMedia } from '../helpers/media.ts';
import { ensureValidatorEngine, validateAmp } from './support/amp-validator.ts';
import { nodeApp } from './support/bindings.ts';

const REMOTE_LEAD = {
  ...FEATURES,
  slug: 'remote-lead',
  version: 'remote-lead',
  image: { src: 'https://images.example/lead.jpg', alt: 'صورة', caption: null, width: null, height: null },
};
/** A lead photo published to R2: amp-img with srcset and a fallback. */
const PHOTO_LEAD = { ...withFixtureMedia(FEATURES), slug: 'photo-lead' };
const articles = inject('contentArticles');
let site: Awaited<ReturnType<typeof nodeApp>>;

beforeAll(async () => {
  ensureValidatorEngine();
  site = await nodeApp([...articles, FEATURES, XSS, REMOTE_LEAD, PHOTO_LEAD]);
}, 300_000);

describe('AMP pages pass the official AMP validator', () => {
  const cases = [
    ...articles.map((a) => [`content: ${a.file}`, a.slug] as const),
    ['every markdown feature', FEATURES.slug] as const,
    ['every XSS vector', XSS.slug] as const,
    ['a remote lead image of unknown size', REMOTE_LEAD.slug] as const,
    ['a lead photo with variants in R2', PHOTO_LEAD.slug] as const,
  ];
  it.each(cases)('%s', async (_, slug) => {
    const res = await site.request(ampPath(slug));
    expect(res.status).toBe(200);
    const html = await res.text();
    const result = await validateAmp(html);
    // On failure the validator's messages, with line and column, are the assertion's diff.
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('PASS');
  });

  it('with the sections bar, breaking bar, top news, kicker, share links and related thumbnails (hostile titles included)', async () => {
    const section = { slug: 'world', name: 'عربي ودولي', url: '/sections/world' };
    const teaser = (a: ArticleMeta) => ({ article: a, url: articlePath(a.slug) });
    const html = renderAmpDocument({
      chrome: {
        sections: [{ slug: 'lebanon', name: 'لبنان', url: '/sections/lebanon' }, section],
        currentSection: 'world',
        breaking: { title: XSS.title, url: articlePath(XSS.slug), publishedAt: XSS.publishedAt },
        topNews: [XSS, ...articles].map((a) => ({ title: a.title, url: articlePath(a.slug) })),
        slots: { date: raw('<p class="dateline">الجمعة</p>'), temperature: '28.5°C' },
      },
      article: FEATURES,
      bodyHtml: renderMarkdown(FEATURES.body, 'amp', FEATURES.bodyImages),
      urls: articleUrls('https://al-ayyam.example', FEATURES),
      kicker: { section, tag: XSS.tags[0] ?? null },
      related: [PHOTO_LEAD, REMOTE_LEAD, XSS].map(teaser),
      authors: [],
      live: null,
      corrections: [],
      defaultAuthor: false,
    });
    expect(html).toContain('مقالات ذات صلة');
    expect(html).toContain('rel="tag"');
    expect(html).toContain('<strong>عاجل</strong>');
    expect(html).toContain('aria-label="الأقسام"');
    expect(html).toContain('شارك عبر واتساب');
    expect(html).toContain('layout="fill"');
    const result = await validateAmp(html);
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('PASS');
  });

  it('keeps the custom CSS far under the 75,000-byte limit (under 15 KB)', async () => {
    const html = await (await site.request(ampPath(FEATURES.slug))).text();
    const css = /<style amp-custom="">([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css.length).toBeGreaterThan(1000);
    expect(new TextEncoder().encode(css).length).toBeLessThan(15_000);
  });

  it('the validator does reject a broken page (the check is live)', async () => {
    const html = await (await site.request(ampPath(FEATURES.slug))).text();
    const broken = html.replace('<h1>', '<h1><img src="/x.png" alt="x"><script>alert(1)</script>');
    const result = await validateAmp(broken);
    expect(result.status).toBe('FAIL');
    expect(result.messages.join('\n')).toMatch(/^\d+:\d+ ERROR /m);
  });
});
