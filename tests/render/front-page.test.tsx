import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/render/document.ts';
import { FrontPage } from '../../src/render/front-page.tsx';
import type { FrontPageData } from '../../src/render/page-data.ts';
import { FIT } from '../../src/render/teaser.tsx';
import { XSS } from '../helpers/fixtures.ts';
import { type ElementInfo, elementsOf, scriptHazards } from '../helpers/html.ts';
import { SITE } from './hostile.ts';
import { chrome, SECTIONS, teaser, withoutPhoto, withPhoto, withRemoteImage } from './page-fixtures.tsx';

const attrs = (e: ElementInfo) => Object.fromEntries(e.attributes);

function data(overrides: Partial<FrontPageData> = {}): FrontPageData {
  return {
    chrome: chrome(),
    canonicalUrl: `${SITE}/`,
    lead: teaser(withPhoto('lead', 'الخبر الرئيسي')),
    top: [teaser(withPhoto('top-1')), teaser(withoutPhoto('top-2')), teaser(withRemoteImage('top-3'))],
    sections: [
      {
        section: SECTIONS[0] as (typeof SECTIONS)[number],
        teasers: [teaser(withPhoto('leb-1')), teaser(withPhoto('leb-2')), teaser(withoutPhoto('leb-3'))],
      },
      { section: SECTIONS[2] as (typeof SECTIONS)[number], teasers: [teaser(withoutPhoto('eco-1'))] },
    ],
    latest: [teaser(withPhoto('new-1')), teaser(withoutPhoto('new-2'))],
    hasOlder: true,
    ...overrides,
  };
}

const render = (d: FrontPageData) => renderDocument(FrontPage(d));
const imgs = async (html: string) => (await elementsOf(html)).filter((e) => e.tag === 'img').map(attrs);

/** The markup of one teaser: from the element with `marker` to the end of its item. */
function teaserHtml(html: string, slug: string): string {
  const link = html.indexOf(`href="/articles/${slug}"`);
  const start = Math.max(html.lastIndexOf('<li', link), html.lastIndexOf('<article', link));
  const end = html.indexOf(html.startsWith('<li', start) ? '</li>' : '</article>', link);
  return html.slice(start, end);
}

describe('FrontPage', () => {
  it('shows the lead photo large as the page LCP: eager, fetchpriority=high, sized for the two-thirds column', async () => {
    const html = render(data());
    const lead = teaserHtml(html, 'lead');
    expect(lead.startsWith('<article class="lead">')).toBe(true);
    const [img] = await imgs(lead);
    expect(img).toMatchObject({ fetchpriority: 'high', sizes: FIT.lead.sizes, width: '1600', height: '900' });
    expect(img).not.toHaveProperty('loading');
    expect(img?.srcset).toContain('1600w');
    expect(lead).toContain('<h2><a href="/articles/lead">الخبر الرئيسي</a></h2>');
    expect(lead).toContain('<p class="sum">');
    expect(lead).toMatch(/<time datetime="[^"]+">[^<]+<\/time>/);
  });

  it('loads every other image lazily, with width and height, and asks for high priority once', async () => {
    const all = await imgs(render(data()));
    expect(all.filter((i) => i.fetchpriority === 'high')).toHaveLength(1);
    const others = all.filter((i) => i.fetchpriority !== 'high');
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const img of others) {
      expect(img.loading).toBe('lazy');
      expect(Number(img.width)).toBeGreaterThan(0);
      expect(Number(img.height)).toBeGreaterThan(0);
    }
  });

  it('gives thumbnails small files only, sized as the CSS shows them', async () => {
    const thumb = teaserHtml(render(data()), 'top-1');
    const [img] = await imgs(thumb);
    expect(img?.sizes).toBe(FIT.thumb.sizes);
    expect(img?.srcset).toBe('/media/img/0a1b2c3d4e5f6a7b/480.jpg 480w');
    expect(thumb).not.toContain('1600w');
  });

  it('shows an article without a photo as a clean text teaser: no photo box, no image', () => {
    const text = teaserHtml(render(data()), 'top-2');
    expect(text.startsWith('<li class="row np">')).toBe(true);
    expect(text).not.toContain('class="ph"');
    expect(text).not.toContain('<img');
    expect(text).toContain('<h3><a href="/articles/top-2">');
  });

  it('draws an image outside R2 of unknown size in the same fixed box, lazily', async () => {
    const remote = teaserHtml(render(data()), 'top-3');
    expect(remote).toContain('<div class="ph">');
    const [img] = await imgs(remote);
    expect(img).toMatchObject({
      src: 'https://images.example/lead.jpg',
      loading: 'lazy',
      width: '1200',
      height: '800',
    });
  });

  it('has a text lead when the lead story has no photo, and then no high-priority image', async () => {
    const html = render(data({ lead: teaser(withoutPhoto('lead')) }));
    expect(teaserHtml(html, 'lead').startsWith('<article class="lead np">')).toBe(true);
    expect((await imgs(html)).some((i) => i.fetchpriority === 'high')).toBe(false);
  });

  it('has a block per section: its name linking to its page, the first story with its photo, then headlines', async () => {
    const html = render(data());
    const block = html.slice(html.indexOf('<section class="sec"'), html.indexOf('</section>', html.indexOf('sec-1')));
    expect(block).toContain('<h2 id="sec-1" class="bar"><a href="/sections/lebanon">لبنان</a></h2>');
    expect(teaserHtml(html, 'leb-1').startsWith('<li class="card">')).toBe(true);
    expect(teaserHtml(html, 'leb-1')).toContain('<img');
    // Only the first story of a block shows its photo.
    expect(teaserHtml(html, 'leb-2').startsWith('<li class="row np">')).toBe(true);
    expect(teaserHtml(html, 'leb-2')).not.toContain('<img');
    expect(teaserHtml(html, 'eco-1').startsWith('<li class="card np">')).toBe(true);
    expect(html.indexOf('sec-1')).toBeLessThan(html.indexOf('sec-2'));
  });

  it('ends with "آخر الأخبار" with thumbnails and the pager to /page/2', async () => {
    const html = render(data());
    const latest = html.slice(html.indexOf('<section class="latest"'));
    expect(latest).toContain('<h2 id="latest-title" class="bar">آخر الأخبار</h2>');
    expect(teaserHtml(html, 'new-1')).toContain('<div class="ph">');
    expect(latest).toContain('<a href="/page/2" rel="next">الأقدم</a>');
    expect(render(data({ hasOlder: false }))).not.toContain('rel="next"');
  });

  it('has one h1, the page title, the canonical URL and the front page marked in the sections bar', async () => {
    const html = render(data());
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<h1 class="vh">');
    expect(html).toContain('<title>جريدة الأيام الإلكترونية</title>');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/"/>`);
    expect(html).toContain('<a href="/" aria-current="page">الرئيسية</a>');
  });

  it('says so when nothing is published, without empty blocks', () => {
    const html = render(data({ lead: null, top: [], sections: [], latest: [], hasOlder: false }));
    expect(html).toContain('<p>لا توجد مقالات منشورة بعد.</p>');
    expect(html).not.toContain('<section');
  });

  it('keeps hostile articles inert', async () => {
    const html = render(data({ lead: teaser(XSS), latest: [teaser(XSS)] }));
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
