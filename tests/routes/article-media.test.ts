import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ampPath, apiArticlePath, articlePath } from '../../src/paths.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { FEATURES } from '../helpers/fixtures.ts';
import { elementsOf } from '../helpers/html.ts';
import { BODY_PHOTO, FIXTURE_CARD, FIXTURE_MEDIA, putFixtureMedia, withFixtureMedia } from '../helpers/media.ts';

const SITE = 'https://al-ayyam.example';
const PHOTO = withFixtureMedia(FEATURES);
const NO_IMAGE = {
  ...article('content/plain.md', '---\ntitle: خبر بلا صورة\ndate: 2024-05-03T09:00:00\n---\n\nنص الخبر.\n'),
  card: 'card/1111222233334444.png',
};
const site = testApp({ bindings: env, articles: [PHOTO, NO_IMAGE], env: { SITE_URL: SITE } });

beforeAll(async () => {
  await putFixtureMedia(env.MEDIA);
  await env.MEDIA.put(NO_IMAGE.card, new Uint8Array(8), { httpMetadata: { contentType: 'image/png' } });
});

async function page(path: string) {
  const res = await site.request(path);
  const html = await res.text();
  const elements = await elementsOf(html);
  const attrs = (tag: string) => elements.filter((e) => e.tag === tag).map((e) => Object.fromEntries(e.attributes));
  const meta = (key: 'property' | 'name', value: string) =>
    attrs('meta')
      .filter((m) => m[key] === value)
      .map((m) => m.content);
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');
  return { res, html, attrs, meta, ld };
}

/** Every URL named by src and srcset attributes. */
const urlsOf = (elements: Record<string, string>[]) =>
  elements.flatMap((e) => [
    ...(e.src ? [e.src] : []),
    ...(e.srcset ? e.srcset.split(', ').map((part) => part.split(' ')[0] as string) : []),
  ]);

