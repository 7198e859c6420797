/** The serializable description of a published image and its variants: stored with the article, read by views. */

/** Content types the publisher writes to R2, and the only ones the media route serves. */
export type RasterType = 'image/avif' | 'image/webp' | 'image/jpeg' | 'image/png';

/** One encoded file in R2. */
export interface ImageVariant {
  /** R2 key, content-hashed, e.g. `img/3f2a9c0d4e5b6a71/800.webp`; served at `/media/<key>`. */
  key: string;
  width: number;
  height: number;
  contentType: RasterType;
  /** Size of the file in bytes. */
  bytes: number;
}

/** What processing measured and produced for one source image (no editorial text). */
export interface MediaImage {
  /** Version of the manifest shape. */
  v: 1;
  /** First 16 hex digits of SHA-256 over the processing settings version and the source bytes. */
  hash: string;
  /** Size of the image as published: the source after EXIF orientation (SVG: its rasterized size). */
  width: number;
  height: number;
  /** Every variant, ascending by width within each content type. */
  variants: ImageVariant[];
  /** The `<img src>` default and what social cards and JSON point at: JPEG, or PNG for images with transparency. */
  fallback: ImageVariant;
}

/** A published image as the article stores it: the processed image plus its alternative text. */
export interface ImageManifest extends MediaImage {
  alt: string;
}

/** The variants of one content type, ascending by width. */
export function variantsOf(image: MediaImage, contentType: RasterType): ImageVariant[] {
  return image.variants.filter((v) => v.contentType === contentType).sort((a, b) => a.width - b.width);
}

/** Size of every share card (og:image, twitter:image): the 1.91:1 shape social networks show large. */
export const SHARE_CARD = { width: 1200, height: 630 } as const;

/** Pixel size of an image, measured from the file at build time. */
export interface ImageSize {
  width: number;
  height: number;
  /** Media-folder images: the source hash (src/media/keys.ts), so a replaced photo of the same size is noticed. */
  hash?: string;
  /** Media-folder body images once published: the URL path of the default variant (JPEG/PNG). */
  src?: string;
  /** Media-folder body images once published: every variant, for `<picture>` and AMP `srcset`. */
  media?: MediaImage;
}
