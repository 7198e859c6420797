import { describe, expect, it } from 'vitest';
import { renderAmpDocument } from '../../src/render/amp-page.tsx';
import { ArticlePage } from '../../src/render/article-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import type { ArticlePageData } from '../../src/render/page-data.ts';
import { FEATURES } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { HOSTILE_TEXT, SITE } from './hostile.ts';
import { articlePage, CORRECTION, LIVE_END, LIVE_START, livePage, RANA, SAMI, UPDATES } from './newsroom-fixtures.tsx';

const renderers = {
  html: (data: ArticlePageData) => renderDocument(ArticlePage(data)),
  amp: (data: ArticlePageData) => renderAmpDocument(data),
};

/** The page's JSON-LD, parsed. */
function jsonLd(html: string) {
  const found = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!found?.[1]) throw new Error('no JSON-LD');
  return JSON.parse(found[1]);
}

/**
 * What could run script, but AMP's own `on` action of the live list's button (the helper flags every `on…`
 * attribute): that one is checked to be exactly the list's update action.
 */
async function hazards(html: string) {
  const action = /<button [^>]*\son="([^"]*)"/.exec(html)?.[1];
  if (action !== undefined) expect(action).toBe('tap:live-updates.update');
  return (await scriptHazards(html)).filter((h) => h !== 'button[on]' || action === undefined);
}

/** The ids of the live updates, in page order. */
const updateIds = (html: string) => [...html.matchAll(/<article class="upd" id="([^"]+)"/g)].map((m) => m[1]);

