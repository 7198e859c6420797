/**
 * Published images in pages: `<picture>` with AVIF and WebP sources for HTML, `amp-img` with srcset for AMP. Built
 * with the JSX runtime's `jsx()` rather than JSX syntax, so that Node (the publish step's render-budget check runs
 * the markdown renderer, which uses these for body photos) can load this file without a compiler. The runtime the
 * compiled .tsx views use, not `hono/jsx` itself: that index also brings hono's client-side DOM renderer and
 * hooks, which the Worker would carry unused (tests/node/bundle.test.ts keeps the bundle within its budget).
 */
import type { JSXNode } from 'hono/jsx';
import { jsx } from 'hono/jsx/jsx-runtime';
import { mediaPath } from './keys.ts';
import { type ImageManifest, type ImageVariant, variantsOf } from './types.ts';

/**
 * `sizes` for an image as wide as the article column: the full viewport less the page padding on phones, the
 * column's 46rem less padding (704 px) on wider screens.
 */
export const COLUMN_SIZES = '(max-width: 46rem) calc(100vw - 2rem), 44rem';

/** `url 480w, url 800w, …` for variants of one type. */
export function srcset(variants: ImageVariant[]): string {
  return variants.map((v) => `${mediaPath(v.key)} ${v.width}w`).join(', ');
}

export interface PictureProps {
  image: ImageManifest;
  /** Rendered width of the image, as a `sizes` attribute; the article column by default. */
  sizes?: string;
  /** The lead image: fetched early (`fetchpriority="high"`) and never lazily. Only one per page. */
  lead?: boolean;
  /** Advisory text (markdown's `![alt](src "title")`), shown on hover. */
  title?: string | undefined;
  /**
   * Largest variant width worth offering, for an image shown small (a thumbnail needs no 1600 px file): keeps
   * the markup of a list of thumbnails short. The smallest variant is always offered.
   */
  upTo?: number;
}

/** The variants of one type no wider than `upTo`, or the smallest one when every variant is wider. */
function upToWidth(variants: ImageVariant[], upTo: number | undefined): ImageVariant[] {
  if (upTo === undefined) return variants;
  const fitting = variants.filter((v) => v.width <= upTo);
  return fitting.length > 0 ? fitting : variants.slice(0, 1);
}

/**
 * An image as `<picture>`: AVIF, then WebP, then the JPEG/PNG `<img>` that older browsers use. Width and height
 * come from the original, so the browser reserves the right box before any byte arrives (no layout shift).
 */
export function Picture({ image, sizes = COLUMN_SIZES, lead = false, title, upTo }: PictureProps): JSXNode {
  const fallbacks = upToWidth(variantsOf(image, image.fallback.contentType), upTo);
  const sources = (['image/avif', 'image/webp'] as const).flatMap((type) => {
    const variants = upToWidth(variantsOf(image, type), upTo);
    return variants.length > 0 ? [jsx('source', { type, srcset: srcset(variants), sizes })] : [];
  });
  // A small image's default file is its largest offered variant, not the 1200 px fallback.
  const src = upTo === undefined ? image.fallback : (fallbacks.at(-1) ?? image.fallback);
  const img = jsx('img', {
    src: mediaPath(src.key),
    srcset: srcset(fallbacks),
    sizes,
    alt: image.alt,
    title,
    width: image.width,
    height: image.height,
    decoding: 'async',
    fetchpriority: lead ? 'high' : undefined,
    loading: lead ? undefined : 'lazy',
  });
  return jsx('picture', { children: [...sources, img] });
}

/**
 * The AMP form: `amp-img` picks a WebP width from srcset (AMP's runtime and every browser that runs it read
 * WebP); a `fallback` child with the JPEG/PNG variants covers the rest, and `<noscript>` readers without the
 * runtime get a plain `<img>`. `layout="responsive"` with the original's width and height keeps the box stable;
 * `fill` instead fills (and crops to) a box the page's CSS sizes, as thumbnails do.
 */
export function AmpPicture({
  image,
  sizes = COLUMN_SIZES,
  title,
  upTo,
  fill = false,
}: Omit<PictureProps, 'lead'> & { fill?: boolean }): JSXNode {
  const webp = upToWidth(variantsOf(image, 'image/webp'), upTo);
  const fallbacks = upToWidth(variantsOf(image, image.fallback.contentType), upTo);
  const box = fill
    ? { layout: 'fill', 'object-fit': 'cover' }
    : { width: image.width, height: image.height, layout: 'responsive' };
  const primary = webp.length > 0 ? webp : fallbacks;
  const largest = (variants: ImageVariant[]) => (variants.at(-1) ?? image.fallback).key;
  const fallback =
    webp.length > 0
      ? [
          jsx('amp-img', {
            fallback: '',
            alt: image.alt,
            src: mediaPath(largest(fallbacks)),
            srcset: srcset(fallbacks),
            sizes,
            ...box,
          }),
        ]
      : [];
  const noscript = jsx('noscript', {
    children: jsx('img', {
      src: mediaPath(upTo === undefined ? image.fallback.key : largest(fallbacks)),
      alt: image.alt,
      width: image.width,
      height: image.height,
      decoding: 'async',
      loading: fill ? 'lazy' : undefined,
    }),
  });
  return jsx('amp-img', {
    alt: image.alt,
    title,
    src: mediaPath(largest(primary)),
    srcset: srcset(primary),
    sizes,
    'disable-inline-width': '',
    ...box,
    children: [...fallback, noscript],
  });
}
