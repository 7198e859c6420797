import { describe, expect, it } from 'vitest';
import { renderFragment } from '../../src/render/document.ts';
import { ShareLinks, shareLinks } from '../../src/render/share-links.tsx';
import { elementsOf, scriptHazards } from '../helpers/html.ts';

/** A headline with everything that breaks a hand-built URL: quotes, &, #, ?, =, + and a percent sign. */
const TITLE = 'بيان "عاجل" من الوزارة & الحكومة: #لبنان 100% ? a=b+c';
const URL_ = 'https://al-ayyam.example/articles/%D8%AE%D8%A8%D8%B1';

const byId = Object.fromEntries(shareLinks(TITLE, URL_).map((l) => [l.id, l]));
const href = (id: string) => byId[id]?.href ?? '';
const params = (id: string) => new URL(href(id)).searchParams;

describe('shareLinks', () => {
  it('WhatsApp: the headline, a space and the canonical URL as one text parameter', () => {
    expect(href('whatsapp').startsWith('https://wa.me/?text=')).toBe(true);
    expect([...params('whatsapp').keys()]).toEqual(['text']);
    expect(params('whatsapp').get('text')).toBe(`${TITLE} ${URL_}`);
  });

  it('Telegram and X: the URL and the headline as separate parameters', () => {
    expect(href('telegram').startsWith('https://t.me/share/url?')).toBe(true);
    expect(Object.fromEntries(params('telegram'))).toEqual({ url: URL_, text: TITLE });
    expect(href('x').startsWith('https://x.com/intent/post?')).toBe(true);
    expect(Object.fromEntries(params('x'))).toEqual({ url: URL_, text: TITLE });
  });

  it('Facebook: the URL only', () => {
    expect(href('facebook').startsWith('https://www.facebook.com/sharer/sharer.php?')).toBe(true);
    expect(Object.fromEntries(params('facebook'))).toEqual({ u: URL_ });
  });

  it('email: the headline as subject, headline and URL as body, spaces as %20 (not +)', () => {
    const mail = href('email');
    expect(mail.startsWith('mailto:?subject=')).toBe(true);
    expect(mail).not.toContain('+');
    const [, query = ''] = mail.split('?');
    const fields = Object.fromEntries(query.split('&').map((kv) => kv.split('=').map(decodeURIComponent)));
    expect(fields).toEqual({ subject: TITLE, body: `${TITLE}\n${URL_}` });
  });

  it('percent-encodes every reserved character, so nothing in the headline ends a parameter or starts a fragment', () => {
    for (const link of shareLinks(TITLE, URL_)) {
      const query = link.href.slice(link.href.indexOf('?') + 1);
      expect(query).not.toMatch(/[#"\s%](?![0-9A-F]{2})/);
      expect(query.split('&')).toHaveLength(link.id === 'whatsapp' || link.id === 'facebook' ? 1 : 2);
    }
  });
});

describe('<ShareLinks>', () => {
  it('is a named list of plain links, each with an Arabic name for screen readers and a hidden icon', async () => {
    const html = renderFragment(<ShareLinks title={TITLE} url={URL_} />);
    expect(html).toContain('<ul class="share" aria-label="شارك المقال">');
    expect([...html.matchAll(/<span class="vh">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual([
      'شارك عبر واتساب',
      'شارك عبر تيليغرام',
      'شارك عبر إكس',
      'شارك عبر فيسبوك',
      'أرسل بالبريد الإلكتروني',
    ]);
    const els = await elementsOf(html);
    const links = els.filter((e) => e.tag === 'a').map((e) => Object.fromEntries(e.attributes));
    expect(links).toHaveLength(5);
    for (const link of links.slice(0, 4)) expect(link).toMatchObject({ target: '_blank', rel: 'noopener' });
    expect(links[4]).not.toHaveProperty('target');
    expect(els.filter((e) => e.tag === 'svg').every((e) => Object.fromEntries(e.attributes)['aria-hidden'])).toBe(true);
    expect(await scriptHazards(html)).toEqual([]);
  });

  it('writes the URLs into attributes escaped, so the parser reads back exactly shareLinks()', async () => {
    const html = renderFragment(<ShareLinks title={TITLE} url={URL_} />);
    // HTMLRewriter shows attribute values as written: & stays &amp; inside the attribute.
    const hrefs = (await elementsOf(html))
      .filter((e) => e.tag === 'a')
      .map((e) => Object.fromEntries(e.attributes).href?.replaceAll('&amp;', '&'));
    expect(hrefs).toEqual(shareLinks(TITLE, URL_).map((l) => l.href));
  });
});
