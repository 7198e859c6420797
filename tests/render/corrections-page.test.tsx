import { describe, expect, it } from 'vitest';
import { CorrectionsPage } from '../../src/render/corrections-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import type { CorrectionsPageData } from '../../src/render/page-data.ts';
import { type ElementInfo, elementsOf, scriptHazards } from '../helpers/html.ts';
import { SITE } from './hostile.ts';
import { chrome } from './page-fixtures.tsx';

const attr = (e: ElementInfo, name: string) => e.attributes.find(([n]) => n === name)?.[1];

const ITEMS: CorrectionsPageData['items'] = [
  {
    date: '2025-11-21T18:20:00+02:00',
    html: 'الخطة تمتد <strong>ستة أشهر</strong> لا سنة.',
    article: { title: 'خطة الكهرباء', url: '/articles/plan' },
  },
  { date: '2025-11-19T10:05:00+02:00', html: 'سقط اسم الوزير.', article: { title: 'الجلسة', url: '/articles/s' } },
];

const render = (extra: Partial<CorrectionsPageData> = {}) =>
  renderDocument(
    CorrectionsPage({
      chrome: chrome(),
      page: 1,
      items: ITEMS,
      hasOlder: false,
      canonicalUrl: `${SITE}/corrections`,
      ...extra,
    }),
  );

describe('the corrections page', () => {
  it('is titled "تصحيحات" and links the corrections feed', async () => {
    const html = render();
    expect(html).toContain('<title>تصحيحات | جريدة الأيام الإلكترونية</title>');
    expect(html).toContain('<h1>تصحيحات</h1>');
    const feeds = (await elementsOf(html))
      .filter((e) => e.tag === 'link' && attr(e, 'rel') === 'alternate')
      .map((e) => attr(e, 'href'));
    expect(feeds).toEqual(['/feed.xml', '/feed.json', '/corrections/feed.xml']);
  });

  it('shows each correction, newest first: its date, its html as given, and the article it corrects', () => {
    const html = render();
    expect(html).toContain(
      '<li><time datetime="2025-11-21T18:20:00+02:00">21 تشرين الثاني 2025</time><p>الخطة تمتد <strong>ستة أشهر</strong> لا سنة.</p><p class="in">في مقال: <a href="/articles/plan">خطة الكهرباء</a></p></li>',
    );
    expect(html.indexOf('/articles/plan')).toBeLessThan(html.indexOf('/articles/s"'));
  });

  it('escapes article titles', async () => {
    const html = render({
      items: [
        { ...(ITEMS[0] as CorrectionsPageData['items'][number]), article: { title: '<script>x</script>', url: '/a' } },
      ],
    });
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('<a href="/a">&lt;script&gt;x&lt;/script&gt;</a>');
  });

  it('pages to /corrections/page/N, page 1 being /corrections', async () => {
    const pager = async (html: string) =>
      (await elementsOf(html))
        .filter((e) => e.tag === 'a' && (attr(e, 'rel') === 'prev' || attr(e, 'rel') === 'next'))
        .map((e) => [attr(e, 'rel'), attr(e, 'href')]);
    expect(await pager(render({ hasOlder: true }))).toEqual([['next', '/corrections/page/2']]);
    expect(await pager(render({ page: 2, hasOlder: true }))).toEqual([
      ['prev', '/corrections'],
      ['next', '/corrections/page/3'],
    ]);
    expect(render({ page: 2 })).toContain('<title>تصحيحات (الصفحة 2) | جريدة الأيام الإلكترونية</title>');
    expect(render()).not.toContain('class="pager"');
  });

  it('says so when there are none', () => {
    const html = render({ items: [] });
    expect(html).toContain('لا توجد تصحيحات منشورة.');
    expect(html).not.toContain('<ol class="rows fixes">');
  });
});
