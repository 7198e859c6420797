import { describe, expect, it } from 'vitest';
import { AmpPicture, COLUMN_SIZES, Picture } from '../../src/media/picture.ts';
import type { ImageManifest, ImageVariant, RasterType } from '../../src/media/types.ts';
import { renderFragment } from '../../src/render/document.ts';
import { imageJson } from '../../src/render/image-json.ts';
import { type ElementInfo, elementsOf } from '../helpers/html.ts';

const HASH = '0123456789abcdef';
const EXT: Record<RasterType, string> = {
  'image/avif': 'avif',
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

function manifest(
  widths: number[],
  fallbackType: RasterType = 'image/jpeg',
  alt = 'كيم وبوتين في فلاديفوستوك',
): ImageManifest {
  const variants: ImageVariant[] = (['image/avif', 'image/webp', fallbackType] as const).flatMap((contentType) =>
    widths.map((width) => ({
      key: `img/${HASH}/${width}.${EXT[contentType]}`,
      width,
      height: Math.round((width * 2) / 3),
      contentType,
      bytes: width * 10,
    })),
  );
  const fallback = variants.filter((v) => v.contentType === fallbackType && v.width <= 1200).at(-1) as ImageVariant;
  return { v: 1, hash: HASH, width: 2400, height: 1600, alt, variants, fallback };
}

const attrs = (el: ElementInfo | undefined) => Object.fromEntries(el?.attributes ?? []);
const render = async (node: Parameters<typeof renderFragment>[0]) => elementsOf(renderFragment(node));

describe('<Picture>', () => {
  it('offers AVIF then WebP sources with srcset and sizes, and a JPEG <img> sized from the original', async () => {
    const els = await render(<Picture image={manifest([480, 800, 1200, 1600])} lead />);
    expect(els.map((e) => e.tag)).toEqual(['picture', 'source', 'source', 'img']);
    const [, avif, webp, img] = els.map(attrs);
    expect(avif).toEqual({
      type: 'image/avif',
      srcset: `/media/img/${HASH}/480.avif 480w, /media/img/${HASH}/800.avif 800w, /media/img/${HASH}/1200.avif 1200w, /media/img/${HASH}/1600.avif 1600w`,
      sizes: COLUMN_SIZES,
    });
    expect(webp?.type).toBe('image/webp');
    expect(webp?.srcset).toContain(`/media/img/${HASH}/480.webp 480w`);
    expect(img).toMatchObject({
      src: `/media/img/${HASH}/1200.jpg`,
      alt: 'كيم وبوتين في فلاديفوستوك',
      width: '2400',
      height: '1600',
      sizes: COLUMN_SIZES,
      fetchpriority: 'high',
    });
    expect(img?.srcset).toBe(
      `/media/img/${HASH}/480.jpg 480w, /media/img/${HASH}/800.jpg 800w, /media/img/${HASH}/1200.jpg 1200w, /media/img/${HASH}/1600.jpg 1600w`,
    );
    expect(img).not.toHaveProperty('loading');
  });

  it('asks for high priority only on the lead image; others load lazily', async () => {
    const img = attrs((await render(<Picture image={manifest([480])} />)).find((e) => e.tag === 'img'));
    expect(img).not.toHaveProperty('fetchpriority');
    expect(img.loading).toBe('lazy');
  });

  it('uses the PNG variants for an image with transparency, and the sizes it is given', async () => {
    const els = await render(<Picture image={manifest([300], 'image/png')} sizes="300px" />);
    const img = attrs(els.find((e) => e.tag === 'img'));
    expect(img.src).toBe(`/media/img/${HASH}/300.png`);
    expect(img.srcset).toBe(`/media/img/${HASH}/300.png 300w`);
    expect(els.filter((e) => e.tag === 'source').map((e) => attrs(e).sizes)).toEqual(['300px', '300px']);
  });

  it('escapes the alternative text', async () => {
    const html = renderFragment(<Picture image={manifest([480], 'image/jpeg', '"><script>alert(1)</script>')} />);
    expect(html).not.toContain('<script>');
    // HTMLRewriter shows attribute values as written: the quote and brackets stay entities inside the attribute.
    const img = attrs((await elementsOf(html)).find((e) => e.tag === 'img'));
    expect(img.alt).toBe('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('<Picture upTo>', () => {
  it('offers only the variants up to that width, with the largest of them as the default file', async () => {
    const els = await render(<Picture image={manifest([480, 800, 1200, 1600])} sizes="7rem" upTo={800} />);
    const [, avif, webp, img] = els.map(attrs);
    expect(avif?.srcset).toBe(`/media/img/${HASH}/480.avif 480w, /media/img/${HASH}/800.avif 800w`);
    expect(webp?.srcset).toBe(`/media/img/${HASH}/480.webp 480w, /media/img/${HASH}/800.webp 800w`);
    expect(img).toMatchObject({ src: `/media/img/${HASH}/800.jpg`, width: '2400', height: '1600', loading: 'lazy' });
  });

  it('still offers the smallest variant when every one is wider', async () => {
    const img = attrs(
      (await render(<Picture image={manifest([800, 1200])} upTo={480} />)).find((e) => e.tag === 'img'),
    );
    expect(img.srcset).toBe(`/media/img/${HASH}/800.jpg 800w`);
    expect(img.src).toBe(`/media/img/${HASH}/800.jpg`);
  });
});

describe('<AmpPicture>', () => {
  it('is a responsive amp-img over the WebP widths, with a JPEG fallback and a noscript <img>', async () => {
    const html = renderFragment(<AmpPicture image={manifest([480, 800, 1200, 1600])} />);
    const els = await elementsOf(html);
    // The runtime's parser, like a browser with scripting on, reads <noscript> content as text.
    expect(els.map((e) => e.tag)).toEqual(['amp-img', 'amp-img', 'noscript']);
    const [main, fallback] = els.map(attrs);
    expect(main).toMatchObject({
      src: `/media/img/${HASH}/1600.webp`,
      width: '2400',
      height: '1600',
      layout: 'responsive',
      sizes: COLUMN_SIZES,
      alt: 'كيم وبوتين في فلاديفوستوك',
    });
    expect(main?.srcset).toBe(
      `/media/img/${HASH}/480.webp 480w, /media/img/${HASH}/800.webp 800w, /media/img/${HASH}/1200.webp 1200w, /media/img/${HASH}/1600.webp 1600w`,
    );
    expect(fallback).toMatchObject({ fallback: '', layout: 'responsive', width: '2400', height: '1600' });
    expect(fallback?.srcset).toContain(`/media/img/${HASH}/800.jpg 800w`);
    expect(html).toMatch(
      new RegExp(
        `<noscript><img src="/media/img/${HASH}/1200.jpg" alt="[^"]+" width="2400" height="1600"[^>]*></noscript>`,
      ),
    );
  });
});

describe('<AmpPicture fill>', () => {
  it('fills and crops the box the CSS sizes, with small files only and a lazy noscript <img>', async () => {
    const html = renderFragment(<AmpPicture image={manifest([480, 800, 1200])} sizes="7rem" upTo={480} fill />);
    const [main, fallback] = (await elementsOf(html)).map(attrs);
    expect(main).toMatchObject({ layout: 'fill', 'object-fit': 'cover', src: `/media/img/${HASH}/480.webp` });
    expect(main).not.toHaveProperty('width');
    expect(fallback).toMatchObject({ layout: 'fill', srcset: `/media/img/${HASH}/480.jpg 480w` });
    expect(html).toMatch(/<noscript><img src="\/media\/img\/[0-9a-f]+\/480.jpg"[^>]* loading="lazy"\/?><\/noscript>/);
  });
});

describe('imageJson', () => {
  it('gives absolute URLs from SITE_URL for the default file and every variant, with their sizes', () => {
    const json = imageJson(manifest([480, 800]), 'https://al-ayyam.example');
    expect(json).toMatchObject({
      url: `https://al-ayyam.example/media/img/${HASH}/800.jpg`,
      width: 2400,
      height: 1600,
    });
    expect(json.sources).toContainEqual({
      url: `https://al-ayyam.example/media/img/${HASH}/480.avif`,
      width: 480,
      height: 320,
      type: 'image/avif',
      bytes: 4800,
    });
    expect(json.sources).toHaveLength(6);
  });
});
