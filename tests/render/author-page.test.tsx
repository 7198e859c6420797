import { describe, expect, it } from 'vitest';
import { AuthorPage, AuthorsPage } from '../../src/render/author-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import { listKindPath } from '../../src/render/list-paths.ts';
import type { AuthorPageData } from '../../src/render/page-data.ts';
import { type ElementInfo, elementsOf, scriptHazards } from '../helpers/html.ts';
import { FIXTURE_MEDIA } from '../helpers/media.ts';
import { HOSTILE_TEXT, SITE } from './hostile.ts';
import { RANA, SAMI } from './newsroom-fixtures.tsx';
import { chrome, teaser, withPhoto } from './page-fixtures.tsx';

const attr = (e: ElementInfo, name: string) => e.attributes.find(([n]) => n === name)?.[1];
const PHOTO = { ...FIXTURE_MEDIA, alt: 'رنا حداد' };

function authorPage(extra: Partial<AuthorPageData> = {}, author: Partial<AuthorPageData['author']> = {}) {
  return renderDocument(
    AuthorPage({
      chrome: chrome(),
      author: {
        ...RANA,
        photo: PHOTO,
        links: ['https://x.com/rana_haddad', 'https://www.facebook.com/rana.haddad'],
        bioHtml: '<p>تغطي رنا حداد <strong>الشؤون البلدية</strong>.</p>',
        ...author,
      },
      page: 1,
      teasers: [teaser(withPhoto('a1')), teaser(withPhoto('a2'))],
      hasOlder: false,
      canonicalUrl: `${SITE}/authors/rana-haddad`,
      ...extra,
    }),
  );
}

describe('a writer’s page', () => {
  it('is titled with their name, their name the h1, their role under it', () => {
    const html = authorPage();
    expect(html).toContain('<title>رنا حداد | جريدة الأيام الإلكترونية</title>');
    expect(html).toContain('<h1>رنا حداد</h1><p class="role">مراسلة في بيروت</p>');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/authors/rana-haddad"/>`);
  });

  it('shows their photo eagerly (it is above the fold) in the round box', async () => {
    const html = authorPage();
    expect(html).toContain('<div class="ph pic"><picture><source type="image/avif"');
    const photo = (await elementsOf(html)).filter((e) => e.tag === 'img')[0];
    expect(photo && attr(photo, 'fetchpriority')).toBe('high');
    expect(photo && attr(photo, 'loading')).toBeUndefined();
    // The name is written beside it.
    expect(photo && attr(photo, 'alt')).toBe('');
  });

  it('shows the first letter of their name instead of a missing photo', () => {
    const html = authorPage({}, { photo: null });
    const header = html.slice(html.indexOf('<header class="pro">'), html.indexOf('<h1>'));
    expect(header).toBe('<header class="pro"><div class="ph pic ini" aria-hidden="true">ر</div><div>');
  });

  it('links their other pages with rel="me noopener", each named by its site', async () => {
    const links = (await elementsOf(authorPage()))
      .filter((e) => e.tag === 'a' && attr(e, 'rel') === 'me noopener')
      .map((e) => attr(e, 'href'));
    expect(links).toEqual(['https://x.com/rana_haddad', 'https://www.facebook.com/rana.haddad']);
    expect(authorPage()).toContain('<a href="https://x.com/rana_haddad" rel="me noopener">x.com</a>');
    expect(authorPage()).toContain('rel="me noopener">facebook.com</a>');
  });

  it('inserts the bio as given (sanitized HTML) on the first page only', () => {
    expect(authorPage()).toContain('<div class="bio"><p>تغطي رنا حداد <strong>الشؤون البلدية</strong>.</p></div>');
    expect(authorPage({ page: 2 })).not.toContain('class="bio"');
  });

  it('lists their articles with thumbnails under "مقالات رنا حداد", and links their feed', async () => {
    const html = authorPage();
    expect(html).toContain('<h2 id="author-articles" class="bar">مقالات رنا حداد</h2>');
    expect(html).toContain('<ol class="rows two">');
    const elements = await elementsOf(html);
    const thumbs = elements.filter((e) => e.tag === 'img').slice(1);
    expect(thumbs).toHaveLength(2);
    expect(thumbs.every((e) => attr(e, 'loading') === 'lazy')).toBe(true);
    const feeds = elements
      .filter((e) => e.tag === 'link' && attr(e, 'rel') === 'alternate')
      .map((e) => [attr(e, 'type'), attr(e, 'title'), attr(e, 'href')]);
    expect(feeds).toContainEqual([
      'application/rss+xml',
      'رنا حداد | جريدة الأيام الإلكترونية',
      '/authors/rana-haddad/feed.xml',
    ]);
  });

  it('pages through their articles: /authors/<slug>/page/N, page 1 being their page itself', async () => {
    const pager = async (html: string) =>
      (await elementsOf(html))
        .filter((e) => e.tag === 'a' && (attr(e, 'rel') === 'prev' || attr(e, 'rel') === 'next'))
        .map((e) => [attr(e, 'rel'), attr(e, 'href')]);
    expect(await pager(authorPage({ hasOlder: true }))).toEqual([['next', '/authors/rana-haddad/page/2']]);
    expect(await pager(authorPage({ page: 2, hasOlder: true }))).toEqual([
      ['prev', '/authors/rana-haddad'],
      ['next', '/authors/rana-haddad/page/3'],
    ]);
    expect(authorPage({ page: 2 })).toContain('<title>رنا حداد (الصفحة 2) | جريدة الأيام الإلكترونية</title>');
    expect(listKindPath({ kind: 'author', author: RANA }, 4)).toBe('/authors/rana-haddad/page/4');
  });

  it('says so when they have no articles yet', () => {
    expect(authorPage({ teasers: [] })).toContain('لا توجد مقالات منشورة بعد.');
  });

  it('describes them as a ProfilePage for search engines', () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(authorPage())?.[1] ?? '{}';
    expect(JSON.parse(json)).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: {
        '@type': 'Person',
        name: 'رنا حداد',
        url: `${SITE}/authors/rana-haddad`,
        jobTitle: 'مراسلة في بيروت',
        sameAs: ['https://x.com/rana_haddad', 'https://www.facebook.com/rana.haddad'],
      },
    });
  });

  it('escapes hostile names and roles, and keeps a link with quotes inside its attribute', async () => {
    const evil = `<script>alert(1)</script>${HOSTILE_TEXT}`;
    const link = 'https://example.com/"><script>alert(1)</script>';
    const html = authorPage({}, { name: evil, role: '<img src=x onerror=alert(1)>', links: [link] });
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p class="role">&lt;img src=x onerror=alert(1)&gt;</p>');
    const anchors = (await elementsOf(html)).filter((e) => e.tag === 'a' && attr(e, 'rel') === 'me noopener');
    expect(anchors.map((e) => e.attributes)).toEqual([
      [
        ['href', 'https://example.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
        ['rel', 'me noopener'],
      ],
    ]);
    // The JSON-LD keeps the same text inside its element.
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json).mainEntity.name).toBe(evil);
  });
});

