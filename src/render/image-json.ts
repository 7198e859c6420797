/** A published image in the JSON API: absolute URLs and sizes of the default file and of every variant. */
import { mediaPath } from '../media/keys.ts';
import type { ImageManifest, RasterType } from '../media/types.ts';
import { absoluteUrl } from '../paths.ts';

export interface ImageSourceJson {
  url: string;
  width: number;
  height: number;
  type: RasterType;
  bytes: number;
}

export interface ImageJson {
  /** The JPEG (or PNG) every client can show, about 1200 px wide. */
  url: string;
  alt: string;
  /** Size of the original, for the aspect ratio. */
  width: number;
  height: number;
  /** Every variant, so an app can pick its format and width. */
  sources: ImageSourceJson[];
}

/** The JSON form of an image; URLs are built from SITE_URL. */
export function imageJson(image: ImageManifest, siteUrl: string): ImageJson {
  const url = (key: string) => absoluteUrl(siteUrl, mediaPath(key));
  return {
    url: url(image.fallback.key),
    alt: image.alt,
    width: image.width,
    height: image.height,
    sources: image.variants.map((v) => ({
      url: url(v.key),
      width: v.width,
      height: v.height,
      type: v.contentType,
      bytes: v.bytes,
    })),
  };
}