describe.each(['html', 'amp'] as const)('article page (%s): writers, live coverage, corrections', (flavor) => {
  const render = (extra: Partial<ArticlePageData> = {}) => renderers[flavor](articlePage(FEATURES, flavor, extra));
  const renderLive = (options: Parameters<typeof livePage>[1] = {}) => renderers[flavor](livePage(flavor, options));

  describe('byline', () => {
    it('links each named writer to their page (rel=author) with their role, under the headline', () => {
      const html = render({ authors: [RANA, SAMI], defaultAuthor: true });
      expect(html).toContain(
        '<p class="byline"><a href="/authors/rana-haddad" rel="author">رنا حداد</a><span class="role">، مراسلة في بيروت</span><span>، و</span><a href="/authors/sami-khoury" rel="author">سامي خوري</a></p>',
      );
      // Where Arabic news sites put it: under the headline, with the dateline, before the text.
      const at = html.indexOf('<p class="byline">');
      expect(at).toBeGreaterThan(html.indexOf('</h1>'));
      expect(at).toBeLessThan(html.indexOf('<p class="meta">'));
      expect(at).toBeLessThan(html.indexOf('<div class="body">'));
    });

    it('leaves the default desk out beside named writers, and names any other desk or wire', () => {
      expect(render({ authors: [RANA], defaultAuthor: true })).not.toContain(FEATURES.author);
      expect(render({ authors: [RANA], defaultAuthor: false })).toContain(
        `<span class="desk"> · ${FEATURES.author}</span>`,
      );
    });

    it('is the desk or wire byline alone when no writer is named', () => {
      const html = render();
      expect(html).toContain(`<p class="byline">${FEATURES.author}</p>`);
      expect(html).not.toContain('rel="author"');
    });

    it('escapes hostile names and roles, and keeps quotes in a writer URL inside the attribute', async () => {
      const hostile = {
        slug: 'x',
        name: `<script>alert(1)</script>${HOSTILE_TEXT}`,
        role: '<img src=x onerror=alert(1)>',
        url: '/authors/a"onmouseover="alert(1)',
      };
      const html = render({ authors: [hostile] });
      expect(await scriptHazards(html)).toEqual([]);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const link = (await elementsOf(html)).find(
        (e) => e.tag === 'a' && e.attributes.some(([n, v]) => n === 'rel' && v === 'author'),
      );
      // The parser reports the value as written: the quotes stayed escaped, so no attribute was added.
      expect(link?.attributes).toEqual([
        ['href', '/authors/a&quot;onmouseover=&quot;alert(1)'],
        ['rel', 'author'],
      ]);
    });
  });

  describe('JSON-LD', () => {
    it('names each writer as a Person with their absolute page, and no Organization for the default desk', () => {
      const data = jsonLd(render({ authors: [RANA, SAMI], defaultAuthor: true }));
      expect(data['@type']).toBe('NewsArticle');
      expect(data.author).toEqual([
        { '@type': 'Person', name: 'رنا حداد', url: `${SITE}/authors/rana-haddad`, jobTitle: 'مراسلة في بيروت' },
        { '@type': 'Person', name: 'سامي خوري', url: `${SITE}/authors/sami-khoury` },
      ]);
    });

    it('adds an Organization for a desk or wire byline that is not the default, or when no writer is named', () => {
      expect(jsonLd(render({ authors: [RANA], defaultAuthor: false })).author).toEqual([
        expect.objectContaining({ '@type': 'Person', name: 'رنا حداد' }),
        { '@type': 'Organization', name: FEATURES.author },
      ]);
      expect(jsonLd(render({ defaultAuthor: true })).author).toEqual([
        { '@type': 'Organization', name: FEATURES.author },
      ]);
    });

    it('has the writers as article:author links', async () => {
      const metas = (await elementsOf(render({ authors: [RANA, SAMI] })))
        .filter((e) => e.tag === 'meta' && e.attributes.some(([, v]) => v === 'article:author'))
        .map((e) => e.attributes.find(([n]) => n === 'content')?.[1]);
      expect(metas).toEqual([`${SITE}/authors/rana-haddad`, `${SITE}/authors/sami-khoury`]);
    });

    it('is a LiveBlogPosting for live coverage: its start, and each update (newest first) as a BlogPosting', () => {
      const data = jsonLd(renderLive());
      expect(data['@type']).toBe('LiveBlogPosting');
      expect(data.coverageStartTime).toBe(LIVE_START);
      expect(data).not.toHaveProperty('coverageEndTime');
      expect(data.dateModified).toBe(UPDATES.at(-1)?.time);
      expect(data.liveBlogUpdate).toEqual(
        [...UPDATES].reverse().map((u) => ({
          '@type': 'BlogPosting',
          headline: u.title,
          datePublished: u.time,
          url: `${SITE}/articles/live-summit#${u.id}`,
          articleBody: expect.any(String),
        })),
      );
      // Plain text of each update: no markup, entities decoded.
      expect(data.liveBlogUpdate.map((u: { articleBody: string }) => u.articleBody)).toEqual([
        'استؤنفت المشاورات و"الخلاف" ضاق & لم يُحسم.',
        'حصلت «الجريدة» على المسودة.',
        'وصل وفد الجامعة.',
      ]);
    });

    it('has the coverage end once the coverage has ended', () => {
      const data = jsonLd(renderLive({ ended: true }));
      expect(data['@type']).toBe('LiveBlogPosting');
      expect(data.coverageEndTime).toBe(LIVE_END);
    });

    it('lists corrections as CorrectionComment, with their text and date', () => {
      const data = jsonLd(render({ corrections: [CORRECTION] }));
      expect(data.correction).toEqual([
        {
          '@type': 'CorrectionComment',
          text: 'ورد أن الخطة تمتد سنة، والصحيح ستة أشهر.',
          datePublished: CORRECTION.date,
        },
      ]);
      expect(jsonLd(render())).not.toHaveProperty('correction');
    });

    it('keeps hostile update titles, texts, names and corrections inside the data element', async () => {
      const evil = '</script><script>alert(1)</script>\u2028';
      const page = livePage(flavor, {
        authors: [{ ...RANA, name: evil, role: evil }],
        corrections: [{ date: CORRECTION.date, html: '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;' }],
      });
      const live = page.live;
      if (!live) throw new Error('live');
      const first = live.updates[0];
      if (!first) throw new Error('update');
      live.updates[0] = { ...first, title: evil };
      const html = renderers[flavor](page);
      expect(await hazards(html)).toEqual([]);
      const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      expect(script).not.toMatch(/[<>\u2028]/);
      const data = jsonLd(html);
      expect(data.liveBlogUpdate[0].headline).toBe(evil);
      expect(data.author[0].name).toBe(evil);
      expect(data.correction[0].text).toBe('</script><script>alert(1)</script>');
    });
  });

  describe('live coverage', () => {
    it('shows the "مباشر" badge and the last update time by the headline while the coverage is open', () => {
      const html = renderLive();
      const status = html.slice(html.indexOf('<p class="lv">'), html.indexOf('<h1>'));
      expect(status).toBe(
        '<p class="lv"><span class="live">مباشر</span>آخر تحديث <time datetime="2025-11-21T08:45:00+02:00">21 تشرين الثاني 08:45</time></p>',
      );
      expect(html).not.toContain('انتهت التغطية المباشرة');
    });

    it('says an ended coverage has ended, without the badge', () => {
      const html = renderLive({ ended: true });
      expect(html).toContain('<p class="lv">انتهت التغطية المباشرة · آخر تحديث <time');
      expect(html).not.toContain('<span class="live">');
    });

    it('has no badge on an ordinary article', () => {
      const html = render();
      expect(html).not.toContain('class="lv"');
      expect(html).not.toContain('class="upd');
    });

    it('shows the intro, then the updates newest first, each with its anchor, time, heading and text', () => {
      const html = renderLive();
      expect(updateIds(html)).toEqual(['update-20251121-0845', 'update-1405', 'update-0930']);
      expect(html.indexOf('التغطية المباشرة</strong>')).toBeLessThan(html.indexOf('class="upd"'));
      expect(html).toContain(
        '<a class="upd-t" href="#update-1405"><time datetime="2025-11-20T14:05:00+02:00">14:05</time></a><h2>مسودة البيان</h2><div class="body"><p>حصلت',
      );
      // Another day than the coverage's first: the date too.
      expect(html).toContain(
        '<a class="upd-t" href="#update-20251121-0845"><time datetime="2025-11-21T08:45:00+02:00">21 تشرين الثاني 08:45</time></a>',
      );
      expect(html).toContain('<p>وصل <strong>وفد</strong> الجامعة.</p>');
    });

    it('escapes update headings (text) and inserts their html as given', () => {
      const page = livePage(flavor);
      const live = page.live;
      const first = live?.updates[0];
      if (!live || !first) throw new Error('live');
      live.updates[0] = { ...first, title: '<b>عنوان</b>', html: '<p><em>نص</em></p>' };
      const html = renderers[flavor](page);
      expect(html).toContain('<h2>&lt;b&gt;عنوان&lt;/b&gt;</h2><div class="body"><p><em>نص</em></p></div>');
    });

    it('keeps the reading time off a live page, whose dateline is its start', () => {
      const html = renderLive();
      expect(html).not.toContain('class="rt"');
      expect(html).toContain(`<p class="meta"><time datetime="${LIVE_START}">`);
    });
  });

  describe('corrections box', () => {
    it('is headed "تصحيح" for one correction, with its date and its html, after the text', () => {
      const html = render({ corrections: [CORRECTION] });
      expect(html).toContain(
        '<section class="fix" aria-labelledby="fix-title"><h2 id="fix-title">تصحيح</h2><p><time datetime="2025-11-21T18:20:00+02:00">21 تشرين الثاني 2025</time> ورد أن الخطة تمتد <strong>سنة</strong>، والصحيح ستة أشهر.</p></section>',
      );
      expect(html.indexOf('class="fix"')).toBeGreaterThan(html.indexOf('<div class="body">'));
      expect(html.indexOf('class="fix"')).toBeLessThan(html.indexOf('<p class="source">'));
    });

    it('is headed "تصحيحات" for several, oldest first', () => {
      const later = { date: '2025-11-22T09:00:00+02:00', html: 'تصحيح ثانٍ.' };
      const html = render({ corrections: [CORRECTION, later] });
      expect(html).toContain('<h2 id="fix-title">تصحيحات</h2>');
      expect(html.indexOf('ورد أن')).toBeLessThan(html.indexOf('تصحيح ثانٍ'));
    });

    it('comes after the live updates', () => {
      const html = renderers[flavor](livePage(flavor, { corrections: [CORRECTION] }));
      expect(html.indexOf('class="fix"')).toBeGreaterThan(html.indexOf('id="update-0930"'));
    });

    it('is not there without corrections', () => {
      expect(render()).not.toContain('class="fix"');
    });
  });
});

