/** Published images in pages: `<picture>` with AVIF and WebP sources for HTML, `amp-img` with srcset for AMP. */
import { mediaPath } from '../media/keys.ts';
import { type ImageManifest, type ImageVariant, variantsOf } from '../media/types.ts';

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
}

/**
 * An image as `<picture>`: AVIF, then WebP, then the JPEG/PNG `<img>` that older browsers use. Width and height
 * come from the original, so the browser reserves the right box before any byte arrives (no layout shift).
 */
export function Picture({ image, sizes = COLUMN_SIZES, lead = false }: PictureProps) {
  const fallbacks = variantsOf(image, image.fallback.contentType);
  return (
    <picture>
      {(['image/avif', 'image/webp'] as const).map((type) => {
        const variants = variantsOf(image, type);
        return variants.length > 0 ? <source type={type} srcset={srcset(variants)} sizes={sizes} /> : null;
      })}
      <img
        src={mediaPath(image.fallback.key)}
        srcset={srcset(fallbacks)}
        sizes={sizes}
        alt={image.alt}
        width={image.width}
        height={image.height}
        decoding="async"
        fetchpriority={lead ? 'high' : undefined}
        loading={lead ? undefined : 'lazy'}
      />
    </picture>
  );
}

/**
 * The AMP form: `amp-img` picks a WebP width from srcset (AMP's runtime and every browser that runs it read
 * WebP); a `fallback` child with the JPEG/PNG variants covers the rest, and `<noscript>` readers without the
 * runtime get a plain `<img>`. `layout="responsive"` with the original's width and height keeps the box stable.
 */
export function AmpPicture({ image, sizes = COLUMN_SIZES }: Omit<PictureProps, 'lead'>) {
  const webp = variantsOf(image, 'image/webp');
  const fallbacks = variantsOf(image, image.fallback.contentType);
  const box = { width: image.width, height: image.height, layout: 'responsive' };
  const primary = webp.length > 0 ? webp : fallbacks;
  const largest = (variants: ImageVariant[]) => mediaPath((variants.at(-1) ?? image.fallback).key);
  return (
    <amp-img
      alt={image.alt}
      src={largest(primary)}
      srcset={srcset(primary)}
      sizes={sizes}
      disable-inline-width=""
      {...box}
    >
      {webp.length > 0 ? (
        <amp-img
          fallback=""
          alt={image.alt}
          src={largest(fallbacks)}
          srcset={srcset(fallbacks)}
          sizes={sizes}
          {...box}
        />
      ) : null}
      <noscript>
        <img
          src={mediaPath(image.fallback.key)}
          alt={image.alt}
          width={image.width}
          height={image.height}
          decoding="async"
        />
      </noscript>
    </amp-img>
  );
}
