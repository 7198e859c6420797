/** The content check for one image file: type by content, size and pixel limits, read from headers only. */
import sharp, { type Metadata } from 'sharp';
import { formatBytes, formatMegapixels, MAX_SOURCE_BYTES, MAX_SOURCE_PIXELS, SVG_RASTER_WIDTH } from './limits.ts';
import { FORMAT_NAMES, type SourceFormat, sniffFormat } from './sniff.ts';

/** An image that passed the check, with what decoding it needs to know. */
export interface CheckedImage {
  format: SourceFormat;
  /** Size after EXIF orientation (SVG: the size it will be rasterized at). */
  width: number;
  height: number;
  /** SVG only: the density that rasterizes it at `width` pixels. */
  density?: number;
}

/** A refusal, worded for the editor: the content check prints it as `file: image.src: <problem>`. */
export interface ImageProblem {
  problem: string;
}

/** sharp's name for each format (AVIF is read by the HEIF loader). */
const SHARP_FORMATS: Record<SourceFormat, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  gif: 'gif',
  svg: 'svg',
};

const ACCEPTED = 'JPEG, PNG, WebP, AVIF, GIF or SVG';

/**
 * The checks that need no decoder, run synchronously: byte size, then the type by content (and no XML entities
 * in an SVG). Returns the format, or the problem.
 */
export function sniffImage(bytes: Uint8Array, name: string): SourceFormat | ImageProblem {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    return {
      problem: `"${name}" is ${formatBytes(bytes.byteLength)}; images may be at most ${formatBytes(MAX_SOURCE_BYTES)}`,
    };
  }
  const format = sniffFormat(bytes);
  if (!format) return { problem: `"${name}" is not a ${ACCEPTED} image (judged by its content, not its name)` };
  if (format === 'svg' && /<!ENTITY/i.test(new TextDecoder().decode(bytes))) {
    return { problem: `"${name}" is an SVG that declares XML entities, which are not allowed` };
  }
  return format;
}

/** Checks an image without decoding its pixels: refuses what is too big, not an image, or not what it claims. */
export async function checkImage(bytes: Uint8Array, name: string): Promise<CheckedImage | ImageProblem> {
  const format = sniffImage(bytes, name);
  if (typeof format !== 'string') return format;

  let meta: Metadata;
  try {
    // Reading the header only: the pixel limit is ours to check, with a message the editor can act on.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return { problem: `"${name}" cannot be read as ${FORMAT_NAMES[format]}: ${(error as Error).message}` };
  }
  if (meta.format !== SHARP_FORMATS[format] || !meta.width || !meta.height) {
    return { problem: `"${name}" cannot be read as ${FORMAT_NAMES[format]}` };
  }

  // Orientations 5-8 swap width and height.
  const swap = (meta.orientation ?? 1) >= 5;
  let width = swap ? meta.height : meta.width;
  let height = swap ? meta.width : meta.height;
  let density: number | undefined;
  if (format === 'svg') {
    // Vector art has no pixel size of its own: draw it as wide as the largest variant.
    density = (72 * SVG_RASTER_WIDTH) / width;
    if (density < 1 || density > 100_000) {
      return {
        problem: `"${name}" is an SVG ${width}×${height} pixels wide; draw it between 2 and 100,000 pixels wide`,
      };
    }
    height = Math.max(1, Math.round((height * SVG_RASTER_WIDTH) / width));
    width = SVG_RASTER_WIDTH;
  }
  if (width * height > MAX_SOURCE_PIXELS) {
    return {
      problem:
        `"${name}" is ${width}×${height} pixels (${formatMegapixels(width * height)} megapixels); ` +
        `images may have at most ${formatMegapixels(MAX_SOURCE_PIXELS)} megapixels`,
    };
  }
  return density === undefined ? { format, width, height } : { format, width, height, density };
}
