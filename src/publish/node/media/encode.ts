/** Encoder settings for published variants, chosen for size at a publish-time cost measured in the bench. */
import type { AvifOptions, JpegOptions, PngOptions, Sharp, WebpOptions } from 'sharp';
import type { RasterType } from '../../../media/types.ts';

/**
 * AVIF at effort 2 of 9. Measured on a 2400 × 1600 photo-like image (scripts/bench-media.ts): the four AVIF
 * widths take about 2 s of CPU at effort 2 against about 20 s at sharp's default 4, for files within 10 % of the
 * size; effort 3 costs 2.6 times effort 2 for 2 % smaller files. Quality 50 (sharp's default) comes out
 * near WebP 78 and JPEG 80 in PSNR at a bit over half their bytes.
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