describe('article page (amp): the live list', () => {
  const live = (ended = false) => renderAmpDocument(livePage('amp', { ended }));

  it('wraps the updates in amp-live-list, with the update button and each item timed in epoch ms', () => {
    const html = live();
    expect(html).toContain(
      '<amp-live-list id="live-updates" class="updates" data-poll-interval="15000" data-max-items-per-page="500"><button type="button" class="upd-new" update="" on="tap:live-updates.update">تحديثات جديدة</button><div items="">',
    );
    const ms = Date.parse('2025-11-20T14:05:00+02:00');
    expect(html).toContain(`<article class="upd" id="update-1405" data-sort-time="${ms}" data-update-time="${ms}">`);
    expect(updateIds(html)).toEqual(['update-20251121-0845', 'update-1405', 'update-0930']);
  });

  it('disables the list once the coverage has ended, so pages stop polling', () => {
    expect(live(true)).toContain(
      '<amp-live-list id="live-updates" class="updates" data-poll-interval="15000" data-max-items-per-page="500" disabled="">',
    );
    expect(live()).not.toContain('disabled=""');
  });

  it('loads the amp-live-list script only on live pages', () => {
    const script =
      '<script async="" custom-element="amp-live-list" src="https://cdn.ampproject.org/v0/amp-live-list-0.1.js"></script>';
    const html = live();
    expect(html.indexOf(script)).toBeGreaterThan(-1);
    expect(html.indexOf(script)).toBeLessThan(html.indexOf('</head>'));
    expect(renderAmpDocument(articlePage(FEATURES, 'amp'))).not.toContain('amp-live-list');
  });

  it("resolves an update's relative links as on the article's own page", () => {
    expect(live()).toContain(
      '<a href="/articles/%D9%88%D8%AB%D9%8A%D9%82%D8%A9-%D8%A7%D9%84%D8%A8%D9%8A%D8%A7%D9%86">',
    );
  });
});

describe('article page (html): live updates', () => {
  it('are a region of plain articles, no AMP attributes', () => {
    const html = renderDocument(ArticlePage(livePage('html')));
    expect(html).toContain(
      '<section class="updates" aria-label="التحديثات"><article class="upd" id="update-20251121-0845">',
    );
    expect(html).not.toContain('data-sort-time');
    expect(html).not.toContain('amp-live-list');
  });
});
