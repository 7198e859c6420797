/**
 * Published images in pages: `<picture>` with AVIF and WebP sources for HTML, `amp-img` with srcset for AMP. Built
 * with the JSX runtime's `jsx()` rather than JSX syntax, so that Node (the publish step's render-budget check runs
 * the markdown renderer, which uses these for body photos) can load this file without a compiler. The runtime the
 * compiled .tsx views use, not `hono/jsx` itself: that index also brings hono's client-side DOM renderer and
 * hooks, 7 KiB gzip in the Worker (tests/node/bundle.test.ts).
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
}

/**
 * An image as `<picture>`: AVIF, then WebP, then the JPEG/PNG `<img>` that older browsers use. Width and height
 * come from the original, so the browser reserves the right box before any byte arrives (no layout shift).
 */
export function Picture({ image, sizes = COLUMN_SIZES, lead = false, title }: PictureProps): JSXNode {
  const fallbacks = variantsOf(image, image.fallback.contentType);
  const sources = (['image/avif', 'image/webp'] as const).flatMap((type) => {
    const variants = variantsOf(image, type);
    return variants.length > 0 ? [jsx('source', { type, srcset: srcset(variants), sizes })] : [];
  });
  const img = jsx('img', {
    src: mediaPath(image.fallback.key),
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
 * runtime get a plain `<img>`. `layout="responsive"` with the original's width and height keeps the box stable.
 */
export function AmpPicture({ image, sizes = COLUMN_SIZES, title }: Omit<PictureProps, 'lead'>): JSXNode {
  const webp = variantsOf(image, 'image/webp');
  const fallbacks = variantsOf(image, image.fallback.contentType);
  const box = { width: image.width, height: image.height, layout: 'responsive' };
  const primary = webp.length > 0 ? webp : fallbacks;
  const largest = (variants: ImageVariant[]) => mediaPath((variants.at(-1) ?? image.fallback).key);
  const fallback =
    webp.length > 0
      ? [
          jsx('amp-img', {
            fallback: '',
            alt: image.alt,
            src: largest(fallbacks),
            srcset: srcset(fallbacks),
            sizes,
            ...box,
          }),
        ]
      : [];
  const noscript = jsx('noscript', {
    children: jsx('img', {
      src: mediaPath(image.fallback.key),
      alt: image.alt,
      width: image.width,
      height: image.height,
      decoding: 'async',
    }),
  });
  return jsx('amp-img', {
    alt: image.alt,
    title,
    src: largest(primary),
    srcset: srcset(primary),
    sizes,
    'disable-inline-width': '',
    ...box,
    children: [...fallback, noscript],
  });
}