describe('the writers’ index (/authors)', () => {
  const render = () =>
    renderDocument(
      AuthorsPage({
        chrome: chrome(),
        authors: [
          { ...RANA, photo: PHOTO },
          { ...SAMI, photo: null },
        ],
        canonicalUrl: `${SITE}/authors`,
      }),
    );

  it('shows each writer as a card: photo or initial, name linking to their page, role', async () => {
    const html = render();
    expect(html).toContain('<h1>كتّاب الجريدة</h1>');
    expect(html).toContain('<h2><a href="/authors/rana-haddad">رنا حداد</a></h2><p class="role">مراسلة في بيروت</p>');
    expect(html).toContain('<div class="ph pic ini" aria-hidden="true">س</div>');
    expect(html).toContain('<h2><a href="/authors/sami-khoury">سامي خوري</a></h2></div>');
    const imgs = (await elementsOf(html)).filter((e) => e.tag === 'img');
    expect(imgs.map((e) => attr(e, 'loading'))).toEqual(['lazy']);
  });

  it('says so when there are no writers', () => {
    const html = renderDocument(AuthorsPage({ chrome: chrome(), authors: [], canonicalUrl: `${SITE}/authors` }));
    expect(html).toContain('لا يوجد كتّاب بعد.');
    expect(html).not.toContain('<ul class="rows people">');
  });
});

describe('a list page of a writer’s articles (ListKind author)', () => {
  it('resolves the writer’s pages', () => {
    expect(listKindPath({ kind: 'author', author: RANA }, 1)).toBe('/authors/rana-haddad');
    expect(listKindPath({ kind: 'author', author: { ...RANA, slug: 'رنا' } }, 2)).toBe(
      `/authors/${encodeURIComponent('رنا')}/page/2`,
    );
  });
});