describe('a lead photo published to R2', () => {
  it('the HTML page shows it as <picture>: AVIF and WebP sources, JPEG fallback, original size, high priority', async () => {
    const { html, attrs } = await page(articlePath(PHOTO.slug));
    expect(html).toMatch(/<figure><picture><source type="image\/avif"/);
    const [avif, webp] = attrs('source');
    expect(avif?.type).toBe('image/avif');
    expect(avif?.srcset).toBe(
      '/media/img/0a1b2c3d4e5f6a7b/480.avif 480w, /media/img/0a1b2c3d4e5f6a7b/800.avif 800w, /media/img/0a1b2c3d4e5f6a7b/1200.avif 1200w, /media/img/0a1b2c3d4e5f6a7b/1600.avif 1600w',
    );
    expect(webp?.type).toBe('image/webp');
    expect(avif?.sizes).toContain('44rem');
    const img = attrs('img').find((i) => i.src?.startsWith('/media/'));
    expect(img).toMatchObject({
      src: '/media/img/0a1b2c3d4e5f6a7b/1200.jpg',
      width: '1600',
      height: '900',
      alt: 'رسم توضيحي للاختبار',
      fetchpriority: 'high',
    });
    expect(img?.loading).toBeUndefined();
    expect(html).not.toContain('<figure><img');
    // Only the lead image is fetched early.
    expect(html.match(/fetchpriority="high"/g)).toHaveLength(1);
  });

  it('every image URL on the HTML and AMP page is served from R2', async () => {
    const html = await page(articlePath(PHOTO.slug));
    const amp = await page(ampPath(PHOTO.slug));
    const urls = new Set(
      [...urlsOf(html.attrs('source')), ...urlsOf(html.attrs('img')), ...urlsOf(amp.attrs('amp-img'))].filter((u) =>
        u.startsWith('/media/'),
      ),
    );
    expect(urls.size).toBe(12);
    for (const url of urls) {
      const res = await site.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('Content-Type'), url).toMatch(/^image\/(avif|webp|jpeg)$/);
    }
  });

  it('the AMP page uses amp-img with a WebP srcset and a JPEG fallback, sized as the original', async () => {
    const { attrs } = await page(ampPath(PHOTO.slug));
    const [lead, fallback] = attrs('amp-img');
    expect(lead).toMatchObject({ width: '1600', height: '900', layout: 'responsive' });
    expect(lead?.srcset).toContain('/media/img/0a1b2c3d4e5f6a7b/800.webp 800w');
    expect(fallback).toMatchObject({ fallback: '' });
    expect(fallback?.srcset).toContain('/media/img/0a1b2c3d4e5f6a7b/800.jpg 800w');
  });

  it('a photo in the body is a lazy <picture> too, with its alt and title, and never fetched early', async () => {
    const { html, attrs } = await page(articlePath(PHOTO.slug));
    const body = html.slice(html.indexOf('</figure>'));
    expect(body).toMatch(/<picture><source type="image\/avif" srcset="\/media\/img\/0a1b2c3d4e5f6a7b\/480\.avif 480w/);
    const img = attrs('img').find((i) => i.alt === BODY_PHOTO.alt);
    expect(img).toMatchObject({
      src: '/media/img/0a1b2c3d4e5f6a7b/1200.jpg',
      title: BODY_PHOTO.title,
      width: '1600',
      height: '900',
      loading: 'lazy',
    });
    expect(img?.srcset).toContain('/media/img/0a1b2c3d4e5f6a7b/480.jpg 480w');
    expect(img?.fetchpriority).toBeUndefined();
    expect(html).not.toContain(`src="${BODY_PHOTO.src}"`);
  });

  it('the AMP page shows the body photo as amp-img with a WebP srcset', async () => {
    const { attrs } = await page(ampPath(PHOTO.slug));
    const body = attrs('amp-img').find((i) => i.alt === BODY_PHOTO.alt && i.title === BODY_PHOTO.title);
    expect(body).toMatchObject({ width: '1600', height: '900', layout: 'responsive' });
    expect(body?.srcset).toContain('/media/img/0a1b2c3d4e5f6a7b/480.webp 480w');
  });

  it('og:image, twitter:image and the JSON-LD image are the absolute share card URL, 1200 × 630', async () => {
    for (const path of [articlePath(PHOTO.slug), ampPath(PHOTO.slug)]) {
      const { meta, ld } = await page(path);
      const card = `${SITE}/media/${FIXTURE_CARD}`;
      expect(meta('property', 'og:image')).toEqual([card]);
      expect(meta('property', 'og:image:width')).toEqual(['1200']);
      expect(meta('property', 'og:image:height')).toEqual(['630']);
      expect(meta('property', 'og:image:alt')).toEqual([`رسم توضيحي للاختبار — ${PHOTO.title}`]);
      expect(meta('name', 'twitter:card')).toEqual(['summary_large_image']);
      expect(meta('name', 'twitter:image')).toEqual([card]);
      expect(ld.image).toEqual([{ '@type': 'ImageObject', url: card, width: 1200, height: 630 }]);
    }
  });

  it('the JSON API gives the default URL, the original size and every variant', async () => {
    const res = await site.request(apiArticlePath(PHOTO.slug));
    const body = (await res.json()) as { image: Record<string, unknown>; card: string };
    expect(body.image).toMatchObject({
      url: `${SITE}/media/img/0a1b2c3d4e5f6a7b/1200.jpg`,
      alt: 'رسم توضيحي للاختبار',
      caption: 'تعليق الصورة الرئيسية',
      width: 1600,
      height: 900,
    });
    expect(body.image.sources).toHaveLength(FIXTURE_MEDIA.variants.length);
    expect(body.image.sources).toContainEqual({
      url: `${SITE}/media/img/0a1b2c3d4e5f6a7b/480.avif`,
      width: 480,
      height: 270,
      type: 'image/avif',
      bytes: 4800,
    });
    expect(body.card).toBe(`${SITE}/media/${FIXTURE_CARD}`);
  });

  it('the JSON API body shows its photo from absolute URLs, every srcset candidate included', async () => {
    const res = await site.request(apiArticlePath(PHOTO.slug));
    const { html } = (await res.json()) as { html: string };
    const elements = await elementsOf(html);
    const urls = urlsOf(
      elements.filter((e) => ['img', 'source'].includes(e.tag)).map((e) => Object.fromEntries(e.attributes)),
    );
    expect(urls).toContain(`${SITE}/media/img/0a1b2c3d4e5f6a7b/480.avif`);
    expect(urls.filter((url) => !url.startsWith('https://'))).toEqual([]);
  });
});

describe('an article without a photo', () => {
  it('still shares a large card: its branded PNG', async () => {
    const { meta, ld } = await page(articlePath(NO_IMAGE.slug));
    const card = `${SITE}/media/${NO_IMAGE.card}`;
    expect(meta('property', 'og:image')).toEqual([card]);
    expect(meta('property', 'og:image:alt')).toEqual([NO_IMAGE.title]);
    expect(meta('name', 'twitter:card')).toEqual(['summary_large_image']);
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: card, width: 1200, height: 630 }]);
    expect((await site.request(`/media/${NO_IMAGE.card}`)).headers.get('Content-Type')).toBe('image/png');
  });
});
