import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/render/document.ts';
import { ErrorPage } from '../../src/render/error-page.tsx';
import { FrontPage } from '../../src/render/front-page.tsx';
import { ListPage } from '../../src/render/list-page.tsx';
import type { Teaser } from '../../src/render/page-data.ts';
import { SearchPage } from '../../src/render/search-page.tsx';
import { SITE } from './hostile.ts';
import { chrome, SECTIONS, teaser, withoutPhoto, withPhoto } from './page-fixtures.tsx';

const BADGE = '<span class="live">مباشر</span>';
const live = (t: Teaser): Teaser => ({ ...t, live: true });
const count = (html: string) => html.split(BADGE).length - 1;

describe('the "مباشر" badge in lists', () => {
  it('marks each live teaser on the front page, in every look, before its headline link', () => {
    const html = renderDocument(
      FrontPage({
        chrome: chrome(),
        canonicalUrl: `${SITE}/`,
        lead: live(teaser(withPhoto('lead'))),
        top: [live(teaser(withPhoto('t1'))), teaser(withPhoto('t2'))],
        sections: [{ section: SECTIONS[0] as (typeof SECTIONS)[number], teasers: [teaser(withoutPhoto('s1'))] }],
        latest: [live(teaser(withoutPhoto('l1')))],
        hasOlder: false,
      }),
    );
    expect(count(html)).toBe(3);
    expect(html).toContain(`<h2>${BADGE}<a href="/articles/lead">`);
    expect(html).toContain(`<h3>${BADGE}<a href="/articles/t1">`);
    expect(html).toContain(`<h3><a href="/articles/t2">`);
  });

  it('marks live teasers on list pages and search results, and nowhere else', () => {
    const list = renderDocument(
      ListPage({
        chrome: chrome(),
        list: { kind: 'tag', tag: 'قمة' },
        page: 1,
        lead: null,
        teasers: [live(teaser(withPhoto('a'))), teaser(withPhoto('b'))],
        hasOlder: false,
        canonicalUrl: `${SITE}/tags/x`,
      }),
    );
    expect(count(list)).toBe(1);
    const search = renderDocument(
      SearchPage({
        chrome: chrome(),
        query: 'قمة',
        outcome: {
          kind: 'results',
          results: [
            { ...live(teaser(withPhoto('a'))), snippet: [] },
            { ...teaser(withPhoto('b')), snippet: [] },
          ],
          total: 2,
          capped: false,
          page: 1,
          hasNext: false,
        },
      }),
    );
    expect(count(search)).toBe(1);
  });
});

describe('the breaking bar', () => {
  const bar = (isLive?: boolean) =>
    renderDocument(
      ErrorPage({
        status: 404,
        chrome: chrome({
          breaking: {
            title: 'القمة',
            url: '/articles/q',
            publishedAt: '2025-11-21T09:05:00+02:00',
            ...(isLive === undefined ? {} : { live: isLive }),
          },
        }),
      }),
    );

  it('says "مباشر" for live coverage, "عاجل" otherwise', () => {
    expect(bar(true)).toContain('<a href="/articles/q"><strong>مباشر</strong>');
    expect(bar(false)).toContain('<strong>عاجل</strong>');
    expect(bar()).toContain('<strong>عاجل</strong>');
  });
});
