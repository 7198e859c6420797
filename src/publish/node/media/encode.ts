/** Encoder settings for published variants, chosen for size at a publish-time cost measured in the bench. */
import type { AvifOptions, JpegOptions, PngOptions, Sharp, WebpOptions } from 'sharp';
import type { RasterType } from '../../../media/types.ts';

/**
 * AVIF at effort 2 of 9: several times faster than sharp's default 4 for files of nearly the same size, since a
 * publish encodes every width of every photo. Quality 50 is sharp's default. The bench's photos section
 * (bench/README.md) measures publish time and bytes.
 */
export const AVIF = { quality: 50, effort: 2 } satisfies AvifOptions;
export const WEBP = { quality: 78, effort: 4 } satisfies WebpOptions;
export const JPEG = { quality: 80, mozjpeg: true } satisfies JpegOptions;
export const PNG = { compressionLevel: 9, adaptiveFiltering: true } satisfies PngOptions;

/** Encodes a pipeline in one of the stored content types. Output carries no metadata (sharp's default). */
export function encodeAs(pipeline: Sharp, type: RasterType): Sharp {
  switch (type) {
    case 'image/avif':
      return pipeline.avif(AVIF);
    case 'image/webp':
      return pipeline.webp(WEBP);
    case 'image/jpeg':
      return pipeline.jpeg(JPEG);
    case 'image/png':
      return pipeline.png(PNG);
  }
}
